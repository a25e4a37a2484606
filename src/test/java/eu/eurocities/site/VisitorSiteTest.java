package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What a visitor gets from the real build: page weight, search, filters, downloads, structured data. */
class VisitorSiteTest {
    static final long PAGE_BUDGET = 50 * 1024;
    static final long MEMBER_INDEX_BUDGET = 150 * 1024;
    /** The home page carries the map of every member, one link per marker (about 19 KB of it). */
    static final long HOME_BUDGET = 72 * 1024;
    /** A city page's own HTML, its locator map included, without the shared stylesheet and scripts. */
    static final long CITY_PAGE_HTML = 30 * 1024;

    static List<Path> htmlFiles() throws IOException {
        return BuiltSite.htmlFiles();
    }

    /** The bytes a first visit to {@code page} loads: the HTML, its stylesheets and its scripts. */
    static long weight(Path page) throws IOException {
        Document doc = org.jsoup.Jsoup.parse(page.toFile(), "UTF-8");
        long bytes = Files.size(page);
        List<String> assets = new ArrayList<>(doc.select("link[rel=stylesheet]").eachAttr("href"));
        assets.addAll(doc.select("script[src]").eachAttr("src"));
        for (String href : assets) {
            Path asset = href.startsWith("/")
                    ? BuiltSite.out().resolve(href.substring(1))
                    : page.getParent().resolve(href).normalize();
            assertTrue(Files.isRegularFile(asset), page + " loads missing " + href);
            bytes += Files.size(asset);
        }
        return bytes;
    }

    @Test
    void everyPageWithItsCssAndJsFitsTheBudget() throws IOException {
        List<String> over = new ArrayList<>();
        long heaviest = 0;
        String heaviestPage = null;
        for (Path p : htmlFiles()) {
            String rel = BuiltSite.out().relativize(p).toString().replace('\\', '/');
            long w = weight(p);
            long budget = rel.equals("members/index.html")
                    ? MEMBER_INDEX_BUDGET
                    : rel.equals("index.html") ? HOME_BUDGET : PAGE_BUDGET;
            if (rel.startsWith("cities/") && Files.size(p) > CITY_PAGE_HTML) {
                over.add(rel + ": " + Files.size(p) + " bytes of HTML, budget " + CITY_PAGE_HTML);
            }
            if (w > budget) {
                over.add(rel + ": " + w + " bytes, budget " + budget);
            }
            if (!rel.equals("members/index.html") && w > heaviest) {
                heaviest = w;
                heaviestPage = rel;
            }
        }
        assertEquals(List.of(), over);
        System.out.println("heaviest page besides the member index: " + heaviestPage + " " + heaviest + " bytes; "
                + "member index " + weight(BuiltSite.out().resolve("members/index.html")) + " bytes");
    }

    @Test
    void scriptsStaySmall() throws IOException {
        assertTrue(Files.size(BuiltSite.out().resolve("members.js")) < 17 * 1024, "on the member index only");
        assertTrue(Files.size(BuiltSite.out().resolve("search.js")) < 18 * 1024, "when the search box is first used");
        assertTrue(Files.size(BuiltSite.out().resolve("search-box.js")) < 2 * 1024, "on every page");
    }

    @Test
    void everyPageHasTheSearchFormInItsHeader() throws IOException {
        for (Path p : htmlFiles()) {
            Document doc = org.jsoup.Jsoup.parse(p.toFile(), "UTF-8");
            String rel = BuiltSite.out().relativize(p).toString().replace('\\', '/');
            Element form = doc.selectFirst("header form[role=search]");
            assertNotNull(form, rel);
            assertEquals("get", form.attr("method"));
            assertEquals("q", form.selectFirst("input[type=search]").attr("name"));
            String action = form.attr("action");
            Path target = action.startsWith("/")
                    ? BuiltSite.out().resolve(action.substring(1))
                    : p.getParent().resolve(action).normalize();
            assertTrue(Files.isRegularFile(target.resolve("index.html")), rel + " -> " + action);
        }
    }

    @Test
    void memberIndexRowsCarryFoldedKeysAndFilterData() throws IOException {
        Document doc = BuiltSite.page("members/index.html");
        Element lodz = doc.selectFirst("#cities tbody tr:has(a[href=../cities/lodz/])");
        assertEquals("lodz poland", lodz.attr("data-key"));
        assertEquals("PL", lodz.attr("data-country"));
        assertEquals("full", lodz.attr("data-category"));
        Element munich = doc.selectFirst("#cities tbody tr:has(a[href=../cities/munich/])");
        assertEquals("munich munchen germany", munich.attr("data-key"));
        assertEquals(
                "128624",
                doc.selectFirst("#cities tbody tr:has(a[href=../cities/rijeka/])")
                        .attr("data-population"));
        assertEquals(
                List.of("name", "country", "category", "population"),
                doc.select("#cities thead th").eachAttr("data-sort"));
        assertEquals(38 + 1, doc.select("#filter-country option").size());
        assertEquals(
                "Poland (10)",
                doc.selectFirst("#filter-country option[value=PL]").text());
        assertEquals(
                List.of("", "full", "associate", "partner"),
                doc.select("#filter-category option").eachAttr("value"));
        assertEquals("202 of 202 cities shown", doc.selectFirst("#filter-count").text());
        assertEquals("polite", doc.selectFirst("#filter-count").attr("aria-live"));
        assertEquals(
                List.of("../members.csv", "../members.json", "../datapackage.json"),
                doc.select("p.downloads a").eachAttr("href"));
        assertEquals(
                List.of("../search-box.js", "../members.js"),
                doc.select("head script").eachAttr("src"));
    }

