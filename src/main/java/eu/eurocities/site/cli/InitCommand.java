package eu.eurocities.site.cli;

import eu.eurocities.site.diag.Reporter;
import eu.eurocities.site.load.MessagesReader;
import eu.eurocities.site.load.Slugs;
import eu.eurocities.site.model.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code init [DIR] [--title ...] [--language ...]}: writes the smallest site that builds without a warning: the
 * site settings, one membership category, two example records, a home page, and a README that says what to edit
 * next. The network's own facts ({@code network.yaml}) are left for the editor, as the tool cannot know them.
 * Exit codes: 0 written, 1 the folder holds files already, 2 a wrong argument.
 */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Start a new site in DIR (default: the current folder), which must be empty or new.")
public final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "The folder for the new site (default: ${DEFAULT-VALUE}).")
    Path folder;

    @Option(
            names = "--title",
            paramLabel = "TITLE",
            defaultValue = "Our city network",
            description = "The site's title (default: ${DEFAULT-VALUE}).")
    String title;

    @Option(
            names = "--language",
            paramLabel = "TAG",
            defaultValue = "en",
            description = "The pages' language, one the theme has texts for: en or fr (default: ${DEFAULT-VALUE}).")
    String language;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            new Reporter(err)
                    .error(
                            "--language '" + language + "' is not a language tag",
                            "give a BCP 47 tag such as en, fr or pt-BR");
            return ExitCode.USAGE;
        }
        if (!MessagesReader.shipped().contains(language.toLowerCase(Locale.ROOT))) {
            new Reporter(err)
                    .error(
                            "--language '" + language + "': the theme has no texts in that language",
                            "use " + String.join(" or ", MessagesReader.shipped())
                                    + "; to add a language, init the site in English and translate the theme's texts "
                                    + "into i18n/<language>.yaml: they are listed in " + MessagesReader.THEME_TEXTS);
            return ExitCode.USAGE;
        }
        if (title.isBlank() || title.chars().anyMatch(Character::isISOControl)) {
            new Reporter(err)
                    .error(
                            "--title '" + title + "' is " + (title.isBlank() ? "empty" : "not on one line")
                                    + "; every page names the site by its title",
                            "give the network's name, e.g. --title \"Baltic Towns\"");
            return ExitCode.USAGE;
        }
        title = title.strip();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            new Reporter(err).error(folder + " is a file, not a folder", "name a new or empty folder");
            return ExitCode.USAGE;
        }
        if (Files.isDirectory(folder)) {
            try (Stream<Path> inside = Files.list(folder)) {
                if (inside.findAny().isPresent()) {
                    new Reporter(err)
                            .error(
                                    folder + " is not empty; init writes only into an empty or new folder",
                                    "name a new folder, e.g. 'init my-network'; nothing was written");
                    return ExitCode.CONTENT_ERROR;
                }
            }
        }
        for (Map.Entry<String, String> file : files().entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote a new site in " + folder + ": content/ with two example cities, and README.md.");
        out.println("Next: read README.md there, then run 'build' in that folder.");
        out.flush();
        return ExitCode.OK;
    }

    /** The files of the new site, by path. */
    private Map<String, String> files() {
        // the example content is written in the site's language, from the theme's language files
        Messages texts = MessagesReader.of(folder, language);
        String quotedTitle = quoted(title);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "content/site.yaml",
                "title: " + quotedTitle + "\n"
                        + "base_url: https://example.org/\n"
                        + "language: " + language + "\n"
                        + "description: " + quoted(texts.text("init.description", "title", title)) + "\n");
        files.put(
                "content/membership.yaml",
                "categories:\n"
                        + "  - id: member\n"
                        + "    name: " + quoted(texts.text("init.category-name")) + "\n"
                        + "    plural: " + quoted(texts.text("init.category-plural")) + "\n"
                        + "    summary: " + quoted(texts.text("init.category-summary")) + "\n");
        for (String[] city : List.of(
                new String[] {texts.text("init.city-one"), "FR"}, new String[] {texts.text("init.city-two"), "DE"})) {
            files.put(
                    "content/cities/" + Slugs.of(city[0]) + ".yaml",
                    "name: " + quoted(city[0]) + "\ncountry: " + city[1] + "\nmembership: member\n");
        }
        files.put("content/pages/home.md", "---\ntitle: " + quotedTitle + "\n---\n" + texts.text("init.home") + "\n");
        files.put("README.md", texts.text("init.readme", "title", title));
        return files;
    }

    /** {@code s} as a double-quoted YAML scalar. */
    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
