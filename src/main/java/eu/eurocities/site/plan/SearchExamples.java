package eu.eurocities.site.plan;

import eu.eurocities.site.model.City;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
        List<City> biggest = cities.stream()
                .sorted(Comparator.comparingLong((City c) -> c.population() == null ? 0 : c.population())
                        .reversed()
                        .thenComparing(City::slug))
                .toList();
        List<Page.SearchExample> out = new ArrayList<>();
        List<String> used = new ArrayList<>();
        biggest.stream()
                .filter(c -> !folds.query(c.name()).equals(c.name().toLowerCase(Locale.ROOT)))
                .findFirst()
                .ifPresent(c -> add(out, used, folds.query(c.name()), c));
        biggest.stream()
                .filter(c -> !used.contains(c.slug()) && c.localName() != null)
                .filter(c -> !folds.query(c.localName()).equals(folds.query(c.name())))
                .filter(c -> LATIN.matcher(folds.query(c.localName())).matches())
                .findFirst()
                .ifPresent(c -> add(out, used, folds.query(c.localName()), c));
        biggest.stream()
                .filter(c -> !used.contains(c.slug()))
                .filter(c -> TYPO_WORD.matcher(folds.query(c.name())).matches())
                .findFirst()
                .ifPresent(c -> {
                    String word = folds.query(c.name());
                    int cut = word.length() - 3;
                    add(out, used, word.substring(0, cut) + word.substring(cut + 1), c);
                });
        return List.copyOf(out);
    }

    private static void add(List<Page.SearchExample> out, List<String> used, String typed, City city) {
        out.add(new Page.SearchExample(typed, city.name()));
        used.add(city.slug());
    }
}
