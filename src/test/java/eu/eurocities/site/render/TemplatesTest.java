package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The precompiled templates are used only when the source folder's templates are the same files. */
class TemplatesTest {
  @TempDir Path tmp;

  @Test
  void sourceWithoutTemplatesUsesTheBuiltInOnes() {
    assertEquals("built-in templates", Templates.forSource(tmp, tmp.resolve("work")).description());
  }

  @Test
  void sourceWithIdenticalTemplatesUsesThePrecompiledOnes() throws IOException {
    copyTree(Path.of("templates"), tmp.resolve("templates"));
    assertEquals("built-in templates", Templates.forSource(tmp, tmp.resolve("work")).description());
  }

  @Test
  void changedTemplatesAreCompiledAtRunTimeAndUsed() throws IOException {
    Path source = tmp.resolve("src");
    copyTree(Path.of("content"), source.resolve("content"));
    copyTree(Path.of("templates"), source.resolve("templates"));
    Path notFound = source.resolve("templates/pages/notfound.jte");
    Files.writeString(notFound, Files.readString(notFound).replace("There is no page at this address.",
        "Nothing lives here any more."));
    assertTrue(Templates.forSource(source, tmp.resolve("work")).description().contains("compiled at run time"));

    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"build", "--source", source.toString(), "--out", tmp.resolve("out").toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(0, code, err::toString);
    String html = Files.readString(tmp.resolve("out/404.html"));
    assertTrue(html.contains("Nothing lives here any more."), html);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
