package eu.eurocities.site;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.load.CityCache;
import eu.eurocities.site.load.ContentLoader;
import eu.eurocities.site.load.LastChange;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.Network;
import eu.eurocities.site.model.Site;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Clashes;
import eu.eurocities.site.plan.Folds;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Plannable;
import eu.eurocities.site.plan.Planner;
import eu.eurocities.site.plan.Routes;
import eu.eurocities.site.plan.SiteFile;
import eu.eurocities.site.render.Assets;
import eu.eurocities.site.render.Markdown;
import eu.eurocities.site.render.MarkdownLink;
import eu.eurocities.site.render.PartialTargets;
import eu.eurocities.site.render.Renderer;
import eu.eurocities.site.render.SiteFiles;
import eu.eurocities.site.render.StaticFiles;
import eu.eurocities.site.render.map.Maps;
import eu.eurocities.site.validate.Drafts;
import eu.eurocities.site.validate.Validator;
import eu.eurocities.site.verify.OutputFacts;
import eu.eurocities.site.verify.SiteChecker;
import eu.eurocities.site.write.Output;
import eu.eurocities.site.write.OutputFailure;
import eu.eurocities.site.write.StagedDiskOutput;
import gg.jte.TemplateEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The one place the order of the stages is written: load, validate, plan, render, verify, write. Built once per
 * source folder; each {@link #run} reads the folder afresh and returns what happened as one {@link Outcome}.
 *
 * <pre>{@code
 * Outcome r = new Pipeline(source, null, templates::engine, false, false).run(new Mode.Disk(staged, true));
 * }</pre>
 */
public final class Pipeline {
    private final Path source;
    private final URI baseUrl;
    private final Supplier<TemplateEngine> engine;
    private final boolean strict;
    private final boolean drafts;
    /** Thread-safe; keeps each page's parse from the load stage's check for the render and the search index. */
    private final Markdown markdown = new Markdown();
    /** Thread-safe; the names folded by a run's plan, kept for the next run by runs that keep city records. */
    private final Folds folds = new Folds();
    /** The maps of the last run: reading an outline is slow. */
    private final Maps.Kept maps = new Maps.Kept();
    /** When the content last changed (null when unknown); asked of git once per pipeline, not on each rebuild. */
    private final Supplier<LocalDate> updated;

    /**
     * @param source the folder holding {@code content/} and optionally {@code templates/}
     * @param baseUrl a base URL that replaces the one in {@code site.yaml}, or null
     * @param engine the template engine to render with (serve switches engines when a template changes)
     * @param strict whether warnings fail the run as errors do ({@code --strict})
     * @param drafts whether pages and records marked {@code draft: true} stay in the site ({@code build --drafts},
     *     {@code serve}), where they carry a "Draft" badge
     */
    public Pipeline(Path source, URI baseUrl, Supplier<TemplateEngine> engine, boolean strict, boolean drafts) {
        this.source = source;
        this.baseUrl = baseUrl;
        this.engine = engine;
        this.strict = strict;
        this.drafts = drafts;
        this.updated = LastChange.once(source);
    }

    /** The Markdown renderer of every run, which keeps each body's parse for the render and the search index. */
    public Markdown markdown() {
        return markdown;
    }

    /**
     * Runs the stages for {@code mode}. When the output cannot be written or swapped in ({@link OutputFailure}), the
     * run fails with that as its last diagnostic, after what the stages before had said.
     *
     * @throws IOException when an output folder cannot be read
     */
    public Outcome run(Mode mode) throws IOException {
        Run run = new Run();
        try {
            return run.go(mode);
        } catch (OutputFailure f) {
            return run.failedWriting(f);
        } catch (UncheckedIOException e) { // a write of the render stage, wrapped on its way out of a stream
            return run.failedWriting(OutputFailure.in(e).orElseThrow(() -> e));
        }
    }

    /** One run's state; the only mutable part is the diagnostics collector and the stage clock. */
    private final class Run {
        private final Diagnostics diagnostics = new Diagnostics();
        private final Map<String, Long> timings = new LinkedHashMap<>();
        private long mark = System.nanoTime();
        private Content content;
        private List<Page> plan = List.of();
        private List<Diagnostic> rendering = List.of();
        private SortedMap<String, String> pages = Collections.emptySortedMap();
        private StaticFiles statics = StaticFiles.none();
        private SortedMap<String, String> redirects = Collections.emptySortedMap();
        /** The links written in the Markdown of the pages rendered. */
        private List<MarkdownLink> markdownLinks = List.of();
        /** The content files left out as drafts. */
        private Set<String> draftFiles = Set.of();
        /** The names folded by this run: the pipeline's when runs keep records, else this run's until it is planned. */
        private Folds folded;

        Outcome go(Mode mode) throws IOException {
            folded = mode.cities() != null ? folds : new Folds();
            if (!(mode instanceof Mode.CheckOnly)
                    || source.resolve("content").toFile().isDirectory()) {
                content = load(mode.cities()).orElse(null);
                lap("validate");
                if (content == null || failed()) {
                    return end(Outcome.Status.FAILED, List.of(), new OutputFacts(), null);
                }
            }
            if (mode instanceof Mode.Load) {
                return end(Outcome.Status.OK, List.of(), new OutputFacts(), null);
            }
            if (mode instanceof Mode.Plan) {
                plan = Planner.plan(content, folded);
                lap("plan");
                return end(Outcome.Status.OK, List.of(), new OutputFacts(), null);
            }
            if (mode instanceof Mode.CheckOnly c) {
                return checkFolder(c);
            }
            OutputFacts facts = new OutputFacts();
            Output sink = mode instanceof Mode.Incremental i
                    ? i.output()
                    : facts.recording(mode instanceof Mode.Disk d ? d.output() : (path, bytes) -> {});
            markdownLinks = render(mode, sink, facts);
            lap("render");
            if (failed()) {
                return end(Outcome.Status.FAILED, List.of(), facts, null);
            }
            List<Diagnostic> findings = List.of();
            if (mode instanceof Mode.Memory || mode instanceof Mode.Disk d && d.verify()) {
                findings = SiteChecker.check(
                        facts, content.site().absolute(""), Set.of(Routes.NOT_FOUND), markdownLinks, mode.external());
                lap("check");
                if (!findings.isEmpty()) {
                    return end(Outcome.Status.FAILED, findings, facts, null);
                }
            }
            StagedDiskOutput.Summary written = null;
            if (mode instanceof Mode.Disk d) {
                written = d.output().commit();
                lap("commit");
                d.output().notes().forEach(diagnostics::add);
            }
            return end(Outcome.Status.OK, findings, facts, written);
        }

        private Outcome checkFolder(Mode.CheckOnly mode) throws IOException {
            List<MarkdownLink> links = content == null
                    ? List.of()
                    : Renderer.markdownLinks(content, engine.get(), markdown, diagnostics, statics, draftFiles, drafts);
            OutputFacts facts = OutputFacts.read(mode.folder());
            Optional<String> base = Optional.ofNullable(mode.baseUrl()).or(facts::builtFor);
            if (base.isEmpty() && content == null) {
                diagnostics.error(
                        SourcePos.NONE,
                        "cannot tell the base URL " + mode.folder() + " was built for: its robots.txt names no sitemap",
                        "pass it with --base-url, e.g. --base-url https://user.github.io/eurocities/");
                return end(Outcome.Status.REFUSED, List.of(), facts, null);
            }
            if (failed()) {
                return end(Outcome.Status.FAILED, List.of(), facts, null);
            }
            String url = base.orElseGet(() -> content.site().absolute(""));
            List<Diagnostic> findings = SiteChecker.check(facts, url, Set.of(Routes.NOT_FOUND), links, mode.external());
            lap("check");
            return end(findings.isEmpty() ? Outcome.Status.OK : Outcome.Status.FAILED, findings, facts, null);
        }

        /** Loads and validates the content, with the Markdown of its pages ({@link Markdown#check}). */
        private Optional<Content> load(CityCache cities) {
            ContentLoader.Loaded loaded = ContentLoader.load(source, diagnostics, cities);
            lap("load");
            Validator.validate(loaded, diagnostics, folded::slug);
            statics = StaticFiles.of(source);
            loaded.site().ifPresent(site -> statics.check(site, diagnostics));
            Stream.concat(
                            loaded.pages().values().stream(),
                            loaded.cities().values().stream().map(City::narrative))
                    .filter(Objects::nonNull)
                    .forEach(text -> markdown.check(text, diagnostics));
            if (diagnostics.hasErrors()) {
                Optional<Plannable.Part> part = Plannable.of(loaded, diagnostics);
                String basePath = loaded.site()
                        .map(site -> baseUrl != null ? site.withBaseUrl(baseUrl) : site)
                        .map(Site::basePath)
                        .orElse("/");
                List<MarkdownLink> links = checkLinks(loaded, basePath);
                part.ifPresent(p -> checkAddresses(p, links, basePath));
                return Optional.empty();
            }
            Content c = loaded.content().orElseThrow();
            c = c.withSite((baseUrl != null ? c.site().withBaseUrl(baseUrl) : c.site()).withUpdated(updated.get()));
            if (!drafts) {
                Drafts.Left left = Drafts.leaveOut(c, diagnostics);
                c = left.content();
                draftFiles = left.files();
            }
            if (diagnostics.hasErrors()) {
                checkLinks(loaded, c.site().basePath());
                return Optional.empty();
            }
            return Optional.of(c);
        }

        /**
         * Reports the outputs of {@code part}, the content that could be planned although the build stops before its
         * plan stage, that would share an address (its drafts are left out first, as the build would); when nothing was
         * left out of it, also the Markdown {@code links} to site paths that lead to no planned output.
         */
        private void checkAddresses(Plannable.Part part, List<MarkdownLink> links, String basePath) {
            Content c = drafts
                    ? part.content()
                    : Drafts.leaveOut(part.content(), diagnostics).content();
            List<Page> pages = Planner.plan(c);
            List<SiteFile> files = new SiteFiles(c, pages, Assets.of(source), statics).planned();
            Clashes.addressesAreUnique(pages, files, diagnostics);
            Clashes.titlesAreUnique(pages, diagnostics);
            if (part.whole()) {
                checkPlannedLinks(pages, files, links, basePath);
            }
        }

        /** Reports the Markdown {@code links} to site paths that lead to none of the outputs planned. */
        private void checkPlannedLinks(List<Page> pages, List<SiteFile> files, List<MarkdownLink> links, String base) {
            Set<String> planned = new HashSet<>();
            pages.forEach(p -> planned.add(p.file()));
            files.forEach(f -> planned.add(f.file()));
            SiteChecker.checkPlanned(planned, links, base).forEach(diagnostics::add);
        }

        /**
         * Checks the links and images of the Markdown that loaded when the build stops before its render stage
         * (where they are checked otherwise), so that an editor sees them along with what stopped it.
         */
        private List<MarkdownLink> checkLinks(ContentLoader.Loaded loaded, String basePath) {
            List<String> founders =
                    loaded.network().map(Network::foundingCities).orElse(List.of());
            Collection<TextPage> pages = loaded.pages().values();
            Collection<City> cities = loaded.cities().values();
            return PartialTargets.of(pages, cities, founders, loaded.pageSlugs(), loaded.citySlugs(), statics, drafts)
                    .check(pages, cities, markdown, basePath, diagnostics);
        }

        /**
         * Plans every output, and renders and writes each page the mode asks for (in parallel, each written as soon
         * as it is rendered) and every other file in full. Nothing is written when two outputs share an address.
         *
         * @return every link written in Markdown, by page file and source position
         */
        private List<MarkdownLink> render(Mode mode, Output sink, OutputFacts facts) {
            plan = Planner.plan(content, folded);
            lap("plan");
            if (mode.cities() == null) {
                folded = null; // a single run: no name is folded again, and a million folds fill the heap
            }
            // one string per page file, shared by the check's tables of the files planned and written
            List<String> planFiles = plan.parallelStream().map(Page::file).toList();
            Assets assets = Assets.of(source);
            SiteFiles files = mode instanceof Mode.Incremental i
                    ? new SiteFiles(content, plan, assets, statics, i.kept())
                    : new SiteFiles(content, plan, assets, statics);
            boolean titled = Clashes.titlesAreUnique(plan, diagnostics);
            if (!Clashes.addressesAreUnique(plan, files.planned(), diagnostics) || !titled) {
                // nothing is rendered, but the Markdown's own mistakes are no less there
                List<MarkdownLink> written = Renderer.markdownLinks(
                        content, engine.get(), markdown, diagnostics, statics, draftFiles, drafts);
                checkPlannedLinks(plan, files.planned(), written, content.site().basePath());
                return List.of();
            }
            redirects = files.redirects();
            if (mode instanceof Mode.Memory || mode instanceof Mode.Disk d && d.verify()) { // check pages as written
                List<String> expected =
                        new ArrayList<>(plan.size() + files.planned().size());
                expected.addAll(planFiles);
                files.planned().forEach(f -> expected.add(f.file()));
                facts.expect(expected, content.site().absolute(""), mode.external() != null);
            }
            Diagnostics said = new Diagnostics();
            ConcurrentLinkedQueue<MarkdownLink> links = new ConcurrentLinkedQueue<>();
            Renderer renderer = new Renderer(
                    content,
                    engine.get(),
                    markdown,
                    maps.of(assets.files().get(Maps.OUTLINE), content.categories(), diagnostics),
                    links::add,
                    said,
                    statics,
                    draftFiles,
                    drafts);
            List<Page> chosen = mode instanceof Mode.Incremental i
                    ? plan.parallelStream().filter(i.which().apply(content)).toList()
                    : plan;
            List<String> chosenFiles =
                    chosen == plan ? planFiles : chosen.stream().map(Page::file).toList();
            renderer.prepare(chosen);
            files.writeWithPages(
                    sink,
                    mode instanceof Mode.Incremental i ? i.plainText() : markdown::sections,
                    () -> IntStream.range(0, chosen.size()).parallel().forEach(n -> {
                        String file = chosenFiles.get(n);
                        Output.unchecked(file, () -> sink.write(file, renderer.render(chosen.get(n))));
                    }));
            files.write(sink, renderer);
            rendering = said.sorted();
            rendering.forEach(diagnostics::add);
            SortedMap<String, String> kinds = new TreeMap<>();
            for (int n = 0; n < chosen.size(); n++) {
                kinds.put(chosenFiles.get(n), chosen.get(n).kind().id());
            }
            pages = Collections.unmodifiableSortedMap(kinds);
            return MarkdownLink.sorted(links);
        }

        private boolean failed() {
            return diagnostics.hasErrors() || (strict && diagnostics.count(Severity.WARNING) > 0);
        }

        private void lap(String stage) {
            long now = System.nanoTime();
            timings.put(stage, (now - mark) / 1_000_000);
            mark = now;
        }

        /** The outcome of a run whose output could not be written: {@code f} is its last diagnostic. */
        private Outcome failedWriting(OutputFailure f) {
            List<Diagnostic> said = new ArrayList<>(diagnostics.sorted());
            said.add(new Diagnostic(SourcePos.NONE, Severity.ERROR, f.getMessage(), f.hint()));
            return end(Outcome.Status.FAILED, List.copyOf(said), List.of(), new OutputFacts(), null);
        }

        private Outcome end(
                Outcome.Status status, List<Diagnostic> findings, OutputFacts facts, StagedDiskOutput.Summary written) {
            return end(status, diagnostics.sorted(), findings, facts, written);
        }

        private Outcome end(
                Outcome.Status status,
                List<Diagnostic> said,
                List<Diagnostic> findings,
                OutputFacts facts,
                StagedDiskOutput.Summary written) {
            return new Outcome(
                    status,
                    content,
                    plan,
                    said,
                    rendering,
                    findings,
                    pages,
                    Map.copyOf(facts.sizes()),
                    written,
                    Collections.unmodifiableMap(timings),
                    redirects,
                    List.copyOf(statics.files().keySet()),
                    markdownLinks);
        }
    }
}
