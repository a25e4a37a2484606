package eu.eurocities.site.model;

import eu.eurocities.site.diag.SourcePos;
import java.util.List;

/**
 * The organisation's facts from {@code content/network.yaml} (source: the seed document's infobox and text).
 *
 * @param foundingCities slugs of the founding cities, in the order given; each names a city record
 * @param foundingPositions where each founding slug was written, same order, for error messages
 */
public record Network(
    String name,
    int formation,
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
    List<String> seeAlso) {}
