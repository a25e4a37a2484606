package eu.eurocities.site.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the checks need to know of one HTML page, extracted with jsoup as soon as the page is written (or read back
 * from disk), so that checking a site does not hold every page in memory.
 *
 * @param file the page's output file, e.g. {@code cities/lodz/index.html}
 * @param title the text of {@code <title>}, or empty
 * @param h1Count number of {@code h1} elements
 * @param lang the {@code lang} attribute of {@code <html>}, or empty
 * @param canonical the {@code href} of {@code <link rel="canonical">}, or empty
 * @param links every {@code href} of {@code a} and {@code link}, and every {@code src}, in document order
 * @param ids every element {@code id}
 */
public record PageFacts(
    String file, String title, int h1Count, String lang, String canonical, List<String> links, Set<String> ids) {

  /** Parses {@code html} and extracts its facts. */
  public static PageFacts of(String file, String html) {
    Document doc = Jsoup.parse(html);
    List<String> links = new ArrayList<>();
    for (Element e : doc.select("a[href], link[href], [src]")) {
      links.add(e.hasAttr("src") ? e.attr("src") : e.attr("href"));
    }
    Set<String> ids = new HashSet<>();
    for (Element e : doc.select("[id]")) {
      ids.add(e.id());
    }
    Element canonical = doc.selectFirst("link[rel=canonical]");
    return new PageFacts(
        file, doc.title().strip(), doc.select("h1").size(), doc.selectFirst("html").attr("lang"),
        canonical == null ? "" : canonical.attr("href"), List.copyOf(links), Set.copyOf(ids));
  }
}
