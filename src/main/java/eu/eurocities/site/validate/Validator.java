package eu.eurocities.site.validate;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.NearMiss;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.load.ContentLoader;
import eu.eurocities.site.load.Countries;
import eu.eurocities.site.load.LanguageTag;
import eu.eurocities.site.load.Slugs;
import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.Network;
import eu.eurocities.site.model.TextPage;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The validate stage: checks that need more than one file. Closed sets (membership ids from {@code
 * membership.yaml}, ISO 3166-1 alpha-2 country codes), references (founding cities), uniqueness (slugs,
 * names, category ids), slug form, and the data against its own rules: membership criteria ({@link RuleCheck}) and
 * the network's stated claims. Rule mismatches and claim gaps are warnings; everything else is an error.
 */
public final class Validator {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Validator() {}

    /**
     * Checks what the load stage produced and records each problem. A check that compares with a file the load stage
     * could not read (a part that is absent) would only repeat that file's error in every record that refers to it;
     * such checks wait until the file is fixed.
     *
     * @param loaded what the load stage produced
     * @param diagnostics receives errors and warnings
     */
    public static void validate(ContentLoader.Loaded loaded, Diagnostics diagnostics) {
        validate(loaded, diagnostics, Slugs::of);
    }

    /**
     * Like {@link #validate(ContentLoader.Loaded, Diagnostics)}, with the slug of each city's name from {@code
     * nameSlugs}, which must give what {@link Slugs#of} gives ({@code serve} keeps them between runs).
     */
    public static void validate(ContentLoader.Loaded loaded, Diagnostics diagnostics, UnaryOperator<String> nameSlugs) {
        if (diagnostics.hasErrors("content")) {
            return; // no content folder at all: every check would only report a file it lacks
        }
        Set<String> brokenPages = new HashSet<>();
        for (String required : REQUIRED_PAGES) {
            if (diagnostics.hasErrors(ContentPaths.page(required))) {
                brokenPages.add(required);
            }
        }
        loaded.categories().ifPresent(categories -> checkCategories(categories, diagnostics));
        checkCities(loaded, diagnostics, nameSlugs);
        loaded.network().ifPresent(network -> checkFounders(network, loaded, diagnostics));
        loaded.categories()
                .ifPresent(categories ->
                        checkRules(RuleCheck.mismatches(loaded.cities(), categories, loaded.countries()), diagnostics));
        // the counts mean nothing while a city record has an error (unread, or with a country that is not a code)
        if (!diagnostics.hasErrorsUnder("content/cities/")) {
            loaded.network().ifPresent(network -> checkClaims(network, loaded.cities(), diagnostics));
        }
        checkPages(loaded.pages(), brokenPages, diagnostics);
        boolean categorised = !loaded.categories().orElse(List.of()).equals(List.of(Category.MEMBER));
        loaded.site().ifPresent(site -> MenuCheck.check(site.menu(), loaded.pages(), categorised, diagnostics));
    }

    private static final List<String> REQUIRED_PAGES = List.of("home", "membership", "strategy-and-activities");

    private static void checkCategories(List<Category> categories, Diagnostics d) {
        Set<String> seen = new HashSet<>();
        for (Category c : categories) {
            if (!seen.add(c.id())) {
                d.error(
                        c.pos(),
                        "membership category id '" + c.id() + "' is defined twice",
                        "give each category its own id");
            }
            if (!SLUG.matcher(c.id()).matches()) { // the id is part of addresses: /members/<id>/, /membership/#<id>
                String better = Slugs.of(c.id());
                d.error(
                        c.pos(),
                        "membership category id '" + c.id() + "' is not a valid slug",
                        "use lower-case ASCII letters, digits and single hyphens"
                                + (better.isEmpty() ? "" : ", e.g. 'id: " + better + "'")
                                + ", and the same id in the city records");
            }
        }
        if (categories.isEmpty()) {
            d.error(
                    SourcePos.start("content/membership.yaml"),
                    "no membership categories are defined",
                    "add a 'categories:' list with at least one category");
        }
    }

