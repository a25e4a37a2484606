package eu.eurocities.site.verify;

import java.net.URI;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What a build said it will write, and each page written checked against it as it comes, keeping only a {@link
 * CheckedPage}: at a million pages, whole facts would not fit in the heap. Safe to check pages from several threads.
 */
final class PlannedFiles {
    private final Set<String> files;
    private final String baseUrl;
    private final String basePath;
    private final boolean external;
    private final TitleSeen titles;
    private final PageCheck.RootLinks rootLinks = new PageCheck.RootLinks();
    /** The pages checked so far, by file. */
    private final Map<String, CheckedPage> pages = new ConcurrentHashMap<>();
    /** One instance of each link and id text, shared with the facts the pages are added to. */
    private final Map<String, String> shared;
    /** One instance of each page's set of ids: pages of one kind mostly have the same. */
    private final Map<Set<String>, Set<String>> sharedIds = new ConcurrentHashMap<>();
    /** While pages are written: a planned file exists; a page's ids are known once it is written. */
    private final PageCheck.Known known = new PageCheck.Known() {
        @Override
        public Boolean has(String file) {
            return files.contains(file) ? Boolean.TRUE : null;
        }

        @Override
        public Set<String> ids(String file) {
            CheckedPage page = pages.get(file);
            return page == null ? null : page.ids();
        }
    };

    /**
     * Nothing checked yet.
     *
     * @param files every file the build will write, by its path relative to the output root
     * @param baseUrl the site's base URL, ending in '/'
     * @param external true when external links will be fetched at the end: each is kept until then
     * @param shared one instance of each link and id text, shared with the facts the pages are added to
     */
    PlannedFiles(Set<String> files, String baseUrl, boolean external, Map<String, String> shared) {
        this.files = files;
        this.baseUrl = baseUrl;
        this.basePath = URI.create(baseUrl).getRawPath();
        this.external = external;
        this.titles = new TitleSeen(files.size());
        this.shared = shared;
    }

    Set<String> files() {
        return files;
    }

    String baseUrl() {
        return baseUrl;
    }

    boolean external() {
        return external;
    }

    /** Checks {@code page} as far as it can be on its own, and keeps what is left to judge at the end. */
    void check(PageFacts page) {
        List<Object> entries =
                PageCheck.checkPage(page, baseUrl, basePath, known, external ? null : Map.of(), rootLinks);
        boolean titled = !page.title().isEmpty() && !page.redirect();
        long title1 = titled ? CheckedPage.hash1(page.title()) : 0;
        pages.put(
                page.file(),
                new CheckedPage(
                        page.file(),
                        titled,
                        title1,
                        titled ? CheckedPage.hash2(page.title()) : 0,
                        titled && titles.seenBefore(title1) ? page.title() : null,
                        page.redirect(),
                        sharedIds(page.ids()),
                        entries.isEmpty() ? null : entries.toArray()));
    }

    /** The page checked as file {@code file}, or null when none was. */
    CheckedPage checked(String file) {
        return pages.get(file);
    }

    /** Every page checked so far, unordered; a read-only view. */
    Collection<CheckedPage> checked() {
        return Collections.unmodifiableCollection(pages.values());
    }

    /** The one equal set of ids in {@link #sharedIds}, kept to a bounded number of sets. */
    private Set<String> sharedIds(Set<String> ids) {
        Set<String> known = sharedIds.get(ids);
        if (known != null) {
            return known;
        }
        Set<String> copy =
                Set.copyOf(ids.stream().map(id -> PageFacts.share(id, shared)).toList());
        if (sharedIds.size() >= 10_000) {
            return copy;
        }
        known = sharedIds.putIfAbsent(copy, copy);
        return known == null ? copy : known;
    }

    /**
     * Which title hashes a page written before had, as bits that may say yes wrongly but never no wrongly: a page
     * keeps its title's text only when one written before may have had the same title, for the message that quotes
     * it. Safe for parallel use.
     */
    private static final class TitleSeen {
        private final AtomicLongArray bits;
        private final int mask;

        TitleSeen(int pages) {
            int size = Integer.highestOneBit(Math.max(1 << 10, Math.min(1 << 28, pages * 16)) - 1) << 1;
            bits = new AtomicLongArray(size >>> 6);
            mask = size - 1;
        }

        /** Marks the hash as seen; true when it may have been seen before. */
        boolean seenBefore(long hash) {
            int bit = (int) (hash ^ (hash >>> 32)) & mask;
            long flag = 1L << (bit & 63);
            return (bits.getAndUpdate(bit >>> 6, w -> w | flag) & flag) != 0;
        }
    }
}
