package eu.eurocities.site.render;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Page;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The render stage: turns one planned page into HTML with the jte templates ({@code templates/pages/<kind>.jte},
 * each wrapped in {@code templates/layout/base.jte}). Thread-safe; pages can be rendered in parallel.
 */
public final class Renderer {
  private final Content content;
  private final TemplateEngine engine;
  private final Markdown markdown;
  private final Diagnostics diagnostics;

  /**
   * @param content validated content
   * @param engine the template engine from {@link Templates}
   * @param markdown the shared Markdown renderer
   * @param diagnostics receives broken links found in Markdown
   */
  public Renderer(Content content, TemplateEngine engine, Markdown markdown, Diagnostics diagnostics) {
    this.content = content;
    this.engine = engine;
    this.markdown = markdown;
    this.diagnostics = diagnostics;
  }

  /** The complete HTML document of {@code page}. */
  public String render(Page page) {
    Links links = new Links(page.path(), content.site().basePath(), page instanceof Page.NotFound);
    PageContext ctx = new PageContext(content.site(), content.network(), page, links);
    String template = "pages/" + kind(page) + ".jte";
    Html body = body(page, links);
    StringOutput out = new StringOutput(8192);
    try {
      engine.render(template, Map.of("ctx", ctx, "page", page, "body", body), out);
    } catch (TemplateException e) {
      throw new IllegalStateException("template " + template + " failed for " + page.path() + ": " + e.getMessage(), e);
    }
    return out.toString();
  }

  /** The HTML of {@code page}'s Markdown (empty for pages without), as {@link #render} puts it into the page. */
  public Html body(Page page) {
    return body(page, new Links(page.path(), content.site().basePath(), page instanceof Page.NotFound));
  }

  private Html body(Page page, Links links) {
    TextPage text = markdown(page);
    return text == null ? new Html("") : markdown.render(text, links, this::target, diagnostics);
  }

  /** The Markdown page whose body goes into {@code page}, or null for pages made from records alone. */
  public static TextPage markdown(Page page) {
    if (page instanceof Page.Home p) {
      return p.intro();
    } else if (page instanceof Page.Rules p) {
      return p.text();
    } else if (page instanceof Page.Strategy p) {
      return p.text();
    } else if (page instanceof Page.Text p) {
      return p.text();
    }
    return null;
  }

  /** The template name of a page kind: {@code home}, {@code members}, {@code city} ... */
  public static String kind(Page page) {
    if (page instanceof Page.Home) {
      return "home";
    } else if (page instanceof Page.Members) {
      return "members";
    } else if (page instanceof Page.CategoryDetail) {
      return "category";
    } else if (page instanceof Page.CityDetail) {
      return "city";
    } else if (page instanceof Page.Countries) {
      return "countries";
    } else if (page instanceof Page.CountryDetail) {
      return "country";
    } else if (page instanceof Page.Rules) {
      return "rules";
    } else if (page instanceof Page.Strategy) {
      return "strategy";
    } else if (page instanceof Page.Text) {
      return "text";
    } else if (page instanceof Page.Search) {
      return "search";
    }
    return "notfound";
  }

  /** The site path of the page made from a content file, or null when there is none. */
  private String target(String contentFile) {
    if (contentFile.startsWith("content/pages/") && contentFile.endsWith(".md")) {
      String slug = contentFile.substring("content/pages/".length(), contentFile.length() - 3);
      if (!content.pages().containsKey(slug)) {
        return null;
      }
      return slug.equals("home") ? "" : slug + "/";
    }
    if (contentFile.startsWith("content/cities/") && contentFile.endsWith(".yaml")) {
      String slug = contentFile.substring("content/cities/".length(), contentFile.length() - 5);
      return content.cities().containsKey(slug) ? "cities/" + slug + "/" : null;
    }
    return null;
  }
}
