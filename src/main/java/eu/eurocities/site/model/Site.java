package eu.eurocities.site.model;

import eu.eurocities.site.diag.SourcePos;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * The site settings from {@code content/site.yaml}.
 *
 * @param title the site's name, shown in every page title and the header
 * @param baseUrl absolute http(s) URL ending in '/', e.g. {@code https://example.org/} or {@code
 *     https://user.github.io/eurocities/}; canonical URLs and the sitemap are built from it
 * @param language BCP 47 language tag of the pages, e.g. {@code en}
 * @param description one or two sentences for the home page's meta description
 * @param updated when the content last changed (from git, see {@code load/LastChange}), or null when unknown
 * @param logo the image shown in the header beside the title, a file of {@code static/}, or null
 * @param favicon the icon browsers show in a tab, a file of {@code static/}, or null
 * @param menu the main navigation in its order: {@code menu:} of {@code site.yaml}, or the one made from the
 *     pages' front matter when that is absent
 * @param messages the texts the theme shows, in the site's language (the language files)
 */
public record Site(
        String title,
        URI baseUrl,
        String language,
        String description,
        LocalDate updated,
        StaticRef logo,
        StaticRef favicon,
        List<MenuEntry> menu,
        Messages messages) {

    /**
     * A file of {@code static/} that {@code site.yaml} names.
     *
     * @param field the field that names it: {@code logo}
     * @param path its path in {@code static/}, which is also its site path: {@code img/logo.svg}
     * @param pos where the field was written
     */
    public record StaticRef(String field, String path, SourcePos pos) {}

    /** These settings with another base URL (from {@code --base-url}). */
    public Site withBaseUrl(URI url) {
        return new Site(title, url, language, description, updated, logo, favicon, menu, messages);
    }

    /** These settings with the date the content last changed. */
    public Site withUpdated(LocalDate date) {
        return new Site(title, baseUrl, language, description, date, logo, favicon, menu, messages);
    }

    /** These settings with another menu. */
    public Site withMenu(List<MenuEntry> other) {
        return new Site(title, baseUrl, language, description, updated, logo, favicon, List.copyOf(other), messages);
    }

    /** The path part of the base URL, always starting and ending with '/': {@code /} or {@code /eurocities/}. */
    public String basePath() {
        String path = baseUrl.getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.endsWith("/") ? path : path + "/";
    }

    /** The absolute URL of a site path such as {@code cities/lodz/} (no leading '/'). */
    public String absolute(String sitePath) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base : base + "/") + sitePath;
    }
}
