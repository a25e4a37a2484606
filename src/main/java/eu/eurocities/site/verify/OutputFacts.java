package eu.eurocities.site.verify;

import eu.eurocities.site.plan.Routes;
import eu.eurocities.site.write.Output;
import java.io.FilterOutputStream;
import java.io.IOException;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The facts of a site's output that the checks read, gathered file by file: which files exist and their sizes,
 * the {@link PageFacts} of each HTML page, the URLs the sitemap lists and the sitemap URL robots.txt names. A build
 * gathers them from each file as it is written ({@link #recording}), {@code check --out} from a folder
 * ({@link #read}); either way from the written text alone ({@link #add}). Safe to add to from several threads.
 *
 * <p>A build that tells the files it will write before it writes them ({@link #expect}) has each page checked as it
 * is written, keeping only a {@link CheckedPage}: at a million pages, whole facts would not fit in the heap.
 * Otherwise each page's facts are kept whole and checked at the end.
 */
public final class OutputFacts {
    private final Map<String, PageFacts> pages = new ConcurrentHashMap<>();
    /**
     * One instance of each link and id text across pages: most pages repeat the same navigation and footer. Only
     * ever added to, so copies share it.
     */
    private final Map<String, String> shared;

    /** What the build said it will write, whose pages are checked as they are written; null until it said. */
    private volatile PlannedFiles expected;

    private final Map<String, Long> sizes = new ConcurrentHashMap<>();
    private volatile List<String> sitemap;
    private volatile String robotsSitemap;

    /** No facts yet. */
    public OutputFacts() {
        this(new ConcurrentHashMap<>());
    }

    private OutputFacts(Map<String, String> shared) {
        this.shared = shared;
    }

    /**
     * Records the facts of one output file from its bytes, as written.
     *
     * @param path the file, relative to the output root
     * @param bytes its content
     */
    void add(String path, byte[] bytes) {
        sizes.put(path, (long) bytes.length);
        if (path.endsWith(".html")) {
            PlannedFiles e = expected;
            if (e == null) {
                pages.put(path, PageFacts.of(path, bytes, shared));
            } else {
                e.check(PageFacts.of(path, bytes, null));
            }
        } else if (path.equals("sitemap.xml")) {
            sitemap = SitemapUrls.of(new String(bytes, StandardCharsets.UTF_8));
        } else if (path.equals("robots.txt")) {
            robotsSitemap = new String(bytes, StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> l.regionMatches(true, 0, "Sitemap:", 0, 8))
                    .map(l -> l.substring(8).strip())
                    .findFirst()
                    .orElse("");
        }
    }

    /**
     * The facts of a site kept between the rebuilds of {@code serve}: a copy of these facts, to which {@link #put} and
     * {@link #remove} apply the files that changed, so that only they are read again. Not for facts checked as written.
     */
    public OutputFacts copy() {
        OutputFacts copy = new OutputFacts(shared);
        copy.pages.putAll(pages);
        copy.sizes.putAll(sizes);
        copy.sitemap = sitemap;
        copy.robotsSitemap = robotsSitemap;
        return copy;
    }

    /** Records the facts of output file {@code path}, replacing those it had. Safe to call from several threads. */
    public void put(String path, byte[] bytes) {
        add(path, bytes);
    }

    /** Forgets output file {@code path}, one that is no longer written. */
    public void remove(String path) {
        sizes.remove(path);
        pages.remove(path);
        if (path.equals("sitemap.xml")) {
            sitemap = null;
        } else if (path.equals("robots.txt")) {
            robotsSitemap = null;
        }
    }

    private static boolean readsText(String path) {
        return path.endsWith(".html") || path.equals("sitemap.xml") || path.equals("robots.txt");
    }

    /** An {@link Output} that writes to {@code next} and records each file's facts here, parsing every page. */
    public Output recording(Output next) {
        return new Recording(next);
    }

    /**
     * Writes to another output and records each file's facts in this {@link OutputFacts}, read from what is written.
     */
    private final class Recording implements Output {
        private final Output next;

        private Recording(Output next) {
            this.next = next;
        }

        @Override
        public void write(String path, byte[] bytes) throws IOException {
            next.write(path, bytes);
            add(path, bytes);
        }

        /** Passes a file the checks do not read on as it is written, counting its bytes; holds any other. */
        @Override
        public void write(String path, Body body) throws IOException {
            if (readsText(path)) {
                Output.super.write(path, body);
                return;
            }
            long[] size = {0};
            next.write(
                    path,
                    out -> body.writeTo(new FilterOutputStream(out) {
                        @Override
                        public void write(int b) throws IOException {
                            out.write(b);
                            size[0]++;
                        }

                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            out.write(b, off, len);
                            size[0] += len;
                        }
                    }));
            sizes.put(path, size[0]);
        }
    }

    /**
     * Reads every file of a built output folder, in parallel. Hidden files and folders (the tool's marker, a
     * {@code .git} the folder keeps) are skipped.
     *
     * @param dir the output folder, or a link to it
     * @throws IOException when the folder or a file cannot be read
     */
    public static OutputFacts read(Path dir) throws IOException {
        OutputFacts facts = new OutputFacts();
        List<Path> files;
        Path root = dir.toRealPath();
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(root.relativize(p)))
                    .toList();
        }
        try {
            files.parallelStream().forEach(p -> {
                try {
                    facts.add(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return facts;
    }

    /** True when a name on {@code path} starts with a dot. */
    private static boolean hidden(Path path) {
        for (Path name : path) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Every output file, unordered; a read-only view. */
    Set<String> files() {
        return Collections.unmodifiableSet(sizes.keySet());
    }

    /** Every output file with its size in bytes, unordered; a read-only view. */
    public Map<String, Long> sizes() {
        return Collections.unmodifiableMap(sizes);
    }

    /** The URLs the sitemap lists, in its order; empty when there is no {@code sitemap.xml}. */
    Optional<List<String>> sitemap() {
        return Optional.ofNullable(sitemap);
    }

    /** The sitemap URL named in {@code robots.txt} (empty text when it names none); empty when there is no file. */
    Optional<String> robotsSitemap() {
        return Optional.ofNullable(robotsSitemap);
    }

    /** The base URL the output was built for, from the sitemap URL its robots.txt names; empty when it names none. */
    public Optional<String> builtFor() {
        return robotsSitemap()
                .filter(url -> url.endsWith("/" + Routes.SITEMAP) && url.matches("https?://.+"))
                .map(url -> url.substring(0, url.length() - Routes.SITEMAP.length()));
    }

    /**
     * Has every page written from now on checked as it is written, against the files the build will write, keeping
     * only what cannot be judged until the end. Call it before the first file is added.
     *
     * @param files every file the build will write, by its path relative to the output root; a link to another
     *     file is judged at the end
     * @param baseUrl the site's base URL, ending in '/'; {@link SiteChecker#check} must be given the same
     * @param external true when external links will be fetched at the end: each is kept until then
     * @throws IllegalStateException when a file was added already
     */
    public void expect(Collection<String> files, String baseUrl, boolean external) {
        if (!sizes.isEmpty()) {
            throw new IllegalStateException("files were added before the build said which it will write");
        }
        expected = new PlannedFiles(Set.copyOf(files), baseUrl, external, shared);
    }

    /**
     * Every page, checked as far as it could be on its own, in path order of their files.
     *
     * @param baseUrl the base URL the site is checked for
     * @param external true to keep every external link for the end
     * @throws IllegalStateException when the pages were checked as written for another base URL or for other
     *     external links, or a file planned then was not written
     */
    List<CheckedPage> checkedPages(String baseUrl, boolean external) {
        PlannedFiles e = expected;
        List<CheckedPage> inOrder;
        if (e == null) {
            PageCheck.RootLinks rootLinks = new PageCheck.RootLinks();
            PageCheck.Known known = known();
            String basePath = URI.create(baseUrl).getRawPath();
            inOrder = new ArrayList<>(pages.values().parallelStream()
                    .map(page -> {
                        List<Object> entries = PageCheck.checkPage(
                                page, baseUrl, basePath, known, external ? null : Map.of(), rootLinks);
                        boolean titled = !page.title().isEmpty() && !page.redirect();
                        return new CheckedPage(
                                page.file(),
                                titled,
                                titled ? CheckedPage.hash1(page.title()) : 0,
                                titled ? CheckedPage.hash2(page.title()) : 0,
                                page.title(),
                                page.redirect(),
                                page.ids(),
                                entries.isEmpty() ? null : entries.toArray());
                    })
                    .toList());
        } else {
            if (!e.baseUrl().equals(baseUrl) || e.external() != external) {
                throw new IllegalStateException("the pages were checked as written for " + e.baseUrl()
                        + (e.external() ? " with" : " without") + " external links, not for " + baseUrl);
            }
            for (String file : e.files()) {
                if (!sizes.containsKey(file)) {
                    throw new IllegalStateException("the planned file " + file + " was not written");
                }
            }
            inOrder = new ArrayList<>(e.checked());
        }
        inOrder.sort(Comparator.comparing(CheckedPage::file));
        return inOrder;
    }

    /** What the output holds once every file is added. */
    PageCheck.Known known() {
        return new PageCheck.Known() {
            @Override
            public Boolean has(String file) {
                return sizes.containsKey(file);
            }

            @Override
            public Set<String> ids(String file) {
                PlannedFiles e = expected;
                if (e != null) {
                    CheckedPage page = e.checked(file);
                    return page == null ? NO_PAGE : page.ids();
                }
                PageFacts page = pages.get(file);
                return page == null ? NO_PAGE : page.ids();
            }
        };
    }

    /** The facts of page {@code file}, or null when it is no page; null for facts checked as written. */
    PageFacts page(String file) {
        return pages.get(file);
    }

    /** True when {@code file} is an HTML page of the output. */
    boolean isPage(String file) {
        PlannedFiles e = expected;
        return e != null ? e.checked(file) != null : pages.containsKey(file);
    }
}
