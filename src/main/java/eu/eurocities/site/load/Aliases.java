package eu.eurocities.site.load;

import eu.eurocities.site.model.Alias;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads {@code aliases:}, the old addresses of a city's page or a Markdown page, each a site path. */
final class Aliases {
    /** Letters, digits and {@code - _ . ~ /}: what a site path of this tool, or of most sites before it, is made of. */
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");

    private Aliases() {}

    /**
     * The aliases in {@code f}: each starts with '/'; one that ends in neither '/' nor a file name with an extension
     * is a folder ({@code /old} is {@code /old/}). A path with '..', '//', a query, a fragment, a scheme or other
     * characters is an error at its line.
     */
    static List<Alias> read(Fields f) {
        List<Alias> out = new ArrayList<>();
        for (Fields.Located<String> a : f.texts("aliases")) {
            String path = a.value();
            if (!PATH.matcher(path).matches() || path.contains("..") || path.contains("//") || path.equals("/")) {
                f.diagnostics()
                        .error(
                                a.pos(),
                                "alias '" + path + "' is not an old address of this site",
                                "write the old path from the site's root, e.g. /cities/old-name/ (letters, digits, "
                                        + "'-', '_', '.' and "
                                        + "'/' only)");
                continue;
            }
            String last = path.substring(path.lastIndexOf('/') + 1);
            String sitePath = path.substring(1) + (path.endsWith("/") || last.contains(".") ? "" : "/");
            out.add(new Alias(sitePath, a.pos()));
        }
        return List.copyOf(out);
    }
}
