package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.write.OutputLock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds into one output folder never mix their files: the second one exits 1 at once naming the first, whose
 * lock is released by the system however its process ends. With real processes, as two terminals or a CI job and an
 * editor would start them.
 */
class ConcurrentBuildsTest {
    private static final String HINT = "  hint: wait until it has finished, then build again; nothing was changed\n";

    @TempDir
    Path tmp;

    Path source;

    @BeforeEach
    void baseSite() throws IOException {
        source = Cli.baseSite(tmp.resolve("src"));
    }

    /**
     * Twenty times, two builds started together into one folder (every other time into a folder that does not exist
     * yet): each exits 0, or 1 with the message naming the other; the folder is then byte for byte a clean build, and
     * nothing is left beside it.
     */
    @Test
    void twoBuildsAtOnceNeverMixTheirFiles() throws Exception {
        Path clean = tmp.resolve("clean");
        assertEquals(
                0,
                Cli.run("build", "--source", source.toString(), "--out", clean.toString())
                        .code());
        Map<String, byte[]> expected = CasesTest.snapshot(clean);
        Path out = tmp.resolve("site");
        Pattern refusal = Pattern.compile("error: another build (\\(process (\\d+), started [0-9T:Z-]+\\) )?is writing "
                + "into " + Pattern.quote(out.toString()) + "\n" + Pattern.quote(HINT));
        int refused = 0;
        for (int round = 0; round < 20; round++) {
            if (round % 2 == 1) {
                deleteTree(out);
            }
            Process a = start(round + "a", "build", "--source", source.toString(), "--out", out.toString(), "--quiet");
            Process b = start(round + "b", "build", "--source", source.toString(), "--out", out.toString(), "--quiet");
            List<Process> both = List.of(a, b);
            for (Process p : both) {
                assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a build did not end");
            }
            int ok = 0;
            for (int i = 0; i < 2; i++) {
                Process p = both.get(i);
                String err = Files.readString(tmp.resolve("log-" + round + (i == 0 ? "a" : "b")));
                if (p.exitValue() == 0) {
                    assertEquals("", err);
                    ok++;
                } else {
                    assertEquals(1, p.exitValue(), err);
                    Matcher m = refusal.matcher(err);
                    assertTrue(m.matches(), "round " + round + ": " + err);
                    if (m.group(2) != null) {
                        assertEquals(both.get(1 - i).pid(), Long.parseLong(m.group(2)), err);
                    }
                    refused++;
                }
            }
            assertTrue(ok >= 1, "round " + round + ": no build succeeded");
            OutputSafetyTest.assertSameFiles(expected, CasesTest.snapshot(out));
            assertEquals(
                    List.of("clean", "site", "src"),
                    OutputSafetyTest.names(tmp).stream()
                            .filter(n -> !n.startsWith("log-"))
                            .toList(),
                    "round " + round + ": nothing left beside the output");
        }
        assertTrue(refused > 0, "the builds never overlapped, so the lock was not tried");
    }

    /** A build while another process holds the lock; then that process is killed and the next build takes over. */
    @Test
    void aBuildWhileAnotherHoldsTheLockChangesNothingAndAKilledHolderReleasesIt() throws Exception {
        Path out = tmp.resolve("site");
        assertEquals(
                0,
                Cli.run("build", "--source", source.toString(), "--out", out.toString())
                        .code());
        Map<String, byte[]> before = CasesTest.snapshot(out);
        Process holder = new ProcessBuilder(command(LockHolder.class.getName(), out.toString()))
                .redirectError(tmp.resolve("holder.log").toFile())
                .start();
        try {
            BufferedReader said =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", said.readLine());
            Files.writeString(
                    source.resolve("content/pages/home.md"), "\nMore.\n", java.nio.file.StandardOpenOption.APPEND);
            Cli.Run r = Cli.run("build", "--source", source.toString(), "--out", out.toString());
            assertEquals(1, r.code(), r.err());
            String started = Files.readString(tmp.resolve(".site.lock"))
                    .lines()
                    .filter(l -> l.startsWith("started: "))
                    .findFirst()
                    .orElseThrow()
                    .substring(9);
            assertEquals(
                    "error: another build (process " + holder.pid() + ", started " + started + ") is writing into "
                            + out.toAbsolutePath() + "\n" + HINT,
                    r.err());
            OutputSafetyTest.assertSameFiles(before, CasesTest.snapshot(out));
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue(Files.isRegularFile(tmp.resolve(".site.lock")), "a killed holder leaves its lock file");
        Cli.Run r = Cli.run("build", "--source", source.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("index.html")).contains("More."));
        assertFalse(Files.exists(tmp.resolve(".site.lock")), "the lock file goes with the build that took it over");
    }

    /** Builds in one process (threads) learn of each other without opening the lock file, which would drop the lock. */
    @Test
    void aSecondBuildInTheSameProcessIsRefused() throws IOException {
        Path out = tmp.resolve("site");
        try (OutputLock lock = OutputLock.take(out)) {
            Cli.Run r = Cli.run("build", "--source", source.toString(), "--out", out.toString());
            assertEquals(1, r.code(), r.err());
            assertEquals(
                    "error: another build in this process is writing into " + out.toAbsolutePath() + "\n" + HINT,
                    r.err());
            assertFalse(Files.exists(out));
        }
        assertEquals(
                0,
                Cli.run("build", "--source", source.toString(), "--out", out.toString())
                        .code());
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private Process start(String name, String... args) throws IOException {
        List<String> cmd = command(Main.class.getName(), args);
        return new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(tmp.resolve("log-" + name).toFile())
                .start();
    }

    /** A JVM running {@code main} of this test's class path, tuned to start quickly. */
    static List<String> command(String main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "-cp",
                System.getProperty("java.class.path"),
                main));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
