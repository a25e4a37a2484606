package eu.eurocities.site.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.eurocities.site.model.Activity;
import eu.eurocities.site.model.Network;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Fold;
import eu.eurocities.site.plan.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The site search's index, {@code search-index.json}, made at build time from the planned pages: one entry per
 * page a reader may look for (not the search page itself, nor 404), in plan order. Each entry has {@code t} the
 * title, {@code u} the site path, {@code d} the description, {@code c} what kind of page it is, {@code k} the
 * folded key of its names ({@link Fold#key}: a city's name, local name and country) and, for pages of prose,
 * {@code x} their folded text ({@link Fold#query}). The script on the search page matches typed words against
 * {@code k} first, then {@code x}.
 */
public final class SearchIndex {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SearchIndex() {}

  /** The index entries of {@code pages}, each a map in the order t, u, d, c, k, x. */
  public static List<Map<String, String>> entries(List<Page> pages, Network network, Markdown markdown) {
    return entries(pages, network, markdown::text);
  }

  /**
   * As {@link #entries(List, Network, Markdown)}, with the plain text of each Markdown body from {@code plainText}
   * (serve keeps those of unchanged pages instead of parsing them again).
   */
  public static List<Map<String, String>> entries(List<Page> pages, Network network,
      Function<TextPage, String> plainText) {
    return pages.parallelStream()
        .filter(page -> !(page instanceof Page.Search || page instanceof Page.NotFound))
        .map(page -> entry(page, network, plainText))
        .toList();
  }

  private static Map<String, String> entry(Page page, Network network, Function<TextPage, String> markdown) {
    Map<String, String> e = new LinkedHashMap<>();
    e.put("t", page.title());
    e.put("u", page.path());
    e.put("d", page.description());
    String text = null;
    if (page instanceof Page.CityDetail p) {
      e.put("c", "City in " + p.country().name());
      e.put("k", Fold.key(p.city().name(), p.city().localName(), p.country().name()));
    } else if (page instanceof Page.CountryDetail p) {
      e.put("c", "Country");
      e.put("k", Fold.key(p.country().country().name(), p.country().country().code()));
    } else if (page instanceof Page.CategoryDetail p) {
      e.put("c", "Membership category");
      e.put("k", Fold.key(p.title(), p.category().name()));
    } else {
      e.put("c", "Page");
      e.put("k", Fold.key(page.title()));
      text = prose(page, network, markdown);
    }
    if (text != null) {
      e.put("x", Fold.query(text));
    }
    return e;
  }

  /** {@code search-index.json} as UTF-8 bytes: {@code {"pages":[...]}}. */
  public static byte[] json(List<Page> pages, Network network, Markdown markdown) {
    return json(pages, network, markdown::text);
  }

  /** {@code search-index.json} as {@link #entries(List, Network, Function)} gives it. */
  public static byte[] json(List<Page> pages, Network network, Function<TextPage, String> plainText) {
    try {
      return JSON.writeValueAsBytes(Map.of("pages", entries(pages, network, plainText)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The words of a page of prose: its description and Markdown text, and what its template adds. */
  private static String prose(Page page, Network network, Function<TextPage, String> markdown) {
    StringBuilder s = new StringBuilder(page.description());
    TextPage body = null;
    if (page instanceof Page.Home p) {
      body = p.intro();
    } else if (page instanceof Page.Rules p) {
      body = p.text();
      p.categories().forEach(c -> s.append(' ').append(c.category().name()).append(' ')
          .append(c.category().summary()));
    } else if (page instanceof Page.Strategy p) {
      body = p.text();
      for (Activity a : network.activities()) {
        s.append(' ').append(a.name()).append(' ').append(a.summary());
      }
      network.forums().forEach(f -> s.append(' ').append(f));
    } else if (page instanceof Page.Text p) {
      body = p.text();
    }
    if (body != null) {
      s.append(' ').append(markdown.apply(body));
    }
    return s.toString();
  }
}
