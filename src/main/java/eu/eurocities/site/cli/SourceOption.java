package eu.eurocities.site.cli;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ListResourceBundle;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The option {@code -s}/{@code --source DIR} of every command that reads a source folder, and the check that it
 * names a folder. A command takes it with {@code @Mixin}; {@link SourceOptions} adds the other options of the
 * commands that build.
 */
class SourceOption {
    @Option(
            names = {"-s", "--source"},
            paramLabel = "DIR",
            defaultValue = ".",
            descriptionKey = "source",
            description = "Folder holding content/ and optionally templates/ (default: ${DEFAULT-VALUE}).")
    Path source;

    /** The usage error for a {@code --source} that is not a folder, if it is not. */
    Optional<Diagnostic> notAFolder() {
        if (Files.isDirectory(source)) {
            return Optional.empty();
        }
        return Optional.of(new Diagnostic(
                SourcePos.file("--source"),
                Severity.ERROR,
                Files.exists(source) ? source + " is a file, not a folder" : "there is no folder " + source,
                "name the folder that holds content/, or run the command in it without --source"));
    }

    /**
     * The help of {@code --source} for the commands that write into {@code content/} and read no templates ({@code
     * new city}, {@code new page}): their {@code @Command(resourceBundle = ...)}.
     */
    public static final class ContentOnly extends ListResourceBundle {
        /** The bundle's name, as picocli looks it up. */
        static final String NAME = "eu.eurocities.site.cli.SourceOption$ContentOnly";

        @Override
        protected Object[][] getContents() {
            return new Object[][] {{"source", "Folder holding content/ (default: ${DEFAULT-VALUE})."}};
        }
    }
}
