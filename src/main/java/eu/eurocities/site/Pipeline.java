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
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Planner;
import eu.eurocities.site.plan.Routes;
import eu.eurocities.site.render.Assets;
import eu.eurocities.site.render.Markdown;
import eu.eurocities.site.render.MarkdownLink;
import eu.eurocities.site.render.Renderer;
import eu.eurocities.site.render.SearchText;
import eu.eurocities.site.render.SiteFiles;
import eu.eurocities.site.render.StaticFiles;
import eu.eurocities.site.render.map.Maps;
import eu.eurocities.site.validate.Drafts;
import eu.eurocities.site.validate.Validator;
import eu.eurocities.site.verify.ExternalLinks;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one place the order of the stages is written: load, validate, plan, render, verify, write. Built once per
 * source folder; each {@link #run} reads the folder afresh and returns what happened as one {@link Result}.
 *
 * <pre>{@code
 * Result r = new Pipeline(source, null, templates::engine, false).run(new Mode.Disk(staged, true));
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
    /** When the content last changed; asked of git once per pipeline, so that serve's rebuilds start no process. */
    private LocalDate updated;

    private boolean askedGit;

    /**
     * @param source the folder holding {@code content/} and optionally {@code templates/}
     * @param baseUrl a base URL that replaces the one in {@code site.yaml}, or null
     * @param engine the template engine to render with (serve switches engines when a template changes)
     * @param strict whether warnings fail the run as errors do ({@code --strict})
     */
    public Pipeline(Path source, URI baseUrl, Supplier<TemplateEngine> engine, boolean strict) {
        this(source, baseUrl, engine, strict, false);
    }

    /**
     * As {@link #Pipeline(Path, URI, Supplier, boolean)}; {@code drafts} keeps pages and records marked {@code draft:
     * true} in the site ({@code build --drafts}, {@code serve}), where they carry a "Draft" badge.
     */
    public Pipeline(Path source, URI baseUrl, Supplier<TemplateEngine> engine, boolean strict, boolean drafts) {
        this.source = source;
        this.baseUrl = baseUrl;
        this.engine = engine;
        this.strict = strict;
        this.drafts = drafts;
    }

    /** The Markdown renderer of every run, which keeps each body's parse for the render and the search index. */
    public Markdown markdown() {
        return markdown;
    }

    private synchronized LocalDate updated() {
        if (!askedGit) {
            updated = LastChange.of(source);
            askedGit = true;
        }
        return updated;
    }

    /** What a run does with the site once it is loaded. */
    public sealed interface Mode {
        /** Load and validate only; {@code cities} keeps city records between runs, or is null. */
        record Load(CityCache cities) implements Mode {}

        /** Render everything into a staged folder, verify it unless {@code verify} is false, and swap it in. */
        record Disk(StagedDiskOutput output, boolean verify) implements Mode {}

        /** Render everything into memory and verify it, writing nothing; {@code external} may be null. */
        record Memory(ExternalLinks external) implements Mode {}

        /**
         * Render nothing: verify the output folder {@code folder} built before, tracing broken links to the Markdown
         * when the source folder has content. {@code baseUrl} is the base URL it was built for, or null to read it
         * from the folder's robots.txt (else the content's); {@code external} may be null.
         */
        record CheckOnly(Path folder, String baseUrl, ExternalLinks external) implements Mode {}

        /**
         * Render the pages that {@code which} (made from the loaded content) accepts into {@code output}, every other
         * file in full, and verify nothing; {@code cities} keeps city records between runs, {@code plainText} gives
         * the search index's text of a Markdown body.
         */
        record Incremental(
                Output output,
                CityCache cities,
                Function<Content, Predicate<Page>> which,
                Function<TextPage, List<SearchText.Section>> plainText)
                implements Mode {}
    }

    /** How a run ended. */
    public enum Status {
        /** Nothing failed; a disk output was swapped in. */
        OK,
        /** Content errors, errors in the output, or warnings under {@code --strict}: nothing was swapped in. */
        FAILED,
        /** The run could not be carried out as asked (a check of a folder whose base URL is unknown). */
        REFUSED
    }

    /**
     * What one run did.
     *
     * @param status how it ended
     * @param content the validated content, or null when it did not load
     * @param plan every page, in plan order (empty when the content did not load)
     * @param diagnostics every problem with the content and templates, sorted by position
     * @param rendering those of {@code diagnostics} that the render stage reported
     * @param findings the problems verify found in the output, Markdown links first
     * @param pages the output file of every page rendered, with its kind's id, in path order
     * @param sizes every output file with its size in bytes
     * @param written what the write to disk did, or null when nothing was swapped in
     * @param timings milliseconds per stage that ran, in order
     * @param redirects the output file of each redirect page, with the site path it leads to, in path order
     * @param statics the site path of each file copied from {@code static/}, in path order
     */
    public record Result(
            Status status,
            Content content,
            List<Page> plan,
            List<Diagnostic> diagnostics,
            List<Diagnostic> rendering,
            List<Diagnostic> findings,
            SortedMap<String, String> pages,
            Map<String, Long> sizes,
            StagedDiskOutput.Summary written,
            Map<String, Long> timings,
            SortedMap<String, String> redirects,
            List<String> statics) {}

    /**
     * Runs the stages for {@code mode}. When the output cannot be written or swapped in ({@link OutputFailure}), the
     * run fails with that as its last diagnostic, after what the stages before had said.
     *
     * @throws IOException when an output folder cannot be read
     */
    public Result run(Mode mode) throws IOException {
        Run run = new Run(mode);
        try {
            return run.go();
        } catch (OutputFailure f) {
            return run.failedWriting(f);
        } catch (UncheckedIOException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause
                        instanceof OutputFailure f) { // a write of the render stage, wrapped on its way out of a stream
                    return run.failedWriting(f);
                }
            }
            throw e;
        }
    }

    /** One run's state; the only mutable part is the diagnostics collector and the stage clock. */
    private final class Run {
        private final Mode mode;
        private final Diagnostics diagnostics = new Diagnostics();
        private final Map<String, Long> timings = new LinkedHashMap<>();
        private long mark = System.nanoTime();
        private Content content;
        private List<Page> plan = List.of();
        private List<Diagnostic> rendering = List.of();
        private SortedMap<String, String> pages = Collections.emptySortedMap();
        private StaticFiles statics = StaticFiles.none();
        /** The content files left out as drafts. */
        private Set<String> draftFiles = Set.of();

        private SortedMap<String, String> redirects = Collections.emptySortedMap();

        Run(Mode mode) {
            this.mode = mode;
        }

        Result go() throws IOException {
            CityCache cities =
                    mode instanceof Mode.Incremental i ? i.cities() : mode instanceof Mode.Load l ? l.cities() : null;
            boolean hasContent = !(mode instanceof Mode.CheckOnly)
                    || source.resolve("content").toFile().isDirectory();
            if (hasContent) {
                content = load(cities).orElse(null);
                lap("load");
                if (content == null || failed()) {
                    return end(Status.FAILED, List.of(), new OutputFacts(), null);
                }
            }
            if (mode instanceof Mode.Load) {
                return end(Status.OK, List.of(), new OutputFacts(), null);
            }
            if (mode instanceof Mode.CheckOnly c) {
                return checkFolder(c);
            }
            OutputFacts facts = new OutputFacts();
            Output sink = mode instanceof Mode.Incremental i
                    ? i.output()
                    : facts.recording(mode instanceof Mode.Disk d ? d.output() : (path, bytes) -> {});
            List<MarkdownLink> links = render(sink);
            lap("render");
            if (failed()) {
                return end(Status.FAILED, List.of(), facts, null);
            }
            ExternalLinks external = mode instanceof Mode.Memory m ? m.external() : null;
            boolean verify = mode instanceof Mode.Memory || mode instanceof Mode.Disk d && d.verify();
            List<Diagnostic> findings = List.of();
            if (verify) {
                findings = SiteChecker.check(
                        facts, content.site().absolute(""), Set.of(Routes.NOT_FOUND), links, external);
                lap("check");
                if (!findings.isEmpty()) {
                    return end(Status.FAILED, findings, facts, null);
                }
            }
            StagedDiskOutput.Summary written = null;
            if (mode instanceof Mode.Disk d) {
                written = d.output().commit();
                lap("commit");
                d.output().notes().forEach(diagnostics::add);
            }
            return end(Status.OK, findings, facts, written);
        }

        private Result checkFolder(Mode.CheckOnly mode) throws IOException {
            List<MarkdownLink> links = content == null ? List.of() : markdownLinks();
            OutputFacts facts = OutputFacts.read(mode.folder());
            Optional<String> base = Optional.ofNullable(mode.baseUrl()).or(() -> builtFor(facts));
            if (base.isEmpty() && content == null) {
                diagnostics.error(
                        SourcePos.NONE,
                        "cannot tell the base URL " + mode.folder() + " was built for: its robots.txt names no sitemap",
                        "pass it with --base-url, e.g. --base-url https://user.github.io/eurocities/");
                return end(Status.REFUSED, List.of(), facts, null);
            }
            if (failed()) {
                return end(Status.FAILED, List.of(), facts, null);
            }
            List<Diagnostic> findings = SiteChecker.check(
                    facts,
                    base.orElseGet(() -> content.site().absolute("")),
                    Set.of(Routes.NOT_FOUND),
                    links,
                    mode.external());
            lap("check");
            return end(findings.isEmpty() ? Status.OK : Status.FAILED, findings, facts, null);
        }

        /** Loads and validates the content, with the Markdown of its pages ({@link Markdown#check}). */
        private Optional<Content> load(CityCache cities) {
            ContentLoader.Loaded loaded = ContentLoader.load(source, diagnostics, cities);
            Validator.validate(loaded, diagnostics);
            statics = StaticFiles.of(source);
            loaded.site().ifPresent(site -> statics.check(site, diagnostics));
            loaded.pages().values().forEach(page -> markdown.check(page, diagnostics));
            loaded.cities().values().stream()
                    .map(City::narrative)
                    .filter(Objects::nonNull)
                    .forEach(text -> markdown.check(text, diagnostics));
            if (diagnostics.hasErrors()) {
                return Optional.empty();
            }
            Content c = loaded.content().orElseThrow();
            c = new Content(
                    (baseUrl != null ? c.site().withBaseUrl(baseUrl) : c.site()).withUpdated(updated()),
                    c.network(),
                    c.categories(),
                    c.countries(),
                    c.cities(),
                    c.pages());
            if (!drafts) {
                Drafts.Left left = Drafts.leaveOut(c, diagnostics);
                c = left.content();
                draftFiles = left.files();
            }
            return diagnostics.hasErrors() ? Optional.empty() : Optional.of(c);
        }

        /**
         * Plans every output, and renders and writes each page the mode asks for (in parallel, each written as soon
         * as it is rendered) and every other file in full. Nothing is written when two outputs share an address.
         *
         * @return every link written in Markdown, by page file and source position
         */
        private List<MarkdownLink> render(Output sink) {
            plan = Planner.plan(content);
            Assets assets = Assets.of(source);
            SiteFiles files = new SiteFiles(content, plan, assets, statics);
            if (!Planner.addressesAreUnique(plan, files.planned(), diagnostics)) {
                return List.of();
            }
            redirects = files.redirects();
            Diagnostics said = new Diagnostics();
            Predicate<Page> which =
                    mode instanceof Mode.Incremental i ? i.which().apply(content) : page -> true;
            Function<TextPage, List<SearchText.Section>> plainText =
                    mode instanceof Mode.Incremental i ? i.plainText() : markdown::sections;
            ConcurrentLinkedQueue<MarkdownLink> links = new ConcurrentLinkedQueue<>();
            Renderer renderer = new Renderer(
                    content,
                    engine.get(),
                    markdown,
                    Maps.of(assets.files().get(Maps.OUTLINE), content.categories(), diagnostics),
                    links::add,
                    said,
                    statics,
                    draftFiles,
                    drafts);
            List<Page> chosen = plan.stream().filter(which).toList();
            chosen.parallelStream()
                    .forEach(page ->
                            Output.unchecked(page.file(), () -> sink.writeText(page.file(), renderer.render(page))));
            files.write(sink, renderer, plainText);
            rendering = said.sorted();
            rendering.forEach(diagnostics::add);
            SortedMap<String, String> kinds = new TreeMap<>();
            chosen.forEach(p -> kinds.put(p.file(), p.kind().id()));
            pages = Collections.unmodifiableSortedMap(kinds);
            return sorted(links);
        }

        /**
         * The links written in the Markdown of the content, with the pages they end up on, rendering nothing else;
         * links to content files that do not exist are recorded as {@link #render} does.
         */
        private List<MarkdownLink> markdownLinks() {
            ConcurrentLinkedQueue<MarkdownLink> links = new ConcurrentLinkedQueue<>();
            Renderer renderer = new Renderer(
                    content, engine.get(), markdown, null, links::add, diagnostics, statics, draftFiles, drafts);
            Planner.plan(content).stream().filter(p -> p.text() != null).forEach(renderer::body);
            return sorted(links);
        }

        private boolean failed() {
            return diagnostics.hasErrors() || (strict && diagnostics.count(Severity.WARNING) > 0);
        }

        private void lap(String stage) {
            long now = System.nanoTime();
            timings.put(stage, (now - mark) / 1_000_000);
            mark = now;
        }

        private Result failedWriting(OutputFailure f) {
            List<Diagnostic> said = new ArrayList<>(diagnostics.sorted());
            said.add(new Diagnostic(SourcePos.NONE, Severity.ERROR, f.getMessage(), f.hint()));
            return new Result(
                    Status.FAILED,
                    content,
                    plan,
                    List.copyOf(said),
                    rendering,
                    List.of(),
                    pages,
                    Map.of(),
                    null,
                    Collections.unmodifiableMap(timings),
                    redirects,
                    List.copyOf(statics.files().keySet()));
        }

        private Result end(
                Status status, List<Diagnostic> findings, OutputFacts facts, StagedDiskOutput.Summary written) {
            return new Result(
                    status,
                    content,
                    plan,
                    diagnostics.sorted(),
                    rendering,
                    findings,
                    pages,
                    Map.copyOf(facts.sizes()),
                    written,
                    Collections.unmodifiableMap(timings),
                    redirects,
                    List.copyOf(statics.files().keySet()));
        }
    }

    private static List<MarkdownLink> sorted(ConcurrentLinkedQueue<MarkdownLink> links) {
        return links.stream()
                .sorted(Comparator.comparing(MarkdownLink::file)
                        .thenComparingInt(l -> l.pos().line())
                        .thenComparingInt(l -> l.pos().column()))
                .toList();
    }

    /** The base URL an output folder was built for, from the sitemap URL its robots.txt names. */
    private static Optional<String> builtFor(OutputFacts facts) {
        return facts.robotsSitemap()
                .filter(url -> url.endsWith("/" + Routes.SITEMAP) && url.matches("https?://.+"))
                .map(url -> url.substring(0, url.length() - Routes.SITEMAP.length()));
    }
}
