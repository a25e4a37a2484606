package eu.eurocities.site.serve;

import eu.eurocities.site.model.Content;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.render.Renderer;
import eu.eurocities.site.render.StaticFiles;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Predicate;

/**
 * Which pages a rebuild of {@code serve} renders again, given the last good build: every page when what every page
 * shows of the whole content changed (the settings, the network, the categories, {@link Renderer.Shared}) or a file a
 * page may show without its record holding it; otherwise a page whose record differs from its last one, whose
 * template (or one it calls) changed, or whose Markdown links may now lead elsewhere.
 */
final class Affected {
    private Affected() {}

    /**
     * True when a static file or a theme asset changed: a page may show it (an image's width and height, the logo),
     * which its page record does not hold, so every page is made again.
     *
     * @param changed the changed paths, relative to the source folder
     */
    static boolean shown(Set<String> changed) {
        return changed.stream()
                .anyMatch(p -> p.equals("static")
                        || p.startsWith(StaticFiles.FOLDER)
                        || p.startsWith("templates/") && !p.endsWith(".jte"));
    }

    /**
     * The pages of {@code content} to render again.
     *
     * @param shared what every page of {@code content} shows of the whole content
     * @param last the content of the last good build
     * @param lastShared what every page of the last good build showed of the whole content
     * @param before the last good build's pages, by path
     * @param viaTemplates the templates changed since the last good build, with those that call them
     * @return true for a page to render again
     */
    static Predicate<Page> pages(
            Content content,
            Renderer.Shared shared,
            Content last,
            Renderer.Shared lastShared,
            Map<String, Page> before,
            Set<String> viaTemplates) {
        // the map legends of city pages name the categories of their neighbours, which their page records do not hold;
        // every page shows what is shared (the footer's credits, the link to the rules page)
        if (!content.site().equals(last.site())
                || !content.network().equals(last.network())
                || !content.categories().equals(last.categories())
                || !shared.equals(lastShared)) {
            return page -> true;
        }
        // where a Markdown link to a content file leads depends on which cities and pages exist
        boolean targetsChanged = !sameKeys(content.cities(), last.cities())
                || !content.pages().keySet().equals(last.pages().keySet());
        return page -> (targetsChanged && page.text() != null)
                || viaTemplates.contains(page.kind().template())
                || !page.equals(before.get(page.path()));
    }

    /** Whether two sorted maps have equal keys: one walk through both, most keys being the very same strings. */
    private static boolean sameKeys(SortedMap<String, ?> a, SortedMap<String, ?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<String> other = b.keySet().iterator();
        for (String key : a.keySet()) {
            if (!key.equals(other.next())) {
                return false;
            }
        }
        return true;
    }
}
