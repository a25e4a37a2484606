package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.model.City;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * City records read by earlier loads, with the problems found in each file, so that a rebuild in {@code serve}
 * parses only the city files that changed; and the listings of the content folders with the problems found in
 * them (names that are not UTF-8, links that lead outside), so that it does not list 10,000 files to learn that one
 * changed. The owner must {@link #forget} every file it learns has changed (serve learns it from the file watcher,
 * which also reports a file added, deleted or renamed, and a link's target saved) and {@link #clear} the cache when
 * it may have missed a change. Thread-safe.
 */
public final class CityCache {
    private record Entry(Optional<City> city, List<Diagnostic> diagnostics) {}

    private record Listing(SortedMap<String, Path> files, List<Diagnostic> diagnostics) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** By folder relative to the source folder ({@code content/cities}). */
    private final Map<String, Listing> listings = new ConcurrentHashMap<>();
    /** Whether the records were read for a site with {@code membership.yaml}, which changes what a record may hold. */
    private volatile Boolean categorised;

    /**
     * Drops what was read from {@code path}, a file or folder relative to the source folder (e.g. {@code
     * content/cities/x.yaml}), and from every file below it. The cache knows files by their names in NFC, as the
     * loader does, so a name from the file system in another Unicode form finds its entry too.
     */
    public void forget(String path) {
        String name = TextFile.nfc(path);
        entries.keySet().removeIf(k -> k.equals(name) || k.startsWith(name + "/"));
        // a folder's listing changes with a file in it, and with the folder itself or one above it
        listings.keySet().removeIf(k -> k.equals(name) || k.startsWith(name + "/") || name.startsWith(k + "/"));
    }

    /** Drops everything when the site gained or lost {@code membership.yaml} since the records were read. */
    void categorised(boolean now) {
        if (categorised != null && categorised != now) {
            entries.clear();
        }
        categorised = now;
    }

    /** Drops everything. */
    public void clear() {
        entries.clear();
        listings.clear();
    }

    /** The listing of {@code folder}, made with {@code list} unless kept; its problems go to {@code diagnostics}. */
    SortedMap<String, Path> listing(
            String folder, Diagnostics diagnostics, Function<Diagnostics, SortedMap<String, Path>> list) {
        Listing listing = listings.computeIfAbsent(folder, f -> {
            Diagnostics own = new Diagnostics();
            SortedMap<String, Path> files = list.apply(own);
            return new Listing(Collections.unmodifiableSortedMap(files), own.sorted());
        });
        listing.diagnostics().forEach(diagnostics::add);
        return listing.files();
    }

    /** The record of {@code file}, read with {@code read} unless cached; its problems go to {@code diagnostics}. */
    Optional<City> city(String file, Diagnostics diagnostics, Function<Diagnostics, Optional<City>> read) {
        Entry entry = entries.computeIfAbsent(file, f -> {
            Diagnostics own = new Diagnostics();
            Optional<City> city = read.apply(own);
            return new Entry(city, own.sorted());
        });
        entry.diagnostics().forEach(diagnostics::add);
        return entry.city();
    }
}
