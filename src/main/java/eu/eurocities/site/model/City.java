package eu.eurocities.site.model;

import eu.eurocities.site.diag.SourcePos;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One city record from {@code content/cities/<slug>.yaml} (source: the member tables of the seed document, with
 * countries from the reference table).
 *
 * @param slug the file name without {@code .yaml}: ASCII lower case words joined by '-', e.g. {@code lodz}
 * @param name the name as written in the seed, e.g. {@code Łódź}
 * @param country ISO 3166-1 alpha-2 code, upper case
 * @param membership a category id from {@code membership.yaml}
 * @param kind what kind of place the member is, or null when not recorded (then it is shown as a city)
 * @param seat for a member that is not a city or municipality, the name of its seat city, or null
 * @param geonamesId the GeoNames id of the place (of the seat, for a member that is not a city), or null
 * @param location where the place (or the seat) is, or null
 * @param population inhabitants, or null when not recorded
 * @param populationSource who gives the population figure; present whenever the population is
 * @param populationYear the year the population was counted, or null
 * @param populationSnapshot when the source gives no year: the date of the data snapshot the figure is from, or null
 * @param alternativeNames other names people type for the city, each with its language; empty when none
 * @param foundingMember true for the six cities that founded the network
 * @param localName the name in the city's own language when it differs, or null
 * @param localNameLang BCP 47 tag of {@code localName}, or null
 * @param ruleException why the city is listed in a category whose criteria it does not meet, or null; an
 *     explained exception is shown on the rules page but not warned about
 * @param positions where each field was written, by field name; {@code ""} is the file itself
 * @param draft true when the record says {@code draft: true}: left out of a build without {@code --drafts}
 * @param aliases old addresses of the city's page, each of which gets a redirect page
 * @param narrative the Markdown of {@code content/cities/<slug>.md}, shown below the facts, or null
 */
public record City(
        String slug,
        String name,
        String country,
        String membership,
        Kind kind,
        String seat,
        Long geonamesId,
        Location location,
        Long population,
        String populationSource,
        Integer populationYear,
        LocalDate populationSnapshot,
        boolean foundingMember,
        String localName,
        String localNameLang,
        String ruleException,
        List<AlternativeName> alternativeNames,
        Map<String, SourcePos> positions,
        boolean draft,
        List<Alias> aliases,
        TextPage narrative) {

    /** This city with {@code text} as its narrative. */
    public City withNarrative(TextPage text) {
        return new City(
                slug,
                name,
                country,
                membership,
                kind,
                seat,
                geonamesId,
                location,
                population,
                populationSource,
                populationYear,
                populationSnapshot,
                foundingMember,
                localName,
                localNameLang,
                ruleException,
                alternativeNames,
                positions,
                draft,
                aliases,
                text);
    }

    /** The kinds of place a member can be, with their id in a record ({@code metropolitan-area}). */
    public enum Kind {
        CITY,
        MUNICIPALITY,
        METROPOLITAN_AREA,
        REGION,
        DISTRICT,
        GROUPING,
        COMMUNITY;

        /** The id written in a record, e.g. {@code metropolitan-area}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** The kind in a sentence, with a capital: {@code Metropolitan area}. */
        public String label() {
            String words = id().replace('-', ' ');
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }

        /** True for a city or municipality, which has no seat apart from itself. */
        public boolean isCity() {
            return this == CITY || this == MUNICIPALITY;
        }
    }

    /**
     * A point on the earth, in WGS84 degrees.
     *
     * @param latitude from -90 (south) to 90 (north)
     * @param longitude from -180 (west) to 180 (east)
     */
    public record Location(double latitude, double longitude) {}

    /**
     * A name people type for a city besides its own, e.g. Marsella.
     *
     * @param name the name
     * @param language the BCP 47 tag of the language it is written in, e.g. {@code es}
     */
    public record AlternativeName(String name, String language) {}

    /** Where a field was written, or the file when the field is absent. */
    public SourcePos pos(String field) {
        SourcePos p = positions.get(field);
        return p != null ? p : positions.get("");
    }
}
