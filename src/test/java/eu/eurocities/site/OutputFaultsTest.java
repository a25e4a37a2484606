package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder under real faults of the file system (see {@link SystemFaults} for how each is made): a previous
 * site that cannot be deleted is a warning after the new one is published, never a failure, and never in the way of
 * the next build; a folder that cannot be replaced is left as it was and the build fails; a mount point is swapped in
 * place; a full disk is named with the file and the folder and leaves no staging folder.
 */
class OutputFaultsTest {
    private static final String LEFTOVER_HINT = "  hint: it is not part of the site; delete it by hand. Builds into "
            + "this folder try again and warn while it is there\n";

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

    /** A clean build of the source as it is now, for comparison. */
    private Map<String, byte[]> clean() throws IOException {
        Path clean = tmp.resolve("clean");
        ConcurrentBuildsTest.deleteTree(clean);
        Cli.Run r = build(clean);
        assertEquals(0, r.code(), r.err());
        Map<String, byte[]> files = CasesTest.snapshot(clean);
        ConcurrentBuildsTest.deleteTree(clean);
        return files;
    }

    private void changeHomePage(String text) throws IOException {
        Files.writeString(source.resolve("content/pages/home.md"), "\n" + text + "\n", StandardOpenOption.APPEND);
    }

    private static String leftover(Path dir, Path file, String reason) {
        return dir + ": warning: a previous copy of the site is left here and cannot be deleted: " + file + ": "
                + reason + "\n" + LEFTOVER_HINT;
    }

    /**
     * A file of the previous site that even root cannot delete (immutable): the new site is published and the build
     * exits 0 with a warning naming the copy left; later builds, with {@code --strict} or {@code --force}, warn again
     * and succeed; a staging folder left that cannot be deleted is passed by too; once it can be, it goes.
     */
    @Test
    void aPreviousSiteThatCannotBeDeletedIsAWarningAfterPublishingAndNeverInTheWay() throws Exception {
        SystemFaults.assumeChattr(tmp);
        Path out = tmp.resolve("site");
        assertEquals(0, build(out).code());
        Path stuck = out.resolve("cities/oslo/index.html");
        Path staging = tmp.resolve(".site.staging");
        Path stuckStaging = staging.resolve("cities/x.html");
        SystemFaults.immutable(stuck, true);
        try {
            changeHomePage("Changed once.");
            Cli.Run r = build(out);
            assertEquals(0, r.code(), r.err());
            Path old = tmp.resolve(".site.old");
            String warning = leftover(old, old.resolve("cities/oslo/index.html"), "operation not permitted");
            assertEquals(warning + "0 errors, 1 warning\n", r.err());
            assertTrue(r.out().contains("; 1 warning"), r.out());
            OutputSafetyTest.assertSameFiles(clean(), CasesTest.snapshot(out));

            changeHomePage("Changed twice.");
            Files.createDirectories(stuckStaging.getParent());
            Files.writeString(stuckStaging, "left by a killed build");
            SystemFaults.immutable(stuckStaging, true);
            for (String option : new String[] {"--strict", "--force"}) {
                Cli.Run again = build(out, option);
                assertEquals(0, again.code(), again.err());
                assertEquals(
                        warning + leftover(staging, stuckStaging, "operation not permitted") + "0 errors, 2 warnings\n",
                        again.err());
                OutputSafetyTest.assertSameFiles(clean(), CasesTest.snapshot(out));
            }
            assertEquals(List.of(".site.old", ".site.staging", "site", "src"), OutputSafetyTest.names(tmp));
        } finally {
            for (Path p : List.of(stuck, tmp.resolve(".site.old/cities/oslo/index.html"), stuckStaging)) {
                if (Files.exists(p)) {
                    SystemFaults.immutable(p, false);
                }
            }
        }
        Cli.Run r = build(out);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(List.of("site", "src"), OutputSafetyTest.names(tmp));
    }

