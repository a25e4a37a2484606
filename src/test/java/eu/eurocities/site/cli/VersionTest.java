package eu.eurocities.site.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code --version} prints the version set in one place, the project's {@code pom.xml}, with the commit the jar was
 * built from and the date of {@code project.build.outputTimestamp}.
 */
class VersionTest {
    /** The project's own version: the first {@code <version>} after its {@code <artifactId>}. */
    static String pomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>eurocities-site</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml names the project's version");
        return m.group(1);
    }

    /** The date part of the pom's {@code project.build.outputTimestamp}. */
    static String pomDate() throws IOException {
        Matcher m = Pattern.compile("<project.build.outputTimestamp>(\\d{4}-\\d\\d-\\d\\d)T")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml sets project.build.outputTimestamp");
        return m.group(1);
    }

    /** The abbreviated id of the checked-out commit, as the build asks git for it; empty without git. */
    static Optional<String> head() throws IOException, InterruptedException {
        if (!Files.exists(Path.of(".git"))) {
            return Optional.empty();
        }
        Process git = new ProcessBuilder("git", "rev-parse", "--short=10", "HEAD")
                .redirectErrorStream(true)
                .start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(git.waitFor(30, TimeUnit.SECONDS), "git finished");
        return git.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    }

    @Test
    void versionIsThePomVersionWithCommitAndDate() throws Exception {
        Cli.Run r = Cli.run("--version");
        assertEquals(0, r.code(), r.err());
        String commit = head().map(c -> "commit " + c + ", ").orElse("");
        assertEquals("eurocities-site " + pomVersion() + " (" + commit + pomDate() + ")\n", r.out());
    }

    @Test
    void everyCommandPrintsTheSameVersion() {
        String root = Cli.run("--version").out();
        for (String command : new String[] {"build", "check", "serve", "completion"}) {
            assertEquals(root, Cli.run(command, "--version").out(), command);
        }
    }
}
