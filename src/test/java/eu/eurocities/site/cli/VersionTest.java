package eu.eurocities.site.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --version} prints the version set in one place, the project's {@code pom.xml}. */
class VersionTest {
  /** The project's own version: the first {@code <version>} after its {@code <artifactId>}. */
  static String pomVersion() throws IOException {
    Matcher m = Pattern.compile("<artifactId>eurocities-site</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(Path.of("pom.xml")));
    assertTrue(m.find(), "pom.xml names the project's version");
    return m.group(1);
  }

  @Test
  void versionIsThePomVersion() throws IOException {
    Cli.Run r = Cli.run("--version");
    assertEquals(0, r.code(), r.err());
    assertEquals("eurocities-site " + pomVersion(), r.out().lines().findFirst().orElse(""));
  }
}
