package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network outside Europe with rules of its own: cities in any ISO 3166-1 country, categories with a population
 * threshold, a group of countries or neither, and no word about the European Union when it defines no group eu.
 */
class AnyNetworkTest {
    @TempDir
    Path tmp;

    private static Document page(Path out, String file) throws IOException {
        return Jsoup.parse(out.resolve(file).toFile(), "UTF-8");
    }

    @Test
    void aNetworkOutsideEuropeWithItsOwnCountryGroup() throws IOException {
        Path source = Cli.baseSite(tmp.resolve("src"));
        Files.writeString(source.resolve("content/membership.yaml"), """
        country_groups:
          - id: andes
            name: the Andean Community
            countries: [BO, CO, EC, PE]
        categories:
          - id: full
            name: Full member
            summary: A city in the Andean Community.
            inside: andes
          - id: associate
            name: Associate member
            summary: A city elsewhere.
            outside: andes
          - id: partner
            name: Partner
            summary: A smaller city of more than 50,000.
            population_above: 50000
        """);
        Files.writeString(
                source.resolve("content/cities/lyon.yaml"),
                "name: Lyon\ncountry: PE\nmembership: full\nfounding_member: true\n");
        Files.writeString(source.resolve("content/cities/oslo.yaml"), "name: Oslo\ncountry: US\nmembership: full\n");
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.build(source, out);
        assertEquals(0, r.code(), r.err());
        assertEquals(
                List.of(
                        "content/cities/oslo.yaml:3:13: warning: Oslo does not meet the membership criteria: listed "
                                + "as full member; "
                                + "United States is outside the Andean Community",
                        "  hint: correct the record, or explain the exception with a line 'rule_exception: ...'",
                        "0 errors, 1 warning"),
                r.errLines());
    }

    @Test
    void withoutTheGroupEuNoPageSpeaksOfTheEuropeanUnion() throws IOException {
        Path source = Cli.baseSite(tmp.resolve("src"));
        Files.writeString(source.resolve("content/membership.yaml"), """
        categories:
          - id: full
            name: Full member
            summary: Any city.
          - id: associate
            name: Associate member
            summary: Any city.
          - id: partner
            name: Partner
            summary: A smaller city of more than 50,000.
            population_above: 50000
        """);
        Files.writeString(
                source.resolve("content/cities/oslo.yaml"), "name: Oslo\ncountry: US\nmembership: associate\n");
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.build(source, out);
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "1 city in the United States.",
                page(out, "countries/us/index.html").selectFirst("p.lead").text());
        assertEquals(
                List.of("Country", "Cities"),
                page(out, "countries/index.html").select("thead th").eachText());
        assertEquals(
                "any country",
                page(out, "membership/index.html")
                        .selectFirst("#full td[data-label=Countries]")
                        .text());
        for (String file : List.of("cities/oslo/index.html", "countries/us/index.html", "countries/index.html")) {
            assertFalse(Files.readString(out.resolve(file)).contains("European Union"), file);
        }
    }

    @Test
    void withoutNetworkYamlTheNetworkIsNamedAsTheSiteAndStatesNoFacts() throws IOException {
        Path source = Cli.baseSite(tmp.resolve("src"));
        Files.delete(source.resolve("content/network.yaml"));
        Files.writeString(source.resolve("content/cities/lyon.yaml"), "name: Lyon\ncountry: FR\nmembership: full\n");
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.build(source, out, "--strict");
        assertEquals(0, r.code(), r.err());
        Document home = page(out, "index.html");
        assertEquals("Test network", home.selectFirst("footer p").text());
        assertEquals(List.of(), home.select("#facts-heading, #founders-heading").eachText());
        assertEquals("Test network", home.selectFirst(".kicker").text());
        assertFalse(Files.readString(out.resolve("index.html")).contains("foundingDate"));
    }

    /** Every {@code .html} file under {@code out}, by its path relative to it. */
    private static List<String> htmlFiles(Path out) throws IOException {
        try (var files = Files.walk(out)) {
            return files.filter(f -> f.toString().endsWith(".html"))
                    .map(f -> out.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void withoutMembershipYamlNoPageSpeaksOfCategoriesOrRules() throws IOException {
        Path source = Cli.baseSite(tmp.resolve("src"));
        Files.delete(source.resolve("content/membership.yaml"));
        Files.delete(source.resolve("content/pages/membership.md"));
        for (String city : List.of("lyon", "oslo", "rijeka")) {
            Path file = source.resolve("content/cities/" + city + ".yaml");
            Files.writeString(file, Files.readString(file).replaceAll("membership: [a-z]+\n", ""));
        }
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.build(source, out, "--strict");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(
                List.of(
                        "404.html",
                        "cities/lyon/index.html",
                        "cities/oslo/index.html",
                        "cities/rijeka/index.html",
                        "countries/fr/index.html",
                        "countries/hr/index.html",
                        "countries/index.html",
                        "countries/no/index.html",
                        "index.html",
                        "members/index.html",
                        "search/index.html",
                        "strategy-and-activities/index.html"),
                htmlFiles(out),
                "no rules page and no category pages");
        List<String> said = new java.util.ArrayList<>();
        for (String file : htmlFiles(out)) {
            Document doc = page(out, file);
            // what a reader sees or hears: hidden parts (the member filter's unused category menu) left out
            doc.select("[hidden], script, style").remove();
            for (var a : doc.select("a[href]")) {
                if (a.attr("href").contains("membership") || a.attr("href").contains("members/member")) {
                    said.add(file + ": link to " + a.attr("href"));
                }
            }
            String text = doc.text().toLowerCase(java.util.Locale.ROOT);
            for (String word : List.of("categor", "rule", "membership", "full member", "partner", "criteria")) {
                if (text.contains(word)) {
                    said.add(file + ": says '" + word + "'");
                }
            }
        }
        assertEquals(List.of(), said);
        assertEquals(
                "3 cities in 3 countries.",
                page(out, "members/index.html").selectFirst("p.lead").text());
        assertEquals(
                List.of("City", "Country", "Population"),
                page(out, "members/index.html").select("table.cities thead th").eachText());
        assertEquals(
                List.of("Country", "Population"),
                page(out, "cities/rijeka/index.html").select("dl.record dt").eachText());
    }

    @Test
    void withoutMembershipYamlMembershipMdIsAPageLikeAnyOther() throws IOException {
        Path source = Cli.baseSite(tmp.resolve("src"));
        Files.delete(source.resolve("content/membership.yaml"));
        for (String city : List.of("lyon", "oslo", "rijeka")) {
            Path file = source.resolve("content/cities/" + city + ".yaml");
            Files.writeString(file, Files.readString(file).replaceAll("membership: [a-z]+\n", ""));
        }
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.build(source, out, "--strict");
        assertEquals(0, r.code(), r.err());
        Document page = page(out, "membership/index.html");
        assertEquals("Membership rules", page.selectFirst("h1").text());
        assertEquals(List.of(), page.select("table").eachText(), "no table of categories");
        assertEquals("The rules.", page.selectFirst("main p").text());
    }
}
