package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code new city} writes a record that builds and refuses what the build would refuse; {@code --debug}. */
class NewCityAndDebugTest extends NewCommandTest {
    private Cli.Run newCity(String name, String country, String membership) {
        return Cli.run(
                "new", "city", name, "--country", country, "--membership", membership, "--source", source.toString());
    }

    @Test
    void writesAValidRecordThatBuilds() throws IOException {
        Cli.Run r = newCity("Łódź", "PL", "full");
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "Wrote " + source + "/content/cities/lodz.yaml\n"
                        + "Add population (digits only) with its population_source and population_year (or "
                        + "population_snapshot) if a source states them, then run 'build --source " + source + "'.\n",
                r.out());
        assertEquals(
                "# yaml-language-server: $schema=../schemas/city.schema.json\n"
                        + "name: \"Łódź\"\ncountry: PL\nmembership: full\n",
                Files.readString(source.resolve("content/cities/lodz.yaml"), StandardCharsets.UTF_8));
        assertEquals(
                java.util.List.of(),
                SchemaTest.problems(
                        "content/cities/lodz.yaml", Files.readAllBytes(source.resolve("content/cities/lodz.yaml"))));

        Cli.Run build = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("site").toString());
        assertEquals(0, build.code(), build.err());
        // the base site states 3 countries; the new city adds a fourth, which the claims check notices
        assertEquals(
                "content/network.yaml:8:3: warning: network.yaml states 3 countries, but the city records are in 4\n"
                        + "  hint: check the cities' country codes, or correct claims.countries\n0 errors, 1 warning\n",
                build.err());
        assertTrue(Files.readString(tmp.resolve("site/cities/lodz/index.html")).contains("Łódź"));
    }

    @Test
    void acceptsALowerCaseCountryCodeAndWritesItInCapitals() throws IOException {
        assertEquals(0, newCity("Kraków", "pl", "full").code());
        assertTrue(
                Files.readString(source.resolve("content/cities/krakow.yaml")).contains("\ncountry: PL\n"));
    }

    @Test
    void refusesACityThatExists() throws IOException {
        assertEquals(0, newCity("Łódź", "PL", "full").code());
        assertRefused(
                newCity("Lodz", "PL", "full"),
                1,
                "error: " + source + "/content/cities/lodz.yaml already exists\n"
                        + "  hint: edit that file, or give the new city a name that differs\n");

        Files.writeString(
                source.resolve("content/cities/christiania.yaml"),
                "name: Kristiania\ncountry: NO\n" + "membership: associate\n");
        assertRefused(
                newCity("kristiania", "NO", "associate"),
                1,
                "error: " + source + "/content/cities/christiania.yaml already holds the city 'Kristiania'\n"
                        + "  hint: edit that file instead\n",
                "content/cities/kristiania.yaml");
    }

    @Test
    void refusesANameThatIsAPath() {
        assertRefused(
                newCity("../../evil", "PL", "full"),
                2,
                "NAME: error: the name '../../evil' holds '/', '\\' or a control character, which a city's name "
                        + "does not\n  hint: write the city's name as it is spelt, e.g. \"Łódź\"; the file name is "
                        + "made from it\n",
                "content/cities/evil.yaml");
    }

    @Test
    void membershipIdsComeFromMembershipYaml() throws IOException {
        assertRefused(
                newCity("Bergen", "NO", "member"),
                2,
                "--membership: error: unknown membership 'member'\n"
                        + "  hint: membership ids are those in content/membership.yaml: associate, full, partner\n");
        assertRefused(
                newCity("Bergen", "NO", "ful"),
                2,
                "--membership: error: unknown membership 'ful'\n  hint: did you mean 'full'?\n",
                "content/cities/bergen.yaml");

        Path membership = source.resolve("content/membership.yaml");
        Files.writeString(
                membership,
                Files.readString(membership)
                        + "  - id: observer\n    name: Observer\n    summary: A city that follows the work.\n");
        assertEquals(0, newCity("Bergen", "NO", "observer").code());
        assertFalse(Files.exists(source.resolve("content/cities/tromso.yaml")));
    }

    @Test
    void withoutMembershipYamlARecordHasNoMembershipAndTheOptionIsRefused() throws IOException {
        Files.delete(source.resolve("content/membership.yaml"));
        Files.delete(source.resolve("content/pages/membership.md"));
        for (String city : java.util.List.of("lyon", "oslo", "rijeka")) {
            Path file = source.resolve("content/cities/" + city + ".yaml");
            Files.writeString(file, Files.readString(file).replaceAll("membership: [a-z]+\n", ""));
        }
        assertRefused(
                newCity("Łódź", "PL", "full"),
                2,
                "--membership: error: this site has no content/membership.yaml, so its cities have no membership "
                        + "category\n  hint: leave out --membership: every city is a member\n",
                "content/cities/lodz.yaml");
        Cli.Run r = Cli.run("new", "city", "Łódź", "--country", "PL", "--source", source.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "# yaml-language-server: $schema=../schemas/city.schema.json\nname: \"Łódź\"\ncountry: PL\n",
                Files.readString(source.resolve("content/cities/lodz.yaml"), StandardCharsets.UTF_8));
        Path network = source.resolve("content/network.yaml");
        Files.writeString(network, Files.readString(network).replace("countries: 3", "countries: 4"));
        Cli.Run build = Cli.run(
                "build",
                "--strict",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("site").toString());
        assertEquals(0, build.code(), build.err());
    }

    @Test
    void withMembershipYamlTheMembershipIsNeeded() {
        assertRefused(
                Cli.run("new", "city", "Łódź", "--country", "PL", "--source", source.toString()),
                2,
                "--membership: error: missing --membership\n"
                        + "  hint: give the city's category: one of the ids in content/membership.yaml: associate, "
                        + "full, partner\n",
                "content/cities/lodz.yaml");
    }

    @Test
    void refusesUnknownCountries() {
        assertRefused(
                newCity("Leeds", "UK", "associate"),
                2,
                "--country: error: unknown country code 'UK'\n"
                        + "  hint: the ISO 3166-1 code of the United Kingdom is GB\n",
                "content/cities/leeds.yaml");
        assertRefused(
                newCity("Pristina", "XK", "partner"),
                2,
                "--country: error: 'XK' is not an ISO 3166-1 alpha-2 country code\n"
                        + "  hint: use the two-letter ISO 3166-1 alpha-2 code, e.g. PL for Poland\n");
        assertRefused(
                newCity("Łódź", "Poland", "full"),
                2,
                "--country: error: 'Poland' is not an ISO 3166-1 alpha-2 country code\n"
                        + "  hint: the code of Poland is PL\n");
    }

    @Test
    void reportsABrokenMembershipFileInsteadOfGuessing() throws IOException {
        Files.writeString(source.resolve("content/membership.yaml"), "categories:\n  - id: full\n   name: x\n");
        assertRefused(
                newCity("Bergen", "NO", "full"),
                1,
                "content/membership.yaml:3:4: error: this line does not line up with the lines above it\n"
                        + "  hint: indent each field of a mapping by the same number of spaces\n1 error, 0 warnings\n"
                        + BrokenCityRecord.NOTHING_WRITTEN,
                "content/cities/bergen.yaml");
    }

    /**
     * A city record with an error is not read, so a name in it could not be compared with the new one: the errors
     * are reported and nothing is written (a broken lodz.yaml once let a second Łódź in).
     */
    @Test
    void refusesWhileACityRecordHasAnError() throws IOException {
        BrokenCityRecord.writeInto(source);
        assertRefused(newCity("Lodz", "PL", "full"), 1, BrokenCityRecord.REFUSAL, "content/cities/lodz-2.yaml");
    }

    /**
     * A site made by init has a membership.yaml with the one category 'member': the README it writes says to give
     * --membership member, and a record needs the field, as the build requires it (the command once refused the
     * option and wrote records without the field).
     */
    @Test
    void aSiteMadeByInitTakesTheCommandItsReadmeGives() throws IOException {
        Path made = tmp.resolve("made");
        assertEquals(
                0, Cli.run("init", made.toString(), "--title", "Baltic Towns").code());
        Cli.Run given = Cli.run(
                "new", "city", "Sopot", "--country", "PL", "--membership", "member", "--source", made.toString());
        assertEquals(0, given.code(), given.err());
        assertEquals(
                "# yaml-language-server: $schema=../schemas/city.schema.json\n"
                        + "name: \"Sopot\"\ncountry: PL\nmembership: member\n",
                Files.readString(made.resolve("content/cities/sopot.yaml"), StandardCharsets.UTF_8));
        // with one category there is nothing to choose: the option may be left out
        Cli.Run left = Cli.run("new", "city", "Łódź", "--country", "PL", "--source", made.toString());
        assertEquals(0, left.code(), left.err());
        assertTrue(Files.readString(made.resolve("content/cities/lodz.yaml"), StandardCharsets.UTF_8)
                .endsWith("\nmembership: member\n"));
        Cli.Run build = Cli.run(
                "build",
                "--strict",
                "--source",
                made.toString(),
                "--out",
                tmp.resolve("made-site").toString());
        assertEquals(0, build.code(), build.err());
        assertRefused(
                Cli.run(
                        "new",
                        "city",
                        "Gdańsk",
                        "--country",
                        "PL",
                        "--membership",
                        "full",
                        "--source",
                        made.toString()),
                2,
                "--membership: error: unknown membership 'full'\n"
                        + "  hint: membership ids are those in content/membership.yaml: member\n");
    }

    /** The paths in the messages are those of the Wrote line: as seen from where the command runs. */
    @Test
    void namesPathsAsTheUserCanOpenThem() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        Path relative = here.relativize(source);
        Cli.Run first = Cli.run(
                "new", "city", "Łódź", "--country", "PL", "--membership", "full", "--source", relative.toString());
        assertEquals(
                "Wrote " + relative + "/content/cities/lodz.yaml",
                first.out().lines().findFirst().orElseThrow());
        Cli.Run again = Cli.run(
                "new", "city", "Łódź", "--country", "PL", "--membership", "full", "--source", relative.toString());
        assertEquals(
                "error: " + relative + "/content/cities/lodz.yaml already exists\n"
                        + "  hint: edit that file, or give the new city a name that differs\n",
                again.err());
    }

    /** A command that fails the way a bug would: with an exception, or with an error when called with --error. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Option(names = "--debug")
        boolean debug;

        @Option(names = "--error")
        boolean error;

        @Override
        public Integer call() {
            if (error) {
                throw new StackOverflowError();
            }
            throw new IllegalStateException("something the code did not expect");
        }
    }

    @Test
    void anErrorSuchAsStackOverflowIsReportedTheSameWay() {
        Cli.Run plain = runBoom("--error");
        assertEquals(1, plain.code());
        assertEquals(
                "error: internal error: java.lang.StackOverflowError\n"
                        + "  hint: run again with --debug to see where it happened\n",
                plain.err());
        Cli.Run debug = runBoom("--error", "--debug");
        assertTrue(debug.err().contains("\tat eu.eurocities.site.NewCityAndDebugTest$Boom.call("), debug.err());
    }

    private static Cli.Run runBoom(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new Boom(), args, new PrintWriter(o), new PrintWriter(e));
        return new Cli.Run(code, o.toString(), e.toString());
    }

    @Test
    void anInternalErrorIsOneLineWithoutDebugAndAStackTraceWithIt() {
        Cli.Run plain = runBoom();
        assertEquals(1, plain.code());
        assertEquals(
                "error: internal error: java.lang.IllegalStateException: something the code did not expect\n"
                        + "  hint: run again with --debug to see where it happened\n",
                plain.err());
        Cli.Run debug = runBoom("--debug");
        assertEquals(1, debug.code());
        assertTrue(
                debug.err()
                        .startsWith("error: internal error: java.lang.IllegalStateException: something the code "
                                + "did not expect\njava.lang.IllegalStateException: something the code did "
                                + "not expect\n\tat "),
                debug.err());
        assertTrue(debug.err().contains("NewCityAndDebugTest$Boom.call("), debug.err());
    }

    @Test
    void anOutputThatCannotBeWrittenIsAFileErrorNotAStackTrace() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        Cli.Run r = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                file.resolve("site").toString());
        assertEquals(1, r.code());
        assertTrue(
                r.err()
                        .startsWith("error: cannot read or write files: " + file
                                + ": already exists, and is not a folder\n"),
                r.err());
        assertTrue(
                r.err()
                        .endsWith("  hint: check that the path exists, is a folder where one is needed, and can be "
                                + "written; --debug shows where it happened\n"),
                r.err());
        assertFalse(r.err().contains("\tat "));
        Cli.Run debug = Cli.run(
                "build",
                "--debug",
                "--source",
                source.toString(),
                "--out",
                file.resolve("site").toString());
        assertTrue(debug.err().contains("\tat "), debug.err());
    }
}