    @Test
    void countryTablesHaveNoFilterData() throws IOException {
        Element row = BuiltSite.page("countries/pl/index.html").selectFirst("table.cities tbody tr");
        assertEquals("", row.attr("data-key"));
        assertEquals(
                List.of("../../search-box.js"),
                BuiltSite.page("countries/pl/index.html").select("script[src]").eachAttr("src"),
                "only the header search's script");
    }

    @Test
    void downloadsAndSearchIndexAreWritten() throws IOException {
        Path out = BuiltSite.out();
        assertTrue(Files.readString(out.resolve("members.csv")).startsWith("slug,name,local_name,"));
        assertEquals(
                202,
                new ObjectMapper()
                        .readTree(out.resolve("members.json").toFile())
                        .size());
        JsonNode index = new ObjectMapper()
                .readTree(out.resolve("search-index/core.json").toFile());
        assertEquals(60, index.get("docs").size(), "the pages but cities, 404 and search itself; the sections");
        Document search = BuiltSite.page("search/index.html");
        assertEquals(
                "../search-index/core.json", search.selectFirst("form#search").attr("data-index"));
        assertEquals(
                "../search-index/core.json",
                search.selectFirst("form.site-search").attr("data-index"));
        assertEquals("Search", search.selectFirst("h1").text());
        assertTrue(Files.readString(out.resolve("sitemap.xml"))
                .contains("<loc>https://eurocities.example.org/search/</loc>"));
    }

