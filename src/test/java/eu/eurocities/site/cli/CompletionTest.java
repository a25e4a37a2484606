package eu.eurocities.site.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code completion} prints a bash script that completes commands and options, checked in a real bash. */
class CompletionTest {
    @TempDir
    static Path tmp;

    static Path script;

    @BeforeAll
    static void writeScript() throws IOException {
        Cli.Run r = Cli.run("completion");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        script = Files.writeString(tmp.resolve("eurocities-site.bash"), r.out());
    }

    /** What bash offers after the words typed so far, the last being the one to complete. */
    static List<String> complete(String... words) throws IOException, InterruptedException {
        String typed = String.join(" ", words);
        String bash = "source \"$1\" 2>/dev/null\n"
                + "COMP_WORDS=(" + typed + "); COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + typed + "'; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_eurocities-site 2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\" | sort\n";
        Process p = new ProcessBuilder("bash", "-c", bash, "bash", script.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bash finished");
        assertEquals(0, p.exitValue(), out);
        return Arrays.stream(out.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    @Test
    void completesCommands() throws Exception {
        assertEquals(List.of("build"), complete("eurocities-site", "bu"));
        assertEquals(List.of("check", "completion"), complete("./eurocities-site", "c"));
    }

    @Test
    void completesTheOptionsOfACommand() throws Exception {
        assertEquals(List.of("--source", "--strict"), complete("eurocities-site", "build", "--s"));
        assertEquals(List.of("--timeout"), complete("eurocities-site", "check", "--t"));
    }

    @Test
    void registersForTheCommandName() throws IOException {
        assertTrue(
                Files.readString(script).contains("complete -F _complete_eurocities-site -o default eurocities-site"),
                "bash completes eurocities-site, and ./eurocities-site through its last path component");
    }
}
