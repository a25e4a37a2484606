package eu.eurocities.site.model;

import eu.eurocities.site.diag.SourcePos;
import java.util.List;

/**
 * The organisation's facts from {@code content/network.yaml} (source: the seed document's infobox and text).
 *
 * @param formation the year it was founded, or null for a site without {@code network.yaml}
 * @param type what kind of organisation it is, or null for a site without {@code network.yaml} (so too
 *     {@code headquarters} and {@code region})
 * @param foundingCities slugs of the founding cities, in the order given; each names a city record
 * @param foundingPositions where each founding slug was written, same order, for error messages
 */
public record Network(
        String name,
        Integer formation,
        String type,
        String headquarters,
        String region,
        List<String> languages,
        List<Leader> leaders,
        List<String> foundingCities,
        List<SourcePos> foundingPositions,
        ExecutiveCommittee executiveCommittee,
        List<String> forums,
        List<Activity> activities,
        Claims claims,
        SourcePos claimsPos,
        List<String> seeAlso) {

    /** True when there is a fact for the home page's "Key facts": a year, type, seat, region, language or leader. */
    public boolean hasFacts() {
        return formation != null
                || type != null
                || headquarters != null
                || region != null
                || !languages.isEmpty()
                || !leaders.isEmpty();
    }

    /** The network of a site without {@code network.yaml}: named as the site, with no other facts. */
    public static Network named(String name) {
        return new Network(
                name,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                new Claims(null, null, null),
                null,
                List.of());
    }
}
