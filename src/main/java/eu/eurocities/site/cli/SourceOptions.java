package eu.eurocities.site.cli;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.load.ContentLoader;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that read content: {@code --source}, {@code --base-url}, {@code --strict}. */
public final class SourceOptions {
  @Option(names = "--source", paramLabel = "DIR", defaultValue = ".",
      description = "Folder holding content/ and optionally templates/ (default: ${DEFAULT-VALUE}).")
  Path source;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "Base URL of the published site, e.g. https://user.github.io/eurocities/ "
          + "(default: base_url in content/site.yaml).")
  String baseUrl;

  @Option(names = "--strict", description = "Treat warnings as errors (for CI).")
  boolean strict;

  @Option(names = "--debug", description = "Show a stack trace on internal errors.")
  boolean debug;

  /** The base URL override, or null; an invalid one is recorded as an error on the command line. */
  URI baseUrl(Diagnostics diagnostics) {
    if (baseUrl == null) {
      return null;
    }
    return ContentLoader.parseBaseUrl(baseUrl, SourcePos.file("--base-url"), diagnostics);
  }

  /** The output folder: {@code out} when given, else {@code site/} in the source folder. */
  java.nio.file.Path outDir(java.nio.file.Path out) {
    return out != null ? out : source.resolve("site");
  }
}
