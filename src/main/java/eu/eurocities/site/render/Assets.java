package eu.eurocities.site.render;

import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.plan.SiteFile;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The theme's assets, copied to the site root: every file under the built-in theme's {@code templates/assets/}, and
 * every file under the source folder's {@code templates/assets/}, which replaces the built-in file of its name.
 * Files and folders whose name starts with a dot ({@code .DS_Store}) are left out.
 *
 * @param files the bytes of each asset, by its path relative to the site root ({@code style.css})
 * @param own the paths that come from the source folder
 */
public record Assets(SortedMap<String, byte[]> files, Set<String> own) {
    private static final String FOLDER = "templates/assets/";

    /** The assets for {@code source}, read now (serve reads them again on every rebuild). */
    public static Assets of(Path source) {
        SortedMap<String, byte[]> files = new TreeMap<>(BuiltIn.FILES);
        SortedMap<String, byte[]> own = read(source.resolve(FOLDER));
        files.putAll(own);
        return new Assets(
                Collections.unmodifiableSortedMap(files), Collections.unmodifiableSet(new TreeSet<>(own.keySet())));
    }

    /** Each asset as a planned output, at its source file when it comes from the source folder. */
    public List<SiteFile> planned() {
        return files.keySet().stream()
                .map(f -> new SiteFile(f, SiteFile.Kind.ASSET, own.contains(f) ? SourcePos.file(FOLDER + f) : null))
                .toList();
    }

    /** The built-in theme's assets, read once: the jar does not change while it runs. */
    private static final class BuiltIn {
        static final SortedMap<String, byte[]> FILES =
                Collections.unmodifiableSortedMap(Templates.inBuiltInTheme(theme -> read(theme.resolve("assets"))));
    }

    /** Every file under {@code dir} but hidden ones, by '/'-separated relative path. */
    private static SortedMap<String, byte[]> read(Path dir) {
        return Templates.read(dir, name -> !name.startsWith(".") && !name.contains("/."));
    }
}
