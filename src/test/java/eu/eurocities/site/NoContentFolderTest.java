package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build run in the wrong folder names that one problem, not every file that a content folder would hold. */
class NoContentFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aFolderWithoutContentIsOneErrorWithAHint() {
        Cli.Run r = Cli.run("build", "--source", tmp.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(
                "content:1:1: error: no content folder in "
                        + tmp.toAbsolutePath().normalize() + "\n"
                        + "  hint: run the command in the folder that holds content/, or pass --source DIR\n"
                        + "1 error, 0 warnings\n",
                r.err());
    }
}
