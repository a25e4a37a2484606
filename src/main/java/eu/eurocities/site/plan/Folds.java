package eu.eurocities.site.plan;

import eu.eurocities.site.load.Slugs;
import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Country;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The folded forms of names ({@link Fold#query}, {@link Fold#key}), their slugs ({@link Slugs#of}) and the city rows
 * made with them ({@link #row}), kept for the runs that follow: folding and transliterating are the costliest steps of
 * validating and planning, and {@code serve} validates and plans a site again on every save with nearly all names
 * unchanged. Each form is a pure function of the names, so a kept form is the one a fresh fold would give. Thread-safe;
 * at most {@link #LIMIT} forms of each kind are kept (then those of that kind are dropped and made again), so that a
 * long session does not keep the forms of every name it ever saw.
 */
public final class Folds {
    static final int LIMIT = 1 << 18;

    private final Map<String, String> queries = new ConcurrentHashMap<>();
    private final Map<List<String>, String> keys = new ConcurrentHashMap<>();
    private final Map<String, String> slugs = new ConcurrentHashMap<>();
    private final Map<String, Page.CityRow> rows = new ConcurrentHashMap<>();

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
