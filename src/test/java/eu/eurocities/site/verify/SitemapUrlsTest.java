package eu.eurocities.site.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SitemapUrlsTest {
    /** What the check read before the sitemap was streamed: the whole document, then {@code url > loc}. */
    private static List<String> asDocument(String xml) {
        return Jsoup.parse(xml, "", Parser.xmlParser()).select("url > loc").eachText();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                        + "<url><loc>https://example.org/a/</loc></url>\n<url><loc>https://example.org/b/</loc></url>\n"
                        + "</urlset>\n",
                "<urlset><url><loc>  https://example.org/?a=1&amp;b=2\n </loc>"
                        + "<lastmod>2024-01-01</lastmod></url></urlset>",
                "<urlset><url><loc></loc></url><url><loc>x</loc><loc>y</loc></url><loc>not in a url</loc></urlset>",
                "<urlset><url><loc>a<b>b</b>c</loc></url><other><url><loc>deep</loc></url></other></urlset>",
                "<urlset></urlset>",
                "not a sitemap",
                "<urlset><url><loc>unclosed"
            })
    void readsTheUrlsTheDocumentHas(String xml) {
        List<String> streamed = SitemapUrls.of(xml);
        assertEquals(asDocument(xml), streamed, xml);
        assertEquals(asDocument(xml).size(), streamed.size(), xml);
    }
}
