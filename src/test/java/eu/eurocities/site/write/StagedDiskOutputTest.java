package eu.eurocities.site.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever path a page is given, the staged output writes only inside the output folder. */
class StagedDiskOutputTest {

  @Test
  void aPathOutsideTheOutputFolderIsRefused(@TempDir Path tmp) throws IOException {
    try (StagedDiskOutput output = new StagedDiskOutput(tmp.resolve("site"))) {
      byte[] page = "x".getBytes(StandardCharsets.UTF_8);
      for (String path : new String[] {"../../out/index.html", "members/../../out.html", "..", ""}) {
        IOException e = assertThrows(IOException.class, () -> output.write(path, page), path);
        assertEquals("refused to write " + path + ": it is not a file inside the output folder", e.getMessage());
      }
      output.write("members/./full/../full/index.html", page);
      output.commit();
    }
    assertTrue(Files.isRegularFile(tmp.resolve("site/members/full/index.html")));
    try (var files = Files.list(tmp)) {
      assertEquals(java.util.List.of(tmp.resolve("site")), files.toList());
    }
  }
}
