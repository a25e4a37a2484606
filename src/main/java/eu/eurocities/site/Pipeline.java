package eu.eurocities.site;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.load.CityCache;
import eu.eurocities.site.load.ContentLoader;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.Site;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Planner;
import eu.eurocities.site.render.Markdown;
import eu.eurocities.site.render.Renderer;
import eu.eurocities.site.validate.Validator;
import eu.eurocities.site.verify.PageFacts;
import eu.eurocities.site.verify.SiteChecker;
import eu.eurocities.site.write.Output;
import gg.jte.TemplateEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * The one place the order of the stages is written: load, validate, plan, render, write, check. Each stage reads
 * what the previous one produced and adds problems to the run's {@link Diagnostics}.
 */
public final class Pipeline {
  private Pipeline() {}

  /**
   * Loads and validates {@code source/content}.
   *
   * @param source the folder holding {@code content/}
   * @param baseUrl a base URL that replaces the one in {@code site.yaml}, or null
   * @param diagnostics receives every problem
   * @return the validated content, or empty when there were errors
   */
  public static Optional<Content> load(Path source, URI baseUrl, Diagnostics diagnostics) {
    return load(source, baseUrl, diagnostics, null);
  }

  /** Like {@link #load(Path, URI, Diagnostics)}, reusing city records from {@code cache} (may be null); for serve. */
  public static Optional<Content> load(Path source, URI baseUrl, Diagnostics diagnostics, CityCache cache) {
    ContentLoader.Loaded loaded = cache == null ? ContentLoader.load(source, diagnostics)
        : ContentLoader.load(source, diagnostics, cache);
    Content content = loaded.content();
    if (baseUrl != null) {
      Site s = content.site();
      content = new Content(new Site(s.title(), baseUrl, s.language(), s.description()), content.network(),
          content.categories(), content.countries(), content.cities(), content.pages());
    }
    Validator.validate(content, loaded.citySlugs(), diagnostics);
    return diagnostics.hasErrors() ? Optional.empty() : Optional.of(content);
  }

  /**
   * What rendering produced, for the check stage and the report.
   *
   * @param pages facts of every HTML page
   * @param files every file written, in path order
   * @param sitemap the site paths listed in the sitemap
   */
  public record Rendered(List<PageFacts> pages, Set<String> files, List<String> sitemap) {}

  /**
   * Plans and renders every page and writes it, with the stylesheet, sitemap and robots.txt, to {@code output}.
   * Pages are rendered in parallel; each is written as soon as it is rendered and only its link facts are kept.
   *
   * @param content validated content
   * @param engine the template engine
   * @param source the source folder, for a theme's own stylesheet
   * @param output where files go
   * @param diagnostics receives broken links to content files found in Markdown
   */
  public static Rendered generate(
      Content content, TemplateEngine engine, Path source, Output output, Diagnostics diagnostics) {
    return generate(content, Planner.plan(content), engine, source, output, diagnostics, page -> true, true);
  }

  /**
   * Like {@link #generate(Content, TemplateEngine, Path, Output, Diagnostics)} for {@code pages}, the caller's
   * {@link Planner#plan} of {@code content}, but renders only the pages that {@code which} accepts; every other file
   * (sitemap, robots.txt, stylesheet) is still written in full. For {@code serve}, which re-renders only the pages a
   * change affects and runs no output checks, so no page facts are collected (they cost as much as rendering): the
   * result's {@code pages} is empty.
   */
  public static Rendered generate(Content content, List<Page> pages, TemplateEngine engine, Path source,
      Output output, Diagnostics diagnostics, Predicate<Page> which) {
    return generate(content, pages, engine, source, output, diagnostics, which, false);
  }

  private static Rendered generate(Content content, List<Page> pages, TemplateEngine engine, Path source,
      Output output, Diagnostics diagnostics, Predicate<Page> which, boolean withFacts) {
    Renderer renderer = new Renderer(content, engine, new Markdown(), diagnostics);
    ConcurrentLinkedQueue<PageFacts> facts = new ConcurrentLinkedQueue<>();
    pages.parallelStream()
        .filter(which)
        .forEach(
            page -> {
              String html = renderer.render(page);
              if (withFacts) {
                facts.add(PageFacts.of(page.file(), html));
              }
              write(output, page.file(), html.getBytes(StandardCharsets.UTF_8));
            });
    Set<String> files = new TreeSet<>();
    pages.forEach(p -> files.add(p.file()));
    List<String> sitemap = pages.stream().map(Page::path).filter(p -> !p.equals("404.html")).toList();
    write(output, "sitemap.xml", sitemapXml(content.site(), sitemap));
    write(output, "robots.txt", ("User-agent: *\nAllow: /\n\nSitemap: " + content.site().absolute("sitemap.xml")
        + "\n").getBytes(StandardCharsets.UTF_8));
    write(output, "style.css", stylesheet(source));
    files.addAll(List.of("sitemap.xml", "robots.txt", "style.css"));
    List<PageFacts> sorted = new ArrayList<>(facts);
    sorted.sort((a, b) -> a.file().compareTo(b.file()));
    return new Rendered(sorted, Collections.unmodifiableSet(files), sitemap);
  }

  /** Runs the output checks over what {@link #generate} produced. */
  public static List<SiteChecker.Finding> check(Content content, Rendered rendered) {
    return SiteChecker.check(rendered.pages(), rendered.files(), rendered.sitemap(), content.site().basePath(),
        Set.of("404.html"));
  }

  /** True when the run must fail: errors, or warnings under {@code --strict}. */
  public static boolean failed(Diagnostics diagnostics, boolean strict) {
    return diagnostics.hasErrors() || (strict && diagnostics.count(Severity.WARNING) > 0);
  }

  private static byte[] sitemapXml(Site site, List<String> paths) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (String p : paths) {
      xml.append("  <url><loc>").append(escapeXml(site.absolute(p))).append("</loc></url>\n");
    }
    xml.append("</urlset>\n");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escapeXml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static byte[] stylesheet(Path source) {
    Path own = source.resolve("templates/assets/style.css");
    try {
      if (Files.isRegularFile(own)) {
        return Files.readAllBytes(own);
      }
      try (InputStream in = Pipeline.class.getClassLoader()
          .getResourceAsStream("default-theme/templates/assets/style.css")) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Output output, String path, byte[] bytes) {
    try {
      output.write(path, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

}
