package eu.eurocities.site.model;

/**
 * What the network states about its own size, to be compared with the records. Each is a lower bound as stated
 * ("over 200 cities"); null when not stated.
 *
 * @param memberCities stated number of member cities
 * @param countries stated number of countries
 * @param people stated number of people the member cities represent
 */
public record Claims(Integer memberCities, Integer countries, Long people) {}
