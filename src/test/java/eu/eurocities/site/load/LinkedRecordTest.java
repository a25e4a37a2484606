package eu.eurocities.site.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.eurocities.site.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A city record or page that is a link to a file that does not exist, or a loop of links, is an error at that file,
 * not a file left out without a word; a link to a real record is read like the record, with a warning when it leads
 * outside the source folder (what it leads to is published).
 */
class LinkedRecordTest {

    @Test
    void linkToAMissingFileIsAnError(@TempDir Path tmp) throws IOException {
        Path source = Cli.copyContent(tmp.resolve("source"));
        Files.createSymbolicLink(source.resolve("content/cities/ghost.yaml"), tmp.resolve("nowhere.yaml"));
        Cli.Run run = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("site").toString(),
                "--quiet");
        assertEquals(1, run.code(), run.err());
        assertEquals(
                "content/cities/ghost.yaml:1:1: error: cannot read file: it is a link to a file that does not exist\n"
                        + "  hint: point the link at the file, or replace the link with the file itself\n"
                        + "1 error, 0 warnings\n",
                run.err());
    }

    @Test
    void loopOfLinksIsAnError(@TempDir Path tmp) throws IOException {
        Path source = Cli.copyContent(tmp.resolve("source"));
        Files.createSymbolicLink(source.resolve("content/cities/loop-a.yaml"), Path.of("loop-b.yaml"));
        Files.createSymbolicLink(source.resolve("content/cities/loop-b.yaml"), Path.of("loop-a.yaml"));
        Files.createSymbolicLink(source.resolve("content/pages/self.md"), Path.of("self.md"));
        Cli.Run run = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("site").toString(),
                "--quiet");
        assertEquals(1, run.code(), run.err());
        String hint = "  hint: point the link at the file, or replace the link with the file itself\n";
        String error =
                ": error: cannot read file: it is a link that does not lead to a file (a loop of links, or a folder)\n";
        assertEquals(
                "content/cities/loop-a.yaml:1:1" + error + hint + "content/cities/loop-b.yaml:1:1" + error + hint
                        + "content/pages/self.md:1:1" + error + hint + "3 errors, 0 warnings\n",
                run.err());
    }

    @Test
    void linkToARecordInTheSourceFolderIsReadWithoutAWord(@TempDir Path tmp) throws IOException {
        Path source = Cli.copyContent(tmp.resolve("source"));
        Path oslo = source.resolve("content/cities/oslo.yaml");
        Path elsewhere =
                Files.move(oslo, Files.createDirectory(source.resolve("shared")).resolve("oslo.yaml"));
        Files.createSymbolicLink(oslo, Path.of("../../shared/oslo.yaml"));
        Cli.Run run = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("site").toString(),
                "--quiet");
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        assertEquals(
                true,
                Files.readString(tmp.resolve("site/cities/oslo/index.html")).contains("<h1>Oslo</h1>"));
        assertEquals(true, Files.exists(elsewhere));
    }

    @Test
    void linkOutsideTheSourceFolderIsPublishedWithAWarningAndRefusedUnderStrict(@TempDir Path tmp) throws IOException {
        Path source = Cli.copyContent(tmp.resolve("source"));
        Path oslo = source.resolve("content/cities/oslo.yaml");
        Files.move(oslo, tmp.resolve("oslo.yaml"));
        Files.createSymbolicLink(oslo, Path.of("../../../oslo.yaml"));
        Path pages = Files.createDirectory(tmp.resolve("private"));
        Files.writeString(pages.resolve("notes.md"), "---\ntitle: Private notes\n---\nNot for the site.\n");
        Files.createSymbolicLink(source.resolve("content/pages/notes.md"), pages.resolve("notes.md"));
        Cli.Run run = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("site").toString(),
                "--quiet");
        assertEquals(0, run.code(), run.err());
        String warnings =
                "content/cities/oslo.yaml:1:1: warning: the file is a link to '../../../oslo.yaml', outside the "
                        + "source folder; it is published with the site\n"
                        + "  hint: copy what it links to into the source folder, or remove the link if it should not "
                        + "be published\n"
                        + "content/pages/notes.md:1:1: warning: the file is a link to '" + pages.resolve("notes.md")
                        + "', outside "
                        + "the source folder; it is published with the site\n"
                        + "  hint: copy what it links to into the source folder, or remove the link if it should not "
                        + "be published\n";
        assertEquals(warnings + "0 errors, 2 warnings\n", run.err());
        assertEquals(
                true,
                Files.readString(tmp.resolve("site/cities/oslo/index.html")).contains("<h1>Oslo</h1>"));

        Cli.Run strict = Cli.run(
                "build",
                "--strict",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("strict").toString(),
                "--quiet");
        assertEquals(1, strict.code(), strict.err());
        assertEquals(false, Files.exists(tmp.resolve("strict")));
    }

    @Test
    void aRecordFolderThatIsALinkOutsideGetsOneWarning(@TempDir Path tmp) throws IOException {
        Path source = Cli.copyContent(tmp.resolve("source"));
        Path pages = Files.move(source.resolve("content/pages"), tmp.resolve("pages"));
        Files.createSymbolicLink(source.resolve("content/pages"), pages);
        Cli.Run run = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("site").toString(),
                "--quiet");
        assertEquals(0, run.code(), run.err());
        assertEquals(
                "content/pages:1:1: warning: the folder is a link to '" + pages + "', outside the source folder; "
                        + "its files are published with the site\n"
                        + "  hint: copy what it links to into the source folder, or remove the link if it should not "
                        + "be published\n"
                        + "0 errors, 1 warning\n",
                run.err());
    }

    @Test
    void aContentFolderThatIsALinkIsTheSiteItself(@TempDir Path tmp) throws IOException {
        Path source = Files.createDirectory(tmp.resolve("source"));
        Path content = Cli.copyContent(tmp.resolve("kept-elsewhere")).resolve("content");
        Files.createSymbolicLink(source.resolve("content"), content);
        Cli.Run run = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("site").toString(),
                "--quiet");
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
    }
}
