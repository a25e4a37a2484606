package eu.eurocities.site.validate;

import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Figures computed from the city records, as opposed to the network's stated claims.
 *
 * @param cities number of city records
 * @param countries number of distinct countries among them
 * @param byCategory number of cities per category id, in the order of {@code membership.yaml}, every category
 *     present (0 when none)
 */
public record Figures(int cities, int countries, Map<String, Integer> byCategory) {

    /** Counts the records in {@code content}. */
    public static Figures of(Content content) {
        return of(content.categories(), content.cities());
    }

    /** Counts {@code cities}, by the ids of {@code categories} and any other category id they name. */
    public static Figures of(List<Category> categories, SortedMap<String, City> cities) {
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        for (Category c : categories) {
            byCategory.put(c.id(), 0);
        }
        Set<String> countries = new TreeSet<>();
        for (City city : cities.values()) {
            byCategory.merge(city.membership(), 1, Integer::sum);
            countries.add(city.country());
        }
        return new Figures(cities.size(), countries.size(), byCategory);
    }

    /** Cities in one category (0 for an unknown id). */
    public int in(String categoryId) {
        return byCategory.getOrDefault(categoryId, 0);
    }
}
