package eu.eurocities.site.cli;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.load.BaseUrl;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that build the site: {@code --source} ({@link SourceOption}), {@code --base-url},
 * {@code --strict}, {@code --debug}.
 */
final class SourceOptions extends SourceOption {
    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "Base URL of the published site, e.g. https://user.github.io/eurocities/ "
                    + "(default: base_url in content/site.yaml).")
    String baseUrl;

    @Option(names = "--strict", description = "Treat warnings as errors (for CI).")
    boolean strict;

    @Option(names = "--debug", description = "Show a stack trace on internal errors.")
    boolean debug;

    /**
     * The base URL override, or null. An invalid one, and a {@code --source} that is not a folder, are recorded as
     * errors on the command line (usage errors: the command has nothing to work on). A source folder without
     * {@code content/} is not one of them: that is reported as a content error when the content is loaded.
     */
    URI baseUrl(Diagnostics diagnostics) {
        notAFolder().ifPresent(diagnostics::add);
        if (baseUrl == null) {
            return null;
        }
        return BaseUrl.parse(baseUrl, SourcePos.file("--base-url"), diagnostics);
    }

    /** The output folder: {@code out} when given, else {@code site/} in the source folder. */
    Path outDir(Path out) {
        return out != null ? out : source.resolve("site");
    }
}