    private static void checkCities(ContentLoader.Loaded content, Diagnostics d, UnaryOperator<String> slugOfName) {
        Map<String, City> byName = new HashMap<>();
        boolean membershipLoaded = content.categories().isPresent();
        List<String> ids = content.categories().orElse(List.of()).stream()
                .filter(Category::listsCities)
                .map(Category::id)
                .toList();
        Set<String> known = new HashSet<>(ids);
        // an id that several cities use but no category defines was most likely changed in membership.yaml
        Map<String, List<String>> undefined = new TreeMap<>();
        for (City city : content.cities().values()) {
            if (membershipLoaded && !known.contains(city.membership())) {
                undefined
                        .computeIfAbsent(city.membership(), k -> new ArrayList<>())
                        .add(city.pos("").path());
            }
        }
        undefined.forEach((id, files) -> {
            if (files.size() > 1) {
                d.error(
                        SourcePos.start(ContentPaths.MEMBERSHIP),
                        "no category has the id '" + id + "', which " + files.size() + " city records use ("
                                + String.join(", ", files.subList(0, Math.min(3, files.size())))
                                + (files.size() > 3 ? " and " + (files.size() - 3) + " more" : "") + ")",
                        "add a category with id: " + id + ", or correct the id of the one meant (ids now: "
                                + String.join(", ", ids) + ")");
            }
        });
        List<City> cities = List.copyOf(content.cities().values());
        int thisYear = Year.now(ZoneOffset.UTC).getValue(); // asked once: the clock is slow to ask for every record
        // slugging a name (transliteration) is the costly part of these checks: done first, on all cores
        List<String> nameSlugs = cities.parallelStream()
                .map(city -> slugOfName.apply(city.name()))
                .toList();
        for (int i = 0; i < cities.size(); i++) {
            City city = cities.get(i);
            boolean slugValid = SLUG.matcher(city.slug()).matches();
            if (!slugValid) {
                String better = Slugs.of(city.slug());
                d.error(
                        city.pos(""),
                        "file name '" + city.slug() + ".yaml' is not a valid slug",
                        better.isEmpty() || better.equals(city.slug())
                                ? "use lower-case ASCII letters, digits and single hyphens, e.g. "
                                        + "'saint-etienne-metropole.yaml'"
                                : "rename the file to " + better
                                        + ".yaml (lower-case ASCII letters, digits and single hyphens)");
            }
            String nameSlug = nameSlugs.get(i);
            if (slugValid && !nameSlug.isEmpty() && !nameSlug.equals(city.slug())) {
                d.warning(
                        city.pos("name"),
                        "the record of '" + city.name() + "' is in " + city.slug()
                                + ".yaml, so its page would be at /cities/" + city.slug() + "/",
                        "rename the file to " + nameSlug
                                + ".yaml, or correct the name if the file was copied from another city");
            }
            City other = byName.putIfAbsent(city.name().toLowerCase(Locale.ROOT), city);
            if (other != null) {
                d.error(
                        city.pos("name"),
                        "city name '" + city.name() + "' is also used by "
                                + other.pos("").path(),
                        "each city has one record; remove or rename one of them");
            }
            if (membershipLoaded
                    && !known.contains(city.membership())
                    && undefined.get(city.membership()).size() == 1) {
                d.add(unknownMembership(city.membership(), city.pos("membership"), ids));
            }
            checkCountry(city, content.countries(), d);
            if (city.populationYear() != null) {
                if (city.population() == null && !city.positions().containsKey("population")) {
                    d.error(
                            city.pos("population_year"),
                            "population_year is given but population is not",
                            "add the population counted that year, or remove population_year");
                } else if (city.populationYear() < 1800 || city.populationYear() > 2100) {
                    d.error(
                            city.pos("population_year"),
                            "population_year " + city.populationYear() + " is not a plausible year",
                            "write the year the population was counted, e.g. population_year: 2021");
                } else if (city.populationYear() > thisYear) {
                    d.warning(
                            city.pos("population_year"),
                            "population_year " + city.populationYear() + " is after this year",
                            "write the year the population was counted, not a projection's year");
                }
            }
            if (city.population() != null && city.population() <= 0) {
                d.error(
                        city.pos("population"),
                        "population must be greater than 0",
                        "leave the field out when the population is not known");
            }
            if (city.localNameLang() != null && city.localName() == null) {
                d.error(
                        city.pos("local_name_lang"),
                        "local_name_lang is given but local_name is not",
                        "add local_name, the name in that language, or remove local_name_lang");
            }
            if (city.localName() != null && city.localNameLang() == null) {
                d.warning(
                        city.pos("local_name"),
                        "local_name has no local_name_lang, so the page cannot mark the language it is written in",
                        "add a line such as 'local_name_lang: de'");
            }
            if (city.localNameLang() != null) {
                LanguageTag.problem(
                                city.localNameLang(),
                                "local_name_lang",
                                city.pos("local_name_lang"),
                                "de, pl or sr-Cyrl")
                        .ifPresent(d::add);
            }
        }
    }

    private static void checkCountry(City city, Map<String, Country> countries, Diagnostics d) {
        Countries.problem(city.country(), city.pos("country"), countries).ifPresent(d::add);
    }

    /**
     * The error for a membership id that no category defines, with 'did you mean' or the list of ids.
     *
     * @param id the id as written
     * @param at where it was written
     * @param ids the ids of the categories that list cities
     */
    public static Diagnostic unknownMembership(String id, SourcePos at, Collection<String> ids) {
        return new Diagnostic(
                at,
                Severity.ERROR,
                "unknown membership '" + id + "'",
                NearMiss.hint(id, ids, "membership ids are those in content/membership.yaml: "));
    }

