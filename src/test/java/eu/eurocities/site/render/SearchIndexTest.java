package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.eurocities.site.TestContent;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.load.MessagesReader;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Planner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SearchIndexTest {
    static Content content;
    static List<Page> pages;
    static List<SearchDocs.Doc> docs;

    @BeforeAll
    static void plan() {
        content = TestContent.load(Path.of("."), null, new Diagnostics()).orElseThrow();
        pages = Planner.plan(content);
        docs = SearchDocs.of(
                pages,
                content.network(),
                new Markdown()::sections,
                content.site().messages());
    }

    static SearchDocs.Doc doc(String path) {
        return docs.stream()
                .filter(e -> e.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no document for " + path));
    }

    @Test
    void everyPageButSearchAnd404HasOneDocumentAndSectionsHaveTheirAnchor() {
        assertEquals(
                pages.size() - 2,
                docs.stream().filter(d -> !d.kind().equals("section")).count());
        assertTrue(docs.stream()
                .noneMatch(e -> e.path().equals("search/") || e.path().equals("404.html")));
        assertTrue(docs.stream()
                .filter(d -> d.kind().equals("section"))
                .allMatch(d -> d.path().contains("#")));
        SearchDocs.Doc forums = doc("strategy-and-activities/#forums-and-working-groups");
        assertEquals("Forums and working groups", forums.title());
        assertEquals("Strategy and activities", forums.parent());
    }

    @Test
    void cityDocumentsHoldNameAndLocalNameFolded() {
        SearchDocs.Doc munich = doc("cities/munich/");
        assertEquals(
                new SearchDocs.Doc("city", "Munich", "cities/munich/", null, "munich munchen", null, "DE", null),
                munich);
        assertEquals("kyiv kiyiv киів kiev", doc("cities/kyiv/").names(), "the alternative name Kiev");
    }

    @Test
    void saintIsAlsoFoundAsSt() {
        City city = new City(
                "saint-etienne",
                "Saint-Étienne",
                "FR",
                "full",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                List.of(),
                Map.of(),
                false,
                List.of(),
                null);
        assertEquals("saint-etienne st etienne", SearchDocs.cityKey(city));
    }

    @Test
    void countriesAreFoundInEnglishInTheirOwnLanguagesAndByCode() {
        assertEquals("norway noreg norga norge no", doc("countries/no/").names());
        assertEquals("poland polska pl", doc("countries/pl/").names());
        assertTrue(
                doc("countries/gb/").names().endsWith(" gb uk"),
                doc("countries/gb/").names());
        assertEquals("gb uk", SearchDocs.codes("GB"));
        assertEquals("de", SearchDocs.codes("DE"));
    }

    @Test
    void aMemberThatIsNotACitySaysWhatItIsAsItsRecordDoes() throws IOException {
        assertEquals("grouping", doc("cities/brabantstad/").place(), "a network of cities");
        assertEquals("metropolitan-area", doc("cities/aix-marseille-provence/").place());
        assertEquals(null, doc("cities/oslo/").place(), "a city");
        JsonNode core = new ObjectMapper()
                .readTree(SearchIndex.files(
                                pages,
                                content.network(),
                                new Markdown()::sections,
                                content.site().messages())
                        .get("search-index/core.json"));
        assertEquals("Grouping", core.get("places").get("grouping").asText());
        assertEquals(
                "Metropolitan area", core.get("places").get("metropolitan-area").asText());
    }

    @Test
    void homeRulesAndStrategyFactsAreIndexedUnderTheirAnchors() {
        assertTrue(
                doc("#facts-heading").text().contains("President Burkhard Jung"),
                doc("#facts-heading").text());
        assertTrue(doc("#founders-heading").text().startsWith("The mayors of 6 cities started the network in 1986: "));
        assertTrue(doc("#see-also-heading").text().contains("B40 Balkan Cities Network"));
        SearchDocs.Doc full = doc("membership/#full");
        assertEquals("Full member", full.title());
        assertTrue(full.text().contains("European Union"), full.text());
    }

    @Test
    void noLinkTargetMarkupOrEntityIsIndexed() {
        for (SearchDocs.Doc d : docs) {
            String words = d.title() + " " + d.text();
            assertFalse(SearchIndex.terms(words).contains("md"), d.path() + ": " + words);
            assertFalse(words.matches(".*(\\]\\(|</?[a-z]|&[a-z]+;|\\*\\*).*"), d.path() + ": " + words);
        }
    }

    @Test
    void markdownSectionsKeepTextAndDropTargetsHtmlAndMarkup() {
        TextPage page = new TextPage(
                "x",
                "X",
                0,
                null,
                "Intro with [a link](membership.md) and <b>raw</b> &amp; `code`.\n\n## First **part**\n\nOne\ntwo\n\n"
                        + "## First part\n\n| a | b |\n|---|---|\n| c | d |\n",
                1,
                new SourcePos("x.md", 1, 1));
        assertEquals(
                List.of(
                        new SearchText.Section(null, null, "Intro with a link and raw & code."),
                        new SearchText.Section("First part", "first-part", "One two"),
                        new SearchText.Section("First part", "first-part-1", "a b c d")),
                new Markdown().sections(page));
    }

    @Test
    void citiesAreShardedByTheFirstLetterOfEachOfTheirWordsAndTheirCountrysNames() throws IOException {
        SortedMap<String, byte[]> files = SearchIndex.files(
                pages,
                content.network(),
                new Markdown()::sections,
                content.site().messages());
        ObjectMapper json = new ObjectMapper();
        JsonNode core = json.readTree(files.get("search-index/core.json"));
        List<String> withOslo = new ArrayList<>();
        core.get("shards").fieldNames().forEachRemaining(k -> {
            assertEquals(1, core.get("shards").get(k).get(1).asInt(), "a few cities: every shard a leaf, " + k);
            try {
                if (json.readTree(files.get("search-index/" + SearchIndex.key(k, 9) + ".json"))
                        .toString()
                        .contains("cities/oslo/")) {
                    withOslo.add(k);
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(List.of("n", "o"), withOslo);
        assertEquals(
                "{\"t\":\"Norway\",\"p\":\"Norway\",\"n\":\"norway noreg norga norge no\"}",
                core.get("countries").get("NO").toString());
        assertEquals(core.get("shards").size() + 1, files.size());
    }

    @Test
    void aShardOfMoreCitiesThanABrowserIndexesQuicklyIsCutByOneLetterMore() throws IOException {
        int n = Shards.MAX + 2;
        List<Page> many = new ArrayList<>(pages);
        Page.CityDetail oslo = (Page.CityDetail) pages.stream()
                .filter(p -> p.path().equals("cities/oslo/"))
                .findFirst()
                .orElseThrow();
        for (int i = 0; i < n; i++) {
            City o = oslo.city();
            City c = new City(
                    "synthcity-" + i,
                    "Synthcity " + i,
                    o.country(),
                    o.membership(),
                    o.kind(),
                    null,
                    null,
                    null,
                    (long) i,
                    "Test figure",
                    2020,
                    null,
                    false,
                    null,
                    null,
                    null,
                    List.of(),
                    Map.of(),
                    false,
                    List.of(),
                    null);
            many.add(new Page.CityDetail(
                    "cities/synthcity-" + i + "/",
                    c.name(),
                    "",
                    c,
                    oslo.country(),
                    oslo.category(),
                    List.of(),
                    List.of(),
                    null,
                    null));
        }
        SortedMap<String, byte[]> files = SearchIndex.files(
                many,
                content.network(),
                new Markdown()::sections,
                content.site().messages());
        ObjectMapper json = new ObjectMapper();
        JsonNode shards = json.readTree(files.get("search-index/core.json")).get("shards");
        // Every generated city has the word "synthcity": no letter more splits them, so that shard keeps the biggest.
        assertEquals("[" + n + ",0]", shards.get("synthcity").toString());
        JsonNode top = json.readTree(files.get("search-index/synthcity.json")).get("docs");
        assertEquals(Shards.MAX, top.size());
        List<String> kept = new ArrayList<>();
        top.forEach(d -> kept.add(d.get("t").asText()));
        assertEquals("Synthcity 2", kept.get(0), "the biggest kept, in the plan's order: the two smallest left out");
        assertFalse(kept.contains("Synthcity 1"));
        assertEquals(0, shards.get("s").get(1).asInt(), "s: cut further");
        assertEquals(1, shards.get("st").get(1).asInt(), "st: Stockholm, Stavanger ... in one shard");
        // Their numbers are found by first digits: "1" leads to 1, 10 to 19, 100 to 199, 1000 and 1001, all there.
        assertEquals("[113,1]", shards.get("1").toString());
        files.forEach((path, bytes) -> {
            if (!path.endsWith("core.json")) {
                try {
                    assertTrue(json.readTree(bytes).get("docs").size() <= Shards.MAX, path);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        });
    }

    @Test
    void shardKeysSpellLettersOutsideAsciiAsCodePoints() {
        assertEquals("_43a_", SearchIndex.key("київ", 1));
        assertEquals("_43a__438_", SearchIndex.key("київ", 2));
        assertEquals("ly", SearchIndex.key("lyon", 2));
        assertEquals("b", SearchIndex.key("b", 2));
        assertEquals(List.of("saint", "etienne", "b40"), SearchIndex.terms("Saint-Étienne, B40!"));
    }

    @Test
    void theTextsOfTheScriptComeWithTheIndexNotWithEveryPage() throws IOException {
        Map<String, Object> texts = ScriptTexts.map(content.site().messages(), "search.js.");
        assertEquals(
                "{one={n} result for “{query}”, other={n} results for “{query}”}",
                texts.get("results").toString());
        assertEquals(",", texts.get("_group"));
        SortedMap<String, byte[]> files = SearchIndex.files(
                pages,
                content.network(),
                new Markdown()::sections,
                content.site().messages());
        JsonNode core = new ObjectMapper().readTree(files.get("search-index/core.json"));
        assertEquals("Section of {page}", core.get("texts").get("section-of").asText());
    }

    @Test
    void aFrenchSitesIndexNamesItsSectionsInFrench() {
        List<SearchDocs.Doc> french = SearchDocs.of(
                pages, content.network(), new Markdown()::sections, MessagesReader.of(Path.of("."), "fr"));
        List<String> sections = french.stream()
                .filter(d -> d.kind().equals("section") && d.path().startsWith("#"))
                .map(SearchDocs.Doc::title)
                .toList();
        assertEquals(List.of("Faits essentiels", "Villes fondatrices", "Réseaux apparentés"), sections);
    }
}
