package eu.eurocities.site.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Cli;
import eu.eurocities.site.TestContent;
import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named pipe (FIFO) in content/, or a link to one, is refused at its file without being opened: opening a FIFO
 * for reading waits until something writes to it, which made the build and every rebuild in serve wait for ever.
 */
class SpecialFileTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo " + path);
    }

    @Test
    void namedPipesAndLinksToThemAreErrorsAtTheirFiles(@TempDir Path tmp) throws Exception {
        Path source = Cli.copyContent(tmp.resolve("source"));
        mkfifo(source.resolve("content/cities/pipe.yaml"));
        mkfifo(source.resolve("content/pages/pipe.md"));
        mkfifo(source.resolve("fifo"));
        Files.createSymbolicLink(source.resolve("content/cities/linked.yaml"), Path.of("../../fifo"));
        Files.delete(source.resolve("content/site.yaml"));
        mkfifo(source.resolve("content/site.yaml"));
        Cli.Run run = assertTimeoutPreemptively(
                LIMIT,
                () -> Cli.run(
                        "build",
                        "--source",
                        source.toString(),
                        "--out",
                        tmp.resolve("site").toString(),
                        "--quiet"),
                "the build waited on a named pipe");
        assertEquals(1, run.code(), run.err());
        assertEquals(
                "content/cities/linked.yaml:1:1: error: cannot read file: it is a link to a named pipe (FIFO), not "
                        + "to a regular file\n"
                        + "  hint: point the link at the file, or replace the link with the file itself\n"
                        + "content/cities/pipe.yaml:1:1: error: cannot read file: it is a named pipe (FIFO), not a "
                        + "regular file\n"
                        + "  hint: replace it with the file itself, or move it out of content/\n"
                        + "content/pages/pipe.md:1:1: error: cannot read file: it is a named pipe (FIFO), not a "
                        + "regular file\n"
                        + "  hint: replace it with the file itself, or move it out of content/\n"
                        + "content/site.yaml:1:1: error: cannot read file: it is a named pipe (FIFO), not a regular "
                        + "file\n"
                        + "  hint: replace it with the file itself, or move it out of content/\n"
                        + "4 errors, 0 warnings\n",
                run.err());
    }

    @Test
    void aFolderNamedLikeARecordFileIsAnErrorNotAMissingFile(@TempDir Path tmp) throws IOException {
        Path source = Cli.copyContent(tmp.resolve("source"));
        Cli.Run run = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("site").toString(),
                "--quiet");
        assertEquals(0, run.code(), run.err());
        Files.delete(source.resolve("content/network.yaml"));
        Files.createDirectory(source.resolve("content/network.yaml"));
        run = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("site").toString(),
                "--quiet");
        assertEquals(1, run.code(), run.err());
        assertEquals(
                "content/network.yaml:1:1: error: cannot read file: it is a folder\n"
                        + "  hint: a content file cannot be a folder: move what is in it where it belongs, then "
                        + "delete it\n",
                run.err().lines().limit(2).map(l -> l + "\n").reduce("", String::concat));
    }

    @Test
    void serveLoadsPastANamedPipeToo(@TempDir Path tmp) throws Exception {
        Path source = Cli.copyContent(tmp.resolve("source"));
        mkfifo(source.resolve("content/cities/pipe.yaml"));
        CityCache cache = new CityCache();
        for (int rebuild = 0; rebuild < 2; rebuild++) {
            Diagnostics diagnostics = new Diagnostics();
            assertTimeoutPreemptively(
                    LIMIT,
                    () -> TestContent.load(source, null, diagnostics, cache),
                    "a rebuild waited on a named pipe");
            assertEquals(
                    "content/cities/pipe.yaml:1:1: error: cannot read file: it is a named pipe (FIFO), not a regular "
                            + "file",
                    diagnostics.sorted().stream()
                            .map(Diagnostic::format)
                            .findFirst()
                            .orElseThrow()
                            .lines()
                            .findFirst()
                            .orElseThrow());
        }
    }
}
