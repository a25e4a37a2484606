package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.write.OutputGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder is replaced only by a complete, successful build; folders that are not the tool's to replace
 * are refused with exit code 2; pages of removed records disappear; a killed build leaves the previous site.
 */
class OutputSafetyTest {
    @TempDir
    Path tmp;

    Path source;

    @BeforeEach
    void baseSite() throws IOException {
        source = Cli.baseSite(tmp.resolve("src"));
    }

    private Cli.Run build(Path out, String... extra) {
        Cli.Run r = Cli.build(source, out, extra);
        return new Cli.Run(r.code(), r.out(), r.err());
    }

    private void refused(Path out, String message) throws IOException {
        refused(out, message, null);
    }

    /** A build into {@code out} exits 2 with exactly this message and hint, and writes or deletes nothing. */
    private void refused(Path out, String message, String hint) throws IOException {
        Map<String, byte[]> before = CasesTest.snapshot(tmp);
        Cli.Run r = build(out);
        assertEquals(2, r.code(), r.err());
        assertEquals("error: " + message + "\n" + (hint == null ? "" : "  hint: " + hint + "\n"), r.err());
        Map<String, byte[]> after = CasesTest.snapshot(tmp);
        assertEquals(before.keySet(), after.keySet(), "nothing written or deleted");
    }

    @Test
    void refusesTheSourceFolderAndFoldersAroundOrInsideIt() throws IOException {
        Path src = source.toRealPath();
        refused(source, "the output folder " + src + " is the source folder; choose another --out, e.g. site");
        refused(
                tmp,
                "the output folder " + tmp.toRealPath() + " contains the source folder " + src
                        + "; choose another --out, e.g. site");
        refused(
                source.resolve("content/out"),
                "the output folder " + src.resolve("content/out")
                        + " is inside content/; choose another --out, e.g. site");
        Files.createDirectories(source.resolve("templates"));
        refused(
                source.resolve("templates/site"),
                "the output folder " + src.resolve("templates/site")
                        + " is inside templates/; choose another --out, e.g. site");
    }

