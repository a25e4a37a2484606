package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.MenuEntry;
import eu.eurocities.site.model.Messages;
import eu.eurocities.site.model.Site;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code content/site.yaml} into a {@link Site}. */
final class SiteReader {

    private SiteReader() {}

    /**
     * The site settings, or empty when a required field is missing or wrong (each problem is reported), with the
     * texts of its language read from {@code source} or, where they did not change, taken from {@code cache} (null:
     * none).
     */
    static Optional<Site> read(Fields f, Path source, CityCache cache) {
        String title = f.requiredText("title");
        String baseUrl = f.requiredText("base_url");
        String language = f.requiredText("language");
        String description = f.requiredText("description");
        List<MenuEntry> menu = f.written("menu") ? menu(f.mappings("menu")) : null;
        Site.StaticRef logo = staticFile(f, "logo");
        Site.StaticRef favicon = staticFile(f, "favicon");
        f.finish();
        var problem = language == null
                ? java.util.Optional.<Diagnostic>empty()
                : LanguageTag.problem(language, "language", f.pos("language"), "en, fr or de-AT");
        if (problem.isPresent() && problem.get().severity() == Severity.ERROR) {
            f.diagnostics().add(problem.get());
            language = null;
        }
        URI uri = baseUrl == null ? null : BaseUrl.parse(baseUrl, f.pos("base_url"), f.diagnostics());
        // the language files are checked whatever else is wrong here: their mistakes are their own
        var messages = language == null ? null : messages(source, language, f.pos("language"), f.diagnostics(), cache);
        if (title == null || uri == null || language == null || description == null) {
            return Optional.empty();
        }
        return Optional.of(new Site(title, uri, language, description, null, logo, favicon, menu, messages));
    }

    /** {@link MessagesReader#read}, made once and kept in {@code cache} (if any) until one of its files changes. */
    private static Messages messages(
            Path source, String language, SourcePos languageAt, Diagnostics diagnostics, CityCache cache) {
        return cache == null
                ? MessagesReader.read(source, language, languageAt, diagnostics)
                : cache.derived(
                        "messages",
                        List.of(language, languageAt),
                        MessagesReader.files(language),
                        diagnostics,
                        own -> MessagesReader.read(source, language, languageAt, own));
    }

    /**
     * A path into {@code static/} ({@code img/logo.svg}), or null when the field is absent or not a plain relative
     * path (reported); whether the file exists is checked with the static files.
     */
    private static Site.StaticRef staticFile(Fields f, String field) {
        String path = f.text(field);
        if (path == null) {
            return null;
        }
        String plain = path.startsWith("/") ? path.substring(1) : path;
        if (plain.startsWith("static/")) {
            plain = plain.substring("static/".length());
        }
        if (plain.isEmpty() || plain.contains("..") || plain.contains("\\") || plain.contains(":")) {
            f.error(
                    field,
                    field + " '" + path + "' is not a path in static/",
                    "give the file's path inside static/, e.g. " + field + ": img/" + field + ".svg");
            return null;
        }
        return new Site.StaticRef(field, plain, f.pos(field));
    }

    /**
     * The entries of {@code menu:}, each with a title and either a page or a URL; a wrong entry is reported and left
     * out.
     */
    private static List<MenuEntry> menu(List<Fields> items) {
        List<MenuEntry> out = new ArrayList<>();
        for (Fields e : items) {
            String title = e.requiredText("title");
            String page = e.text("page");
            String url = e.text("url");
            e.finish();
            if (page != null && url != null) {
                e.error(
                        "url",
                        "a menu entry leads to a page or to a URL, not both",
                        "keep 'page:' for a page of this site, 'url:' for any other address");
            } else if (page == null && url == null && title != null) {
                e.error(
                        "title",
                        "menu entry '" + title + "' has neither 'page:' nor 'url:'",
                        "add 'page: SLUG' (a file of content/pages/ without .md, or one of "
                                + String.join(", ", MenuEntry.BUILT_IN) + ") or 'url: ADDRESS'");
            } else if (url != null && !url.startsWith("/") && !url.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                e.error(
                        "url",
                        "menu entry '" + title + "' leads to '" + url + "', which is neither a full address nor a "
                                + "path of this site",
                        url.split("/", 2)[0].contains(".")
                                ? "write the address with its scheme: 'url: https://" + url + "'"
                                : "write a path of this site from its root, 'url: /" + url + "', or 'page: SLUG' for "
                                        + "one of its pages");
            } else if (title != null) {
                out.add(new MenuEntry(title, page, url, e.pos(page != null ? "page" : "url")));
            }
        }
        return out;
    }
}
