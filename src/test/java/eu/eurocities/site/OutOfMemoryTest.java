package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that runs out of heap says so in one line with the heap's size and how to give it more, exits 1, and
 * leaves the last good site as it was; a real JVM with a few MiB of heap builds the real content.
 */
class OutOfMemoryTest {
    @TempDir
    Path tmp;

    @Test
    void aBuildOutOfHeapSaysHowToGiveItMoreAndKeepsTheLastSite() throws Exception {
        Path out = tmp.resolve("site");
        assertEquals(0, Cli.build(Path.of(""), out).code());
        Map<String, byte[]> before = CasesTest.snapshot(out);

        List<String> cmd = ConcurrentBuildsTest.command(
                Main.class.getName(),
                "build",
                "--source",
                Path.of("").toAbsolutePath().toString(),
                "--out",
                out.toString());
        cmd.add(1, "-Xmx5m");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log").toFile())
                .start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the build ended");
        String said = Files.readString(tmp.resolve("log"), StandardCharsets.UTF_8);

        assertEquals(1, p.exitValue(), said);
        assertTrue(
                said.matches("error: out of memory: this run needs more than the \\d+ MiB of heap that Java was given\n"
                        + "  hint: run it again with more heap, e.g. EUROCITIES_JAVA_OPTS=-Xmx2g ./eurocities-site"
                        + " build, or java -Xmx2g -jar target/eurocities-site.jar build\n"),
                said);
        Map<String, byte[]> after = CasesTest.snapshot(out);
        assertEquals(before.keySet(), after.keySet(), "the last good site is kept");
        before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file + " changed by a failed build"));
    }
}
