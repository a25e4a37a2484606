package eu.eurocities.site.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import eu.eurocities.site.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A member index of two pages (5,000 cities a page): the filters cover every city from any page, and clearing them
 * on page 2 shows page 2's own cities again; the rows it makes write numbers in the site's language, as the build does.
 */
class LongMemberIndexTest {
    @TempDir
    static Path tmp;

    static Path out;

    static Path french;

    @BeforeAll
    static void build() throws IOException {
        out = build("en");
        french = build("fr");
    }

    /** The two-page index in {@code language}, built into a folder of that name. */
    private static Path build(String language) throws IOException {
        Path source = Cli.baseSite(tmp.resolve("src-" + language));
        Path site = source.resolve("content/site.yaml");
        Files.writeString(site, Files.readString(site).replace("language: en", "language: " + language));
        for (int i = 0; i < 5_100; i++) {
            Files.writeString(
                    source.resolve("content/cities/synth-" + i + ".yaml"),
                    "name: Synthcity " + i + "\ncountry: " + (i % 2 == 0 ? "DE" : "PL")
                            + "\nmembership: full\npopulation: " + (250_000 + i)
                            + "\npopulation_source: Test figure\npopulation_year: 2020\n");
        }
        Path network = source.resolve("content/network.yaml");
        Files.writeString(
                network,
                Files.readString(network)
                        .replace("member_cities: 3", "member_cities: 5103")
                        .replace("countries: 3", "countries: 4"));
        Path built = tmp.resolve("site-" + language);
        Cli.Run r = Cli.build(source, built);
        assertEquals(0, r.code(), r.err());
        return built;
    }

    /**
     * A row the script makes from members/rows.json (a city of page 1, found from page 2) writes its population as the
     * build wrote it on page 1, in the site's language whatever the browser's: 251,000 in English, 251 000 (a narrow
     * no-break space) in French.
     */
    @ParameterizedTest
    @CsvSource({"en, '251,000'", "fr, '251\u202f000'"})
    void aRowMadeByTheScriptWritesItsPopulationAsTheBuildDid(String language, String expected) throws IOException {
        Path site = language.equals("en") ? out : french;
        Element built = Jsoup.parse(site.resolve("members/index.html").toFile(), "UTF-8")
                .selectFirst("#cities tbody tr:has(th a:containsOwn(Synthcity 1000)) td.num");
        assertEquals(expected, built.text(), "the build's own cell");
        try (Browser browser = Browser.start();
                StaticServer server = new StaticServer(site)) {
            browser.viewport(1280, 900);
            browser.open(server.url("members/page/2/"));
            browser.script("var q = document.getElementById('filter-q'); q.value = 'synthcity 1000';"
                    + "q.dispatchEvent(new Event('input'));");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> List.of("Synthcity 1000").equals(cities(browser)));
            assertEquals(
                    built.text(),
                    browser.script("return document.querySelector('#cities tbody td.num').textContent"),
                    "the browser's language is " + browser.script("return navigator.language"));
        }
    }

    @Test
    void clearingTheFiltersOnPage2ShowsPage2Again() throws IOException {
        try (Browser browser = Browser.start();
                StaticServer server = new StaticServer(out)) {
            browser.viewport(1280, 900);
            browser.open(server.url("members/page/2/"));
            List<String> own = cities(browser);
            assertEquals(103, own.size(), "5,103 cities: 5,000 on page 1, 103 on page 2");
            assertEquals("103 of 5,103 cities shown", text(browser, "filter-count"));
            List<String> built = heading(browser);
            assertEquals("Member cities, page 2 of 2", built.get(0));
            assertFalse(own.contains("Synthcity 1000"));
            browser.script("var q = document.getElementById('filter-q'); q.value = 'synthcity 1000';"
                    + "q.dispatchEvent(new Event('input'));");
            waitFor(browser, "1 of 5,103 cities shown");
            assertEquals(List.of("Synthcity 1000"), cities(browser), "a city of page 1, found from page 2");
            assertEquals(
                    List.of("Member cities", "Member cities · Test network", "1 of the 5,103 cities"),
                    heading(browser),
                    "while filtered, the heading says the whole list, not page 2");
            assertEquals(
                    Boolean.TRUE,
                    browser.script("return document.querySelector('nav.pagination').hidden"),
                    "no pager while the filters cover all pages");
            browser.script("var c = document.getElementById('filter-country'); c.value = 'DE';"
                    + "c.dispatchEvent(new Event('change'));");
            waitFor(browser, "1 of 5,103 cities shown");
            assertEquals("Synthcity 1000", cities(browser).get(0), "the first row of the city's country");
            assertEquals("Germany", browser.script("return document.querySelector('#cities tbody td a').textContent"));
            browser.script("document.getElementById('filter-clear').click()");
            waitFor(browser, "103 of 5,103 cities shown");
            assertEquals(own, cities(browser));
            assertEquals("103 of 5,103 cities shown", text(browser, "filter-count"));
            assertEquals(built, heading(browser), "page 2's heading, title and caption again");
            assertEquals(Boolean.FALSE, browser.script("return document.querySelector('nav.pagination').hidden"));
        }
    }

    private static void waitFor(Browser browser, String count) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> count.equals(text(browser, "filter-count")));
    }

    private static String text(Browser browser, String id) {
        return (String) browser.script("return document.getElementById('" + id + "').textContent");
    }

    /** The page's heading, its title and the table's caption up to the comma before the order. */
    @SuppressWarnings("unchecked")
    private static List<String> heading(Browser browser) {
        return (List<String>) browser.script("return [document.querySelector('h1').textContent, document.title,"
                + " document.querySelector('#cities caption').textContent.replace(/ of the network.*/, '')]");
    }

    @SuppressWarnings("unchecked")
    private static List<String> cities(Browser browser) {
        return (List<String>) browser.script("return [...document.querySelectorAll('#cities tbody tr')]"
                + ".filter(r => !r.hidden).map(r => r.querySelector('th a').textContent)");
    }
}
