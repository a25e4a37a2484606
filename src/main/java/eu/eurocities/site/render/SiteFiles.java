package eu.eurocities.site.render;

import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Planner;
import eu.eurocities.site.plan.Redirect;
import eu.eurocities.site.plan.SiteFile;
import eu.eurocities.site.plan.Sitemap;
import eu.eurocities.site.write.Output;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Every file of the output that is not an HTML page, and what each holds: the open data, the search index, the
 * sitemap and robots.txt, the theme's assets, the files of {@code static/} and the redirect pages of old addresses.
 */
public final class SiteFiles {
    private final Content content;
    private final List<Page> plan;
    private final Assets assets;
    private final StaticFiles statics;
    private final List<SiteFile> planned;
    private final Kept kept;
    /** Each redirect page by its output file. */
    private final Map<String, Redirect> redirects = new TreeMap<>();

    /**
     * Plans the files of a site.
     *
     * @param content the validated content
     * @param plan every page, in plan order
     * @param assets the theme's assets
     * @param statics the files of {@code static/}
     */
    public SiteFiles(Content content, List<Page> plan, Assets assets, StaticFiles statics) {
        this(content, plan, assets, statics, new Kept(false));
    }

    /**
     * Like {@link #SiteFiles(Content, List, Assets, StaticFiles)}, taking over from {@code kept} the parts of the
     * search index and the open data that the last files made with it hold unchanged (the files are the same).
     */
    public SiteFiles(Content content, List<Page> plan, Assets assets, StaticFiles statics, Kept kept) {
        this.kept = kept;
        this.content = content;
        this.plan = plan;
        this.assets = assets;
        this.statics = statics;
        List<SiteFile> files = new ArrayList<>(Planner.files());
        files.addAll(assets.planned());
        files.addAll(statics.planned());
        List<Redirect> moved = Redirect.of(plan);
        moved.forEach(r -> redirects.put(r.file(), r));
        files.addAll(Redirect.planned(moved));
        this.planned = List.copyOf(files);
    }

    /**
     * The parts of the search index and the open data made by the last {@link #write} with this object, for
     * {@code serve}'s next rebuild to take over where their cities did not change.
     */
    public static final class Kept {
        private final SearchIndex.Kept search;
        private final OpenData.Kept rows;
        private final MemberRows.Kept members;
        private final boolean retains;

        /** Keeps what each write makes, for the next. */
        public Kept() {
            this(true);
        }

        /**
         * Keeps what each write makes when {@code retains}; else nothing, for a single build, which then holds no
         * file's rows longer than it takes to write them.
         */
        private Kept(boolean retains) {
            this.retains = retains;
            search = new SearchIndex.Kept(retains);
            rows = new OpenData.Kept(retains);
            members = new MemberRows.Kept(retains);
        }

        /** How many rows and search documents it holds, of all the files together. */
        int held() {
            return search.size() + rows.size() + members.size();
        }
    }

    /** What this object keeps for the next write: nothing when it was made without a {@link Kept}. */
    Kept kept() {
        return kept;
    }

    /**
     * Every planned file, for {@link eu.eurocities.site.plan.Clashes#addressesAreUnique}; the search index is one
     * file of several.
     */
    public List<SiteFile> planned() {
        return planned;
    }

    /** The output file of each redirect page, with the site path it leads to, in path order. */
    public SortedMap<String, String> redirects() {
        SortedMap<String, String> to = new TreeMap<>();
        redirects.forEach((file, r) -> to.put(file, r.to().path()));
        return Collections.unmodifiableSortedMap(to);
    }

    /**
     * Writes every planned file into {@code sink} but those made from every city ({@link #writeMadeFromEveryCity}),
     * in parallel. Call it once the pages are rendered.
     *
     * @param renderer the renderer of the pages, whose open data sources the data package names
     * @throws java.io.UncheckedIOException when a file cannot be written; it names the file
     */
    public void write(Output sink, Renderer renderer) {
        planned.stream().filter(f -> !BIG.contains(f.kind())).toList().parallelStream()
                .forEach(f -> Output.unchecked(f.file(), () -> sink.write(f.file(), bytes(f, renderer))));
    }

    /**
     * Writes the files made from every city (the search index, the open data, the member rows) into {@code sink} one
     * after another, each making its rows in parallel and written as it is made, so that only one of them is in
     * memory at a time. They need nothing of the pages' render.
     *
     * @param plainText the search index's text of a Markdown body
     * @throws java.io.UncheckedIOException when a file cannot be written; it names the file
     */
    public void writeMadeFromEveryCity(Output sink, Function<TextPage, List<SearchText.Section>> plainText) {
        madeFromEveryCity(sink, plainText).forEach(Runnable::run);
    }

