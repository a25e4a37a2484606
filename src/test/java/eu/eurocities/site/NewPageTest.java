package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * {@code new page TITLE}: writes a page that builds with {@code --strict} and no warning, in the navigation or not
 * as asked, and refuses a slug, title or address that is taken.
 */
class NewPageTest extends NewCommandTest {
    private Cli.Run newPage(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("new", "page"));
        all.addAll(List.of(args));
        all.addAll(List.of("--source", source.toString()));
        return Cli.run(all.toArray(String[]::new));
    }

    private String page(String slug) throws IOException {
        return Files.readString(source.resolve("content/pages/" + slug + ".md"), StandardCharsets.UTF_8);
    }

    /** Builds with --strict, asserts it built without a word on stderr, and returns the main navigation's texts. */
    private List<String> buildStrictAndReadNav() throws IOException {
        Path out = tmp.resolve("site");
        Cli.Run build = Cli.build(source, out, "--strict");
        assertEquals(0, build.code(), build.err());
        assertEquals("", build.err());
        Document home = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        return home.select("header nav a").stream()
                .map(a -> a.text() + " -> " + a.attr("href"))
                .toList();
    }

    @Test
    void writesAPageOutsideTheNavigationThatBuildsStrictly() throws IOException {
        Cli.Run r = newPage("Über uns");
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "Wrote " + source + "/content/pages/uber-uns.md\n"
                        + "Next: write the page in Markdown below its front matter, then run 'build --source " + source
                        + "'; it will be at "
                        + "/uber-uns/.\n"
                        + "It is not in the navigation: add 'menu: \"Über uns\"' to its front matter to put it there, "
                        + "or link to it from another page as [Über uns](uber-uns.md).\n",
                r.out());
        assertEquals("---\ntitle: \"Über uns\"\n---\n", page("uber-uns"));
        List<String> nav = buildStrictAndReadNav();
        assertEquals(
                List.of(
                        "Members -> members/",
                        "Countries -> countries/",
                        "Strategy -> strategy-and-activities/",
                        "Membership rules -> membership/"),
                nav);
        assertEquals(
                "Über uns",
                Jsoup.parse(tmp.resolve("site/uber-uns/index.html").toFile(), "UTF-8")
                        .select("h1")
                        .text());
    }

    @Test
    void withMenuThePageIsInTheNavigation() throws IOException {
        Cli.Run r = newPage("About \"us\"", "--menu");
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "Wrote " + source + "/content/pages/about-us.md\n"
                        + "Next: write the page in Markdown below its front matter, then run 'build --source " + source
                        + "'; it will be at "
                        + "/about-us/.\n"
                        + "It is in the navigation (menu: in its front matter).\n",
                r.out());
        assertEquals("---\ntitle: \"About \\\"us\\\"\"\nmenu: \"About \\\"us\\\"\"\n---\n", page("about-us"));
        assertEquals(
                List.of(
                        "Members -> members/",
                        "Countries -> countries/",
                        "Strategy -> strategy-and-activities/",
                        "Membership rules -> membership/",
                        "About \"us\" -> about-us/"),
                buildStrictAndReadNav());
    }

    @Test
    void withAMenuInSiteYamlItSaysWhatToAddThere() throws IOException {
        Path site = source.resolve("content/site.yaml");
        Files.writeString(site, Files.readString(site) + "menu:\n  - title: Members\n    page: members\n");
        Cli.Run r = newPage("Statutes", "--menu");
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "Wrote " + source + "/content/pages/statutes.md\n"
                        + "Next: write the page in Markdown below its front matter, then run 'build --source " + source
                        + "'; it will be at "
                        + "/statutes/.\n"
                        + "To put it in the navigation, add an entry to menu: in " + source + "/content/site.yaml: "
                        + "'- title: \"Statutes\"' with 'page: statutes'.\n",
                r.out());
        assertEquals("---\ntitle: \"Statutes\"\n---\n", page("statutes"));
        assertEquals(List.of("Members -> members/"), buildStrictAndReadNav());
    }

    @Test
    void refusesAPageThatExistsOrATitleAnotherPageHas() throws IOException {
        assertRefused(
                newPage("strategy and activities"),
                1,
                "error: " + source + "/content/pages/strategy-and-activities.md already exists\n"
                        + "  hint: edit that file, or give the new page a title that differs\n");
        assertRefused(
                newPage("membership RULES"),
                1,
                "error: " + source + "/content/pages/membership.md already has the title 'Membership rules'\n"
                        + "  hint: edit that page, or give the new one a title that differs: no two pages share a "
                        + "title\n",
                "content/pages/membership-rules.md");
        Files.writeString(
                source.resolve("content/cities/oslo.yaml"), "name: Oslo\ncountry: NO\nmembership: associate\n");
        assertRefused(
                newPage("OSLO"),
                1,
                "error: " + source + "/content/cities/oslo.yaml already has the name 'Oslo', the title of its page\n"
                        + "  hint: give the new page a title that differs: no two pages share a title\n",
                "content/pages/oslo.md");
    }

    @Test
    void refusesAnAddressAMenuEntryCouldNeverName() {
        for (String title : List.of("Rules", "RULES")) {
            String slug = title.toLowerCase(java.util.Locale.ROOT);
            assertRefused(
                    newPage(title),
                    1,
                    "error: 'page: " + slug + "' in a menu names the page the site makes itself, so a page at /"
                            + slug + "/ could never be put in the navigation\n"
                            + "  hint: give the new page a title that differs\n",
                    "content/pages/" + slug + ".md");
        }
    }

    @Test
    void refusesAnAddressTheSiteOrAnOldAddressOrAStaticFileHas() throws IOException {
        assertRefused(
                newPage("Members"),
                1,
                "error: the page would be published at /members/, which is already the address of the member index\n"
                        + "  hint: give the new page a title that differs\n",
                "content/pages/members.md");
        assertRefused(
                newPage("Search"),
                1,
                "error: the page would be published at /search/, which is already the address of the site's "
                        + "search page\n  hint: give the new page a title that differs\n",
                "content/pages/search.md");

        Files.writeString(
                source.resolve("content/cities/oslo.yaml"),
                "name: Oslo\ncountry: NO\nmembership: associate\naliases: [/christiania/]\n");
        assertRefused(
                newPage("Christiania"),
                1,
                "error: the page would be published at /christiania/, which is already the address of an old "
                        + "address of " + source + "/content/cities/oslo.yaml (aliases)\n"
                        + "  hint: give the new page a title that differs\n",
                "content/pages/christiania.md");

        Files.createDirectories(source.resolve("static/press"));
        Files.writeString(source.resolve("static/press/index.html"), "<!doctype html><title>Press</title>");
        assertRefused(
                newPage("Press"),
                1,
                "error: the page would be published at /press/, which is already the address of " + source
                        + "/static/press/index.html\n  hint: give the new page a title that differs\n",
                "content/pages/press.md");
    }

    @Test
    void refusesATitleWithoutLettersOrOnSeveralLines() {
        assertRefused(
                newPage("?!"),
                2,
                "TITLE: error: the title '?!' has no letters or digits to make a file name from\n"
                        + "  hint: write the page's title, e.g. \"About us\"\n");
        assertRefused(
                newPage("About\nus"),
                2,
                "TITLE: error: the title holds a control character (a line break, a tab)\n"
                        + "  hint: write the title on one line\n");
    }

    /**
     * The titles of the pages the site makes (the member index, a country's page) are refused like those of pages
     * and cities: the build would refuse the page (a new page "Cities in Germany" was once written, then failed).
     */
    @Test
    void refusesTheTitleOfAPageTheSiteMakes() {
        assertRefused(
                newPage("member cities"),
                1,
                "error: 'Member cities' is already the title of the member index (/members/)\n"
                        + "  hint: give the new page a title that differs: no two pages share a title\n",
                "content/pages/member-cities.md");
        assertRefused(
                newPage("Cities in France"),
                1,
                "error: 'Cities in France' is already the title of the page of a country (/countries/fr/)\n"
                        + "  hint: give the new page a title that differs: no two pages share a title\n",
                "content/pages/cities-in-france.md");
    }

    /** A city record with an error is not read, so its name could not be compared: nothing is written. */
    @Test
    void refusesWhileACityRecordHasAnError() throws IOException {
        BrokenCityRecord.writeInto(source);
        assertRefused(newPage("Łódź"), 1, BrokenCityRecord.REFUSAL, "content/pages/lodz.md");
    }

    /**
     * Without --menu, a site whose site.yaml has a menu: is told to add an entry there: a menu: in the page's front
     * matter would do nothing (and is a warning).
     */
    @Test
    void withoutMenuOnASiteWithAMenuItPointsAtSiteYaml() throws IOException {
        Path site = source.resolve("content/site.yaml");
        Files.writeString(site, Files.readString(site) + "menu:\n  - title: Members\n    page: members\n");
        Cli.Run r = newPage("Norway");
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "It is not in the navigation: to put it there, add an entry to menu: in " + source
                        + "/content/site.yaml: '- title: \"Norway\"' with 'page: norway'; or link to it from another "
                        + "page as [Norway](norway.md).",
                r.out().lines().toList().get(2));
        assertEquals("---\ntitle: \"Norway\"\n---\n", page("norway"));
    }
}
