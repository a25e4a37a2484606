package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Which files of {@code content/} are read, and how they are named: the folders are listed once per load (or their
 * entries taken from serve's kept listings), names are read as UTF-8 in NFC, editor leftovers are skipped, special
 * files are listed (and refused when read), links that lead outside the source folder are warned about, and files in
 * the wrong place are reported instead of being left out without a word. Not thread-safe: one instance per load, used
 * from one thread.
 */
final class ContentFolder {
    private final Path source;
    private final Diagnostics diagnostics;
    /** The entries of folders listed by earlier loads, or null to list every folder afresh. */
    private final Listings kept;

    /** What each folder listed holds. */
    private final Map<String, View> views = new HashMap<>();
    /** The real paths of the source folder and of content/ (itself perhaps a link), found when a link needs them. */
    private List<Path> inside;

    /**
     * @param source the folder that holds {@code content/}
     * @param diagnostics receives every problem with a file or its name
     */
    ContentFolder(Path source, Diagnostics diagnostics) {
        this(source, diagnostics, null);
    }

    /**
     * Like {@link #ContentFolder(Path, Diagnostics)}, with the folders' entries taken from {@code kept} (may be
     * null), which the owner keeps up to date with what changed on disk.
     */
    ContentFolder(Path source, Diagnostics diagnostics, Listings kept) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.kept = kept;
    }

    /** The same folder, with the same kept entries, reporting its problems to {@code other}. */
    ContentFolder reportingTo(Diagnostics other) {
        return new ContentFolder(source, other, kept);
    }

    /** Reports files in {@code cities/} and {@code pages/} that are not records, and everything out of place. */
    void reportStrays() {
        for (String other : list("content/cities", null)) {
            if (!other.endsWith(".yaml") && !other.endsWith(".md") && !isEditorLeftover(other)) {
                misplaced(other, ".yaml", List.of(".yml", ".YAML", ".YML", ".json"), "city records");
            }
        }
        for (String other : list("content/pages", null)) {
            if (!other.endsWith(".md") && !isEditorLeftover(other)) {
                misplaced(other, ".md", List.of(".markdown", ".mdown", ".mkd", ".MD", ".txt"), "pages");
            }
        }
        strays(source.resolve("content"));
    }

    /**
     * Reports what an editor may have put in the wrong place, which the build would otherwise skip without a word:
     * folders inside {@code cities/} or {@code pages/} (their files are not read), pages or city records directly in
     * {@code content/} (errors), and other unknown files there (warnings).
     */
    private void strays(Path content) {
        for (String folder : List.of("cities", "pages")) {
            files("content/" + folder); // lists the folder, with the folders in it, unless listed already
            for (Path sub : view("content/" + folder).inner()) {
                String name = FileNames.of(sub).map(TextFile::nfc).orElseGet(() -> FileNames.shown(sub));
                if (!isEditorLeftover(name)) {
                    diagnostics.error(
                            SourcePos.start("content/" + folder + "/" + name),
                            "folders inside content/" + folder + "/ are not read; its files would be left out",
                            "move the files in it to content/" + folder + "/");
                }
            }
        }
        Set<String> known = Set.of("site.yaml", "network.yaml", "membership.yaml", "cities", "pages", "schemas");
        try (Stream<Path> s = Files.list(content)) {
            for (Path p : s.sorted().toList()) {
                String name = FileNames.of(p).map(TextFile::nfc).orElseGet(() -> FileNames.shown(p));
                if (known.contains(name) || isEditorLeftover(name)) {
                    continue;
                }
                String file = "content/" + name;
                if (name.endsWith(".md")) {
                    diagnostics.error(
                            SourcePos.start(file),
                            "pages go in content/pages/; this one would be left out",
                            "move it to content/pages/" + name);
                } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    diagnostics.error(
                            SourcePos.start(file),
                            "content/ holds only site.yaml, network.yaml and membership.yaml; this file would be "
                                    + "left out",
                            "if it is a city record, move it to content/cities/; check the spelling of the name "
                                    + "otherwise");
                } else {
                    diagnostics.warning(
                            SourcePos.start(file),
                            "ignored: content/ holds site.yaml, network.yaml, membership.yaml, cities/, pages/ and "
                                    + "schemas/",
                            "move it out of content/");
                }
            }
        } catch (IOException e) {
            diagnostics.error(
                    SourcePos.start("content"),
                    "cannot list folder: " + e.getMessage(),
                    "check that the folder can be read");
        }
    }

    /**
     * A file in a record folder without the record extension: an error when its extension says it was meant as a
     * record (it would be left out of the site), or as a record of the other folder (a city record in
     * {@code pages/}, a page in {@code cities/}), otherwise a warning that it is ignored.
     */
    private void misplaced(String file, String ext, List<String> meant, String what) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        String own = dot < 0 ? "" : base.substring(dot);
        int first = base.indexOf('.');
        String stem = first <= 0 ? base : base.substring(0, first);
        String renamed = stem + ext;
        String folder = file.substring(0, file.lastIndexOf('/') + 1);
        boolean yaml = own.equals(".yaml") || own.equals(".yml");
        if ((yaml || own.equals(".md")) && !folder.equals(yaml ? "content/cities/" : "content/pages/")) {
            // a record of the other kind in the wrong folder would vanish from the site
            diagnostics.error(
                    SourcePos.start(file),
                    (yaml ? "city records go in content/cities/" : "pages go in content/pages/")
                            + "; this one would be left out",
                    "move it to " + (yaml ? "content/cities/" + stem + ".yaml" : "content/pages/" + stem + ".md"));
        } else if (meant.contains(own)) {
            diagnostics.error(
                    SourcePos.start(file),
                    what + " are files ending in " + ext + "; this one would be left out",
                    "rename it to " + renamed);
        } else {
            diagnostics.warning(
                    SourcePos.start(file),
                    "ignored: " + what + " are files ending in " + ext,
                    "rename it to " + renamed + " if it is one, or move it out of " + folder);
        }
    }

    /** A file every site needs, such as {@code content/site.yaml}, read as a YAML mapping; an error when missing. */
    Optional<Fields> readYaml(String file) {
        Path path = source.resolve(file);
        if (Files.notExists(path, LinkOption.NOFOLLOW_LINKS)) { // a broken link is reported when it is read
            diagnostics.error(SourcePos.start(file), "file is missing", "every site needs " + file);
            return Optional.empty();
        }
        return readExisting(file, path);
    }

    /** True when the source folder has {@code file} (or a link by that name, perhaps broken). */
    boolean exists(String file) {
        return !Files.notExists(source.resolve(file), LinkOption.NOFOLLOW_LINKS);
    }

    private Optional<Fields> readExisting(String file, Path path) {
        warnIfOutside(path, file);
        return readYaml(file, path);
    }

    /** The YAML mapping in {@code path}, named {@code file} in messages. */
    Optional<Fields> readYaml(String file, Path path) {
        return TextFile.read(path, file, diagnostics)
                .flatMap(text -> YamlTree.parseMapping(text, file, diagnostics))
                .map((MappingNode m) -> new Fields(m, file, "", diagnostics));
    }

    /** Files in a content folder, as source-relative paths in name order; only those ending in {@code ext} if given. */
    List<String> list(String folder, String ext) {
        return listed(folder, ext).files();
    }

    /** Where each file that {@link #list} names is on disk, in the same order. */
    List<Path> paths(String folder, String ext) {
        return listed(folder, ext).paths();
    }

    /** The names of the files {@link #list} names without their extension, in name order. */
    SortedSet<String> stems(String folder, String ext) {
        return listed(folder, ext).stems();
    }

    private Listed listed(String folder, String ext) {
        return view(folder).listed().computeIfAbsent(ext == null ? "" : ext, e -> {
            List<String> files = new ArrayList<>();
            List<Path> paths = new ArrayList<>();
            SortedSet<String> stems = new TreeSet<>();
            files(folder).forEach((n, path) -> {
                if (ext == null || (n.endsWith(ext) && !isEditorLeftover(n))) {
                    String file = folder + "/" + n;
                    files.add(file);
                    paths.add(path);
                    stems.add(FileNames.stem(file));
                }
            });
            return new Listed(List.copyOf(files), List.copyOf(paths), Collections.unmodifiableSortedSet(stems));
        });
    }

    /** A folder's files ending in one extension: their source-relative paths, paths on disk and names' stems. */
    private record Listed(List<String> files, List<Path> paths, SortedSet<String> stems) {}

    /**
     * What a load makes of a folder's entries: the files by name, the folders in it, what was wrong with the names, and
     * the lists of its files made from them, by extension. Kept by serve's listings while the entries do not change.
     */
    private record View(
            SortedMap<String, Path> found, List<Path> inner, List<Diagnostic> said, Map<String, Listed> listed) {}

    /** Where the file that {@link #list} named {@code file} is on disk. */
    Path path(String file) {
        int slash = file.lastIndexOf('/');
        Path listed = files(file.substring(0, slash)).get(file.substring(slash + 1));
        return listed != null ? listed : source.resolve(file);
    }

    /**
     * Everything in {@code folder} but folders (after following links), by name, each with its path on disk: regular
     * files, links that lead to no folder (a link to a file that does not exist, a loop of links: reading one gives an
     * error instead of the file being left out without a word) and special files such as named pipes (refused by
     * {@link TextFile#read} without being opened). Names are the names' bytes read as UTF-8 in any locale, in NFC;
     * a name that is not UTF-8, and a second file whose name differs from another's only in its Unicode form (a
     * decomposed "Zürich" next to a composed one), are errors and left out. A link that leads outside the source
     * folder gets a warning. The folder is read once per load, its entries from the kept listings when there are
     * some ({@link Listings}); the folders found in it are kept for {@link #strays}.
     */
    private SortedMap<String, Path> files(String folder) {
        return view(folder).found();
    }

    /** What {@code folder} holds ({@link #files}), from serve's kept listings when its entries did not change. */
    private View view(String folder) {
        View known = views.get(folder);
        if (known == null) {
            known = makeView(folder);
            views.put(folder, known);
        }
        return known;
    }

    private View makeView(String f) {
        Path dir = source.resolve(f);
        if (!Files.isDirectory(dir)) {
            return new View(new TreeMap<>(), List.of(), List.of(), new ConcurrentHashMap<>());
        }
        warnIfOutside(dir, f);
        SortedMap<Path, Listings.Kind> entries;
        try {
            entries = kept != null ? kept.entries(f, dir) : Listings.list(dir);
        } catch (IOException e) {
            diagnostics.error(
                    SourcePos.start(f), "cannot list folder: " + e.getMessage(), "check that the folder can be read");
            return new View(new TreeMap<>(), List.of(), List.of(), new ConcurrentHashMap<>());
        }
        if (kept != null && kept.view(f) instanceof View v) {
            v.said().forEach(diagnostics::add);
            return v;
        }
        Diagnostics said = new Diagnostics();
        ContentFolder reading = reportingTo(said);
        SortedMap<String, Path> found = new TreeMap<>();
        Map<String, String> spellings = new HashMap<>();
        List<Path> inner = new ArrayList<>();
        entries.forEach((p, kind) -> {
            boolean link = kind == Listings.Kind.LINK;
            if (kind == Listings.Kind.FOLDER || link && Files.isDirectory(p)) {
                inner.add(p); // reported by strays()
                return;
            }
            Optional<String> name = FileNames.of(p);
            if (name.isEmpty()) {
                said.error(
                        SourcePos.start(f + "/" + FileNames.shown(p)),
                        "the file name is not UTF-8 text, so it cannot be read as a name",
                        "rename the file, using lower-case ASCII letters, digits and hyphens");
            } else if (reading.add(found, spellings, f, p, name.get()) && link && !isEditorLeftover(name.get())) {
                reading.warnIfOutside(p, f + "/" + TextFile.nfc(name.get()));
            }
        });
        View made = new View(
                Collections.unmodifiableSortedMap(found), List.copyOf(inner), said.sorted(), new ConcurrentHashMap<>());
        made.said().forEach(diagnostics::add);
        if (kept != null) {
            kept.view(f, made);
        }
        return made;
    }

    /**
     * Adds the file {@code path}, named {@code name} as its bytes spell it, to {@code found} under the name in NFC.
     * When another file has that NFC name already, the one spelt in NFC is kept, as every other tool expects, and an
     * error names both spellings.
     *
     * @param spellings the name each entry of {@code found} is spelt with on disk
     * @return true when {@code path} was added
     */
    private boolean add(Map<String, Path> found, Map<String, String> spellings, String folder, Path path, String name) {
        String nfc = TextFile.nfc(name);
        String earlier = spellings.putIfAbsent(nfc, name);
        if (earlier == null) {
            found.put(nfc, path);
            return true;
        }
        boolean replace = name.equals(nfc) && !earlier.equals(nfc);
        String kept = replace ? name : earlier;
        String other = replace ? earlier : name;
        if (replace) {
            found.put(nfc, path);
            spellings.put(nfc, name);
        }
        diagnostics.error(
                SourcePos.start(folder + "/" + nfc),
                "two files have this name, spelt in two Unicode forms: '" + FileNames.spelt(kept) + "'"
                        + (kept.equals(nfc) ? " (composed)" : "") + " and '" + FileNames.spelt(other) + "'"
                        + (other.equals(Normalizer.normalize(other, Normalizer.Form.NFD))
                                ? " (decomposed, as macOS writes names)"
                                : "")
                        + "; only the first is read",
                "keep one of them: delete the other, or merge what differs into the one you keep");
        return replace;
    }

    /**
     * Warns when {@code path} is a link that leads outside the source folder (and outside {@code content/}, which may
     * itself be a link to the content kept elsewhere): what it leads to is published with the site, which should not
     * happen without a word. A link that leads nowhere is reported when it is read.
     */
    private void warnIfOutside(Path path, String display) {
        if (!Files.isSymbolicLink(path)) {
            return;
        }
        try {
            Path real = path.toRealPath();
            if (inside == null) {
                inside = List.of(source.toRealPath(), source.resolve("content").toRealPath());
            }
            boolean folder = Files.isDirectory(real);
            if ((folder || Files.isRegularFile(real)) && inside.stream().noneMatch(real::startsWith)) {
                diagnostics.warning(
                        SourcePos.start(display),
                        "the " + (folder ? "folder" : "file") + " is a link to '" + Files.readSymbolicLink(path)
                                + "', outside the source folder; " + (folder ? "its files are" : "it is")
                                + " published with the site",
                        "copy what it links to into the source folder, or remove the link if it should not be "
                                + "published");
            }
        } catch (IOException e) {
            // a link that leads nowhere: reading it reports that
        }
    }

    /** Editor swap, backup and lock files, and hidden files, which are never content. */
    static boolean isEditorLeftover(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return base.startsWith(".") // hidden; also vim's .x.swp, emacs's .#x lock, gedit's .goutputstream-*
                || base.startsWith("#") // emacs auto-save, #x#
                || base.endsWith("~")
                || base.endsWith(".swp")
                || base.endsWith(".swx")
                || base.endsWith(".swo")
                || base.endsWith(".kate-swp")
                || base.endsWith(".tmp")
                || base.endsWith("___jb_tmp___") // JetBrains safe write
                || base.endsWith("___jb_old___")
                || base.equals("4913"); // vim's probe for a writable folder
    }
}
