package eu.eurocities.site.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever path a page is given, the staged output writes only inside the output folder; a swap that a killed build
 * left at any step is undone (or, in place once the new files were moving in, finished) by the next one, and the
 * files the folder keeps come back with it; nothing is written once the output is closed.
 */
class StagedDiskOutputTest {
    @TempDir
    Path tmp;

    @Test
    void aPathOutsideTheOutputFolderIsRefused() throws IOException {
        try (StagedDiskOutput output = new StagedDiskOutput(tmp.resolve("site"))) {
            byte[] page = "x".getBytes(StandardCharsets.UTF_8);
            for (String path : new String[] {"../../out/index.html", "members/../../out.html", "..", ""}) {
                IOException e = assertThrows(IOException.class, () -> output.write(path, page), path);
                assertEquals(
                        "refused to write " + path + ": it is not a file inside the output folder", e.getMessage());
            }
            for (String path : new String[] {".git/HEAD", ".eurocities-site.old/x"}) {
                IOException e = assertThrows(IOException.class, () -> output.write(path, page), path);
                assertEquals(
                        "refused to write " + path + ": the output folder keeps its own " + path.split("/")[0],
                        e.getMessage());
            }
            output.write("members/./full/../full/index.html", page);
            output.commit();
        }
        assertTrue(Files.isRegularFile(tmp.resolve("site/members/full/index.html")));
        assertEquals(List.of("site"), names(tmp));
    }

    @Test
    void aCnameFromStaticIsWrittenWhereTheOutputFolderHasNoneAndTheFoldersOwnIsKeptOtherwise() throws IOException {
        byte[] mine = "static.example.org".getBytes(StandardCharsets.UTF_8);
        try (StagedDiskOutput output = new StagedDiskOutput(tmp.resolve("site"))) {
            output.write("CNAME", mine);
            output.write(".nojekyll", new byte[0]);
            output.write("index.html", mine);
            output.commit();
        }
        assertEquals("static.example.org", Files.readString(tmp.resolve("site/CNAME")));
        assertTrue(Files.isRegularFile(tmp.resolve("site/.nojekyll")));
        Files.writeString(tmp.resolve("site/CNAME"), "own.example.org");
        try (StagedDiskOutput output = new StagedDiskOutput(tmp.resolve("site"))) {
            output.write("CNAME", mine);
            output.write("index.html", mine);
            output.commit();
        }
        assertEquals("own.example.org", Files.readString(tmp.resolve("site/CNAME")));
    }

    /** A file written as it is made: equal to the previous build's, it is linked to it; else it is written. */
    @Test
    void aStreamedFileEqualToThePreviousBuildsIsLinkedAndAChangedOneWritten() throws IOException {
        try (StagedDiskOutput output = new StagedDiskOutput(tmp.resolve("site"))) {
            output.write("members.csv", out -> out.write(bytes("a,b\r\n")));
            output.write("members.json", out -> out.write(bytes("[]\n")));
            assertEquals(new StagedDiskOutput.Summary(2, 0, 0), output.commit());
        }
        Object csvBefore = Files.getAttribute(tmp.resolve("site/members.csv"), "unix:ino");
        try (StagedDiskOutput output = new StagedDiskOutput(tmp.resolve("site"))) {
            output.write("members.csv", out -> {
                out.write(bytes("a,"));
                out.write(bytes("b\r\n"));
            });
            output.write("members.json", out -> out.write(bytes("[1]\n")));
            assertEquals(new StagedDiskOutput.Summary(1, 1, 0), output.commit());
        }
        assertEquals("a,b\r\n", Files.readString(tmp.resolve("site/members.csv")));
        assertEquals(csvBefore, Files.getAttribute(tmp.resolve("site/members.csv"), "unix:ino"));
        assertEquals("[1]\n", Files.readString(tmp.resolve("site/members.json")));
        assertEquals(List.of("site"), names(tmp));
    }

    @Test
    void nothingIsWrittenOnceTheOutputIsClosedAndTheStagingFolderIsGone() throws IOException {
        StagedDiskOutput output = new StagedDiskOutput(tmp.resolve("site"));
        output.write("index.html", bytes("x"));
        assertEquals(List.of(".site.staging"), names(tmp));
        output.close();
        IOException e = assertThrows(IOException.class, () -> output.write("a.html", bytes("a")));
        assertEquals("refused to write a.html: the build has stopped", e.getMessage());
        assertEquals(List.of(), names(tmp));
    }

