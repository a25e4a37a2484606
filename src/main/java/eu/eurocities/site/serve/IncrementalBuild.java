package eu.eurocities.site.serve;

import eu.eurocities.site.Mode;
import eu.eurocities.site.Outcome;
import eu.eurocities.site.Pipeline;
import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Reporter;
import eu.eurocities.site.load.CityCache;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Routes;
import eu.eurocities.site.render.MarkdownLink;
import eu.eurocities.site.render.Renderer;
import eu.eurocities.site.render.SearchText;
import eu.eurocities.site.render.SiteFiles;
import eu.eurocities.site.render.TemplateErrors;
import eu.eurocities.site.verify.KeptChecks;
import eu.eurocities.site.verify.OutputFacts;
import eu.eurocities.site.write.MemoryOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds the site into memory for {@code serve}, and on each later call re-renders only the pages whose inputs
 * changed since the last good build.
 *
 * <p>A page is re-rendered when its planned {@link Page} record differs from the last good one (records compare by
 * value, so a city edit reaches exactly the pages that show that city: its own page, its country, the index pages
 * and its neighbours), when the template it uses (or one that template calls) changed, or when the site or network
 * settings changed (then every page). A page with Markdown text is also re-rendered when a city or page was added
 * or removed, because its links to content files depend on which files exist; what rendering reported about a page
 * that is not rendered again is reported again from the last good build. Files other than pages (sitemap,
 * robots.txt, stylesheet, search index) are written in full every time, the search index from the plain text of
 * the Markdown bodies kept from the last good build where they did not change. The output is checked as
 * {@code build} checks it ({@link KeptChecks}): the facts of the unchanged files are kept from the last good build,
 * and when it found nothing, only the changed pages are checked again unless a file came or went or a page lost an id.
 *
 * <p>Not thread-safe: one thread (the watcher's) calls {@link #run}.
 */
final class IncrementalBuild {

    private final Path source;
    private final LiveTemplates templates;
    private final Pipeline pipeline;
    private final CityCache cities = new CityCache();
    private final SiteFiles.Kept lastFiles = new SiteFiles.Kept();
    private final Set<String> pendingTemplates = new TreeSet<>();
    private Set<String> affectedTemplates;
    private Good last;
    /** The content {@link #shared} was last asked about, and its answer. */
    private Content sharedOf;

    private Renderer.Shared shared;

    /**
     * @param source the folder holding {@code content/} and optionally {@code templates/}
     * @param baseUrl the server's own URL, used as the site's base URL
     * @param workDir an empty folder for templates compiled at run time
     */
    public IncrementalBuild(Path source, URI baseUrl, Path workDir) {
        this.source = source;
        this.templates = new LiveTemplates(source, workDir);
        this.pipeline = new Pipeline(source, baseUrl, templates::engine, false, true); // drafts shown
    }

    /**
     * The last good build.
     *
     * @param shared what every page shows of the whole content
     * @param pages every page by its path (the pages kept from the last plan hold the very same path objects, so that
     *     finding them is quick)
     * @param others the output paths of the files that are not pages, every one of which each run makes
     * @param rendering what rendering reported (warnings: a good build had no errors)
     * @param texts the words of each Markdown body by section, for the search index
     * @param facts what the output checks read of every file of the site
     * @param checks what the output check of the site keeps for the next, which checks only the pages that changed
     * @param links the links written in Markdown on each page that has any, by page file
     */
    private record Good(
            Content content,
            Renderer.Shared shared,
            Map<String, Page> pages,
            Set<String> others,
            Map<String, byte[]> files,
            List<Diagnostic> rendering,
            Map<TextPage, List<SearchText.Section>> texts,
            OutputFacts facts,
            KeptChecks checks,
            Map<String, List<MarkdownLink>> links) {}

    /**
     * The outcome of one run.
     *
     * @param files every file of the site after this run, by output path; on failure, the last good files (null
     *     when there never was a good build)
     * @param ok false when the run had errors and the last good files were kept
     * @param diagnostics every problem of this run with the content and templates, sorted as on the command line
     * @param findings the problems the output checks found, as {@code build} reports them (Markdown links first)
     * @param summary the command line's summary line ("1 error, 0 warnings", "0 errors, 0 warnings, 1 problem in the
     *     output")
     * @param rendered the output files of the pages rendered by this run, in order
     * @param changed the output paths whose bytes differ from the previous good build, in order
     * @param texts how many Markdown bodies this run turned into plain text for the search index
     * @param timings milliseconds by stage, in order: the pipeline's, then {@code merge} (the new files laid over the
     *     last good ones), {@code facts} (the changed files read for the output check) and {@code check}; empty when
     *     the run stopped early
     */
    public record Result(
            Map<String, byte[]> files,
            boolean ok,
            List<Diagnostic> diagnostics,
            List<Diagnostic> findings,
            String summary,
            Set<String> rendered,
            Set<String> changed,
            int texts,
            Map<String, Long> timings) {}

    /**
     * Builds again after a change.
     *
     * @param changed the files and folders that changed since the last run, relative to the source folder with '/'
     *     separators ({@code content/cities/lodz.yaml}, {@code templates/pages/city.jte})
     * @param everything true to read and render everything again (the first run, or when file events were lost)
     * @return the new site, or the last good one with this run's errors
     */
    public Result run(Set<String> changed, boolean asked) {
        boolean everything = asked;
        if (everything) {
            cities.clear();
        }
        changed.forEach(cities::forget);
        Diagnostics diagnostics = new Diagnostics();
        Set<String> edited = new TreeSet<>();
        for (String path : changed) {
            if (path.equals("templates")) { // the whole theme came or went
                edited.add("");
            } else if (path.startsWith("templates/") && (path.endsWith(".jte") || mayHoldTemplates(path))) {
                edited.add(path.substring("templates/".length()));
            }
        }
        if (!edited.isEmpty() || (!pendingTemplates.isEmpty() && affectedTemplates == null)) {
            // templates edited since the last good build stay pending until a build with them succeeds
            pendingTemplates.addAll(edited);
            try {
                affectedTemplates = templates.recompile(pendingTemplates);
            } catch (RuntimeException e) {
                // rendered as a build renders, each template compiled when a page needs it: the build's errors
                // about the templates come at the pages they break, with every problem of the content
                affectedTemplates = null;
                templates.compileAsBuild();
                everything = true;
            }
        }
        boolean all = everything;
        Map<TextPage, List<SearchText.Section>> kept = last == null ? Map.of() : last.texts();
        Map<TextPage, List<SearchText.Section>> texts = new ConcurrentHashMap<>();
        AtomicInteger parsed = new AtomicInteger();
        Function<TextPage, List<SearchText.Section>> plainText = page -> texts.computeIfAbsent(page, p -> {
            List<SearchText.Section> known = kept.get(p);
            if (known != null) {
                return known;
            }
            parsed.incrementAndGet();
            return pipeline.markdown().sections(p);
        });
        MemoryOutput output = new MemoryOutput();
        Outcome result;
        try {
            result = pipeline.run(new Mode.Incremental(
                    output, cities, c -> affected(c, all || Affected.shown(changed)), plainText, lastFiles));
        } catch (IOException | RuntimeException e) {
            diagnostics.add(
                    templateError(e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e)));
            return failed(diagnostics);
        }
        result.diagnostics().forEach(diagnostics::add);
        if (result.content() == null) {
            return failed(diagnostics);
        }
        Content content = result.content();
        Map<String, Long> timings = new LinkedHashMap<>(result.timings());
        long mark = System.nanoTime();
        List<Page> plan = result.plan();
        Set<String> rendered = result.pages().keySet();
        List<Diagnostic> renderingSaid = new ArrayList<>(result.rendering());
        if (last != null) {
            // the pages not rendered again would have said the same as last time
            Set<String> notRendered = new HashSet<>();
            for (Page p : plan) {
                TextPage text = p.text();
                if (text != null && !rendered.contains(p.file())) {
                    notRendered.add(text.pos().path());
                }
            }
            last.rendering().stream()
                    .filter(d -> notRendered.contains(d.pos().path()))
                    .forEach(d -> {
                        diagnostics.add(d);
                        renderingSaid.add(d);
                    });
        }
        if (diagnostics.hasErrors()) {
            return failed(diagnostics);
        }
        Map<String, Page> pages = new HashMap<>();
        for (Page p : plan) {
            pages.put(p.path(), p);
        }
        Map<String, byte[]> files = new HashMap<>(last == null ? Map.of() : last.files());
        Map<String, byte[]> made = output.files();
        Set<String> differ = new TreeSet<>();
        Set<String> gonePages = new HashSet<>();
        if (last != null) {
            for (String path : last.pages().keySet()) {
                if (!pages.containsKey(path)) {
                    String gone = Routes.file(path);
                    files.remove(gone);
                    differ.add(gone);
                    gonePages.add(gone);
                }
            }
            // every file but the pages is made on each run: one not made now was deleted (a static file, an asset)
            for (String gone : last.others()) {
                if (!made.containsKey(gone)) {
                    files.remove(gone);
                    differ.add(gone);
                }
            }
        }
        Set<String> others = new HashSet<>(made.keySet());
        others.removeAll(rendered);
        made.forEach((path, bytes) -> {
            if (!Arrays.equals(files.put(path, bytes), bytes)) {
                differ.add(path);
            }
        });
        // the links of the pages not rendered again are those of the last good build
        Map<String, List<MarkdownLink>> byPage = new HashMap<>(last == null ? Map.of() : last.links());
        byPage.keySet().removeAll(gonePages);
        Map<String, List<MarkdownLink>> written =
                result.links().stream().collect(Collectors.groupingBy(MarkdownLink::file));
        rendered.forEach(file -> {
            List<MarkdownLink> links = written.get(file);
            if (links == null) {
                byPage.remove(file);
            } else {
                byPage.put(file, links);
            }
        });
        mark = lap(timings, "merge", mark);
        OutputFacts facts = last == null ? new OutputFacts() : last.facts().copy();
        // a few changed pages may be long (the member list): read in parallel
        differ.parallelStream().forEach(path -> {
            byte[] bytes = files.get(path);
            if (bytes == null) {
                facts.remove(path);
            } else {
                facts.put(path, bytes);
            }
        });
        mark = lap(timings, "facts", mark);
        KeptChecks.Checked checked = (last == null ? KeptChecks.none() : last.checks())
                .check(
                        last == null ? null : last.facts(),
                        facts,
                        differ,
                        content.site().absolute(""),
                        Set.of(Routes.NOT_FOUND),
                        () -> MarkdownLink.sorted(
                                byPage.values().stream().flatMap(List::stream).toList()));
        List<Diagnostic> findings = checked.findings();
        lap(timings, checked.whole() ? "check" : "check changed", mark);
        if (!findings.isEmpty()) {
            return failed(diagnostics, findings);
        }
        last = new Good(
                content,
                shared(content),
                pages,
                Set.copyOf(others),
                Collections.unmodifiableMap(files),
                renderingSaid,
                Map.copyOf(texts),
                facts,
                checked.kept(),
                Map.copyOf(byPage));
        pendingTemplates.clear();
        affectedTemplates = null;
        List<Diagnostic> said = diagnostics.sorted();
        return new Result(
                last.files(),
                true,
                said,
                List.of(),
                Reporter.summary(said, List.of(), false, ""),
                rendered,
                Collections.unmodifiableSet(differ),
                parsed.get(),
                Collections.unmodifiableMap(timings));
    }

    /**
     * Whether {@code path}, a path under {@code templates/} that is not a template, may have held templates: a folder
     * that came, went or moved (the watcher names the folder alone), rather than a file that is there.
     */
    private boolean mayHoldTemplates(String path) {
        return !Files.isRegularFile(source.resolve(path));
    }

    /** Puts the milliseconds since {@code mark} under {@code stage}, and gives the time now. */
    private static long lap(Map<String, Long> timings, String stage, long mark) {
        long now = System.nanoTime();
        timings.put(stage, (now - mark) / 1_000_000);
        return now;
    }

    private Predicate<Page> affected(Content content, boolean everything) {
        if (everything || last == null) {
            return page -> true;
        }
        return Affected.pages(
                content,
                shared(content),
                last.content(),
                last.shared(),
                last.pages(),
                affectedTemplates == null ? Set.of() : affectedTemplates);
    }

    /** What every page of {@code content} shows of the whole content, made once per content. */
    private Renderer.Shared shared(Content content) {
        if (sharedOf != content) {
            shared = Renderer.Shared.of(content);
            sharedOf = content;
        }
        return shared;
    }

    private Result failed(Diagnostics diagnostics) {
        return failed(diagnostics, List.of());
    }

    private Result failed(Diagnostics diagnostics, List<Diagnostic> findings) {
        List<Diagnostic> said = diagnostics.sorted();
        return new Result(
                last == null ? null : last.files(),
                false,
                said,
                findings,
                Reporter.summary(said, findings, false, ""),
                Set.of(),
                Set.of(),
                0,
                Map.of());
    }

    /**
     * A template that failed to compile or render, as a diagnostic at the template's line when jte names it (jte says
     * either {@code Failed to compile pages/city.jte, error at line 16: message} or {@code ... error at
     * pages/city.jte:16} followed by the compiler's message).
     */
    static Diagnostic templateError(RuntimeException e) {
        return TemplateErrors.of(
                e, null, "fix the template and save it again; the last good pages stay in place until then");
    }
}
