package eu.eurocities.site.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Cli;
import eu.eurocities.site.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of a site built again ({@code serve}): the checks over all pages are skipped only when a changed page
 * kept its title and its being a redirect and the sitemap did not change, and otherwise find what a whole check finds.
 */
class KeptChecksTest {
    static final String BASE = "https://eurocities.example.org/";
    static final String OSLO = "cities/oslo/index.html";

    @TempDir
    static Path tmp;

    static Path out;
    static OutputFacts facts;
    static KeptChecks checked;

    @BeforeAll
    static void build() throws IOException {
        out = tmp.resolve("site");
        assertEquals(0, Cli.run("build", "--out", out.toString()).code());
        facts = OutputFacts.read(out);
        KeptChecks.Checked first = KeptChecks.none().check(null, facts, Set.of(), BASE, Set.of("404.html"), List::of);
        assertEquals(List.of(), first.findings());
        assertTrue(first.whole());
        checked = first.kept();
    }

    @Test
    void aChangedPageWithItsTitleKeptIsCheckedAlone() throws IOException {
        KeptChecks.Checked r = change(OSLO, page(OSLO).replace("</main>", "<p>One more line.</p></main>"));
        assertEquals(List.of(), r.findings());
        assertFalse(r.whole());
    }

    @Test
    void aChangedPageThatTakesAnotherPagesTitleIsFound() throws IOException {
        String bergen = title(page("cities/bergen/index.html"));
        KeptChecks.Checked r = change(OSLO, page(OSLO).replace(title(page(OSLO)), bergen));
        assertEquals(
                List.of("cities/oslo/index.html: error: page has the same title as cities/bergen/index.html: '"
                        + bergen.substring("<title>".length(), bergen.length() - "</title>".length()) + "'"),
                r.findings().stream().map(Diagnostic::format).toList());
        assertTrue(r.whole());
    }

    @Test
    void aSitemapThatNoLongerListsAPageIsFound() throws IOException {
        String sitemap = Files.readString(out.resolve("sitemap.xml"), StandardCharsets.UTF_8);
        String without = sitemap.replace("<url><loc>" + BASE + "cities/rijeka/</loc></url>\n", "");
        assertFalse(without.equals(sitemap));
        KeptChecks.Checked r = change("sitemap.xml", without);
        assertEquals(
                List.of("sitemap.xml: error: sitemap does not list cities/rijeka/index.html"),
                r.findings().stream().map(Diagnostic::format).toList());
    }

    private static KeptChecks.Checked change(String file, String text) {
        OutputFacts now = facts.copy();
        now.put(file, text.getBytes(StandardCharsets.UTF_8));
        return checked.check(facts, now, Set.of(file), BASE, Set.of("404.html"), List::of);
    }

    private static String page(String file) throws IOException {
        return Files.readString(out.resolve(file), StandardCharsets.UTF_8);
    }

    private static String title(String html) {
        return html.substring(html.indexOf("<title>"), html.indexOf("</title>") + "</title>".length());
    }
}
