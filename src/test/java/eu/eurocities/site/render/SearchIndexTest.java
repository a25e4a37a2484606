package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.eurocities.site.TestContent;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.plan.Fold;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Planner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SearchIndexTest {
  static Content content;
  static List<Page> pages;
  static List<Map<String, String>> entries;

  @BeforeAll
  static void plan() {
    content = TestContent.load(Path.of("."), null, new Diagnostics()).orElseThrow();
    pages = Planner.plan(content);
    entries = SearchIndex.entries(pages, content.network(), new Markdown());
  }

  static Map<String, String> entry(String path) {
    return entries.stream().filter(e -> e.get("u").equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no entry for " + path));
  }

  /** The titles a reader finds by typing {@code typed}, as the search page's script ranks them. */
  static List<String> find(String typed) {
    return entries.stream().filter(e -> Fold.matches(e.get("k") + " " + e.getOrDefault("x", ""), typed))
        .map(e -> e.get("t")).toList();
  }

  @Test
  void indexesEveryPageButSearchAnd404() {
    assertEquals(pages.size() - 2, entries.size());
    assertTrue(entries.stream().noneMatch(e -> e.get("u").equals("search/") || e.get("u").equals("404.html")));
    assertEquals(List.of("t", "u", "d", "c", "k"), List.copyOf(entry("cities/munich/").keySet()));
  }

  @Test
  void cityEntriesHoldNameLocalNameAndCountryFolded() {
    Map<String, String> munich = entry("cities/munich/");
    assertEquals("Munich", munich.get("t"));
    assertEquals("City in Germany", munich.get("c"));
    assertEquals("munich munchen germany", munich.get("k"));
    assertEquals("kyiv kiyiv киів ukraine", entry("cities/kyiv/").get("k"));
    assertEquals("Country", entry("countries/pl/").get("c"));
  }

  @Test
  void readersFindCitiesWithoutDiacriticsAndByLocalName() {
    assertEquals(List.of("Łódź"), find("lodz"));
    assertEquals(List.of("Zürich"), find("zurich"));
    assertEquals(List.of("Munich"), find("münchen"));
    assertEquals(List.of("Munich"), find("munchen"));
    assertEquals(List.of("Athens"), find("Αθήνα"));
    assertTrue(find("poland").containsAll(List.of("Łódź", "Warsaw", "Cities in Poland")), find("poland").toString());
  }

  @Test
  void readersFindProseInPages() {
    assertTrue(find("green deal").contains("A network of Europe's cities"), find("green deal").toString());
    assertTrue(find("mobility").contains("Strategy and activities"), find("mobility").toString());
    assertTrue(find("50,000 inhabitants").contains("Membership rules"), find("50,000 inhabitants").toString());
  }

  @Test
  void jsonIsAnObjectWithThePagesArray() throws IOException {
    JsonNode json = new ObjectMapper().readTree(SearchIndex.json(pages, content.network(), new Markdown()));
    assertEquals(entries.size(), json.get("pages").size());
    assertEquals("", json.get("pages").get(0).get("u").asText());
  }
}
