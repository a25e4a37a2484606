package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.Alias;
import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a city record of {@code content/cities/} into a {@link City}, with the checks that need only the record
 * itself. Each field is named once, where it is read: the fields a record may have, and where each was written,
 * follow from these reads.
 */
final class CityReader {

    private CityReader() {}

    /** The membership of a city of a site without categories: always {@link Category#MEMBER}; the field is an error. */
    private static String uncategorised(Fields f) {
        String written = f.text("membership");
        if (written != null) {
            f.error(
                    "membership",
                    "membership '" + written + "' names a category, but this site has no content/membership.yaml",
                    "remove the line: every city is a member; or define the categories in content/membership.yaml");
        }
        return Category.MEMBER.id();
    }

    /**
     * The city in {@code f}, read from {@code file}; empty when its name, country or membership is missing or wrong
     * (each problem is reported).
     */
    static Optional<City> read(String file, Fields f) {
        return read(file, f, true);
    }

    /**
     * Like {@link #read(String, Fields)}; without categories ({@code categorised} false: the site has no {@code
     * membership.yaml}) a city has no {@code membership} field and is in {@link Category#MEMBER}.
     */
    static Optional<City> read(String file, Fields f, boolean categorised) {
        String name = f.requiredText("name");
        String country = f.requiredText("country");
        String membership = categorised ? f.requiredText("membership") : uncategorised(f);
        City.Kind kind = kind(f);
        String seat = f.text("seat");
        Long geonamesId = f.wholeNumber("geonames_id");
        City.Location location = f.mapping("location").map(CityReader::location).orElse(null);
        Long population = f.wholeNumber("population");
        String source = f.text("population_source");
        Long year = f.wholeNumber("population_year");
        LocalDate snapshot = f.date("population_snapshot");
        boolean founding = f.flag("founding_member");
        String localName = f.text("local_name");
        String localLang = f.text("local_name_lang");
        String ruleException = f.text("rule_exception");
        if (!categorised && ruleException != null) {
            f.error(
                    "rule_exception",
                    "rule_exception explains an exception to the membership rules, but this site has no "
                            + "content/membership.yaml",
                    "remove the line; or define the categories and their rules in content/membership.yaml");
        }
        List<City.AlternativeName> alternativeNames = alternativeNames(f);
        boolean draft = f.flag("draft");
        List<Alias> aliases = Aliases.read(f);
        f.finish();
        if (seat != null && (kind == null || kind.isCity())) {
            f.error(
                    "seat",
                    "seat is given, but " + (kind == null ? "no kind of place is" : "the kind is " + kind.id()),
                    "a seat belongs to a member that is not itself a city: give its kind (metropolitan-area, region, "
                            + "district, "
                            + "grouping or community), or remove seat");
        }
        if (geonamesId != null && geonamesId <= 0) {
            f.error(
                    "geonames_id",
                    "geonames_id must be greater than 0",
                    "copy the number from the place's GeoNames page");
        }
        if (population != null && source == null) {
            f.error(
                    "population",
                    "population is given without population_source",
                    "add a line such as 'population_source: GeoNames', naming where the figure comes from");
        }
        if (population == null && !f.written("population") && source != null) {
            f.error(
                    "population_source",
                    "population_source is given but population is not",
                    "add the population that source gives, or remove population_source");
        }
        if (year != null && snapshot != null) {
            f.error(
                    "population_snapshot",
                    "give either population_year or population_snapshot, not both",
                    "population_year is the year the figure was counted; population_snapshot the date of the data, "
                            + "when the source gives no year");
        } else if (population != null
                && year == null
                && snapshot == null
                && !f.written("population_year")
                && !f.written("population_snapshot")) {
            f.error(
                    "population",
                    "population is given without population_year or population_snapshot",
                    "add the year the figure was counted ('population_year: 2021'), or the date of the data it comes "
                            + "from "
                            + "('population_snapshot: 2020-03-18')");
        } else if (snapshot != null && population == null && !f.written("population")) {
            f.error(
                    "population_snapshot",
                    "population_snapshot is given but population is not",
                    "add the population of that snapshot, or remove population_snapshot");
        }
        if (name == null || country == null || membership == null) {
            return Optional.empty();
        }
        Map<String, SourcePos> positions = new LinkedHashMap<>();
        positions.put("", SourcePos.start(file));
        for (String k : f.read()) {
            if (f.written(k)) {
                positions.put(k, f.pos(k));
            }
        }
        // the few texts that many records repeat are kept once: at a million records each copy counts
        return Optional.of(new City(
                FileNames.stem(file),
                name,
                country.intern(),
                membership.intern(),
                kind,
                seat,
                geonamesId,
                location,
                population,
                source == null ? null : source.intern(),
                year == null ? null : year.intValue(),
                snapshot,
                founding,
                localName,
                localLang == null ? null : localLang.intern(),
                ruleException,
                alternativeNames,
                Positions.of(file, positions), // compact: no object per field, which count at a million records
                draft,
                aliases,
                null));
    }

    private static City.Kind kind(Fields f) {
        String id = f.text("kind");
        if (id == null) {
            return null;
        }
        for (City.Kind k : City.Kind.values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        f.error(
                "kind",
                "kind '" + id + "' is not a kind of place this site knows",
                "use one of "
                        + String.join(
                                ", ",
                                Arrays.stream(City.Kind.values())
                                        .map(City.Kind::id)
                                        .toList()));
        return null;
    }

    private static City.Location location(Fields l) {
        Double latitude = l.requiredDecimal("latitude");
        Double longitude = l.requiredDecimal("longitude");
        l.finish();
        if (latitude != null && Math.abs(latitude) > 90) {
            l.error(
                    "latitude",
                    "latitude " + latitude + " is outside -90 to 90",
                    "write the latitude in decimal degrees, north positive, e.g. latitude: 43.29695");
            latitude = null;
        }
        if (longitude != null && Math.abs(longitude) > 180) {
            l.error(
                    "longitude",
                    "longitude " + longitude + " is outside -180 to 180",
                    "write the longitude in decimal degrees, east positive and west negative, e.g. longitude: -9.1393");
            longitude = null;
        }
        return latitude == null || longitude == null ? null : new City.Location(latitude, longitude);
    }

    private static List<City.AlternativeName> alternativeNames(Fields f) {
        List<City.AlternativeName> out = new ArrayList<>();
        Map<String, Fields> seen = new HashMap<>();
        for (Fields a : f.mappings("alternative_names")) {
            String name = a.requiredText("name");
            String language = a.requiredText("language");
            a.finish();
            Optional<Diagnostic> problem = language == null
                    ? Optional.empty()
                    : LanguageTag.problem(language, "language", a.pos("language"), "de, es or sr-Latn");
            if (problem.isPresent()) {
                a.diagnostics().add(problem.get());
                language = problem.get().severity() == Severity.ERROR ? null : language;
            }
            if (name == null || language == null) {
                continue;
            }
            Fields first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT) + "\n" + language, a);
            if (first != null) {
                a.error(
                        "name",
                        "alternative name '" + name + "' (" + language + ") is given twice (first on line "
                                + first.pos("name").line() + ")",
                        "remove one of the two");
                continue;
            }
            out.add(new City.AlternativeName(name, language));
        }
        return List.copyOf(out);
    }
}
