package eu.eurocities.site.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteCheckerTest {

  static PageFacts page(String file, String title, String... links) {
    return new PageFacts(file, title, 1, "en", List.of(links), Set.of("main", "full"));
  }

  @Test
  void findsEveryKindOfBrokenLinkInPageOrder() {
    List<PageFacts> pages = List.of(
        page("index.html", "Home", "members/", "cities/oslo/", "cities/bergen/", "style.css", "#main", "#nowhere",
            "https://example.org/x", "//cdn.example.org/a.js", "mailto:info@example.org", "a b", "members/#full",
            "members/#partner", "/eurocities/members/", "/elsewhere/", "../up.html", "", "cities/oslo",
            "members/index.html?sort=name", "members/%69ndex.html", "cities/./oslo/../oslo/"),
        page("members/index.html", "Members", "../", "../../x/", "../cities/oslo/#main"),
        page("cities/oslo/index.html", "Oslo", "../../members/", "../bergen/"));
    Set<String> files = Set.of("index.html", "members/index.html", "cities/oslo/index.html", "style.css");
    List<String> findings = SiteChecker.check(pages, files, List.of("", "members/", "cities/oslo/"),
        "/eurocities/", Set.of()).stream().map(SiteChecker.Finding::format).toList();
    assertEquals(List.of(
        "cities/oslo/index.html: broken link: no file cities/bergen/index.html (href=\"../bergen/\")",
        "index.html: broken link: no file cities/bergen/index.html (href=\"cities/bergen/\")",
        "index.html: broken link: no element with id 'nowhere' in index.html (href=\"#nowhere\")",
        "index.html: malformed link (href=\"a b\")",
        "index.html: broken link: no element with id 'partner' in members/index.html (href=\"members/#partner\")",
        "index.html: link leaves the site's base path /eurocities/ (href=\"/elsewhere/\")",
        "index.html: link climbs above the site root (href=\"../up.html\")",
        "index.html: empty link (href=\"\")",
        "members/index.html: link climbs above the site root (href=\"../../x/\")"), findings);
  }

  @Test
  void reportsDuplicateTitlesMissingFactsAndSitemapMismatches() {
    List<PageFacts> pages = List.of(
        new PageFacts("a/index.html", "Same", 1, "en", List.of(), Set.of()),
        new PageFacts("b/index.html", "Same", 2, "", List.of(), Set.of()),
        new PageFacts("c/index.html", "", 0, "en", List.of(), Set.of()));
    Set<String> files = Set.of("a/index.html", "b/index.html", "c/index.html");
    List<String> findings = SiteChecker.check(pages, files, List.of("a/", "gone/"), "/", Set.of("c/index.html"))
        .stream().map(SiteChecker.Finding::format).toList();
    assertEquals(List.of(
        "b/index.html: page has the same title as a/index.html: 'Same'",
        "b/index.html: page has 2 h1 elements, not exactly one",
        "b/index.html: page has no lang attribute on <html>",
        "c/index.html: page has no title",
        "c/index.html: page has 0 h1 elements, not exactly one",
        "sitemap.xml: sitemap lists a page that does not exist (href=\"gone/\")",
        "sitemap.xml: sitemap does not list b/index.html"), findings);
  }

  @Test
  void plainLinksAreThoseWithoutSchemeQueryOrEscapes() {
    assertTrue(SiteChecker.isPlain("../../countries/pl/"));
    assertTrue(SiteChecker.isPlain("membership/#full"));
    assertTrue(SiteChecker.isPlain("#main"));
    assertFalse(SiteChecker.isPlain("//cdn.example.org/x"));
    assertFalse(SiteChecker.isPlain("https://example.org/"));
    assertFalse(SiteChecker.isPlain("a#b#c"));
    assertFalse(SiteChecker.isPlain("members/?q=1"));
    assertFalse(SiteChecker.isPlain("%41"));
  }
}
