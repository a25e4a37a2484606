package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.model.City;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * City records read by earlier loads, with the problems found in each file, so that a rebuild in {@code serve} parses
 * only the city files that changed; the entries of the content folders ({@link Listings}); and the last countries and
 * membership, shared with a rebuild that loads equal ones ({@link #shared}). The owner must {@link #forget} every file
 * it learns has changed (serve learns it from the file watcher) and {@link #clear} the cache when it may have missed a
 * change. Thread-safe.
 */
public final class CityCache {
    private record Entry(Optional<City> city, List<Diagnostic> diagnostics) {}

    /**
     * A value made from {@code key} and from {@code files}, some of which may not exist (a folder stands for every
     * file below it), with the problems found in them.
     */
    private record Derived(Object key, Object value, List<Diagnostic> diagnostics, List<String> files) {
        boolean reads(String name) {
            return files.stream().anyMatch(f -> atOrUnder(f, name) || atOrUnder(name, f));
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** The last value made under each name, by {@link #derived}. */
    private final Map<String, Derived> derived = new ConcurrentHashMap<>();
    /** The entries of the content folders, so that a rebuild lists again only the names that changed. */
    private final Listings listings = new Listings();
    /** The last value given to {@link #shared} under each name. */
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    /** Whether the records were read for a site with {@code membership.yaml}, which changes what a record may hold. */
    private volatile Boolean categorised;

    /**
     * Drops what was read from {@code path}, a file or folder relative to the source folder (e.g. {@code
     * content/cities/x.yaml}), and from every file below it. The cache knows files by their names in NFC, as the
     * loader does, so a name from the file system in another Unicode form finds its entry too.
     */
    public void forget(String path) {
        listings.forget(path);
        String name = TextFile.nfc(path);
        // a record's own file (the usual case) is one entry; anything else may be a folder of them
        if (entries.remove(name) == null) {
            entries.keySet().removeIf(k -> atOrUnder(k, name));
        }
        derived.values().removeIf(d -> d.reads(name));
    }

    /** Whether {@code path} is {@code folder} itself or a path below it. */
    private static boolean atOrUnder(String path, String folder) {
        return path.startsWith(folder) && (path.length() == folder.length() || path.charAt(folder.length()) == '/');
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
        listings.clear();
        entries.clear();
        derived.clear();
        values.clear();
    }

    /**
     * {@code value}, or the equal value given under {@code name} by the last load: a rebuild then holds the very
     * objects of the last one where their file did not change (the countries, the membership's groups and
     * categories), so that comparing its pages and rows with the last ones stops at the first object they share
     * rather than comparing every field of every country on every page.
     */
    @SuppressWarnings("unchecked") // each name is given values of one type
    <T> T shared(String name, T value) {
        Object before = values.get(name);
        if (value.equals(before)) {
            return (T) before;
        }
        values.put(name, value);
        return value;
    }

    /** The folders' entries as the last load listed them, with the changes since marked. */
    Listings listings() {
        return listings;
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

    /**
     * The value made from {@code key} and {@code files} (paths relative to the source folder, a folder standing for
     * every file below it, including files that may be created later), made with {@code make} unless the last value
     * made under {@code name} was made from an equal key and none of the files changed since; its problems go to
     * {@code diagnostics}. The key holds everything else the value is made from; one value is kept per name.
     */
    @SuppressWarnings("unchecked") // each name is given values of one type
    <T> T derived(String name, Object key, List<String> files, Diagnostics diagnostics, Function<Diagnostics, T> make) {
        Derived d = derived.compute(name, (n, last) -> {
            if (last != null && last.key().equals(key)) {
                return last;
            }
            Diagnostics own = new Diagnostics();
            T value = make.apply(own);
            return new Derived(key, value, own.sorted(), List.copyOf(files));
        });
        d.diagnostics().forEach(diagnostics::add);
        return (T) d.value();
    }
}
