package eu.eurocities.site.plan;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.load.ContentLoader;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.TextPage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The part of content with mistakes that can still be planned, so that a build which fails in its load or validate
 * stage can also say which outputs would share an address ({@link Planner#addressesAreUnique}). Leaving a record out
 * can only hide a clash, never make one up: the part holds every page whose file name is a slug and every city whose
 * file has no error, whose category and country are known. There is no such part while {@code site.yaml}, {@code
 * network.yaml} or {@code membership.yaml} has an error (their mistakes, such as a category id given twice, would
 * show as clashes), or while a founding city is left out (the home page lists it).
 */
public final class Plannable {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Plannable() {}

    /**
     * @param loaded what the load stage produced
     * @param diagnostics what the load and validate stages said of it
     * @return the part that can be planned, or empty when there is none
     */
    public static Optional<Content> of(ContentLoader.Loaded loaded, Diagnostics diagnostics) {
        Optional<Content> whole = loaded.content();
        if (whole.isEmpty()
                || diagnostics.hasErrors("content/site.yaml")
                || diagnostics.hasErrors("content/network.yaml")
                || diagnostics.hasErrors("content/membership.yaml")) {
            return Optional.empty();
        }
        Content all = whole.get();
        SortedMap<String, City> cities = new TreeMap<>();
        for (City c : all.cities().values()) {
            boolean known = all.countries().containsKey(c.country())
                    && all.categories().stream().anyMatch(k -> k.id().equals(c.membership()));
            if (known
                    && SLUG.matcher(c.slug()).matches()
                    && !diagnostics.hasErrors(c.pos("").path())) {
                cities.put(c.slug(), c);
            }
        }
        if (!cities.keySet().containsAll(all.network().foundingCities())) {
            return Optional.empty();
        }
        Map<String, TextPage> pages = new LinkedHashMap<>();
        all.pages().forEach((slug, page) -> {
            if (SLUG.matcher(slug).matches()) {
                pages.put(slug, page);
            }
        });
        return Optional.of(new Content(
                all.site(),
                all.network(),
                all.categories(),
                all.countries(),
                Collections.unmodifiableSortedMap(cities),
                Collections.unmodifiableMap(pages)));
    }
}