    @Test
    void theTargetOfALinkedContentFolderIsSourceToEvenWithForce() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.move(source.resolve("content"), elsewhere.resolve("content-files"), StandardCopyOption.ATOMIC_MOVE);
        Files.createSymbolicLink(source.resolve("content"), elsewhere.resolve("content-files"));
        Path target = elsewhere.resolve("content-files").toRealPath();
        int before = countFiles(target);
        Cli.Run inside = build(target, "--force");
        assertEquals(2, inside.code(), inside.err());
        assertEquals(
                "error: the output folder " + target + " is inside content/; choose another --out, e.g. site\n",
                inside.err());
        Cli.Run around = build(elsewhere, "--force");
        assertEquals(2, around.code(), around.err());
        assertEquals(
                "error: the output folder " + elsewhere.toRealPath() + " contains content/ (" + target
                        + "); choose another --out, e.g. site\n",
                around.err());
        assertEquals(before, countFiles(target), "no content file may be deleted");
    }

    private static int countFiles(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return (int) files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void refusesAFolderItDidNotCreateUnlessForced() throws IOException {
        Path out = tmp.resolve("photos");
        Files.createDirectories(out.resolve("2024"));
        Files.writeString(out.resolve("holiday.jpg"), "not a site");
        Files.writeString(out.resolve("2024/a.jpg"), "a");
        Files.writeString(out.resolve("2024/b.jpg"), "b");
        refused(
                out,
                "the output folder " + out.toRealPath() + " is not empty and was not made by this tool",
                "a build would delete 3 files in it: 2024/ (2 files), holiday.jpg. Choose another --out, or pass "
                        + "--force "
                        + "to delete them");
        Cli.Run forced = build(out, "--force");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertFalse(Files.exists(out.resolve("holiday.jpg")));
        assertFalse(Files.exists(out.resolve("2024")));
    }

    @Test
    void refusesToDeleteFilesItDidNotWriteIntoItsOwnFolder() throws IOException {
        Path out = tmp.resolve("site");
        assertEquals(0, build(out).code());
        Files.writeString(out.resolve("notes.txt"), "mine\n");
        refused(
                out,
                "the output folder " + out.toRealPath() + " holds 1 file that this tool did not write",
                "a build would delete notes.txt. Move it out of the folder, or pass --force to delete it");
        Files.writeString(out.resolve("cities/lyon/draft.html"), "mine too\n");
        Files.writeString(out.resolve("CNAME"), "eurocities.example.org\n");
        refused(
                out,
                "the output folder " + out.toRealPath() + " holds 2 files that this tool did not write",
                "a build would delete cities/lyon/draft.html, notes.txt; it keeps CNAME. Move them out of the "
                        + "folder, or "
                        + "pass --force to delete them");
        assertEquals(0, build(out, "--force").code());
        assertFalse(Files.exists(out.resolve("notes.txt")));
        assertFalse(Files.exists(out.resolve("cities/lyon/draft.html")));
        assertEquals("eurocities.example.org\n", Files.readString(out.resolve("CNAME")));
    }

    /**
     * A {@code gh-pages} worktree: {@code --force} replaces the pages but keeps the repository, {@code CNAME} and
     * {@code .nojekyll} byte for byte, and later builds need no {@code --force} and keep them too.
     */
    @Test
    void forceNeverDeletesTheDotFilesOrCnameOfAFolderItDidNotCreate() throws IOException {
        Path out = tmp.resolve("gh-pages");
        Files.createDirectories(out.resolve(".git/refs/heads"));
        Files.writeString(out.resolve(".git/HEAD"), "ref: refs/heads/gh-pages\n");
        Files.writeString(out.resolve(".git/refs/heads/gh-pages"), "0123456789abcdef\n");
        Files.writeString(out.resolve("CNAME"), "eurocities.example.org\n");
        Files.writeString(out.resolve(".nojekyll"), "");
        Files.writeString(out.resolve("index.html"), "<p>an old site</p>\n");
        Files.createDirectories(out.resolve("old"));
        Files.writeString(out.resolve("old/page.html"), "<p>an old page</p>\n");
        Map<String, byte[]> kept = keptFiles(out);
        refused(
                out,
                "the output folder " + out.toRealPath() + " is not empty and was not made by this tool",
                "a build would delete 2 files in it: index.html, old/ (1 file); it keeps .git, .nojekyll, CNAME. "
                        + "Choose "
                        + "another --out, or pass --force to delete them");

        Cli.Run forced = build(out, "--force");
        assertEquals(0, forced.code(), forced.err());
        assertFalse(Files.exists(out.resolve("old")));
        assertTrue(Files.readString(out.resolve("index.html")).contains("<h1"));
        assertSameFiles(kept, keptFiles(out));

        Files.writeString(source.resolve("content/pages/home.md"), "\nMore.\n", StandardOpenOption.APPEND);
        Cli.Run again = build(out);
        assertEquals(0, again.code(), again.err());
        assertSameFiles(kept, keptFiles(out));
        Cli.Run check = Cli.run("check", "--source", source.toString(), "--out", out.toString());
        assertEquals(0, check.code(), check.err());
    }

    @Test
    void aFolderHoldingOnlyDotFilesAndCnameIsNotRefused() throws IOException {
        Path out = tmp.resolve("gh-pages");
        Files.createDirectories(out.resolve(".git"));
        Files.writeString(out.resolve(".git/HEAD"), "ref: refs/heads/gh-pages\n");
        Files.writeString(out.resolve("CNAME"), "eurocities.example.org\n");
        Map<String, byte[]> kept = keptFiles(out);
        Cli.Run r = build(out);
        assertEquals(0, r.code(), r.err());
        assertSameFiles(kept, keptFiles(out));
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
    }

    /** An output folder that is a link ({@code site -> /var/www/html}): the link stays and its target gets the site. */
    @Test
    void anOutputFolderThatIsALinkKeepsTheLinkAndItsTargetGetsTheSite() throws IOException {
        Path clean = tmp.resolve("clean");
        assertEquals(0, build(clean).code());
        Path webroot = Files.createDirectories(tmp.resolve("www/html"));
        Path link = Files.createSymbolicLink(source.resolve("site"), webroot);
        Cli.Run r = build(link);
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(webroot, Files.readSymbolicLink(link));
        assertSameFiles(CasesTest.snapshot(clean), CasesTest.snapshot(webroot));

        Files.delete(source.resolve("content/cities/rijeka.yaml"));
        Files.writeString(
                source.resolve("content/network.yaml"),
                Files.readString(source.resolve("content/network.yaml"))
                        .replace("member_cities: 3\n  countries: 3", "member_cities: 2\n  countries: 2"));
        Cli.Run again = build(link);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains(" 5 removed;"), again.out());
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(webroot.resolve("cities/rijeka")));
        assertEquals(List.of("html"), names(tmp.resolve("www")), "nothing beside the target");
        assertEquals(List.of(".eurocities-site", "404.html"), names(webroot).subList(0, 2), "no work folder inside");
        assertFalse(
                names(webroot).stream().anyMatch(n -> n.startsWith(".eurocities-site.")),
                names(webroot).toString());
        assertEquals(List.of("content", "site"), names(source), "nothing beside the link");
        Cli.Run check = Cli.run("check", "--source", source.toString(), "--out", link.toString());
        assertEquals(0, check.code(), check.err());
        assertTrue(check.out().startsWith("Checked 14 pages in " + link), check.out());
    }

    /** A file that is unchanged but has another mode than a new file gets (another umask) is written anew. */
    @Test
    void unchangedFilesGetTheModeANewFileGets() throws IOException {
        Path clean = tmp.resolve("clean");
        assertEquals(0, build(clean).code());
        Set<PosixFilePermission> fresh = Files.getPosixFilePermissions(clean.resolve("index.html"));
        Path out = tmp.resolve("site");
        assertEquals(0, build(out).code());
        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------")); // as under umask 077
        }
        Files.setPosixFilePermissions(out.resolve("style.css"), fresh);
        Cli.Run r = build(out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(": 36 files written, 1 unchanged, 0 removed;"), r.out());
        try (Stream<Path> s = Files.walk(out)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                assertEquals(
                        fresh,
                        Files.getPosixFilePermissions(f),
                        out.relativize(f).toString());
            }
        }
    }

    private static Map<String, byte[]> keptFiles(Path out) throws IOException {
        Map<String, byte[]> all = CasesTest.snapshot(out);
        all.keySet().removeIf(p -> !(p.startsWith(".git/") || p.equals(".nojekyll") || p.equals("CNAME")));
        return all;
    }

    static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String f : expected.keySet()) {
            assertTrue(java.util.Arrays.equals(expected.get(f), actual.get(f)), f + " differs");
        }
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void refusesAFileAsOutput() throws IOException {
        Path out = tmp.resolve("site.txt");
        Files.writeString(out, "x");
        refused(out, "the output path " + out.toRealPath() + " is a file, not a folder");
    }

    @Test
    void refusesHomeAndTheFileSystemRoot() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        assertEquals(
                Optional.of("refusing to write the site into your home folder " + home.toRealPath()
                        + "; choose --out site"),
                OutputGuard.refuse(source, home, false, home).map(eu.eurocities.site.diag.Diagnostic::message));
        assertEquals(
                Optional.of("refusing to write the site into your home folder " + home.toRealPath()
                        + "; choose --out site"),
                OutputGuard.refuse(source, home, true, home).map(eu.eurocities.site.diag.Diagnostic::message));
        Path root = tmp.getRoot();
        assertEquals(
                Optional.of("refusing to write the site into the file system root " + root),
                OutputGuard.refuse(source, root, true, home).map(eu.eurocities.site.diag.Diagnostic::message));
        assertEquals(Optional.empty(), OutputGuard.refuse(source, source.resolve("site"), false, home));
    }

    @Test
    void pagesOfRemovedRecordsDisappearAndUnchangedFilesKeepTheirInode() throws IOException {
        Path out = tmp.resolve("site");
        assertEquals(0, build(out).code());
        assertTrue(Files.isRegularFile(out.resolve("cities/rijeka/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("countries/hr/index.html")));
        Path style = out.resolve("style.css");
        Object inode = Files.getAttribute(style, "unix:ino");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(style, old);

        Files.delete(source.resolve("content/cities/rijeka.yaml"));
        Files.writeString(
                source.resolve("content/network.yaml"),
                Files.readString(source.resolve("content/network.yaml"))
                        .replace("member_cities: 3\n  countries: 3", "member_cities: 2\n  countries: 2"));
        Cli.Run r = build(out);
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(out.resolve("cities/rijeka")));
        assertFalse(Files.exists(out.resolve("countries/hr")));
        assertTrue(r.out().contains(" 5 removed;"), r.out()); // and the search index's shards of its words
        assertEquals(inode, Files.getAttribute(style, "unix:ino"), "an unchanged file is linked, not rewritten");
        assertEquals(old, Files.getLastModifiedTime(style));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(
                    List.of("site", "src"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging or old folder is left beside the output");
        }
    }

    /**
     * Starts a build of the real content in another JVM and kills it while it writes its staging folder, at several
     * moments; the previous site must be byte for byte what it was, and the next build must succeed and clean up.
     */
    @Test
    void aKilledBuildLeavesThePreviousSite() throws Exception {
        Path out = tmp.resolve("real-site");
        Cli.Run first = Cli.run("build", "--source", ".", "--out", out.toString(), "--no-check");
        assertEquals(0, first.code(), first.err());
        Files.writeString(out.resolve("index.html"), "previous home page\n"); // so the next build changes it
        Files.writeString(out.resolve(".eurocities-site"), Files.readString(out.resolve(".eurocities-site")));
        Map<String, byte[]> before = CasesTest.snapshot(out);
        Path staging = tmp.resolve(".real-site.staging");
        for (int filesBeforeKill : new int[] {1, 80, 160}) {
            List<String> command = javaCommand("build", "--source", ".", "--out", out.toString());
            // interpreted only: the build writes its files over seconds, not a few milliseconds, so that the kill
            // comes while it is staging them however busy the machine is
            command.add(1, "-Xint");
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("child.log").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (p.isAlive() && count(staging) < filesBeforeKill && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            boolean killedMidway = p.isAlive();
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertTrue(killedMidway, "the build was killed while it ran (" + filesBeforeKill + " files staged)");
            Map<String, byte[]> after = CasesTest.snapshot(out);
            assertEquals(before.keySet(), after.keySet());
            for (String f : before.keySet()) {
                assertTrue(java.util.Arrays.equals(before.get(f), after.get(f)), f + " changed by a killed build");
            }
        }
        Cli.Run next = Cli.run("build", "--source", ".", "--out", out.toString(), "--no-check");
        assertEquals(0, next.code(), next.err());
        assertFalse(Files.exists(staging));
        assertFalse(Files.readString(out.resolve("index.html")).startsWith("previous"));
    }

    /**
     * The state a build killed between the two renames of its commit leaves: the site renamed aside. {@code check}
     * says where the previous site is, and the next build puts it back even when it fails.
     */
    @Test
    void aBuildKilledBetweenTheRenamesOfItsCommitIsRepairedEvenByAFailingBuild() throws IOException {
        Path out = source.resolve("site");
        assertEquals(0, build(out).code());
        Map<String, byte[]> before = CasesTest.snapshot(out);
        Files.move(out, source.resolve(".site.old"));
        Files.createDirectories(source.resolve(".site.staging/cities"));
        Files.writeString(source.resolve(".site.staging/index.html"), "half");
        String note = out + ": warning: there is no output folder here: a build was stopped while it swapped in a new "
                + "site, and the previous site is in " + source.resolve(".site.old")
                + "\n  hint: the next build puts it back; "
                + "to check it now, run check --out " + source.resolve(".site.old") + "\n";
        Cli.Run check = Cli.run("check", "--source", source.toString());
        assertEquals(0, check.code(), check.err());
        assertEquals(note + "0 errors, 1 warning\n", check.err());
        assertEquals("Checked 16 pages built in memory (there is no " + out + "): no problems\n", check.out());
        check = Cli.run("check", "--source", source.toString(), "--out", out.toString());
        assertEquals(2, check.code(), check.err());
        assertEquals(
                note + "error: there is no output folder " + out + " to check\n  hint: build it first with 'build "
                        + "--out " + out + "', or name the folder with --out\n",
                check.err());
        Files.writeString(source.resolve("content/cities/oslo.yaml"), "name: Oslo\n");
        Cli.Run failed = build(out);
        assertEquals(1, failed.code());
        Map<String, byte[]> after = CasesTest.snapshot(out);
        assertEquals(before.keySet(), after.keySet());
        for (String f : before.keySet()) {
            assertTrue(java.util.Arrays.equals(before.get(f), after.get(f)), f);
        }
        assertFalse(Files.exists(source.resolve(".site.old")));
    }

    static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the child's temporary files go where this JVM's go (under target/ in a Maven build), also when it is killed
        cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.toFile().isDirectory()).count();
        } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
            return 0; // the folder changed, or was moved, while it was walked
        }
    }
}
