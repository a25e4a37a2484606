package eu.eurocities.site.plan;

import eu.eurocities.site.load.Slugs;
import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.Messages;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The folded forms of names ({@link Fold#query}, {@link Fold#key}), their slugs ({@link Slugs#of}), the city rows
 * made with them ({@link #row}) and the city pages ({@link #cityPage}), kept for the runs that follow: folding,
 * transliterating and describing are the costliest steps of validating and planning, and {@code serve} validates and
 * plans a site again on every save with nearly all names unchanged. Each form is a pure function of the names, so a
 * kept form is the one a fresh fold would give. Thread-safe; at most {@link #LIMIT} forms of each kind are kept (then
 * those of that kind are dropped and made again), so that a long session does not keep the forms of every name it
 * ever saw.
 */
public final class Folds {
    static final int LIMIT = 1 << 18;

    private final Map<String, String> queries = new ConcurrentHashMap<>();
    private final Map<List<String>, String> keys = new ConcurrentHashMap<>();
    private final Map<String, String> slugs = new ConcurrentHashMap<>();
    private final Map<String, Page.CityRow> rows = new ConcurrentHashMap<>();
    private final Map<String, Page.CityDetail> cityPages = new ConcurrentHashMap<>();
    /** The messages and the network's phrase the kept city pages were described with. */
    private volatile List<Object> wording = List.of();

    /** {@link Fold#query} of {@code text}. */
    public String query(String text) {
        return remember(queries, text, Fold::query);
    }

    /** {@link Fold#key} of {@code names} (null ones are skipped). */
    public String key(String... names) {
        String[] copy = names.clone();
        return remember(keys, Arrays.asList(copy), n -> Fold.key(copy));
    }

    /**
     * The row of {@code city}: the one made last time for this very city, country and category objects (a rebuild
     * holds the same objects where nothing changed), else a new one. A kept row is equal to a new one, and the pages
     * that list it then compare with the last run's pages at the cost of a reference comparison per row.
     */
    Page.CityRow row(City city, Country country, Category category) {
        Page.CityRow kept = rows.get(city.slug());
        if (kept != null && kept.city() == city && kept.country() == country && kept.category() == category) {
            return kept;
        }
        if (rows.size() >= LIMIT) {
            rows.clear();
        }
        Page.CityRow made = Page.CityRow.of(city, country, category, this);
        rows.put(city.slug(), made);
        return made;
    }

    /**
     * Drops the kept city pages unless they were described with these {@code texts} and this {@code network} phrase;
     * called once per plan, before {@link #cityPage}.
     */
    void wording(Messages texts, String network) {
        List<Object> now = List.of(texts, network);
        if (!now.equals(wording)) {
            cityPages.clear();
            wording = now;
        }
    }

    /**
     * The page of {@code city} with these neighbours: the one made last time when every part is the very object it
     * was then (the lists element by element, the nearby cities by value), else a new one described by {@code
     * description}. Describing ten thousand cities on every save of {@code serve} cost more than the rest of their
     * pages' planning, and a kept page compares with the last run's at the cost of one reference comparison.
     */
    Page.CityDetail cityPage(
            City city,
            Country country,
            Category category,
            List<City> sameCountry,
            List<Nearby> nearby,
            City previous,
            City next,
            Supplier<String> description) {
        Page.CityDetail kept = cityPages.get(city.slug());
        if (kept != null
                && kept.city() == city
                && kept.country() == country
                && kept.category() == category
                && kept.previous() == previous
                && kept.next() == next
                && same(kept.sameCountry(), sameCountry)
                && kept.nearby().equals(nearby)) {
            return kept;
        }
        if (cityPages.size() >= LIMIT) {
            cityPages.clear();
        }
        Page.CityDetail made = new Page.CityDetail(
                Routes.city(city),
                city.name(),
                description.get(),
                city,
                country,
                category,
                sameCountry,
                nearby,
                previous,
                next);
        cityPages.put(city.slug(), made);
        return made;
    }

    /** Whether {@code a} and {@code b} hold the very same objects in the same order. */
    private static boolean same(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@link Slugs#of} of {@code name}. */
    public String slug(String name) {
        return remember(slugs, name, Slugs::of);
    }

    private static <K> String remember(Map<K, String> forms, K of, Function<K, String> make) {
        String known = forms.get(of);
        if (known != null) {
            return known;
        }
        if (forms.size() >= LIMIT) {
            forms.clear();
        }
        String made = make.apply(of);
        forms.put(of, made);
        return made;
    }
}
