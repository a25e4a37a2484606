package eu.eurocities.site.plan;

import eu.eurocities.site.model.Alias;
import java.util.ArrayList;
import java.util.List;

/**
 * A small page at an old address ({@code aliases:}) that sends readers and search engines on to a page's address
 * now. Not in the sitemap, and never indexed.
 *
 * @param alias the old address and where it was written
 * @param to the page it leads to
 */
public record Redirect(Alias alias, Page to) {

    /** The output file of the redirect page: {@code cities/old-name/index.html}. */
    public String file() {
        return Routes.file(alias.path());
    }

    /** The redirect of every alias of the pages of {@code plan}, in plan order. */
    public static List<Redirect> of(List<Page> plan) {
        List<Redirect> out = new ArrayList<>();
        for (Page p : plan) {
            List<Alias> aliases = p instanceof Page.CityDetail c
                    ? c.city().aliases()
                    : p.text() != null ? p.text().aliases() : List.of();
            aliases.forEach(a -> out.add(new Redirect(a, p)));
        }
        return out;
    }

    /** Each redirect as a planned output, at the line its alias was written. */
    public static List<SiteFile> planned(List<Redirect> redirects) {
        return redirects.stream()
                .map(r ->
                        new SiteFile(r.file(), SiteFile.Kind.REDIRECT, r.alias().pos()))
                .toList();
    }
}
