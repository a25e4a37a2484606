package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of {@code new city} and {@code new page} share: a base site to add to, and the shape of a refusal
 * (an exit code, the exact message, and no file written).
 */
abstract class NewCommandTest {
    @TempDir
    Path tmp;

    Path source;

    @BeforeEach
    void baseSite() {
        source = Cli.baseSite(tmp.resolve("src"));
    }

    /**
     * Asserts that {@code run} was refused with exit code {@code code} and exactly {@code err} on stderr, and that
     * none of {@code notWritten} (paths in the source folder) exists.
     */
    void assertRefused(Cli.Run run, int code, String err, String... notWritten) {
        assertEquals(code, run.code(), run.err());
        assertEquals(err, run.err());
        for (String file : notWritten) {
            assertFalse(Files.exists(source.resolve(file)), file + " was written");
        }
    }
}
