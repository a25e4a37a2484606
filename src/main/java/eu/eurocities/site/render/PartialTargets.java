package eu.eurocities.site.render;

import java.util.Set;

/**
 * Where Markdown links may lead in content that did not load as a whole: a content file that is there counts,
 * whether or not it loaded, so that a link to a file with a mistake of its own is not reported as broken too.
 * Only for {@link Markdown#checkLinks}: the site path it gives is the content file's own, which no page shows.
 *
 * @param pageSlugs the slug of every file in {@code content/pages/}
 * @param citySlugs the slug of every file in {@code content/cities/}
 * @param draftFiles the content files this build leaves out as drafts ({@code content/pages/about.md})
 * @param statics the static files that images may show
 */
public record PartialTargets(Set<String> pageSlugs, Set<String> citySlugs, Set<String> draftFiles, StaticFiles statics)
        implements LinkTargets {
    private static final String PAGES = "content/pages/";
    private static final String CITIES = "content/cities/";

    @Override
    public String page(String contentFile) {
        if (draftFiles.contains(contentFile)) {
            return null;
        }
        boolean there = contentFile.startsWith(PAGES)
                        && contentFile.endsWith(".md")
                        && pageSlugs.contains(contentFile.substring(PAGES.length(), contentFile.length() - 3))
                || contentFile.startsWith(CITIES)
                        && contentFile.endsWith(".yaml")
                        && citySlugs.contains(contentFile.substring(CITIES.length(), contentFile.length() - 5));
        return there ? contentFile : null;
    }

    @Override
    public boolean draft(String contentFile) {
        return draftFiles.contains(contentFile);
    }
}