    /** One task for each file made from every city, in plan order, each writing its file into {@code sink}. */
    private List<Runnable> madeFromEveryCity(Output sink, Function<TextPage, List<SearchText.Section>> plainText) {
        List<Runnable> tasks = new ArrayList<>();
        for (SiteFile f : planned.stream().filter(f -> BIG.contains(f.kind())).toList()) {
            if (f.kind() == SiteFile.Kind.SEARCH_INDEX) {
                // the index's core file, and its shards of cities beside it, as many as the cities need
                tasks.add(() -> SearchIndex.write(
                        plan,
                        content.network(),
                        plainText,
                        content.site().messages(),
                        kept.search,
                        (file, bytes) -> Output.unchecked(file, () -> sink.write(file, bytes))));
            } else if (f.kind() == SiteFile.Kind.MEMBERS_JSON) { // a million rows: written as they are made
                tasks.add(() -> Output.unchecked(
                        f.file(), () -> sink.write(f.file(), out -> OpenData.json(content, kept.rows, out))));
            } else if (f.kind() == SiteFile.Kind.MEMBERS_CSV) {
                tasks.add(() -> Output.unchecked(
                        f.file(), () -> sink.write(f.file(), out -> OpenData.csv(content, kept.rows, out))));
            } else {
                tasks.add(() -> Output.unchecked(
                        f.file(), () -> sink.write(f.file(), out -> MemberRows.write(plan, kept.members, out))));
            }
        }
        return tasks;
    }

    /**
     * Writes the files made from every city ({@link #writeMadeFromEveryCity}) and runs {@code pages}, which renders
     * the pages. A single build writes the files first, so that their rows are gone before the pages' check fills the
     * heap. A rebuild in {@code serve}, which keeps the rows anyway and renders few pages (one of them perhaps a long
     * member list), writes them on another core meanwhile, and this thread takes the files not yet begun once the
     * pages are done: one file after another, the other core was the rebuild's slowest path while this one waited.
     *
     * @throws RuntimeException what the files or the pages threw, the files' first
     */
    public void writeWithPages(Output sink, Function<TextPage, List<SearchText.Section>> plainText, Runnable pages) {
        if (!kept.retains) {
            writeMadeFromEveryCity(sink, plainText);
            pages.run();
            return;
        }
        List<Runnable> tasks = madeFromEveryCity(sink, plainText);
        AtomicInteger next = new AtomicInteger();
        Runnable take = () -> {
            for (int n = next.getAndIncrement(); n < tasks.size(); n = next.getAndIncrement()) {
                tasks.get(n).run();
            }
        };
        CompletableFuture<Void> made = CompletableFuture.runAsync(take);
        RuntimeException failed = null;
        try {
            pages.run();
            take.run();
        } catch (RuntimeException e) {
            next.set(tasks.size()); // the site is not made: no file is begun after this
            failed = e;
        }
        try {
            made.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** The files made from every city, each as big as the site. */
    private static final java.util.Set<SiteFile.Kind> BIG = java.util.EnumSet.of(
            SiteFile.Kind.SEARCH_INDEX,
            SiteFile.Kind.MEMBERS_JSON,
            SiteFile.Kind.MEMBERS_CSV,
            SiteFile.Kind.MEMBER_ROWS);

    /** The theme's stylesheet, which the category colours are added to. */
    static final String STYLESHEET = "style.css";

    /** The theme's stylesheet followed by the rules that colour each category ({@link CategoryColours}). */
    private byte[] stylesheet() {
        byte[] theme = assets.files().get(STYLESHEET);
        byte[] rules = CategoryColours.css(content.categories()).getBytes(StandardCharsets.UTF_8);
        byte[] out = java.util.Arrays.copyOf(theme, theme.length + rules.length);
        System.arraycopy(rules, 0, out, theme.length, rules.length);
        return out;
    }

    private byte[] bytes(SiteFile f, Renderer renderer) throws IOException {
        return switch (f.kind()) {
            case MEMBERS_JSON, MEMBERS_CSV, MEMBER_ROWS ->
                throw new IllegalArgumentException("the files made from every city are written as made");
            case DATAPACKAGE -> DataPackage.json(content, renderer.sources());
            case SITEMAP -> Sitemap.xml(content.site(), plan);
            case ROBOTS -> Sitemap.robots(content.site());
            case ASSET ->
                f.file().equals(STYLESHEET) ? stylesheet() : assets.files().get(f.file());
            case STATIC -> statics.bytes(f.file());
            case REDIRECT ->
                RedirectPage.html(content.site(), redirects.get(f.file())).getBytes(StandardCharsets.UTF_8);
            case SEARCH_INDEX -> throw new IllegalArgumentException("the search index is several files");
        };
    }
}