    private static void checkFounders(Network n, ContentLoader.Loaded content, Diagnostics d) {
        Set<String> citySlugs = content.citySlugs();
        Set<String> founders = new HashSet<>(n.foundingCities());
        Map<String, Integer> listed = new HashMap<>();
        for (int i = 0; i < n.foundingCities().size(); i++) {
            String slug = n.foundingCities().get(i);
            Integer first = listed.putIfAbsent(slug, i);
            if (first != null) {
                d.error(
                        n.foundingPositions().get(i),
                        "founding city '" + slug + "' is listed twice (first on line "
                                + n.foundingPositions().get(first).line() + ")",
                        "remove one of the two: the home page counts and lists each founding city once");
            } else if (!citySlugs.contains(slug)) {
                City byName = content.cities().values().stream()
                        .filter(c -> c.name().equalsIgnoreCase(slug) || c.slug().equalsIgnoreCase(slug))
                        .findFirst()
                        .orElse(null);
                if (byName != null) {
                    founders.add(byName.slug());
                    d.error(
                            n.foundingPositions().get(i),
                            "founding city '" + slug + "' must be named by its slug, '" + byName.slug() + "'",
                            "write " + byName.slug() + ", the file name of content/cities/" + byName.slug()
                                    + ".yaml without .yaml");
                } else if (slug.contains(" - ")) {
                    for (String part : slug.split(" - ")) {
                        founders.add(part.strip());
                    }
                    d.error(
                            n.foundingPositions().get(i),
                            "founding city '" + slug + "' has no record in content/cities/",
                            "it looks like two list items read as one: start each item on its own line with '- ', "
                                    + "all at the same indentation");
                } else {
                    d.error(
                            n.foundingPositions().get(i),
                            "founding city '" + slug + "' has no record in content/cities/",
                            NearMiss.hint(
                                    slug,
                                    citySlugs,
                                    "founding cities are named by slug, the file name without .yaml: "));
                }
            }
        }
        for (City city : content.cities().values()) {
            boolean marked = city.foundingMember();
            if (marked == founders.contains(city.slug()) || d.hasErrorAt(city.pos("founding_member"))) {
                continue;
            }
            if (marked) {
                d.error(
                        city.pos("founding_member"),
                        "'" + city.name()
                                + "' is marked as a founding member but is not in founding_cities in "
                                + "content/network.yaml",
                        "add '" + city.slug() + "' to founding_cities, or remove founding_member");
            } else {
                d.error(
                        city.pos(""),
                        "'" + city.name()
                                + "' is in founding_cities in content/network.yaml but its record lacks "
                                + "founding_member: true",
                        "add the line 'founding_member: true'");
            }
        }
    }

    private static void checkRules(List<RuleCheck.Mismatch> mismatches, Diagnostics d) {
        for (RuleCheck.Mismatch m : mismatches) {
            if (m.city().ruleException() == null) {
                d.warning(
                        m.city().pos(m.field().equals("country") ? "membership" : "population"),
                        m.city().name() + " does not meet the membership criteria: " + m.problem(),
                        "correct the record, or explain the exception with a line 'rule_exception: ...'");
            }
        }
    }

    private static void checkClaims(Network network, SortedMap<String, City> cities, Diagnostics d) {
        var claims = network.claims();
        Figures figures = Figures.of(List.of(), cities);
        if (claims.memberCities() != null && figures.cities() < claims.memberCities()) {
            d.warning(
                    network.claimsPos(),
                    "network.yaml states over " + claims.memberCities() + " member cities, but " + figures.cities()
                            + " city records are listed",
                    "add the missing cities, or correct claims.member_cities");
        }
        if (claims.countries() != null && figures.countries() != claims.countries()) {
            d.warning(
                    network.claimsPos(),
                    "network.yaml states " + claims.countries() + " countries, but the city records are in "
                            + figures.countries(),
                    "check the cities' country codes, or correct claims.countries");
        }
    }

    private static void checkPages(Map<String, TextPage> pages, Set<String> brokenPages, Diagnostics d) {
        // two pages with one title would fail the output check; name the copy (a named page keeps its title)
        Map<String, String> titled = new HashMap<>();
        pages.values().stream()
                .filter(p -> !p.slug().equals("home") && p.title() != null)
                .sorted(Comparator.comparing((TextPage p) -> !REQUIRED_PAGES.contains(p.slug()))
                        .thenComparing(TextPage::slug))
                .forEach(p -> {
                    String first = titled.putIfAbsent(p.title(), p.slug());
                    if (first != null) {
                        d.error(
                                p.titlePos(),
                                "title '" + p.title() + "' is also the title of " + ContentPaths.page(first),
                                "give each page a title of its own");
                    }
                });
        for (String slug : pages.keySet()) {
            if (!SLUG.matcher(slug).matches()) {
                d.error(
                        pages.get(slug).pos(),
                        "file name '" + slug + ".md' is not a valid slug",
                        "use lower-case ASCII letters, digits and single hyphens");
            }
        }
    }
}
