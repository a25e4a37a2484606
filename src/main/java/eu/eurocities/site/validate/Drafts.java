package eu.eurocities.site.validate;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.TextPage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Leaves drafts ({@code draft: true}) out of the content, so that no page, list, sitemap, search index or open data
 * of a build shows them. A page the site needs (home, membership rules, strategy) and a founding city cannot be
 * drafts: each is an error at the file.
 */
public final class Drafts {
    private Drafts() {}

    /**
     * The content without its drafts.
     *
     * @param content what is left
     * @param files the content files left out ({@code content/pages/about.md}, {@code content/cities/oslo.yaml}), so
     *     that a link to one can say it is a draft
     */
    public record Left(Content content, Set<String> files) {}

    /** Leaves the drafts out of {@code content}; reports the drafts that cannot be left out. */
    public static Left leaveOut(Content content, Diagnostics diagnostics) {
        Set<String> files = new TreeSet<>();
        SortedMap<String, City> cities = new TreeMap<>();
        for (City c : content.cities().values()) {
            if (!c.draft()) {
                cities.put(c.slug(), c);
            } else if (content.network().foundingCities().contains(c.slug())) {
                diagnostics.error(
                        c.pos("draft"),
                        "a founding city cannot be a draft: network.yaml lists " + c.slug() + " in founding_cities",
                        "remove 'draft: true', or the city from founding_cities");
            } else {
                files.add(c.pos("").path());
            }
        }
        Map<String, TextPage> pages = new LinkedHashMap<>();
        for (TextPage p : content.pages().values()) {
            if (!p.draft()) {
                pages.put(p.slug(), p);
            } else { // the home, rules and strategy pages are optional too: a draft one is left out like any other
                files.add(p.pos().path());
            }
        }
        if (files.isEmpty()) {
            return new Left(content, Set.of());
        }
        // a menu entry leads to a draft page only where the draft is shown
        var site = content.site()
                .withMenu(content.site().menu().stream()
                        .filter(e -> e.page() == null
                                || pages.containsKey(e.page())
                                || !content.pages().containsKey(e.page()))
                        .toList());
        return new Left(
                new Content(
                        site,
                        content.network(),
                        content.categories(),
                        content.countries(),
                        Collections.unmodifiableSortedMap(cities),
                        Collections.unmodifiableMap(pages)),
                Collections.unmodifiableSet(files));
    }
}
