package eu.eurocities.site;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.load.CityCache;
import eu.eurocities.site.load.ContentLoader;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.Site;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Planner;
import eu.eurocities.site.plan.Routes;
import eu.eurocities.site.render.Markdown;
import eu.eurocities.site.render.MarkdownLink;
import eu.eurocities.site.render.OpenData;
import eu.eurocities.site.render.Renderer;
import eu.eurocities.site.render.SearchIndex;
import eu.eurocities.site.render.SearchText;
import eu.eurocities.site.validate.Validator;
import eu.eurocities.site.verify.ExternalLinks;
import eu.eurocities.site.verify.OutputFacts;
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
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one place the order of the stages is written: load, validate, plan, render, write, check. Each stage reads
 * what the previous one produced and adds problems to the run's {@link Diagnostics}.
 */
public final class Pipeline {
  private Pipeline() {}

  /**
   * Loads and validates {@code source/content}, the Markdown of the pages included ({@link Markdown#check}).
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
    Markdown markdown = new Markdown();
    content.pages().values().forEach(page -> markdown.check(page, diagnostics));
    return diagnostics.hasErrors() ? Optional.empty() : Optional.of(content);
  }

  /**
   * What rendering produced, for the check stage and the report.
   *
   * @param kinds the output file of every HTML page, with its kind ({@code city}, {@code country} ...), in path
   *     order
   * @param markdownLinks every link written in Markdown, by page file and source position
   */
  public record Rendered(SortedMap<String, String> kinds, List<MarkdownLink> markdownLinks) {}

  /**
   * Plans and renders every page and writes it, with the assets, sitemap, robots.txt, open data downloads and
   * search index, to {@code output}.
   * Pages are rendered in parallel and each is written as soon as it is rendered; nothing of it is kept (an
   * output that needs facts for the check reads them from what is written).
   *
   * @param content validated content
   * @param engine the template engine
   * @param source the source folder, for a theme's own stylesheet
   * @param output where files go
   * @param diagnostics receives broken links to content files found in Markdown
   */
  public static Rendered generate(
      Content content, TemplateEngine engine, Path source, Output output, Diagnostics diagnostics) {
    return generate(content, Planner.plan(content), engine, source, output, diagnostics, page -> true);
  }

  /**
   * Like {@link #generate(Content, TemplateEngine, Path, Output, Diagnostics)} for {@code pages}, the caller's
   * {@link Planner#plan} of {@code content}, but renders only the pages that {@code which} accepts; every other file
   * (sitemap, robots.txt, stylesheet) is still written in full. For {@code serve}, which re-renders only the pages a
   * change affects. When two pages of {@code pages} share an address, both are named in {@code diagnostics} and
   * nothing is written.
   */
  public static Rendered generate(Content content, List<Page> pages, TemplateEngine engine, Path source,
      Output output, Diagnostics diagnostics, Predicate<Page> which) {
    return generate(content, pages, engine, source, output, diagnostics, which, new SearchText()::sections);
  }

