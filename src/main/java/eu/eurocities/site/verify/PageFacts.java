package eu.eurocities.site.verify;

import eu.eurocities.site.render.LinkSchemes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * What the checks need to know of one HTML page: read with jsoup from a written page ({@link #of}), or gathered
 * while the page is rendered ({@link PageFactsRecorder}); either way as soon as the page is written, so that
 * checking a site does not hold every page in memory.
 *
 * @param file the page's output file, e.g. {@code cities/lodz/index.html}
 * @param title the text of {@code <title>} in the document head, white space collapsed, or empty
 * @param h1Count number of {@code h1} elements
 * @param lang the {@code lang} attribute of {@code <html>}, or empty
 * @param canonical the {@code href} of {@code <link rel="canonical">}, or empty
 * @param links every {@code href} of {@code a} and {@code link}, and every {@code src}, in document order
 * @param ids every element {@code id}
 * @param duplicateIds the ids that more than one element has
 * @param unsafeLinks every address, in any attribute of any element, whose scheme {@link LinkSchemes} refuses, in
 *     document order
 */
public record PageFacts(
    String file, String title, int h1Count, String lang, String canonical, List<String> links, Set<String> ids,
    Set<String> duplicateIds, List<UnsafeLink> unsafeLinks) {

  /**
   * An address a page may not link to.
   *
   * @param tag the element, e.g. {@code a}
   * @param attribute the attribute that holds it, e.g. {@code href}
   * @param address the address, e.g. {@code javascript:alert(1)}
   * @param scheme its scheme in lower case, e.g. {@code javascript}
   */
  public record UnsafeLink(String tag, String attribute, String address, String scheme) {}

  /** Parses {@code html} with jsoup and reads its facts in one walk over the elements. */
  public static PageFacts of(String file, String html) {
    return of(file, html, null);
  }

  /**
   * As {@link #of(String, String)}, keeping each link and id as the one equal string in {@code shared} (a
   * thread-safe map from a string to itself, one per build), so that the facts of 100,000 pages, which mostly
   * repeat the same links, stay small.
   */
  public static PageFacts of(String file, String html, Map<String, String> shared) {
    Document doc = Jsoup.parse(html);
    PageFactsRecorder facts = new PageFactsRecorder(shared);
    doc.getAllElements().forEach(facts::element);
    return facts.facts(file, doc.title().strip());
  }

  static String share(String s, Map<String, String> shared) {
    if (shared == null) {
      return s;
    }
    String known = shared.get(s); // lock-free, unlike computeIfAbsent on the hot keys every page repeats
    if (known != null) {
      return known;
    }
    known = shared.putIfAbsent(s, s);
    return known == null ? s : known;
  }
}
