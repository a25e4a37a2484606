package eu.eurocities.site.verify;

import eu.eurocities.site.render.LinkSchemes;
import eu.eurocities.site.render.MarkupListener;
import gg.jte.output.StringOutput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Gathers a page's {@link PageFacts} while the page is rendered, from the tags its templates report and a jsoup
 * parse of only the HTML written as is (Markdown bodies, charts, JSON-LD), instead of parsing the whole page again.
 * The facts are the ones {@link PageFacts#of} reads from the finished page when the templates are the built-in ones
 * (a test compares the two on every page of the real site); the build also reads one page of each kind both ways
 * and parses every page of a kind in full when the two differ. One per page; not thread-safe.
 */
public final class PageFactsRecorder implements MarkupListener {
  private final Map<String, String> shared;
  private final List<String> links = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private final Set<String> duplicateIds = new HashSet<>();
  private final List<PageFacts.UnsafeLink> unsafeLinks = new ArrayList<>();
  private int h1Count;
  private String lang;
  private String canonical = "";
  private String title;

  /** @param shared the build's map of shared link and id strings, as for {@link PageFacts#of(String, String, Map)} */
  public PageFactsRecorder(Map<String, String> shared) {
    this.shared = shared;
  }

  @Override
  public void tagOpened(String name, Map<String, Object> attributes) {
    String src = null;
    String href = null;
    String rel = null;
    String id = null;
    String langAttribute = null;
    for (Map.Entry<String, Object> a : attributes.entrySet()) {
      String value = value(a.getValue());
      if (value == null) {
        continue;
      }
      String key = a.getKey().toLowerCase(Locale.ROOT);
      judge(name, key, value);
      switch (key) {
        case "src" -> src = value;
        case "href" -> href = value;
        case "rel" -> rel = value;
        case "id" -> id = value;
        case "lang" -> langAttribute = value;
        default -> { }
      }
    }
    element(name.toLowerCase(Locale.ROOT), src, href, rel, id, langAttribute);
  }

  @Override
  public void titleHtml(String html) {
    if (title == null) {
      // as jsoup's Document.title() and PageFacts.of: white space collapsed, then trim() and strip()
      title = StringUtil.normaliseWhitespace(Parser.unescapeEntities(html, false)).trim().strip();
    }
  }

  @Override
  public void rawHtml(String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    for (Element e : body.getAllElements()) {
      if (e != body) {
        element(e);
      }
    }
  }

  /** One parsed element's share of the facts; {@link PageFacts#of} reads a whole page with it. */
  void element(Element e) {
    for (Attribute a : e.attributes()) {
      judge(e.normalName(), a.getKey(), a.getValue());
    }
    element(e.normalName(), e.hasAttr("src") ? e.attr("src") : null, e.hasAttr("href") ? e.attr("href") : null,
        e.hasAttr("rel") ? e.attr("rel") : null, e.hasAttr("id") ? e.id() : null,
        e.hasAttr("lang") ? e.attr("lang") : null);
  }

  /**
   * One element's share of the facts: every {@code src}, else the {@code href} of {@code a} and {@code link}, in
   * document order; the first canonical link; ids; {@code h1} elements; the first {@code html} element's lang.
   */
  private void element(String tag, String src, String href, String rel, String id, String langAttribute) {
    if (tag.equals("h1")) {
      h1Count++;
    } else if (tag.equals("html") && lang == null) {
      lang = langAttribute == null ? "" : langAttribute;
    }
    if (src != null) {
      links.add(share(src));
    } else if ((tag.equals("a") || tag.equals("link")) && href != null) {
      links.add(share(href));
      if (tag.equals("link") && canonical.isEmpty() && "canonical".equalsIgnoreCase(rel)) {
        canonical = href;
      }
    }
    if (id != null && !ids.add(share(id))) {
      duplicateIds.add(id);
    }
  }

  /** Records the addresses in an attribute that a page may not link to. */
  private void judge(String tag, String attribute, String value) {
    for (String address : LinkSchemes.addresses(tag, attribute, value)) {
      String scheme = LinkSchemes.refused(address);
      if (scheme != null) {
        unsafeLinks.add(new PageFacts.UnsafeLink(tag.toLowerCase(Locale.ROOT), attribute.toLowerCase(Locale.ROOT),
            address, scheme));
      }
    }
  }

  /**
   * The value of an attribute as a parse of the page reads it, or null when it is not written (null or false):
   * content is rendered as jte writes it, and character references a template writes in a value are decoded.
   */
  private static String value(Object v) {
    if (v == null || Boolean.FALSE.equals(v)) {
      return null;
    }
    if (Boolean.TRUE.equals(v)) {
      return "";
    }
    String text;
    if (v instanceof gg.jte.Content content) {
      StringOutput out = new StringOutput();
      content.writeTo(out);
      text = out.toString();
    } else {
      text = v.toString();
    }
    return text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, true);
  }

  private String share(String s) {
    return PageFacts.share(s, shared);
  }

  /** The facts of the page rendered, as {@code file}. */
  public PageFacts facts(String file) {
    return facts(file, title == null ? "" : title);
  }

  PageFacts facts(String file, String pageTitle) {
    return new PageFacts(file, pageTitle, h1Count, lang == null ? "" : lang, canonical, List.copyOf(links),
        Set.copyOf(ids), Set.copyOf(duplicateIds), List.copyOf(unsafeLinks));
  }
}
