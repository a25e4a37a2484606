package eu.eurocities.site.cli;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Reporter;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.load.ContentLoader;
import eu.eurocities.site.load.Countries;
import eu.eurocities.site.load.Slugs;
import eu.eurocities.site.load.TextFile;
import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code new city}: checks the country against the ISO 3166-1 codes and the membership against the categories in
 * {@code content/membership.yaml} (a site without that file takes no {@code --membership}; with one category the
 * option may be left out), refuses a city whose file or name exists already, and any city while a record has an
 * error (its name could not be compared), then writes {@code content/cities/<slug>.yaml} with the name in
 * Unicode's composed form (NFC). Exit codes: 0 written, 1 the city exists or a file has an error, 2 a wrong
 * argument.
 */
@Command(
        name = "city",
        resourceBundle = SourceOption.ContentOnly.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Write content/cities/<slug>.yaml for a new city; the slug is the name transliterated to "
                + "ASCII (Łódź -> lodz).")
final class NewCity implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The city's name, e.g. \"Łódź\".")
    String name;

    @Option(
            names = "--country",
            required = true,
            paramLabel = "XX",
            description = "ISO 3166-1 alpha-2 country code, e.g. PL.")
    String country;

    @Option(
            names = "--membership",
            paramLabel = "ID",
            description = "Membership category id from content/membership.yaml, e.g. full, associate, partner; "
                    + "needed when the site has that file with more than one category, refused when it has "
                    + "no such file.")
    String membership;

    @Mixin
    SourceOption sourceOption;

    @Override
    public Integer call() throws IOException {
        Path source = sourceOption.source;
        PrintWriter err = spec.commandLine().getErr();
        // composed (NFC), as the build reads every text: a name typed or pasted on a Mac may come decomposed
        String cityName = TextFile.nfc(name.strip());
        if (cityName.contains("/")
                || cityName.contains("\\")
                || cityName.chars().anyMatch(Character::isISOControl)) {
            return NewFiles.usage(
                    err,
                    "NAME",
                    "the name '" + name + "' holds '/', '\\' or a control character, which a city's name does not",
                    "write the city's name as it is spelt, e.g. \"Łódź\"; the file name is made from it");
        }
        String slug = Slugs.of(cityName);
        if (slug.isEmpty()) {
            return NewFiles.usage(
                    err,
                    "NAME",
                    "the name '" + name + "' has no letters or digits to make a file name from",
                    "write the city's name");
        }
        String code = country.strip().length() == 2 ? country.strip().toUpperCase(Locale.ROOT) : country.strip();
        Optional<Diagnostic> badCountry = Countries.problem(code, SourcePos.file("--country"), Countries.all());
        if (badCountry.isPresent()) {
            return NewFiles.usage(err, badCountry.get());
        }
        Optional<Diagnostic> badSource = sourceOption.notAFolder();
        if (badSource.isPresent()) {
            return NewFiles.usage(err, badSource.get());
        }
        Diagnostics diagnostics = new Diagnostics();
        ContentLoader.Loaded content = ContentLoader.load(source, diagnostics);
        // a record with an error is not read, so a name in it could not be checked: the errors come first
        if (NewFiles.refusedForErrors(diagnostics, err, "content/membership.yaml", "content/cities/")) {
            return ExitCode.CONTENT_ERROR;
        }
        List<String> ids = content.categories().orElseThrow().stream()
                .filter(Category::listsCities)
                .map(Category::id)
                .toList();
        // as the loader decides: with membership.yaml (even one of one category) every record names its category
        boolean categorised = Files.isRegularFile(source.resolve(NewFiles.MEMBERSHIP));
        if (categorised && membership == null && ids.size() == 1) {
            membership = ids.get(0);
        }
        if (!categorised && membership != null) {
            return NewFiles.usage(
                    err,
                    "--membership",
                    "this site has no content/membership.yaml, so its cities have no membership category",
                    "leave out --membership: every city is a member");
        }
        if (categorised && membership == null) {
            return NewFiles.usage(
                    err,
                    "--membership",
                    "missing --membership",
                    "give the city's category: one of the ids in content/membership.yaml: "
                            + String.join(", ", ids.stream().sorted().toList()));
        }
        if (categorised && !ids.contains(membership)) {
            return NewFiles.usage(err, Validator.unknownMembership(membership, SourcePos.file("--membership"), ids));
        }
        String display = "content/cities/" + slug + ".yaml";
        Path file = source.resolve(display);
        if (Files.exists(file)) {
            new Reporter(err)
                    .error(
                            SourceFolder.shown(source, display) + " already exists",
                            "edit that file, or give the new city a name that differs");
            return ExitCode.CONTENT_ERROR;
        }
        for (City c : content.cities().values()) {
            if (c.name().equalsIgnoreCase(cityName)) {
                new Reporter(err)
                        .error(
                                SourceFolder.shown(source, c.pos("").path()) + " already holds the city '" + c.name()
                                        + "'",
                                "edit that file instead");
                return ExitCode.CONTENT_ERROR;
            }
        }
        Files.createDirectories(file.getParent());
        String yaml = "# yaml-language-server: $schema=../schemas/city.schema.json\n"
                + "name: " + NewFiles.quoted(cityName) + "\n"
                + "country: " + code + "\n"
                + (categorised ? "membership: " + membership + "\n" : "");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + SourceFolder.shown(source, display));
        out.println("Add population (digits only) with its population_source and population_year (or "
                + "population_snapshot) if a source states them, then run " + SourceFolder.build(source) + ".");
        out.flush();
        return ExitCode.OK;
    }
}
