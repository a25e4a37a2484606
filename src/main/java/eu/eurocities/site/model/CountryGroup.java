package eu.eurocities.site.model;

import eu.eurocities.site.diag.SourcePos;
import java.util.Set;

/**
 * A named set of countries from {@code country_groups:} in {@code membership.yaml}, which membership categories
 * refer to ({@code inside: eu}).
 *
 * @param id the key the categories use, e.g. {@code eu}
 * @param name the name as written inside a sentence, e.g. {@code the European Union}
 * @param countries the ISO 3166-1 alpha-2 codes of its countries
 * @param pos where the group is defined
 */
public record CountryGroup(String id, String name, Set<String> countries, SourcePos pos) {}
