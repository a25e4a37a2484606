package eu.eurocities.site.model;

import java.util.List;

/**
 * The network's executive committee.
 *
 * @param cities number of elected member cities on it (12 in the seed)
 * @param meetingsPerYear the least number of meetings a year (3 in the seed)
 * @param oversees what it oversees, e.g. the annual work programme; may be empty
 * @param approvedBy who approves what it oversees, e.g. the annual general meeting; may be null
 */
public record ExecutiveCommittee(int cities, int meetingsPerYear, List<String> oversees, String approvedBy) {}
