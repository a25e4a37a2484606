package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member that is not a city, with every field about the place and its population (the corpus case
 * {@code city-all-new-fields}): its page names the kind of place and its seat, the population with its source and
 * the date of the data, and the alternative names in their languages; the open data carries the same fields.
 */
class CityPlaceTest {
    @TempDir
    static Path tmp;

    static Path site;

    @BeforeAll
    static void build() throws IOException {
        Path source = tmp.resolve("src");
        CasesTest.tree(CasesTest.merged(TextArchive.read(CasesTest.CASES.resolve("city-all-new-fields.txt"))), source);
        site = tmp.resolve("site");
        Cli.Run run = Cli.run("build", "--quiet", "--source", source.toString(), "--out", site.toString());
        assertEquals(0, run.code(), run.err());
    }

    @Test
    void thePageSaysWhatKindOfPlaceWithItsFigureAndNames() throws IOException {
        Document page = Jsoup.parse(
                site.resolve("cities/aix-marseille-provence/index.html").toFile());
        assertEquals(
                "Metropolitan area in France, seat: Marseille",
                page.select("p.kind").text());
        assertEquals(
                "861,635 (GeoNames, data of 18 March 2020)",
                page.select("dl.record dt:contains(Population) + dd").text());
        assertEquals(
                "<span lang=\"es\">Marsella</span>",
                page.select("dl.record dt:contains(Also known as) + dd").html());
        Document rijeka = Jsoup.parse(site.resolve("cities/rijeka/index.html").toFile());
        assertEquals("City in Croatia", rijeka.select("p.kind").text());
        assertEquals(
                "128,624 (Eurocities member list, 2011)",
                rijeka.select("dl.record dt:contains(Population) + dd").text());
        assertEquals(
                0,
                Jsoup.parse(site.resolve("cities/oslo/index.html").toFile())
                        .select("dl.record dt:contains(Population)")
                        .size(),
                "a missing figure is left out");
    }

    @Test
    void theOpenDataCarriesTheFields() throws IOException {
        String csv = Files.readString(site.resolve("members.csv"), StandardCharsets.UTF_8);
        assertEquals(
                "aix-marseille-provence,Aix-Marseille-Provence,,FR,France,true,full,861635,,false,"
                        + "https://example.org/cities/aix-marseille-provence/,metropolitan-area,Marseille,2995469,"
                        + "43.29695,5.38107,GeoNames,2020-03-18,Marsella (es)",
                csv.split("\r\n")[1]);
    }
}
