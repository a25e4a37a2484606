package eu.eurocities.site.render;

/**
 * Builds the links of one page. Links are relative ({@code ../../countries/pl/}), so the output works under any
 * base path and from a plain folder, except on pages served at arbitrary URLs (the 404 page), whose links start
 * with the base URL's path ({@code /eurocities/countries/pl/}). Immutable.
 */
public final class Links {
    private final String from;
    /** What every link starts with: one {@code ../} per folder of {@code from}, or the base path. */
    private final String prefix;

    /**
     * @param from the site path of the page being rendered, e.g. {@code cities/lodz/}
     * @param basePath the base URL's path, starting and ending with '/'
     * @param absolute true for pages that may be served at any URL
     */
    public Links(String from, String basePath, boolean absolute) {
        this.from = from;
        if (absolute) {
            this.prefix = basePath;
        } else {
            int depth = 0;
            for (int i = from.indexOf('/'); i >= 0; i = from.indexOf('/', i + 1)) {
                depth++;
            }
            this.prefix = "../".repeat(depth);
        }
    }

    /** The site path of the page these links are from, e.g. {@code cities/lodz/}. */
    String from() {
        return from;
    }

    /** The link from this page to a site path such as {@code countries/pl/}, {@code style.css} or {@code ""}. */
    String to(String sitePath) {
        String link = prefix + sitePath;
        return link.isEmpty() ? "./" : link;
    }
}
