package eu.eurocities.site.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The entries of content folders as earlier loads listed them, kept up to date from the changes {@code serve}'s
 * watcher reports, so that a rebuild after a city edit asks the file system about the changed names only, rather
 * than listing and inspecting ten thousand files again. An entry whose name the owner reports ({@link #forget}) is
 * looked at again on the next listing; a folder reported itself (or one above it), or a name that is not plain
 * ASCII (which the file system may spell in another Unicode form than the report), makes the whole folder be listed
 * again. Editors' leftover files are not reported, and every use of a listing skips them. Thread-safe.
 */
final class Listings {
    /** What an entry of a folder is, as the file system tells without following a link. */
    enum Kind {
        /** A regular or special file. */
        FILE,
        /** A symbolic link, whose target is looked at whenever the listing is used. */
        LINK,
        /** A folder. */
        FOLDER
    }

    /**
     * One folder's entries by path (in {@link Path} order, as a fresh listing sorts them), the names to redo, and what
     * the last load made of the entries ({@link #view}), dropped when they change.
     */
    private static final class Kept {
        final TreeMap<Path, Kind> entries;
        final Set<String> stale = new HashSet<>();
        Object view;

        Kept(TreeMap<Path, Kind> entries) {
            this.entries = entries;
        }
    }

    private final Map<String, Kept> folders = new HashMap<>();

    /**
     * Marks {@code path} (relative to the source folder, '/'-separated) as changed: the entry of a listed folder that
     * is the path or holds it is looked at again (a file added in a new folder inside a listed one makes that folder
     * an entry too), and a folder listed at or below the path is listed again in full.
     */
    synchronized void forget(String path) {
        folders.keySet().removeIf(folder -> folder.equals(path) || folder.startsWith(path + "/"));
        for (var i = folders.entrySet().iterator(); i.hasNext(); ) {
            Map.Entry<String, Kept> listed = i.next();
            if (!path.startsWith(listed.getKey() + "/")) {
                continue;
            }
            String rest = path.substring(listed.getKey().length() + 1);
            String name = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            if (name.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                listed.getValue().stale.add(name);
            } else {
                i.remove(); // the file system may spell the name in another Unicode form than the report
            }
        }
    }

    /** Drops every listing. */
    synchronized void clear() {
        folders.clear();
    }

    /**
     * The entries of {@code dir}, the folder {@code folder} of the source folder: kept ones with the reported names
     * looked at again, or a fresh listing ({@link #list}) that is kept.
     *
     * @throws IOException when the folder cannot be listed
     */
    synchronized SortedMap<Path, Kind> entries(String folder, Path dir) throws IOException {
        Kept kept = folders.get(folder);
        if (kept == null) {
            kept = new Kept(new TreeMap<>(list(dir)));
            folders.put(folder, kept);
        }
        for (String name : kept.stale) {
            Path entry = dir.resolve(name);
            Kind kind = kind(entry);
            Kind was = kind == null ? kept.entries.remove(entry) : kept.entries.put(entry, kind);
            if (was != kind) {
                kept.view = null;
            }
        }
        kept.stale.clear();
        return Collections.unmodifiableSortedMap(kept.entries);
    }

    /**
     * What a load made of the entries of {@code folder} as {@link #entries} last gave them (the names read from the
     * paths, the problems with them), while no entry came, went or changed kind since; else null. A folder with a
     * link in it keeps no view: where a link leads may change without a word from the watcher.
     */
    synchronized Object view(String folder) {
        Kept kept = folders.get(folder);
        return kept == null || !kept.stale.isEmpty() ? null : kept.view;
    }

    /** Keeps {@code view}, made from the entries {@link #entries} last gave for {@code folder}, for {@link #view}. */
    synchronized void view(String folder, Object view) {
        Kept kept = folders.get(folder);
        if (kept != null && kept.stale.isEmpty() && !kept.entries.containsValue(Kind.LINK)) {
            kept.view = view;
        }
    }

    /**
     * Every entry of {@code dir}, each with its kind; an entry removed while the folder is listed is left out.
     *
     * @throws IOException when the folder cannot be listed
     */
    static SortedMap<Path, Kind> list(Path dir) throws IOException {
        SortedMap<Path, Kind> found = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> {
                Kind kind = kind(p);
                if (kind != null) {
                    found.put(p, kind);
                }
            });
        }
        return found;
    }

    /** What {@code entry} is, with one {@code lstat}; null when it does not exist (any more). */
    private static Kind kind(Path entry) {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isSymbolicLink() ? Kind.LINK : attributes.isDirectory() ? Kind.FOLDER : Kind.FILE;
        } catch (IOException e) {
            return null;
        }
    }
}
