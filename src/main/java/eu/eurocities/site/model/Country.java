package eu.eurocities.site.model;

import java.util.Set;

/**
 * A country a city can be in.
 *
 * @param code ISO 3166-1 alpha-2 code in upper case, e.g. {@code PL}
 * @param name English short name, e.g. {@code Poland}
 * @param article whether English writes the name with "the" in a sentence ("in the Netherlands")
 * @param groups the ids of the country groups of {@code membership.yaml} that list this country, e.g. {@code eu}
 */
public record Country(String code, String name, boolean article, Set<String> groups) {

    /** Whether the country is in the group {@code eu} of {@code membership.yaml}: the European Union's members. */
    public boolean eu() {
        return groups.contains("eu");
    }

    /** The name as written inside a sentence: {@code the United Kingdom}, {@code Poland}. */
    public String inProse() {
        return article ? "the " + name : name;
    }

    /** The code in lower case, used in URLs: {@code countries/pl/}. */
    public String slug() {
        return code.toLowerCase(java.util.Locale.ROOT);
    }
}