    /** An output folder that cannot be renamed (immutable): nothing is published, the build fails, nothing is left. */
    @Test
    void anOutputFolderThatCannotBeMovedIsLeftAsItWasAndTheBuildFails() throws Exception {
        SystemFaults.assumeChattr(tmp);
        Path out = tmp.resolve("site");
        assertEquals(0, build(out).code());
        Map<String, byte[]> before = CasesTest.snapshot(out);
        changeHomePage("Changed.");
        SystemFaults.immutable(out, true);
        Cli.Run r;
        try {
            r = build(out);
        } finally {
            SystemFaults.immutable(out, false);
        }
        assertEquals(1, r.code(), r.err());
        assertEquals(
                "error: cannot swap in the new site at " + out + ": cannot move the previous site aside: " + out
                        + ": operation not permitted\n  hint: nothing was changed: the previous site is as it was. "
                        + "Check that "
                        + out
                        + " can be changed (its permissions, attributes, mounts), then build again\n1 error, 0 "
                        + "warnings\n",
                r.err());
        OutputSafetyTest.assertSameFiles(before, CasesTest.snapshot(out));
        assertEquals(List.of("site", "src"), OutputSafetyTest.names(tmp));
    }

    /**
     * An output folder that is a mount point cannot be renamed ("Device or resource busy"): its contents are swapped
     * instead, it stays mounted, files it keeps stay, and nothing of the swap is left in it or beside it.
     */
    @Test
    void anOutputFolderThatIsAMountPointIsSwappedInPlace() throws Exception {
        Path out = tmp.resolve("site");
        try (AutoCloseable mount = SystemFaults.tmpfs(out, "4m")) {
            Object device = Files.getAttribute(out, "unix:dev");
            Cli.Run r = build(out);
            assertEquals(0, r.code(), r.err());
            OutputSafetyTest.assertSameFiles(clean(), CasesTest.snapshot(out));
            Files.writeString(out.resolve("CNAME"), "eurocities.example.org\n");

            Files.delete(source.resolve("content/cities/rijeka.yaml"));
            Files.writeString(
                    source.resolve("content/network.yaml"),
                    Files.readString(source.resolve("content/network.yaml"))
                            .replace("member_cities: 3\n  countries: 3", "member_cities: 2\n  countries: 2"));
            Cli.Run again = build(out);
            assertEquals(0, again.code(), again.err());
            assertTrue(again.out().contains(" unchanged, 5 removed;"), again.out());
            assertEquals(device, Files.getAttribute(out, "unix:dev"), "still the mounted file system");
            Map<String, byte[]> expected = clean();
            expected.put("CNAME", "eurocities.example.org\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            OutputSafetyTest.assertSameFiles(expected, CasesTest.snapshot(out));
            assertFalse(
                    OutputSafetyTest.names(out).stream().anyMatch(n -> n.startsWith(".eurocities-site.")),
                    OutputSafetyTest.names(out).toString());
            assertEquals(List.of("site", "src"), OutputSafetyTest.names(tmp));
        }
    }

    /**
     * A full disk, with no previous site (beside the folder) and with one (in place, on a mount point that holds one
     * site but not two): the message names the file and the folder, no staging folder is left, the previous site is
     * as it was.
     */
    @Test
    void aFullDiskNamesTheFileAndTheFolderAndLeavesNoStagingFolder() throws Exception {
        String hint = "  hint: free some space on that disk or choose another --out, then build again; the previous "
                + "site was left as it was\n1 error, 0 warnings\n";
        Path disk = tmp.resolve("disk");
        try (AutoCloseable mount = SystemFaults.tmpfs(disk, "64k")) {
            Path out = disk.resolve("site");
            Cli.Run r = build(out);
            assertEquals(1, r.code(), r.err());
            Matcher m = Pattern.compile(Pattern.quote("error: cannot write the site into " + out + ": cannot write ")
                            + "([a-z0-9./-]+)"
                            + Pattern.quote(" in " + disk.resolve(".site.staging") + ": no space left on device (")
                            + "\\d+ bytes free on that disk\\)\n" + Pattern.quote(hint))
                    .matcher(r.err());
            assertTrue(m.matches(), r.err());
            assertEquals(List.of(), OutputSafetyTest.names(disk), "no staging folder left");
        }
        try (AutoCloseable mount = SystemFaults.tmpfs(disk, "400k")) {
            assertEquals(0, build(disk).code());
            Map<String, byte[]> before = CasesTest.snapshot(disk);
            Files.writeString(
                    source.resolve("content/site.yaml"),
                    Files.readString(source.resolve("content/site.yaml"))
                            .replace("title: Test network", "title: A test network with a longer name"));
            Cli.Run r = build(disk);
            assertEquals(1, r.code(), r.err());
            Matcher m = Pattern.compile(Pattern.quote("error: cannot write the site into " + disk + ": cannot write ")
                            + "([a-z0-9./-]+)"
                            + Pattern.quote(
                                    " in " + disk.resolve(".eurocities-site.staging") + ": no space left on device (")
                            + "\\d+ bytes free on that disk\\)\n" + Pattern.quote(hint))
                    .matcher(r.err());
            assertTrue(m.matches(), r.err());
            OutputSafetyTest.assertSameFiles(before, CasesTest.snapshot(disk));
            assertEquals(
                    List.of(".eurocities-site"),
                    OutputSafetyTest.names(disk).stream()
                            .filter(n -> n.startsWith("."))
                            .toList(),
                    "no staging folder left");
        }
    }

    /**
     * As an unprivileged user: an output folder made read-only ({@code chmod 555}) and one owned by another user
     * (root, as after a container build) are replaced and the copy left is a warning; a folder whose parent cannot be
     * written is swapped in place; a folder in it that cannot be moved stops the swap before it begins.
     */
    @Test
    void readOnlyFoldersAndFoldersOfAnotherUser() throws Exception {
        SystemFaults.assumeNobody();
        String cp = SystemFaults.readableClassPath(Files.createDirectories(tmp.resolve("cp")));
        Path home = Files.createDirectories(tmp.resolve("home"));
        SystemFaults.openFolders(tmp);
        SystemFaults.giveToNobody(home);

        Path out = home.resolve("site");
        SystemFaults.Result r = SystemFaults.asNobody(
                cp, home, "build", "--source", source.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.output());
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        changeHomePage("Changed once.");
        r = SystemFaults.asNobody(cp, home, "build", "--source", source.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.output());
        Path old = home.resolve(".site.old");
        String warning = leftover(old, old.resolve(".eurocities-site"), "permission denied");
        assertEquals(warning + "0 errors, 1 warning\n", r.output());
        OutputSafetyTest.assertSameFiles(clean(), CasesTest.snapshot(out));
        r = SystemFaults.asNobody(
                cp, home, "build", "--source", source.toString(), "--out", out.toString(), "--quiet", "--force");
        assertEquals(0, r.code(), r.output());
        assertEquals(warning + "0 errors, 1 warning\n", r.output());

        Path roots = home.resolve("roots");
        assertEquals(0, build(roots).code()); // as root, as a container build would
        changeHomePage("Changed twice.");
        r = SystemFaults.asNobody(cp, home, "build", "--source", source.toString(), "--out", roots.toString());
        assertEquals(0, r.code(), r.output());
        Path rootsOld = home.resolve(".roots.old");
        assertTrue(
                r.output()
                        .startsWith(leftover(rootsOld, rootsOld.resolve(".eurocities-site"), "permission denied")
                                + "0 errors, 1 warning\nBuilt 16 pages into " + roots + " in "),
                r.output());
        assertTrue(
                r.output().endsWith(": 37 files written, 0 unchanged, 0 removed; 1 warning\n"),
                "root's files are not linked into nobody's site: " + r.output());
        Map<String, byte[]> expected = clean();
        OutputSafetyTest.assertSameFiles(expected, CasesTest.snapshot(roots));

        Path www = Files.createDirectories(tmp.resolve("www")); // root's, so the site is swapped in place
        Path site = Files.createDirectories(www.resolve("site"));
        SystemFaults.giveToNobody(site);
        r = SystemFaults.asNobody(
                cp, home, "build", "--source", source.toString(), "--out", site.toString(), "--quiet");
        assertEquals(0, r.code(), r.output());
        assertEquals("", r.output());
        OutputSafetyTest.assertSameFiles(expected, CasesTest.snapshot(site));
        assertEquals(List.of("site"), OutputSafetyTest.names(www));
        Path cities = site.resolve("cities");
        assertEquals(
                0, SystemFaults.run("chown", "root:root", cities.toString()).code());
        changeHomePage("Changed three times.");
        r = SystemFaults.asNobody(cp, home, "build", "--source", source.toString(), "--out", site.toString());
        assertEquals(1, r.code(), r.output());
        assertEquals(
                "error: cannot swap in the new site at " + site + ": the folder " + cities + " cannot be moved "
                        + "aside: it cannot be written (its owner is root)\n  hint: make it writable for the user "
                        + "who builds (or ask "
                        + "its owner to), then build again; nothing was changed\n1 error, 0 warnings\n",
                r.output());
        OutputSafetyTest.assertSameFiles(expected, CasesTest.snapshot(site));
        assertFalse(
                OutputSafetyTest.names(site).stream().anyMatch(n -> n.startsWith(".eurocities-site.")),
                OutputSafetyTest.names(site).toString());
    }
}
