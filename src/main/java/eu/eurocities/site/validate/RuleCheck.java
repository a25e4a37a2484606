package eu.eurocities.site.validate;

import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.Messages;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Compares each city with the criteria of its membership category (source: the seed's membership criteria, as
 * structured in {@code membership.yaml}): the EU rule from the city's country, and the population threshold where
 * the population is known.
 */
public final class RuleCheck {
    private RuleCheck() {}

    /**
     * One city whose record does not meet its category's criteria.
     *
     * @param city the city
     * @param field the field the mismatch concerns: {@code country} or {@code population}
     * @param problem plain English for the editor, e.g. {@code listed as full member; Norway is outside the European
     *     Union}
     * @param category the city's category, whose criteria it does not meet
     * @param country the city's country
     */
    public record Mismatch(City city, String field, String problem, Category category, Country country) {

        /** The mismatch in the site's language for the rules page ({@code rules.mismatch-*}). */
        public String describe(Messages texts) {
            String listed = category.name().toLowerCase(texts.locale());
            if (field.equals("country")) {
                return texts.text(
                        category.countries().inside() ? "rules.mismatch-outside" : "rules.mismatch-inside",
                        "category",
                        listed,
                        "country",
                        country.name(),
                        "group",
                        category.countries().group().name());
            }
            return texts.text(
                    "rules.mismatch-population",
                    "category",
                    listed,
                    "population",
                    texts.number(city.population()),
                    "rule",
                    category.population().describe(texts));
        }
    }

    /**
     * How the members of one category compare with its criteria.
     *
     * @param category the category
     * @param cities its members
     * @param withFigure members with a population figure of a city or municipality, the only ones compared
     * @param meetThreshold of those, the members whose figure meets the category's threshold (all, without one)
     * @param outsideEuRule members whose country does not fit the category's country rule (inside or outside a group)
     */
    public record Comparison(Category category, int cities, int withFigure, int meetThreshold, int outsideEuRule) {}

    /** How the members of each category that lists cities compare with its criteria, in category order. */
    public static List<Comparison> compare(Content content) {
        // one pass over the cities, counting into their category's tally: [cities, with figure, meet, outside]
        Map<String, int[]> tallies = new HashMap<>();
        Map<String, Category> byId = new HashMap<>();
        for (Category category : content.categories()) {
            if (category.listsCities()) {
                tallies.putIfAbsent(category.id(), new int[4]);
                byId.putIfAbsent(category.id(), category);
            }
        }
        for (City city : content.cities().values()) {
            int[] tally = tallies.get(city.membership());
            if (tally == null) {
                continue;
            }
            Category category = byId.get(city.membership());
            tally[0]++;
            Country country = content.countries().get(city.country());
            if (country != null
                    && category.countries() != null
                    && !category.countries().allows(country)) {
                tally[3]++;
            }
            if (comparable(city)) {
                tally[1]++;
                if (category.population() == null || category.population().allows(city.population())) {
                    tally[2]++;
                }
            }
        }
        List<Comparison> out = new ArrayList<>();
        for (Category category : content.categories()) {
            if (category.listsCities()) {
                int[] tally = tallies.get(category.id());
                out.add(new Comparison(category, tally[0], tally[1], tally[2], tally[3]));
            }
        }
        return out;
    }

    /**
     * Whether a city's population can be held against a threshold: a figure for a city or municipality, not for a
     * metropolitan area, region, district or community, whose figures count something else.
     */
    static boolean comparable(City city) {
        return city.population() != null && (city.kind() == null || city.kind().isCity());
    }

    /**
     * Every mismatch in the content, in city slug order. Cities whose country or category is unknown are skipped
     * (validation reports those).
     */
    public static List<Mismatch> mismatches(Content content) {
        return mismatches(content.cities(), content.categories(), content.countries());
    }

    /** As {@link #mismatches(Content)}, of these records. */
    static List<Mismatch> mismatches(
            SortedMap<String, City> cities, List<Category> categories, Map<String, Country> countries) {
        List<Mismatch> out = new ArrayList<>();
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        Map<String, Category> byId = new HashMap<>();
        categories.forEach(c -> byId.putIfAbsent(c.id(), c)); // a repeated id is an error; the first one counts
        for (City city : cities.values()) {
            Country country = countries.get(city.country());
            Category category = byId.get(city.membership());
            if (country == null || category == null) {
                continue;
            }
            if (category.countries() != null && !category.countries().allows(country)) {
                out.add(new Mismatch(
                        city,
                        "country",
                        listed(category) + "; " + country.name() + " is "
                                + (category.countries().inside() ? "outside " : "inside ")
                                + category.countries().group().name(),
                        category,
                        country));
            }
            if (comparable(city)
                    && category.population() != null
                    && !category.population().allows(city.population())) {
                out.add(new Mismatch(
                        city,
                        "population",
                        listed(category) + "; population " + numbers.format(city.population()) + " is not "
                                + category.population().describe(),
                        category,
                        country));
            }
        }
        return out;
    }

    private static String listed(Category category) {
        return "listed as " + category.name().toLowerCase(Locale.ENGLISH);
    }
}
