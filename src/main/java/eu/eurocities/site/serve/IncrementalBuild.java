package eu.eurocities.site.serve;

import eu.eurocities.site.Pipeline;
import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.load.CityCache;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Planner;
import eu.eurocities.site.render.TemplateErrors;
import eu.eurocities.site.write.MemoryOutput;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Builds the site into memory for {@code serve}, and on each later call re-renders only the pages whose inputs
 * changed since the last good build.
 *
 * <p>A page is re-rendered when its planned {@link Page} record differs from the last good one (records compare by
 * value, so a city edit reaches exactly the pages that show that city: its own page, its country, the index pages
 * and its neighbours), when the template it uses (or one that template calls) changed, or when the site or network
 * settings changed (then every page). Pages with Markdown text are always re-rendered, because their links depend on
 * which files exist and their broken-link errors must be reported on every run. Files other than pages (sitemap,
 * robots.txt, stylesheet) are written in full every time.
 *
 * <p>Not thread-safe: one thread (the watcher's) calls {@link #run}.
 */
public final class IncrementalBuild {

  private final Path source;
  private final URI baseUrl;
  private final LiveTemplates templates;
  private final CityCache cities = new CityCache();
  private final Set<String> pendingTemplates = new TreeSet<>();
  private Set<String> affectedTemplates;
  private Good last;

  /**
   * @param source the folder holding {@code content/} and optionally {@code templates/}
   * @param baseUrl the server's own URL, used as the site's base URL
   * @param workDir an empty folder for templates compiled at run time
   */
  public IncrementalBuild(Path source, URI baseUrl, Path workDir) {
    this.source = source;
    this.baseUrl = baseUrl;
    this.templates = new LiveTemplates(source, workDir);
  }

  private record Good(Content content, Map<String, Page> pages, Map<String, byte[]> files) {}

  /**
   * The outcome of one run.
   *
   * @param files every file of the site after this run, by output path; on failure, the last good files (null
   *     when there never was a good build)
   * @param ok false when the run had errors and the last good files were kept
   * @param diagnostics every problem of this run, sorted as on the command line
   * @param summary the command line's summary line ("1 error, 0 warnings")
   * @param rendered the number of pages rendered by this run
   * @param changed the output paths whose bytes differ from the previous good build, in order
   */
  public record Result(Map<String, byte[]> files, boolean ok, List<Diagnostic> diagnostics, String summary,
      int rendered, Set<String> changed) {}

  /**
   * Builds again after a change.
   *
   * @param changed the files and folders that changed since the last run, relative to the source folder with '/'
   *     separators ({@code content/cities/lodz.yaml}, {@code templates/pages/city.jte})
   * @param everything true to read and render everything again (the first run, or when file events were lost)
   * @return the new site, or the last good one with this run's errors
   */
  public Result run(Set<String> changed, boolean everything) {
    if (everything) {
      cities.clear();
    }
    changed.forEach(cities::forget);
    Diagnostics diagnostics = new Diagnostics();
    Set<String> edited = new TreeSet<>();
    for (String path : changed) {
      if (path.startsWith("templates/") && path.endsWith(".jte")) {
        edited.add(path.substring("templates/".length()));
      }
    }
    if (!edited.isEmpty() || (!pendingTemplates.isEmpty() && affectedTemplates == null)) {
      // templates edited since the last good build stay pending until a build with them succeeds
      pendingTemplates.addAll(edited);
      try {
        affectedTemplates = templates.recompile(pendingTemplates);
      } catch (RuntimeException e) {
        affectedTemplates = null;
        diagnostics.add(templateError(e));
        return failed(diagnostics);
      }
    }
    Optional<Content> loaded = Pipeline.load(source, baseUrl, diagnostics, cities);
    if (loaded.isEmpty()) {
      return failed(diagnostics);
    }
    Content content = loaded.get();
    List<Page> plan = Planner.plan(content);
    Predicate<Page> affected = affected(content, everything);
    AtomicInteger rendered = new AtomicInteger();
    Predicate<Page> which = page -> {
      boolean render = affected.test(page);
      if (render) {
        rendered.incrementAndGet();
      }
      return render;
    };
    MemoryOutput output = new MemoryOutput();
    try {
      Pipeline.generate(content, plan, templates.engine(), source, output, diagnostics, which);
    } catch (RuntimeException e) {
      diagnostics.add(templateError(e));
      return failed(diagnostics);
    }
    if (diagnostics.hasErrors()) {
      return failed(diagnostics);
    }
    Map<String, Page> pages = new HashMap<>();
    for (Page p : plan) {
      pages.put(p.file(), p);
    }
    Map<String, byte[]> files = new HashMap<>(last == null ? Map.of() : last.files());
    Set<String> differ = new TreeSet<>();
    if (last != null) {
      for (String gone : last.pages().keySet()) {
        if (!pages.containsKey(gone)) {
          files.remove(gone);
          differ.add(gone);
        }
      }
    }
    output.files().forEach((path, bytes) -> {
      if (!Arrays.equals(files.put(path, bytes), bytes)) {
        differ.add(path);
      }
    });
    last = new Good(content, pages, Collections.unmodifiableMap(files));
    pendingTemplates.clear();
    affectedTemplates = null;
    return new Result(last.files(), true, diagnostics.sorted(), diagnostics.summary(), rendered.get(),
        Collections.unmodifiableSet(differ));
  }

  private Predicate<Page> affected(Content content, boolean everything) {
    if (everything || last == null || !content.site().equals(last.content().site())
        || !content.network().equals(last.content().network())) {
      return page -> true;
    }
    Set<String> viaTemplates = affectedTemplates == null ? Set.of() : affectedTemplates;
    Map<String, Page> before = last.pages();
    return page -> page.text() != null
        || viaTemplates.contains(page.kind().template())
        || !page.equals(before.get(page.file()));
  }

  private Result failed(Diagnostics diagnostics) {
    return new Result(last == null ? null : last.files(), false, diagnostics.sorted(), diagnostics.summary(), 0,
        Set.of());
  }

  /**
   * A template that failed to compile or render, as a diagnostic at the template's line when jte names it (jte says
   * either {@code Failed to compile pages/city.jte, error at line 16: message} or {@code ... error at
   * pages/city.jte:16} followed by the compiler's message).
   */
  static Diagnostic templateError(RuntimeException e) {
    return TemplateErrors.of(e, null, "fix the template and save it again; the last good pages stay in place until then");
  }

}
