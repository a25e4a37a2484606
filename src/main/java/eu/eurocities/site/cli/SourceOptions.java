package eu.eurocities.site.cli;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.load.BaseUrl;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by the commands that read content: {@code --source}, {@code --base-url}, {@code --strict}. */
final class SourceOptions {
    @Option(
            names = {"-s", "--source"},
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Folder holding content/ and optionally templates/ (default: ${DEFAULT-VALUE}).")
    Path source;

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
        notAFolder(source).ifPresent(diagnostics::add);
        if (baseUrl == null) {
            return null;
        }
        return BaseUrl.parse(baseUrl, SourcePos.file("--base-url"), diagnostics);
    }

    /** The error for a {@code --source} that is not a folder, if it is not. */
    static Optional<Diagnostic> notAFolder(Path source) {
        if (Files.isDirectory(source)) {
            return Optional.empty();
        }
        return Optional.of(new Diagnostic(
                SourcePos.file("--source"),
                Severity.ERROR,
                Files.exists(source) ? source + " is a file, not a folder" : "there is no folder " + source,
                "name the folder that holds content/, or run the command in it without --source"));
    }

    /** The output folder: {@code out} when given, else {@code site/} in the source folder. */
    Path outDir(Path out) {
        return out != null ? out : source.resolve("site");
    }
}
