package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds of the real content in separate JVMs, one with a Turkish locale (whose lower-casing of 'I' breaks
 * naive code), Latin-1 as default encoding and a time zone fourteen hours ahead of UTC, give byte-identical
 * output; both builds pass {@code --strict} without a single warning.
 */
class DeterminismTest {
    @TempDir
    Path tmp;

    @Test
    void outputDoesNotDependOnLocaleEncodingOrTimeZone() throws Exception {
        Process plain = start(
                tmp.resolve("a"),
                List.of("-Duser.language=en", "-Duser.country=GB", "-Dfile.encoding=UTF-8", "-Duser.timezone=UTC"));
        Process turkish = start(
                tmp.resolve("b"),
                List.of(
                        "-Duser.language=tr",
                        "-Duser.country=TR",
                        "-Dfile.encoding=ISO-8859-1",
                        "-Duser.timezone=Pacific/Kiritimati"));
        for (Process p : List.of(plain, turkish)) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "build finished");
        }
        for (String run : List.of("a", "b")) {
            String log = Files.readString(tmp.resolve(run + ".log"), StandardCharsets.UTF_8);
            assertTrue(log.matches("(?s)Built \\d+ pages into .*"), log);
            assertTrue(log.endsWith("; 0 warnings\n"), log);
        }
        assertEquals(0, plain.exitValue());
        assertEquals(0, turkish.exitValue());
        Map<String, byte[]> a = CasesTest.snapshot(tmp.resolve("a"));
        Map<String, byte[]> b = CasesTest.snapshot(tmp.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        assertTrue(a.size() > 240, "every page and asset compared: " + a.size());
        List<String> different = new ArrayList<>();
        for (String f : a.keySet()) {
            if (!Arrays.equals(a.get(f), b.get(f))) {
                different.add(f);
            }
        }
        assertEquals(List.of(), different, "files that differ");
    }

    private Process start(Path out, List<String> properties) throws Exception {
        List<String> cmd = new ArrayList<>(
                OutputSafetyTest.javaCommand("build", "--strict", "--source", ".", "--out", out.toString()));
        cmd.addAll(1, properties);
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve(out.getFileName() + ".log").toFile())
                .start();
    }
}
