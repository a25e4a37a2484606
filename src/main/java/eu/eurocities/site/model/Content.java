package eu.eurocities.site.model;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Everything the content folder holds, validated and typed: the input of planning and rendering.
 *
 * @param cities by slug, in slug order
 * @param categories in the order of {@code membership.yaml}; only {@link Category#MEMBER} without that file
 * @param countries every known country by code
 * @param pages Markdown pages by slug
 */
public record Content(
        Site site,
        Network network,
        List<Category> categories,
        Map<String, Country> countries,
        SortedMap<String, City> cities,
        Map<String, TextPage> pages) {

    /** This content with {@code site} for its site. */
    public Content withSite(Site site) {
        return new Content(site, network, categories, countries, cities, pages);
    }

    /**
     * True when {@code membership.yaml} defines the categories; false for a network without it, whose cities are all
     * in {@link Category#MEMBER} and whose pages say nothing of categories or rules.
     */
    public boolean hasCategories() {
        return !categories.equals(java.util.List.of(Category.MEMBER));
    }

    /** The category with this id; throws when absent (validation guarantees every city's is present). */
    public Category category(String id) {
        for (Category c : categories) { // a loop, not a stream: asked several times for every city
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no category " + id);
    }

    /** The country with this code; throws when absent (validation guarantees every city's is present). */
    public Country country(String code) {
        Country c = countries.get(code);
        if (c == null) {
            throw new IllegalArgumentException("no country " + code);
        }
        return c;
    }
}
