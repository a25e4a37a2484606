package eu.eurocities.site.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteCheckerTest {
    static final String BASE = "https://example.org/eurocities/";

    static void page(OutputFacts facts, String file, String title, String... links) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=en><head><title>" + title + "</title>"
                + "<link rel=canonical href=\"" + BASE + file.replace("index.html", "") + "\"></head><body>"
                + "<main id=main><h1 id=full>" + title + "</h1>");
        for (String l : links) {
            html.append("<a href=\"").append(l).append("\">x</a>");
        }
        facts.add(file, html.append("</main></body></html>").toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsEveryKindOfBrokenLinkInPageOrder() {
        OutputFacts facts = new OutputFacts();
        page(
                facts,
                "index.html",
                "Home",
                "members/",
                "cities/oslo/",
                "cities/bergen/",
                "style.css",
                "#main",
                "#nowhere",
                "https://example.org/x",
                "//cdn.example.org/a.js",
                "mailto:info@example.org",
                "a b",
                "members/#full",
                "members/#partner",
                "/eurocities/members/",
                "/elsewhere/",
                "../up.html",
                "",
                "cities/oslo",
                "members/index.html?sort=name",
                "members/%69ndex.html",
                "cities/./oslo/../oslo/",
                "cities//oslo/");
        page(facts, "members/index.html", "Members", "../", "../../x/", "../cities/oslo/#main");
        page(facts, "cities/oslo/index.html", "Oslo", "../../members/", "../bergen/");
        facts.add("style.css", new byte[0]);
        facts.add(
                "sitemap.xml",
                ("<urlset><url><loc>" + BASE + "</loc></url><url><loc>" + BASE + "members/</loc></url>" + "<url><loc>"
                                + BASE + "cities/oslo/</loc></url></urlset>")
                        .getBytes(StandardCharsets.UTF_8));
        facts.add("robots.txt", ("Sitemap: " + BASE + "sitemap.xml\n").getBytes(StandardCharsets.UTF_8));
        List<String> findings = SiteChecker.check(facts, BASE, Set.of(), List.of(), null).stream()
                .map(Diagnostic::format)
                .toList();
        assertEquals(
                List.of(
                        "cities/oslo/index.html: error: broken link: no file cities/bergen/index.html "
                                + "(href=\"../bergen/\")",
                        "index.html: error: broken link: no file cities/bergen/index.html (href=\"cities/bergen/\")",
                        "index.html: error: broken link: no element with id 'nowhere' in index.html "
                                + "(href=\"#nowhere\")",
                        "index.html: error: broken link: it is not a valid URL (href=\"a b\")",
                        "index.html: error: broken link: no element with id 'partner' in members/index.html "
                                + "(href=\"members/#partner\")",
                        "index.html: error: broken link: it leaves the site's base path /eurocities/ "
                                + "(href=\"/elsewhere/\")",
                        "index.html: error: broken link: it climbs above the site root (href=\"../up.html\")",
                        "index.html: error: broken link: it is empty (href=\"\")",
                        "members/index.html: error: broken link: it climbs above the site root (href=\"../../x/\")"),
                findings);
    }

    @Test
    void aLinkToTheRootIsJudgedOnEveryPageAtItsDepthAndByDepth() {
        OutputFacts facts = new OutputFacts();
        page(facts, "index.html", "Home", "cities/oslo/", "members/");
        page(facts, "members/index.html", "Members", "../cities/gone/", "../members/#nowhere", "../../x/");
        page(facts, "cities/oslo/index.html", "Oslo", "../../cities/gone/", "../../members/#nowhere", "../../members/");
        page(
                facts,
                "cities/bergen/index.html",
                "Bergen",
                "../../cities/gone/",
                "../../members/#nowhere",
                "../../members/",
                "../../../x/");
        page(facts, "cities/bergen/more/index.html", "More", "../../cities/gone/", "../../../members/");
        facts.add("sitemap.xml", "<urlset></urlset>".getBytes(StandardCharsets.UTF_8));
        facts.add("robots.txt", ("Sitemap: " + BASE + "sitemap.xml\n").getBytes(StandardCharsets.UTF_8));
        List<String> findings = SiteChecker.check(
                        facts,
                        BASE,
                        Set.of(
                                "index.html",
                                "members/index.html",
                                "cities/oslo/index.html",
                                "cities/bergen/index.html",
                                "cities/bergen/more/index.html"),
                        List.of(),
                        null)
                .stream()
                .map(Diagnostic::format)
                .toList();
        assertEquals(
                List.of(
                        "cities/bergen/index.html: error: broken link: no file cities/gone/index.html "
                                + "(href=\"../../cities/gone/\")",
                        "cities/bergen/index.html: error: broken link: no element with id 'nowhere' in "
                                + "members/index.html"
                                + " (href=\"../../members/#nowhere\")",
                        "cities/bergen/index.html: error: broken link: it climbs above the site root "
                                + "(href=\"../../../x/\")",
                        "cities/bergen/more/index.html: error: broken link: no file cities/cities/gone/index.html"
                                + " (href=\"../../cities/gone/\")",
                        "cities/oslo/index.html: error: broken link: no file cities/gone/index.html "
                                + "(href=\"../../cities/gone/\")",
                        "cities/oslo/index.html: error: broken link: no element with id 'nowhere' in members/index.html"
                                + " (href=\"../../members/#nowhere\")",
                        "members/index.html: error: broken link: no file cities/gone/index.html "
                                + "(href=\"../cities/gone/\")",
                        "members/index.html: error: broken link: no element with id 'nowhere' in members/index.html"
                                + " (href=\"../members/#nowhere\")",
                        "members/index.html: error: broken link: it climbs above the site root (href=\"../../x/\")"),
                findings);
    }

    /** A page path with an empty folder name is as deep as its real folders, not its count of '/'. */
    @Test
    void aPageWithAnEmptyFolderNameDoesNotShareVerdicts() {
        OutputFacts facts = new OutputFacts();
        page(facts, "index.html", "Home");
        page(facts, "a/b/c/index.html", "C", "../../../index.html");
        page(facts, "a//b/index.html", "B", "../../../index.html");
        page(facts, "x/y/z/index.html", "Z", "../../../index.html");
        facts.add("sitemap.xml", "<urlset></urlset>".getBytes(StandardCharsets.UTF_8));
        facts.add("robots.txt", ("Sitemap: " + BASE + "sitemap.xml\n").getBytes(StandardCharsets.UTF_8));
        List<String> findings = SiteChecker.check(
                        facts,
                        BASE,
                        Set.of("index.html", "a/b/c/index.html", "a//b/index.html", "x/y/z/index.html"),
                        List.of(),
                        null)
                .stream()
                .map(Diagnostic::format)
                .toList();
        assertEquals(
                List.of("a//b/index.html: error: broken link: it climbs above the site root "
                        + "(href=\"../../../index.html\")"),
                findings);
    }

    /**
     * Pages checked as they are written, against the files planned, give the findings of pages checked at the end,
     * whatever order they are written in: a link to a page not written yet, a #fragment into it, a title shared with
     * a page written before or after, a link to a file written but not planned.
     */
    @Test
    void checkingEachPageAsWrittenFindsWhatCheckingAtTheEndFinds() {
        List<String> files = List.of(
                "index.html", "members/index.html", "cities/oslo/index.html", "cities/bergen/index.html", "style.css");
        List<String> atTheEnd = findings(new OutputFacts());
        for (List<Integer> order : List.of(List.of(0, 1, 2, 3), List.of(3, 2, 1, 0), List.of(2, 0, 3, 1))) {
            OutputFacts facts = new OutputFacts();
            facts.expect(files, BASE, false);
            assertEquals(atTheEnd, findings(facts, order), "written in the order " + order);
            if (order.equals(List.of(0, 1, 2, 3))) { // each page a city page links to is written before it
                assertEquals(
                        List.of("cities/bergen/index.html", "cities/oslo/index.html"),
                        facts.checkedPages(BASE, false).stream()
                                .filter(p -> p.entries() == null)
                                .map(CheckedPage::file)
                                .toList(),
                        "pages without a problem or a link to judge later keep neither");
            }
        }
        assertEquals(
                List.of(
                        "cities/oslo/index.html: error: page has the same title as cities/bergen/index.html: 'Norway'",
                        "index.html: error: broken link: no element with id 'nowhere' in members/index.html "
                                + "(href=\"members/#nowhere\")",
                        "index.html: error: broken link: no file gone/index.html (href=\"gone/\")",
                        "members/index.html: error: broken link: no element with id 'nowhere' in "
                                + "cities/oslo/index.html (href=\"../cities/oslo/#nowhere\")"),
                atTheEnd);
    }

    private static List<String> findings(OutputFacts facts, List<Integer> order) {
        List<Runnable> pages = List.of(
                () -> page(facts, "index.html", "Home", "members/#full", "members/#nowhere", "gone/", "shard.json"),
                () -> page(facts, "members/index.html", "Members", "../cities/oslo/#main", "../cities/oslo/#nowhere"),
                () -> page(facts, "cities/oslo/index.html", "Norway", "../../members/#full", "../../style.css"),
                () -> page(facts, "cities/bergen/index.html", "Norway", "../oslo/#main", "../../"));
        order.forEach(i -> pages.get(i).run());
        facts.add("style.css", new byte[0]);
        facts.add("shard.json", new byte[0]);
        facts.add(
                "sitemap.xml",
                ("<urlset><url><loc>" + BASE + "</loc></url></urlset>").getBytes(StandardCharsets.UTF_8));
        facts.add("robots.txt", ("Sitemap: " + BASE + "sitemap.xml\n").getBytes(StandardCharsets.UTF_8));
        return SiteChecker.check(
                        facts,
                        BASE,
                        Set.of("members/index.html", "cities/oslo/index.html", "cities/bergen/index.html"),
                        List.of(),
                        null)
                .stream()
                .map(Diagnostic::format)
                .toList();
    }

    private static List<String> findings(OutputFacts facts) {
        return findings(facts, List.of(0, 1, 2, 3));
    }

    @Test
    void plainLinksAreThoseWithoutSchemeQueryOrEscapes() {
        assertTrue(PageCheck.isPlain("../../countries/pl/"));
        assertTrue(PageCheck.isPlain("membership/#full"));
        assertTrue(PageCheck.isPlain("#main"));
        assertFalse(PageCheck.isPlain("//cdn.example.org/x"));
        assertFalse(PageCheck.isPlain("https://example.org/"));
        assertFalse(PageCheck.isPlain("a#b#c"));
        assertFalse(PageCheck.isPlain("members/?q=1"));
        assertFalse(PageCheck.isPlain("%41"));
    }

    @Test
    void normalizeResolvesDotSegmentsAndKeepsATrailingSlash() {
        assertEquals("members/", PageCheck.normalize("cities/oslo/../../members/"));
        assertEquals("countries/pl/", PageCheck.normalize("cities/lodz/../../countries/pl/"));
        assertEquals("cities/oslo/index.html", PageCheck.normalize("cities/./oslo//index.html"));
        assertEquals("cities/oslo", PageCheck.normalize("cities/oslo/."));
        assertEquals("cities", PageCheck.normalize("cities/oslo/.."));
        assertEquals("cities/", PageCheck.normalize("cities/oslo/../"));
        assertEquals("a", PageCheck.normalize("/a"));
        assertEquals("", PageCheck.normalize("cities/.."));
        assertEquals("", PageCheck.normalize("cities/../"));
        assertEquals("", PageCheck.normalize(""));
        assertEquals("...", PageCheck.normalize("..."));
        assertEquals(null, PageCheck.normalize("../x"));
        assertEquals(null, PageCheck.normalize("cities/../../x"));
    }
}
