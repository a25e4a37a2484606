package eu.eurocities.site.render;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Page;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jsoup.Jsoup;

/**
 * The render stage: turns one planned page into HTML with the jte templates ({@code templates/pages/<kind>.jte},
 * each wrapped in {@code templates/layout/base.jte}). Thread-safe; pages can be rendered in parallel.
 */
public final class Renderer {
  private final Content content;
  private final TemplateEngine engine;
  private final Markdown markdown;
  private final Diagnostics diagnostics;
  private final Set<String> prepared = ConcurrentHashMap.newKeySet();
  private final Map<String, TemplateException> failed = new HashMap<>();
  private final ReadWriteLock compiling = new ReentrantReadWriteLock();

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

  private static final String TEMPLATE_HINT =
      "undo the last change to this template, or delete it from templates/ to use the built-in one";

  /**
   * The complete HTML document of {@code page}; when a template fails, the error is recorded in the diagnostics at
   * the template's line and the result is empty (the build then fails and keeps the previous site).
   */
  public String render(Page page) {
    return render(page, null);
  }

  /**
   * As {@link #render(Page)}, passing the page's markup to {@code listener} (may be null) as it is written.
   */
  public String render(Page page, MarkupListener listener) {
    Links links = new Links(page.path(), content.site().basePath(), page instanceof Page.NotFound);
    Html body = body(page, links);
    PageOutput out = new PageOutput(new StringOutput(8192), listener);
    try {
      write(page, links, body, out);
    } catch (TemplateException e) {
      diagnostics.addOnce(TemplateErrors.of(e, page.path(), TEMPLATE_HINT));
      return "";
    }
    return out.html();
  }

  /** Writes {@code page} with its templates and {@code body} to {@code out}. */
  private void write(Page page, Links links, Html body, PageOutput out) {
    String template = "pages/" + kind(page) + ".jte";
    PageContext ctx = new PageContext(content.site(), content.network(), page, links);
    prepare(template);
    compiling.readLock().lock();
    try {
      engine.render(template, Map.of("ctx", ctx, "page", page, "body", body), out);
    } finally {
      compiling.readLock().unlock();
    }
  }

  /**
   * The element ids {@code page}'s templates write around its body, so that no heading of the body takes one; empty
   * when a template fails (then rendering the page reports it).
   */
  private Set<String> templateIds(Page page, Links links) {
    PageOutput out = new PageOutput(new StringOutput(8192), null);
    try {
      write(page, links, new Html(""), out);
    } catch (TemplateException e) {
      return Set.of();
    }
    return Set.copyOf(Jsoup.parse(out.html()).select("[id]").eachAttr("id"));
  }

  /**
   * Loads {@code template} (compiling it when the engine compiles at run time) before its first page is rendered,
   * one template at a time and while no page is being rendered: jte compiles into one shared folder, and a page
   * rendered during a compile could read a half-written class. A template that does not compile fails the same way
   * for every page, without being compiled again.
   */
  private void prepare(String template) {
    if (prepared.contains(template)) {
      return;
    }
    compiling.writeLock().lock();
    try {
      TemplateException failure = failed.get(template);
      if (failure != null) {
        throw failure;
      }
      if (!prepared.contains(template)) {
        try {
          engine.prepareForRendering(template);
        } catch (TemplateException e) {
          failed.put(template, e);
          throw e;
        }
        prepared.add(template);
      }
    } finally {
      compiling.writeLock().unlock();
    }
  }

  /** The HTML of {@code page}'s Markdown (empty for pages without), as {@link #render} puts it into the page. */
  public Html body(Page page) {
    return body(page, new Links(page.path(), content.site().basePath(), page instanceof Page.NotFound));
  }

  private Html body(Page page, Links links) {
    TextPage text = markdown(page);
    return text == null ? new Html("")
        : markdown.render(text, links, this::target, templateIds(page, links), diagnostics);
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