    @Test
    void everySearchResultInASectionLeadsToAnIdOnItsPage() throws IOException {
        JsonNode docs = new ObjectMapper()
                .readTree(BuiltSite.out().resolve("search-index/core.json").toFile())
                .get("docs");
        List<String> missing = new ArrayList<>();
        int sections = 0;
        for (JsonNode d : docs) {
            String u = d.get("u").asText();
            int hash = u.indexOf('#');
            if (hash >= 0) {
                sections++;
                Document page = BuiltSite.page(u.substring(0, hash) + "index.html");
                if (page.getElementById(u.substring(hash + 1)) == null) {
                    missing.add(u);
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(sections > 10, sections + " sections");
    }

    static JsonNode structuredData(Document doc) throws IOException {
        Element script = doc.selectFirst("head script[type=application/ld+json]");
        assertNotNull(script);
        return new ObjectMapper().readTree(script.data());
    }

    @Test
    void cityPagesDescribeACityWhoseGovernmentHoldsAMembershipRole() throws IOException {
        JsonNode munich = structuredData(BuiltSite.page("cities/munich/index.html"));
        assertEquals("https://schema.org", munich.get("@context").asText());
        JsonNode place = munich.get("@graph").get(0);
        assertEquals("City", place.get("@type").asText());
        assertEquals(
                "https://eurocities.example.org/cities/munich/#place",
                place.get("@id").asText());
        assertEquals("Munich", place.get("name").asText());
        assertEquals("München", place.get("alternateName").asText());
        assertEquals(
                "https://eurocities.example.org/cities/munich/",
                place.get("url").asText());
        assertEquals("Germany", place.get("containedInPlace").get("name").asText());
        assertNull(place.get("memberOf"), "schema.org has no memberOf on a place");
        assertEquals("GeoCoordinates", place.get("geo").get("@type").asText());
        assertEquals(48.13743, place.get("geo").get("latitude").asDouble());
        JsonNode aix = structuredData(BuiltSite.page("cities/aix-marseille-provence/index.html"))
                .get("@graph")
                .get(0);
        assertEquals("AdministrativeArea", aix.get("@type").asText());
        assertNull(aix.get("geo"), "a metropolitan area is not where its seat is");
        JsonNode government = munich.get("@graph").get(1);
        assertEquals("GovernmentOrganization", government.get("@type").asText());
        assertEquals(
                place.get("@id").asText(),
                government.get("areaServed").get("@id").asText());
        JsonNode role = government.get("memberOf");
        assertEquals("OrganizationRole", role.get("@type").asText());
        assertEquals("Full member", role.get("roleName").asText());
        assertEquals("Organization", role.get("memberOf").get("@type").asText());
        assertEquals("Eurocities", role.get("memberOf").get("name").asText());
        assertEquals(
                "https://eurocities.example.org/",
                role.get("memberOf").get("url").asText());
        JsonNode home = structuredData(BuiltSite.page("index.html"));
        assertEquals("Organization", home.get("@type").asText());
        assertEquals("1986", home.get("foundingDate").asText());
        assertEquals("Brussels", home.get("location").get("name").asText());
        assertTrue(BuiltSite.page("members/index.html")
                .select("script[type=application/ld+json]")
                .isEmpty());
    }

    @Test
    void everyPageHasSharingTags() throws IOException {
        for (Path p : htmlFiles()) {
            Document doc = org.jsoup.Jsoup.parse(p.toFile(), "UTF-8");
            String canonical = doc.selectFirst("link[rel=canonical]").attr("href");
            assertTrue(canonical.startsWith("https://eurocities.example.org/"), p.toString());
            assertEquals(canonical, doc.selectFirst("meta[property=og:url]").attr("content"), p.toString());
            assertEquals(
                    doc.selectFirst("meta[name=description]").attr("content"),
                    doc.selectFirst("meta[property=og:description]").attr("content"),
                    p.toString());
            assertEquals("summary", doc.selectFirst("meta[name=twitter:card]").attr("content"), p.toString());
        }
    }

    @Test
    void everyMarkerOfEveryMapLinksToThePageOfTheMemberItNames() throws IOException {
        int markers = 0;
        for (Path p : htmlFiles()) {
            Document doc = Jsoup.parse(p.toFile(), "UTF-8");
            for (Element a : doc.select("svg.map a")) {
                Path target = p.getParent()
                        .resolve(a.attr("href"))
                        .resolve("index.html")
                        .normalize();
                assertTrue(Files.isRegularFile(target), p + ": " + a.attr("href"));
                assertEquals(
                        a.selectFirst("title").text(),
                        Jsoup.parse(target.toFile(), "UTF-8").selectFirst("h1").text(),
                        p + ": " + a.attr("href"));
                markers++;
            }
        }
        // the home page and the member index show the 198 members placed on the outline
        assertEquals(198, BuiltSite.page("index.html").select("svg.map a").size());
        Document members = BuiltSite.page("members/index.html");
        assertEquals(198, members.select("svg.map").get(0).select("a").size());
        // the crowded part enlarged: the members within 150 km of Eindhoven, and the others its frame takes in
        assertEquals(
                "Map of the 25 members around Eindhoven, enlarged",
                members.select("svg.map").get(1).attr("aria-label"));
        assertEquals(25, members.select("svg.map").get(1).select("a").size());
        assertEquals(
                List.of(
                        "Full member",
                        "Partner",
                        "Not a single town: a metropolitan area, region, district or community,"
                                + " drawn at its seat"),
                members.select(".map-inset .map-legend li").eachText());
        assertTrue(markers > 1000, "markers checked: " + markers);
    }

    @Test
    void homeShowsBothChartsWithTheirNumbers() throws IOException {
        Document doc = BuiltSite.page("index.html");
        assertEquals(2, doc.select(".charts svg[role=img]").size());
        Element table = doc.selectFirst(".chart-data table");
        assertEquals(38, table.select("tbody tr").size());
        // France and Germany both have 23 cities: equal counts are in name order
        assertEquals("France 15 0 8 23", table.select("tbody tr").get(0).text());
        assertEquals("Germany 21 0 2 23", table.select("tbody tr").get(1).text());
        assertEquals(
                "All countries 117 32 53 202", table.selectFirst("tfoot tr").text());
    }

    @Test
    void categoryPagesListTheirCitiesAndAreLinkedFromMembersRulesAndCities() throws IOException {
        Document partners = BuiltSite.page("members/partner/index.html");
        assertEquals("Partners", partners.selectFirst("h1").text());
        assertEquals(53, partners.select("table.cities tbody tr").size());
        assertTrue(partners.select("table.cities tbody th a").eachText().contains("Rijeka"));
        assertEquals(
                List.of("Home", "Members", "Partners"),
                partners.select(".breadcrumbs a").eachText());
        assertEquals(
                117,
                BuiltSite.page("members/full/index.html")
                        .select("table.cities tbody tr")
                        .size());
        assertEquals(
                32,
                BuiltSite.page("members/associate/index.html")
                        .select("table.cities tbody tr")
                        .size());
        assertEquals(
                List.of("../members/full/", "../members/associate/", "../members/partner/"),
                BuiltSite.page("members/index.html").select("p.lead a").eachAttr("href"));
        assertEquals(
                "../members/partner/",
                BuiltSite.page("membership/index.html")
                        .selectFirst("tr#partner a")
                        .attr("href"));
        assertEquals(
                List.of("All members in Croatia", "All partners"),
                BuiltSite.page("cities/rijeka/index.html").select("p.related a").eachText());
        assertEquals(
                "../../members/partner/",
                BuiltSite.page("cities/rijeka/index.html")
                        .select("p.related a")
                        .get(1)
                        .attr("href"));
        assertEquals(
                List.of("Home", "Countries", "Croatia", "Rijeka"),
                BuiltSite.page("cities/rijeka/index.html")
                        .select(".breadcrumbs a")
                        .eachText());
        assertEquals(
                "Other members in the Netherlands",
                BuiltSite.page("cities/amsterdam/index.html")
                        .selectFirst("#same-country-heading")
                        .text());
        assertEquals(
                "16 cities in the United Kingdom, a country outside the European Union.",
                BuiltSite.page("countries/gb/index.html").selectFirst("p.lead").text());
    }
}
