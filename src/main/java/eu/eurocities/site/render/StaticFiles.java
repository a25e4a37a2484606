package eu.eurocities.site.render;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.Site;
import eu.eurocities.site.plan.SiteFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The site's static files: every file under {@code static/} in the source folder (images, a favicon, PDFs, {@code
 * CNAME}, {@code .nojekyll}), published as it is at the same path under the site root ({@code static/img/logo.png}
 * at {@code /img/logo.png}). Only the listing is read here; the bytes are read when the file is written, so that a
 * large PDF is not held for the whole build. Operating-system clutter ({@code .DS_Store}, {@code Thumbs.db}) and
 * editor leftovers are left out.
 *
 * @param files the file on disk of each static file, by its path relative to the site root
 */
public record StaticFiles(SortedMap<String, Path> files, Map<String, Optional<ImageSize>> sizes) {
    /** The folder of the source folder that holds the static files. */
    public static final String FOLDER = "static/";

    /** The static files of {@code source}, listed now (serve lists them again on every rebuild). */
    public static StaticFiles of(Path source) {
        Path dir = source.resolve(FOLDER);
        SortedMap<String, Path> files = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    String name = dir.relativize(p).toString().replace('\\', '/');
                    if (Files.isRegularFile(p) && !isClutter(name)) {
                        files.put(name, p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + FOLDER + ": " + e.getMessage(), e);
            }
        }
        return new StaticFiles(Collections.unmodifiableSortedMap(files), new ConcurrentHashMap<>());
    }

    /** No static files, for sites and tests without a {@code static/} folder. */
    public static StaticFiles none() {
        return new StaticFiles(Collections.emptySortedMap(), new ConcurrentHashMap<>());
    }

    private static boolean isClutter(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return base.equals(".DS_Store")
                || base.equals("Thumbs.db")
                || base.equals("desktop.ini")
                || name.startsWith(".git/")
                || base.endsWith("~")
                || base.endsWith(".swp")
                || base.startsWith(".#");
    }

    /** Each static file as a planned output, at its file in {@code static/}. */
    public List<SiteFile> planned() {
        return files.keySet().stream()
                .map(f -> new SiteFile(f, SiteFile.Kind.STATIC, SourcePos.file(FOLDER + f)))
                .toList();
    }

    /** True when {@code sitePath} ({@code img/logo.png}, no leading '/') is a static file. */
    boolean has(String sitePath) {
        return files.containsKey(sitePath);
    }

    /** The bytes of the static file at {@code sitePath}. */
    byte[] bytes(String sitePath) throws IOException {
        return Files.readAllBytes(files.get(sitePath));
    }

    /** The width and height of the image at {@code sitePath}, when it is a static image whose header says them. */
    Optional<ImageSize> size(String sitePath) {
        Path file = files.get(sitePath);
        return file == null ? Optional.empty() : sizes.computeIfAbsent(sitePath, k -> ImageSize.of(file));
    }

    /** The total size of the static files in bytes. */
    long bytes() {
        long total = 0;
        for (Path p : files.values()) {
            try {
                total += Files.size(p);
            } catch (IOException e) {
                // removed since it was listed: its write reports that
            }
        }
        return total;
    }

    /**
     * Reports {@code logo:} and {@code favicon:} of {@code site.yaml} that name no file of {@code static/}, each at its
     * line.
     */
    public void check(Site site, Diagnostics diagnostics) {
        for (Site.StaticRef ref : new Site.StaticRef[] {site.logo(), site.favicon()}) {
            if (ref != null && !has(ref.path())) {
                diagnostics.error(
                        ref.pos(),
                        ref.field() + " '" + ref.path() + "' is not a file in " + FOLDER,
                        "put the file at " + FOLDER + ref.path() + ", or correct the path (it is relative to " + FOLDER
                                + ", e.g. " + ref.field() + ": img/"
                                + (ref.field().equals("logo") ? "logo.svg" : "favicon.png")
                                + ")");
            }
        }
    }
}
