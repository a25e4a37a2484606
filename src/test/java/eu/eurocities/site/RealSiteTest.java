package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Builds the real content/ with the command line, as a user would, and reads the output with jsoup. */
class RealSiteTest {
    static Path out;
    static String stdout;

    @BeforeAll
    static void build() {
        out = BuiltSite.out();
        stdout = BuiltSite.stdout();
    }

    static Document page(String file) throws IOException {
        Path p = out.resolve(file);
        assertTrue(Files.isRegularFile(p), "missing " + file);
        return Jsoup.parse(p.toFile(), "UTF-8");
    }

    static List<Path> htmlFiles() throws IOException {
        return BuiltSite.htmlFiles();
    }

    @Test
    void writesOnePagePerCityAndCountry() throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("cities"))) {
            assertEquals(
                    BuiltSite.cities(),
                    s.filter(p -> Files.isRegularFile(p.resolve("index.html"))).count());
        }
        try (Stream<Path> s = Files.list(out.resolve("countries"))) {
            assertEquals(
                    BuiltSite.countries(),
                    s.filter(p -> Files.isRegularFile(p.resolve("index.html"))).count());
        }
        assertEquals(BuiltSite.pages(), htmlFiles().size());
        assertTrue(stdout.contains("Built " + BuiltSite.pages() + " pages"), stdout);
    }

    @Test
    void memberIndexListsEveryCityWithItsCategory() throws IOException {
        Document doc = page("members/index.html");
        List<Element> rows = doc.select("table.cities tbody tr");
        assertEquals(202, rows.size());
        assertEquals("Full member", row(doc, "Bergen").select("td").get(1).text());
        assertEquals("Norway", row(doc, "Bergen").select("td").get(0).text());
        assertEquals(
                "Associate member", row(doc, "Birmingham").select("td").get(1).text());
        assertTrue(row(doc, "Birmingham").select("th").text().contains("founder"));
        assertEquals("Partner", row(doc, "Rijeka").select("td").get(1).text());
        assertEquals("128,624", row(doc, "Rijeka").select("td").get(2).text());
        assertEquals("Croatia", row(doc, "Rijeka").select("td").get(0).text());
        long partners = rows.stream()
                .filter(r -> r.attr("data-category").equals("partner"))
                .count();
        long full = rows.stream()
                .filter(r -> r.attr("data-category").equals("full"))
                .count();
        long associate = rows.stream()
                .filter(r -> r.attr("data-category").equals("associate"))
                .count();
        assertEquals(List.of(117L, 32L, 53L), List.of(full, associate, partners));
        assertTrue(
                doc.select("p.lead")
                        .text()
                        .startsWith("202 cities in 38 countries: 117 full members, "
                                + "32 associate members, 53 partners."),
                doc.select("p.lead").text());
    }

    @Test
    void memberIndexIsInReadingOrder() throws IOException {
        List<String> names =
                page("members/index.html").select("table.cities tbody th a").eachText();
        int lisbon = names.indexOf("Lisbon");
        int lodz = names.indexOf("Łódź");
        int london = names.indexOf("London");
        assertTrue(lisbon < lodz && lodz < london, "Łódź should sort between Lisbon and London: " + names);
        assertEquals("Aarhus", names.get(0));
    }

    private static Element row(Document doc, String city) {
        for (Element r : doc.select("table.cities tbody tr")) {
            if (r.select("th a").text().equals(city)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + city);
    }

    @Test
    void bergenPageSaysWhatItMust() throws IOException {
        Document doc = page("cities/bergen/index.html");
        assertEquals("Bergen", doc.select("h1").text());
        assertEquals("Bergen · Eurocities", doc.title());
        String record = doc.select("dl.record").text();
        assertTrue(record.contains("Norway (NO), outside the European Union"), record);
        assertTrue(record.contains("Full member"), record);
        assertTrue(record.contains("Population 213,585 (GeoNames, data of 18 March 2020)"), record);
        // jsoup's text() folds runs of spaces, so the written bytes are checked too.
        assertTrue(Files.readString(out.resolve("cities/bergen/index.html"))
                .contains("<dd>213,585 (GeoNames, data of 18 March 2020)</dd>"));
        assertEquals("City in Norway", doc.select("p.kind").text());
        assertEquals("../../countries/no/", doc.select("dl.record a").first().attr("href"));
        assertEquals("../../membership/#full", doc.select("dl.record a").get(1).attr("href"));
        assertTrue(doc.select("section").text().contains("Stavanger"), "other Norwegian city listed");
        assertEquals(
                "https://eurocities.example.org/cities/bergen/",
                doc.select("link[rel=canonical]").attr("href"));
    }

    @Test
    void aMemberWithoutFiguresSaysSoOnceAndHasNoMap() throws IOException {
        Document doc = page("cities/brighton-and-hove/index.html");
        String record = doc.select("dl.record").text();
        assertFalse(record.contains("Population"), "a missing figure is left out: " + record);
        assertEquals(
                "The records used for this site give no population figure and no location for Brighton and Hove.",
                doc.select("p.muted").text());
        assertNull(doc.selectFirst("svg.map"));
    }

    @Test
    void aMetropolitanAreaIsDrawnAsARingAtItsSeat() throws IOException {
        Document doc = page("cities/aix-marseille-provence/index.html");
        assertEquals(
                "Metropolitan area in France, seat: Marseille",
                doc.select("p.kind").text());
        Element here = doc.selectFirst("svg.map circle.mk-here");
        assertNotNull(here);
        assertTrue(here.hasClass("mk-ring"), here.outerHtml());
        assertEquals(
                "Location: GeoNames (CC BY 4.0), the seat Marseille.",
                doc.select("p.source").text());
        assertEquals(
                "https://www.geonames.org/2995469/",
                doc.selectFirst("p.source a").attr("href"));
    }

    @Test
    void birminghamIsAFoundingAssociateMember() throws IOException {
        String record = page("cities/birmingham/index.html").select("dl.record").text();
        assertTrue(record.contains("Associate member"), record);
        assertTrue(record.contains("United Kingdom (GB)"), record);
        assertTrue(record.contains("Founding member One of the 6 cities that founded the network in 1986"), record);
    }

    @Test
    void rijekaHasItsCensusPopulation() throws IOException {
        String record = page("cities/rijeka/index.html").select("dl.record").text();
        assertTrue(record.contains("Population 128,624 (Croatian census, 2011)"), record);
        assertTrue(record.contains("Partner"), record);
    }

    @Test
    void localNamesCarryTheirLanguage() throws IOException {
        Element local = page("cities/munich/index.html").selectFirst(".local-name span");
        assertNotNull(local);
        assertEquals("München", local.text());
        assertEquals("de", local.attr("lang"));
    }

    @Test
    void homeShowsFactsFiguresAndFounders() throws IOException {
        Document doc = page("index.html");
        String facts = doc.select("aside.facts").text();
        for (String fact : List.of(
                "Founded 1986",
                "Headquarters Brussels",
                "Region Europe",
                "President Burkhard Jung",
                "Secretary general André Sobczak",
                "Working language English")) {
            assertTrue(facts.contains(fact), fact + " in " + facts);
        }
        assertEquals(
                List.of("Barcelona", "Birmingham", "Frankfurt", "Lyon", "Milan", "Rotterdam"),
                doc.select("#founders-heading + p + ul a").eachText());
        String stats = doc.select("ul.stats").text();
        assertTrue(
                stats.contains("202 cities listed")
                        && stats.contains("38 countries")
                        && stats.contains("117 full members")
                        && stats.contains("53 partners"),
                stats);
        assertTrue(
                doc.select("p.note").text().contains("over 200 member cities in 38 countries"),
                doc.select("p.note").text());
    }

    @Test
    void rulesPageListsCategoriesAndTheBergenException() throws IOException {
        Document doc = page("membership/index.html");
        assertEquals(
                "250,000 inhabitants or more", doc.select("tr#full td").get(1).text());
        assertEquals(
                "inside the European Union", doc.select("tr#full td").get(2).text());
        assertEquals("117", doc.select("tr#full td").get(3).text());
        assertEquals(
                "outside the European Union",
                doc.select("tr#associate td").get(2).text());
        assertEquals(
                "more than 50,000 inhabitants",
                doc.select("tr#partner td").get(1).text());
        assertEquals("not listed", doc.select("tr#business td").get(3).text());
        String exceptions = doc.select("#exceptions ~ div table").text();
        assertTrue(
                exceptions.contains("Bergen listed as full member; Norway is outside the European Union"), exceptions);
    }

    @Test
    void strategyPageListsForumsActivitiesAndCommittee() throws IOException {
        Document doc = page("strategy-and-activities/index.html");
        assertEquals(
                List.of(
                        "Culture",
                        "Economic development",
                        "Environment",
                        "Knowledge society",
                        "Mobility",
                        "Social affairs"),
                doc.select("#forums-heading + ul li").eachText());
        assertEquals(
                List.of("Advocacy", "Insights", "Sharing best practices", "Training"),
                doc.select("dl.activities dt").eachText());
        assertTrue(doc.select("#committee-heading ~ dl").text().contains("12 elected cities"));
    }

    @Test
    void everyPageHasTitleLangAndOneH1() throws IOException {
        Set<String> titles = new TreeSet<>();
        for (Path p : htmlFiles()) {
            Document doc = Jsoup.parse(p.toFile(), "UTF-8");
            assertEquals(1, doc.select("h1").size(), p.toString());
            assertEquals("en", doc.selectFirst("html").attr("lang"), p.toString());
            assertTrue(titles.add(doc.title()), "duplicate title " + doc.title());
            assertTrue(doc.select("meta[name=description]").attr("content").length() > 10, p.toString());
        }
    }

    /** Two spaces between words mean a message and its template both put one there (a browser hides it, a diff not). */
    @Test
    void noPageHasTwoSpacesBetweenWords() throws IOException {
        java.util.regex.Pattern run = java.util.regex.Pattern.compile("[^\\s>]  +[^\\s<]");
        List<String> found = new ArrayList<>();
        for (Path p : htmlFiles()) {
            java.util.regex.Matcher m = run.matcher(Files.readString(p));
            while (m.find()) {
                found.add(out.relativize(p) + ": '" + m.group() + "'");
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void everyInternalLinkResolvesToAFile() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path p : htmlFiles()) {
            Document doc = Jsoup.parse(p.toFile(), "UTF-8");
            boolean notFoundPage = p.getFileName().toString().equals("404.html");
            for (Element e : doc.select("[href], [src]")) {
                String link = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (link.startsWith("https://") || link.startsWith("#")) {
                    continue;
                }
                String path = link.replaceFirst("[?#].*", "");
                Path target = notFoundPage
                        ? out.resolve(path.substring(1))
                        : p.getParent().resolve(path).normalize();
                if (Files.isDirectory(target)) {
                    target = target.resolve("index.html");
                }
                if (!Files.isRegularFile(target) || !target.normalize().startsWith(out)) {
                    broken.add(out.relativize(p) + " -> " + link);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void sitemapListsEveryPageExcept404() throws IOException {
        Document sitemap =
                Jsoup.parse(Files.readString(out.resolve("sitemap.xml")), "", org.jsoup.parser.Parser.xmlParser());
        Set<String> listed = sitemap.select("loc").eachText().stream().collect(Collectors.toCollection(TreeSet::new));
        Set<String> pages = new TreeSet<>();
        for (Path p : htmlFiles()) {
            String rel = out.relativize(p).toString().replace('\\', '/');
            if (rel.equals("404.html")) {
                continue;
            }
            pages.add("https://eurocities.example.org/" + rel.replace("index.html", ""));
        }
        assertEquals(pages, listed);
        assertTrue(Files.readString(out.resolve("robots.txt"))
                .contains("Sitemap: https://eurocities.example.org/sitemap.xml"));
    }

    @Test
    void notFoundPageUsesBasePathLinks() throws IOException {
        Document doc = page("404.html");
        assertEquals("/style.css", doc.select("link[rel=stylesheet]").attr("href"));
        URI.create(doc.select("link[rel=canonical]").attr("href"));
    }
}
