package eu.eurocities.site.plan;

import eu.eurocities.site.model.City;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the search page offers as examples of forgiving matching, taken from the site's own cities so that every
 * network's page names its own places: a name typed without its accents, a name typed in the city's own language (in
 * Latin letters, which most visitors can type) and a name typed with one letter missing. The biggest city that shows
 * each is chosen; an example no city shows is left out.
 */
final class SearchExamples {
    /** The browser forgives one edit in words of this many letters or more. */
    private static final int TYPO_MIN = 6;

    private static final Pattern LATIN = Pattern.compile("[a-z -]+");
    private static final Pattern TYPO_WORD = Pattern.compile("[a-z]{" + TYPO_MIN + ",}");

    private SearchExamples() {}

    /**
     * At most three examples from {@code cities}, in the order accents, own language, typo; the names folded by
     * {@code folds}.
     */
    static List<Page.SearchExample> of(List<City> cities, Folds folds) {
        List<Predicate<City>> shows = List.of(
                c -> !folds.query(c.name()).equals(c.name().toLowerCase(Locale.ROOT)),
                c -> c.localName() != null
                        && !folds.query(c.localName()).equals(folds.query(c.name()))
                        && LATIN.matcher(folds.query(c.localName())).matches(),
                c -> TYPO_WORD.matcher(folds.query(c.name())).matches());
        // an example skips at most the cities of the examples before it, so the three biggest that show each suffice;
        // one pass, testing a city only when it is bigger than the third of those found so far (sorting every city on
        // each save of serve cost more than the rest of the search page's planning)
        List<List<City>> biggest = new ArrayList<>();
        shows.forEach(s -> biggest.add(new ArrayList<>(3)));
        for (City city : cities) {
            for (int k = 0; k < shows.size(); k++) {
                List<City> top = biggest.get(k);
                if ((top.size() < 3 || BIGGEST_FIRST.compare(city, top.get(2)) < 0)
                        && shows.get(k).test(city)) {
                    int at = 0;
                    while (at < top.size() && BIGGEST_FIRST.compare(top.get(at), city) < 0) {
                        at++;
                    }
                    top.add(at, city);
                    if (top.size() > 3) {
                        top.remove(3);
                    }
                }
            }
        }
        List<Page.SearchExample> out = new ArrayList<>();
        List<String> used = new ArrayList<>();
        first(biggest.get(0), used).ifPresent(c -> add(out, used, folds.query(c.name()), c));
        first(biggest.get(1), used).ifPresent(c -> add(out, used, folds.query(c.localName()), c));
        first(biggest.get(2), used).ifPresent(c -> {
            String word = folds.query(c.name());
            int cut = word.length() - 3;
            add(out, used, word.substring(0, cut) + word.substring(cut + 1), c);
        });
        return List.copyOf(out);
    }

    private static final Comparator<City> BIGGEST_FIRST = Comparator.comparingLong(
                    (City c) -> c.population() == null ? 0 : c.population())
            .reversed()
            .thenComparing(City::slug);

    /** The first of {@code cities} whose slug is not {@code used}. */
    private static Optional<City> first(List<City> cities, List<String> used) {
        return cities.stream().filter(c -> !used.contains(c.slug())).findFirst();
    }

    private static void add(List<Page.SearchExample> out, List<String> used, String typed, City city) {
        out.add(new Page.SearchExample(typed, city.name()));
        used.add(city.slug());
    }
}
