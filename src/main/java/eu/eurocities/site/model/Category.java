package eu.eurocities.site.model;

import eu.eurocities.site.diag.SourcePos;

/**
 * A membership category from {@code content/membership.yaml} (source: the seed's membership criteria).
 *
 * @param id the value city records use in {@code membership}, e.g. {@code full}
 * @param name display name, e.g. {@code Full member}
 * @param plural the name for more than one city, e.g. {@code Full members} ({@code plural:}, or the name with an s)
 * @param summary one sentence saying who belongs
 * @param population threshold, or null when the category has none (business partners)
 * @param countries where its cities must be (inside or outside a group of countries), or null when anywhere
 * @param listsCities false for categories that have no city records (business partners)
 * @param pos where the category is defined
 */
public record Category(
        String id,
        String name,
        String plural,
        String summary,
        PopulationRule population,
        CountryRule countries,
        boolean listsCities,
        SourcePos pos) {

    /**
     * The one category of a network without {@code membership.yaml}: every city is a member, with no criteria. Pages
     * never name it: such a site has no category pages, no rules page and no category column or filter.
     */
    public static final Category MEMBER =
            new Category("member", "Member", "Members", "A member of the network.", null, null, true, SourcePos.NONE);

    /**
     * The name inside a sentence: {@code full member}; a name that starts with an acronym keeps it ({@code EU city}).
     */
    public String nameInText() {
        return inText(name);
    }

    /** The plural inside a sentence: {@code full members}, {@code EU cities}. */
    public String pluralInText() {
        return inText(plural);
    }

    private static String inText(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.codePointAt(s.offsetByCodePoints(0, 1)))) {
            return s;
        }
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + s.substring(1);
    }

    /** Plain English for the search index: {@code inside the European Union}, or {@code any country}. */
    public String countriesDescribed() {
        return countries == null ? "any country" : countries.describe();
    }

    /**
     * Where its cities must be, in the site's language: {@code inside the European Union}, or {@code any country}
     * ({@code rules.any-country}).
     */
    public String countriesDescribed(Messages texts) {
        return countries == null ? texts.text("rules.any-country") : countries.describe(texts);
    }
}
