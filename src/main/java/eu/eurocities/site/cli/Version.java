package eu.eurocities.site.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Supplies {@code --version} from the version Maven wrote into the jar. */
public final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/eu/eurocities/site/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {"eurocities-site " + p.getProperty("version", "unknown")};
  }
}