    /** Killed after the output folder was renamed aside and its .git moved into the staging folder. */
    @Test
    void aSwapBesideTheFolderStoppedBetweenItsRenamesIsUndone() throws IOException {
        Path out = tmp.resolve("site");
        Map<String, String> before = previousSite(out);
        OutputPlace place = OutputPlace.of(out);
        Path staging = place.staging(1);
        Path old = place.old(1);
        new StagedDiskOutput(out).write("index.html", bytes("new home"));
        Swap.journal(place, staging, old);
        Files.move(out, old);
        Files.move(old.resolve(".git"), staging.resolve(".git"));

        assertEquals(
                Optional.of(out + ": warning: there is no output folder here: a build was stopped while it swapped "
                        + "in a new site, and the previous site is in " + old
                        + "\n  hint: the next build puts it back; to check it "
                        + "now, run check --out " + old),
                StagedDiskOutput.interrupted(out).map(Diagnostic::format));
        assertEquals(List.of(), StagedDiskOutput.recover(out));
        assertEquals(before, files(out));
        assertEquals(List.of("site"), names(tmp));
        assertEquals(Optional.empty(), StagedDiskOutput.interrupted(out));
    }

    /** In place (a mount point, a link's target): killed while the previous entries were being moved aside. */
    @Test
    void aSwapInPlaceStoppedWhileMovingThePreviousFilesAsideIsUndone() throws IOException {
        Path out = tmp.resolve("site");
        Map<String, String> before = previousSite(out);
        OutputPlace place = new OutputPlace(out, out.toRealPath(), true);
        Path staging = stage(place);
        Path old = Files.createDirectory(place.old(1));
        Swap.journal(place, staging, old);
        Files.move(out.resolve("index.html"), old.resolve("index.html"));

        assertEquals(
                Optional.of(out + ": warning: a build was stopped while it swapped in a new site, so this folder "
                        + "holds part of the previous site; the rest is in " + old
                        + "\n  hint: the next build puts it back"),
                StagedDiskOutput.interrupted(out).map(Diagnostic::format));
        assertEquals(List.of(), StagedDiskOutput.recover(out));
        assertEquals(before, files(out));
        assertEquals(List.of(".eurocities-site", ".git", "CNAME", "a", "index.html"), names(out));
    }

    /** In place: killed once every previous entry was aside and the new ones were moving in; the swap is finished. */
    @Test
    void aSwapInPlaceStoppedWhileMovingTheNewFilesInIsFinished() throws IOException {
        Path out = tmp.resolve("site");
        Map<String, String> before = previousSite(out);
        OutputPlace place = new OutputPlace(out, out.toRealPath(), true);
        Path staging = stage(place);
        Path old = Files.createDirectory(place.old(1));
        Swap.journal(place, staging, old);
        for (String name : List.of(".eurocities-site", "a", "index.html")) {
            Files.move(out.resolve(name), old.resolve(name));
        }
        Files.move(place.journal(), place.journalMovingIn(), StandardCopyOption.ATOMIC_MOVE);
        Files.move(staging.resolve("index.html"), out.resolve("index.html"));

        assertEquals(
                Optional.of(out + ": warning: a build was stopped while it swapped in a new site, so this folder "
                        + "holds part of the new site; the rest is in " + staging
                        + "\n  hint: the next build finishes moving it in"),
                StagedDiskOutput.interrupted(out).map(Diagnostic::format));
        assertEquals(List.of(), StagedDiskOutput.recover(out));
        Map<String, String> after = files(out);
        assertEquals(before.get(".git/HEAD"), after.get(".git/HEAD"));
        assertEquals(before.get("CNAME"), after.get("CNAME"));
        assertEquals("new home", after.get("index.html"));
        assertEquals("new page", after.get("b/c.html"));
        assertEquals(List.of(".git", "CNAME", "b", "index.html"), names(out));
    }

    /** A site built into {@code out} (index.html, a/b.html, the marker) with a .git and a CNAME of its own. */
    private static Map<String, String> previousSite(Path out) throws IOException {
        try (StagedDiskOutput output = new StagedDiskOutput(out)) {
            output.write("index.html", bytes("old home"));
            output.write("a/b.html", bytes("old page"));
            output.commit();
        }
        Files.createDirectories(out.resolve(".git"));
        Files.writeString(out.resolve(".git/HEAD"), "ref: refs/heads/gh-pages\n");
        Files.writeString(out.resolve("CNAME"), "example.org\n");
        return files(out);
    }

    /** A staging folder inside the output, as an in-place build leaves it before its swap. */
    private static Path stage(OutputPlace place) throws IOException {
        Path staging = Files.createDirectories(place.staging(1).resolve("b"));
        Files.writeString(staging.resolve("c.html"), "new page");
        Files.writeString(place.staging(1).resolve("index.html"), "new home");
        return place.staging(1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }
}
