package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --report} path that cannot be a file is a usage error found before anything is built (it used to fail
 * after the new site was in place, with a Java exception's name), and file system errors are told in plain words.
 */
class ReportPathTest {
    @TempDir
    Path tmp;

    Path source;

    @BeforeEach
    void baseSite() throws IOException {
        source = Cli.baseSite(tmp.resolve("src"));
    }

    @Test
    void aReportPathThatIsAFolderIsRefusedBeforeBuilding() {
        Cli.Run r = Cli.run("build", "--source", source.toString(), "--report", tmp.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(
                "error: --report " + tmp + " is a folder\n"
                        + "  hint: give the report a file name, e.g. --report build-report.json\n",
                r.err());
        assertFalse(Files.exists(source.resolve("site")), "nothing was built");
    }

    @Test
    void aReportInsideTheOutputFolderIsRefusedBeforeBuilding() {
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                out.toString(),
                "--report",
                out.resolve("r.json").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(
                "error: --report " + out.resolve("r.json") + " is inside the output folder " + out
                        + ", which the next build would refuse as holding a file it did not write\n"
                        + "  hint: give the report a file name, e.g. --report build-report.json\n",
                r.err());
        assertFalse(Files.exists(out), "nothing was built");
    }

    @Test
    void aReportPathBelowAFileIsRefusedBeforeBuilding() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        Cli.Run r = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--report",
                file.resolve("r.json").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(
                "error: --report " + file.resolve("r.json") + ": " + file + " is a file, not a folder\n"
                        + "  hint: give the report a file name, e.g. --report build-report.json\n",
                r.err());
        assertFalse(Files.exists(source.resolve("site")), "nothing was built");
    }

    @Test
    void aFileSystemErrorIsToldInPlainWords() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        Cli.Run r = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                file.resolve("site").toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(
                "error: cannot read or write files: " + file + ": already exists, and is not a folder\n"
                        + "  hint: check that the path exists, is a folder where one is needed, and can be written; "
                        + "--debug shows"
                        + " where it happened\n",
                r.err());
    }
}
