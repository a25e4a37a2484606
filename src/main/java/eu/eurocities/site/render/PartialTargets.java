package eu.eurocities.site.render;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Routes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where Markdown links may lead in content that did not load as a whole: a content file that is there counts,
 * whether or not it loaded, so that a link to a file with a mistake of its own is not reported as broken too.
 * Only for {@link #check}: the site path it gives for a content file is the file's own, which no page shows.
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

    /**
     * The targets of content whose records {@code pages} and {@code cities} loaded.
     *
     * @param founders the founding cities, which are not left out as drafts (a founding city as a draft is an error)
     * @param drafts whether the build shows drafts; when not, the drafts among {@code pages} and {@code cities} are
     *     left out
     */
    public static PartialTargets of(
            Collection<TextPage> pages,
            Collection<City> cities,
            Collection<String> founders,
            Set<String> pageSlugs,
            Set<String> citySlugs,
            StaticFiles statics,
            boolean drafts) {
        Set<String> left = new HashSet<>();
        if (!drafts) {
            pages.stream().filter(TextPage::draft).forEach(p -> left.add(p.pos().path()));
            cities.stream()
                    .filter(c -> c.draft() && !founders.contains(c.slug()))
                    .forEach(c -> left.add(c.pos("").path()));
        }
        return new PartialTargets(pageSlugs, citySlugs, Set.copyOf(left), statics);
    }

    /**
     * Checks the links and images of the Markdown of {@code pages} and of the narratives of {@code cities} that this
     * build does not leave out, as the render stage would ({@link Markdown#checkLinks}), for a build that stops before
     * it.
     *
     * @param basePath the base URL's path, starting and ending with '/'
     * @param diagnostics receives each broken link to a content file and each image not in {@code static/}
     * @return every link written in the Markdown checked, by page file and source position
     */
    public List<MarkdownLink> check(
            Collection<TextPage> pages,
            Collection<City> cities,
            Markdown markdown,
            String basePath,
            Diagnostics diagnostics) {
        List<MarkdownLink> links = new ArrayList<>();
        for (TextPage page : pages) {
            if (!draftFiles.contains(page.pos().path())) {
                Links from = new Links(Routes.textPage(page.slug()), basePath, false);
                markdown.checkLinks(page, from, this, diagnostics, links::add);
            }
        }
        for (City city : cities) {
            if (city.narrative() != null && !draftFiles.contains(city.pos("").path())) {
                Links from = new Links(Routes.city(city), basePath, false);
                markdown.checkLinks(city.narrative(), from, this, diagnostics, links::add);
            }
        }
        return MarkdownLink.sorted(links);
    }

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
