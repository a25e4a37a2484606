package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.eurocities.site.TestContent;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
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
    static List<SearchIndex.Doc> docs;

    @BeforeAll
    static void plan() {
        content = TestContent.load(Path.of("."), null, new Diagnostics()).orElseThrow();
        pages = Planner.plan(content);
        docs = SearchIndex.docs(pages, content.network(), new Markdown()::sections);
    }

    static SearchIndex.Doc doc(String path) {
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
        SearchIndex.Doc forums = doc("strategy-and-activities/#forums-and-working-groups");
        assertEquals("Forums and working groups", forums.title());
        assertEquals("Strategy and activities", forums.parent());
    }

    @Test
    void cityDocumentsHoldNameAndLocalNameFolded() {
        SearchIndex.Doc munich = doc("cities/munich/");
        assertEquals(
                new SearchIndex.Doc("city", "Munich", "cities/munich/", null, "munich munchen", null, "DE"), munich);
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
        assertEquals("saint-etienne st etienne", SearchIndex.cityKey(city));
    }

    @Test
    void countriesAreFoundInEnglishInTheirOwnLanguagesAndByCode() {
        assertEquals("norway noreg norga norge no", doc("countries/no/").names());
        assertEquals("poland polska pl", doc("countries/pl/").names());
    }

    @Test
    void homeRulesAndStrategyFactsAreIndexedUnderTheirAnchors() {
        assertTrue(
                doc("#facts-heading").text().contains("President Burkhard Jung"),
                doc("#facts-heading").text());
        assertTrue(doc("#founders-heading").text().startsWith("The mayors of 6 cities started the network in 1986: "));
        assertTrue(doc("#see-also-heading").text().contains("B40 Balkan Cities Network"));
        SearchIndex.Doc full = doc("membership/#full");
        assertEquals("Full member", full.title());
        assertTrue(full.text().contains("European Union"), full.text());
    }

    @Test
    void noLinkTargetMarkupOrEntityIsIndexed() {
        for (SearchIndex.Doc d : docs) {
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
        SortedMap<String, byte[]> files = SearchIndex.files(pages, content.network(), new Markdown()::sections);
        ObjectMapper json = new ObjectMapper();
        JsonNode core = json.readTree(files.get("search-index/core.json"));
        assertEquals(1, core.get("keys").asInt());
        List<String> withOslo = new ArrayList<>();
        core.get("shards").forEach(k -> {
            try {
                if (json.readTree(files.get("search-index/" + k.asText() + ".json"))
                        .toString()
                        .contains("cities/oslo/")) {
                    withOslo.add(k.asText());
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(List.of("n", "o"), withOslo);
        assertEquals(
                "{\"t\":\"Norway\",\"n\":\"norway noreg norga norge no\"}",
                core.get("countries").get("NO").toString());
        assertEquals(core.get("shards").size() + 1, files.size());
    }

    @Test
    void shardKeysSpellLettersOutsideAsciiAsCodePoints() {
        assertEquals("_43a", SearchIndex.key("київ", 1));
        assertEquals("ly", SearchIndex.key("lyon", 2));
        assertEquals("b", SearchIndex.key("b", 2));
        assertEquals(List.of("saint", "etienne", "b40"), SearchIndex.terms("Saint-Étienne, B40!"));
    }
}
