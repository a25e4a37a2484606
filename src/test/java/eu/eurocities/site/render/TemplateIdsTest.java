package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.BuiltSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ids read from a page's HTML are those a full parse (jsoup) finds: on every real page and on tricky markup. */
class TemplateIdsTest {

    private static Set<String> parsed(String html) {
        return Set.copyOf(Jsoup.parse(html).select("[id]").eachAttr("id"));
    }

    @Test
    void everyPageOfTheRealSiteHasTheIdsAFullParseFinds() throws IOException {
        Path out = BuiltSite.out();
        List<Path> pages = BuiltSite.htmlFiles();
        assertTrue(pages.size() > 200, "pages: " + pages.size());
        for (Path page : pages) {
            byte[] bytes = Files.readAllBytes(page);
            assertEquals(parsed(new String(bytes, StandardCharsets.UTF_8)), TemplateIds.of(bytes), page.toString());
        }
        byte[] home = Files.readAllBytes(out.resolve("index.html"));
        assertTrue(TemplateIds.of(home).contains("main"), "the skip link's target");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<p id=\"a\" id=\"b\">x</p><h2 ID=\"&#x41;b\">y</h2><i id=''></i>",
                "<!-- <p id=\"in-comment\"> --><script>var s = '<p id=\"in-script\">';</script><p id=after>",
                "<svg><g id=\"marker-1\"><title>t</title></g></svg><textarea><b id=\"in-text\"></textarea>",
                "<a id=\"x&amp;y\" href=\"#\">1</a><b id=\"caf&eacute;\">2</b><i id=\"cut",
            })
    void trickyMarkupHasTheIdsAFullParseFinds(String html) {
        assertEquals(parsed(html), TemplateIds.of(html.getBytes(StandardCharsets.UTF_8)));
    }
}
