package eu.eurocities.site.model;

import eu.eurocities.site.diag.SourcePos;

/**
 * A membership category from {@code content/membership.yaml} (source: the seed's membership criteria).
 *
 * @param id the value city records use in {@code membership}, e.g. {@code full}
 * @param name display name, e.g. {@code Full member}
 * @param summary one sentence saying who belongs
 * @param population threshold, or null when the category has none (business partners)
 * @param eu where its cities must be relative to the EU
 * @param listsCities false for categories that have no city records (business partners)
 * @param pos where the category is defined
 */
public record Category(
    String id,
    String name,
    String summary,
    PopulationRule population,
    EuRule eu,
    boolean listsCities,
    SourcePos pos) {}
