package eu.eurocities.site.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.eurocities.site.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A city record that is a link to a file that does not exist is an error at that file, not a record left out
 * without a word; a link to a real record is read like the record.
 */
class LinkedRecordTest {

  @Test
  void linkToAMissingFileIsAnError(@TempDir Path tmp) throws IOException {
    Path source = Cli.copyContent(tmp.resolve("source"));
    Files.createSymbolicLink(source.resolve("content/cities/ghost.yaml"), tmp.resolve("nowhere.yaml"));
    Cli.Run run = Cli.run("build", "--source", source.toString(), "--out", tmp.resolve("site").toString(), "--quiet");
    assertEquals(1, run.code(), run.err());
    assertEquals("content/cities/ghost.yaml:1:1: error: cannot read file: it is a link to a file that does not exist\n"
        + "  hint: point the link at the record, or replace it with the record itself\n"
        + "1 error, 0 warnings\n", run.err());
  }

  @Test
  void linkToARecordIsRead(@TempDir Path tmp) throws IOException {
    Path source = Cli.copyContent(tmp.resolve("source"));
    Path oslo = source.resolve("content/cities/oslo.yaml");
    Path elsewhere = Files.move(oslo, tmp.resolve("oslo.yaml"));
    Files.createSymbolicLink(oslo, elsewhere);
    Cli.Run run = Cli.run("build", "--source", source.toString(), "--out", tmp.resolve("site").toString(), "--quiet");
    assertEquals(0, run.code(), run.err());
    assertEquals(true, Files.readString(tmp.resolve("site/cities/oslo/index.html")).contains("<h1>Oslo</h1>"));
  }
}