  /**
   * As {@link #generate(Content, List, TemplateEngine, Path, Output, Diagnostics, Predicate)}, with the words of
   * each Markdown body for the search index from {@code plainText}, so that serve parses only what changed.
   */
  public static Rendered generate(Content content, List<Page> pages, TemplateEngine engine, Path source,
      Output output, Diagnostics diagnostics, Predicate<Page> which,
      Function<TextPage, List<SearchText.Section>> plainText) {
    if (!Planner.addressesAreUnique(pages, diagnostics)) {
      return new Rendered(Collections.emptySortedMap(), List.of());
    }
    ConcurrentLinkedQueue<MarkdownLink> markdownLinks = new ConcurrentLinkedQueue<>();
    Renderer renderer = new Renderer(content, engine, new Markdown(markdownLinks::add), diagnostics);
    pages.parallelStream()
        .filter(which)
        .forEach(page -> writeText(output, page.file(), renderer.render(page)));
    SortedMap<String, String> kinds = new TreeMap<>();
    pages.forEach(p -> kinds.put(p.file(), p.kind().id()));
    List<String> sitemap = pages.stream().map(Page::path).filter(p -> !p.equals(Routes.NOT_FOUND)).toList();
    List<Runnable> files = new ArrayList<>(List.of( // the biggest first, on all cores
        () -> write(output, "members.json", OpenData.json(content)),
        () -> SearchIndex.files(pages, content.network(), plainText).forEach((f, b) -> write(output, f, b)),
        () -> write(output, "members.csv", OpenData.csv(content)),
        () -> write(output, "sitemap.xml", sitemapXml(content.site(), sitemap)),
        () -> write(output, "robots.txt", ("User-agent: *\nAllow: /\n\nSitemap: "
            + content.site().absolute("sitemap.xml") + "\n").getBytes(StandardCharsets.UTF_8))));
    for (String asset : ASSETS) {
      files.add(() -> write(output, asset, asset(source, asset)));
    }
    files.parallelStream().forEach(Runnable::run);
    return new Rendered(Collections.unmodifiableSortedMap(kinds), sorted(markdownLinks));
  }

  /**
   * The links written in the Markdown of {@code content}, with the pages they end up on, without
   * rendering or writing anything else; for tracing findings in an output folder back to their source line.
   * Links to content files that do not exist are recorded in {@code diagnostics}, as {@link #generate} does.
   */
  public static List<MarkdownLink> markdownLinks(Content content, TemplateEngine engine, Diagnostics diagnostics) {
    ConcurrentLinkedQueue<MarkdownLink> links = new ConcurrentLinkedQueue<>();
    Renderer renderer = new Renderer(content, engine, new Markdown(links::add), diagnostics);
    Planner.plan(content).stream().filter(p -> p.text() != null).forEach(renderer::body);
    return sorted(links);
  }

  private static List<MarkdownLink> sorted(Collection<MarkdownLink> links) {
    return links.stream()
        .sorted(Comparator.comparing(MarkdownLink::file)
            .thenComparingInt(l -> l.pos().line())
            .thenComparingInt(l -> l.pos().column()))
        .toList();
  }

  /**
   * The check stage, over an output's facts, whether a build is about to swap it in or it is a folder on disk.
   *
   * @param baseUrl the base URL the output was built for, ending in '/'
   * @param facts the output's files and pages
   * @param markdownLinks links written in Markdown, to name their source line in findings (may be empty)
   * @param external fetches external links, or null to leave them alone
   */
  public static List<SiteChecker.Finding> check(
      String baseUrl, OutputFacts facts, List<MarkdownLink> markdownLinks, ExternalLinks external) {
    return SiteChecker.check(facts, baseUrl, Set.of(Routes.NOT_FOUND), markdownLinks, external);
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

  /** The files of {@code templates/assets/} copied to the site root. */
  private static final List<String> ASSETS = List.of("style.css", "members.js", "search.js", "search-box.js",
      "vendor/minisearch-7.2.0.js");

  /** An asset from the source folder's {@code templates/assets/}, or the built-in theme's. */
  private static byte[] asset(Path source, String name) {
    Path own = source.resolve("templates/assets/" + name);
    try {
      if (Files.isRegularFile(own)) {
        return Files.readAllBytes(own);
      }
      try (InputStream in = Pipeline.class.getClassLoader()
          .getResourceAsStream("default-theme/templates/assets/" + name)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeText(Output output, String path, String text) {
    writing(path, () -> output.writeText(path, text));
  }

  /** A write that may fail with an {@link IOException}. */
  private interface Write {
    void run() throws IOException;
  }

  /** Runs {@code write}, turning its failure into an unchecked error that names {@code path}. */
  private static void writing(String path, Write write) {
    try {
      write.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  private static void write(Output output, String path, byte[] bytes) {
    writing(path, () -> output.write(path, bytes));
  }

}
