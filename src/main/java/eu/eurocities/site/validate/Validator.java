package eu.eurocities.site.validate;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.load.ContentLoader;
import eu.eurocities.site.load.Countries;
import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.Network;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The validate stage: checks that need more than one file. Closed sets (membership ids from {@code
 * membership.yaml}, European ISO 3166-1 alpha-2 country codes), references (founding cities), uniqueness (slugs,
 * names, category ids), slug form, and the data against its own rules: membership criteria ({@link RuleCheck}) and
 * the network's stated claims. Rule mismatches and claim gaps are warnings; everything else is an error.
 */
public final class Validator {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

  private Validator() {}

  /**
   * Checks {@code content} and records each problem.
   *
   * @param content what the load stage produced
   * @param citySlugs every city file's slug, including files that failed to load
   * @param diagnostics receives errors and warnings
   */
  public static void validate(Content content, Set<String> citySlugs, Diagnostics diagnostics) {
    checkSite(content, diagnostics);
    checkCategories(content, diagnostics);
    checkCities(content, diagnostics);
    checkFounders(content, citySlugs, diagnostics);
    checkRules(content, diagnostics);
    checkClaims(content, diagnostics);
    checkPages(content, diagnostics);
  }

  private static void checkSite(Content content, Diagnostics d) {
    String lang = content.site().language();
    if (!LANG.matcher(lang).matches()) {
      d.error(
          SourcePos.file("content/site.yaml"),
          "language '" + lang + "' is not a language tag",
          "use a code such as en, fr or de-AT");
    }
  }

  private static void checkCategories(Content content, Diagnostics d) {
    Set<String> seen = new HashSet<>();
    for (Category c : content.categories()) {
      if (!seen.add(c.id())) {
        d.error(c.pos(), "membership category id '" + c.id() + "' is defined twice", "give each category its own id");
      }
    }
    if (content.categories().isEmpty()) {
      d.error(
          SourcePos.file("content/membership.yaml"),
          "no membership categories are defined",
          "add a 'categories:' list with at least one category");
    }
  }

  private static void checkCities(Content content, Diagnostics d) {
    Map<String, City> byName = new HashMap<>();
    List<String> ids = content.categories().stream().filter(Category::listsCities).map(Category::id).toList();
    for (City city : content.cities().values()) {
      if (!SLUG.matcher(city.slug()).matches()) {
        d.error(
            city.pos(""),
            "file name '" + city.slug() + ".yaml' is not a valid slug",
            "use lower-case ASCII letters, digits and single hyphens, e.g. 'saint-etienne-metropole.yaml'");
      }
      City other = byName.putIfAbsent(city.name().toLowerCase(Locale.ROOT), city);
      if (other != null) {
        d.error(
            city.pos("name"),
            "city name '" + city.name() + "' is also used by " + other.pos(""),
            "each city has one record; remove or rename one of them");
      }
      if (!ids.contains(city.membership())) {
        d.error(
            city.pos("membership"),
            "unknown membership '" + city.membership() + "'",
            suggestion(city.membership(), ids, "membership ids are those in content/membership.yaml: "));
      }
      checkCountry(city, content.countries(), d);
      if (city.populationYear() != null) {
        if (city.population() == null) {
          d.error(
              city.pos("population_year"),
              "population_year is given but population is not",
              "add the population counted that year, or remove population_year");
        } else if (city.populationYear() < 1800 || city.populationYear() > 2100) {
          d.error(city.pos("population_year"), "population_year " + city.populationYear() + " is not a plausible year");
        }
      }
      if (city.population() != null && city.population() <= 0) {
        d.error(city.pos("population"), "population must be greater than 0");
      }
      if (city.localNameLang() != null && city.localName() == null) {
        d.error(city.pos("local_name_lang"), "local_name_lang is given but local_name is not");
      }
      if (city.localName() != null && city.localNameLang() == null) {
        d.error(
            city.pos("local_name"),
            "local_name needs local_name_lang, the language it is written in",
            "add a line such as 'local_name_lang: de'");
      }
      if (city.localNameLang() != null && !LANG.matcher(city.localNameLang()).matches()) {
        d.error(
            city.pos("local_name_lang"),
            "local_name_lang '" + city.localNameLang() + "' is not a language tag",
            "use a code such as de, pl or sr-Cyrl");
      }
    }
  }

  private static void checkCountry(City city, Map<String, Country> countries, Diagnostics d) {
    String code = city.country();
    if (countries.containsKey(code)) {
      return;
    }
    SourcePos at = city.pos("country");
    String upper = code.toUpperCase(Locale.ROOT);
    if (countries.containsKey(upper)) {
      d.error(at, "country code '" + code + "' must be upper case", "write country: " + upper);
    } else if (upper.equals("UK")) {
      d.error(at, "unknown country code 'UK'", "the ISO 3166-1 code of the United Kingdom is GB");
    } else if (upper.equals("EL")) {
      d.error(at, "unknown country code 'EL'", "the ISO 3166-1 code of Greece is GR");
    } else if (Countries.isIsoCode(upper)) {
      d.error(at, "country '" + code + "' is not a European country", "Eurocities' cities are in Europe");
    } else {
      String byName =
          countries.values().stream()
              .filter(c -> c.name().equalsIgnoreCase(code))
              .map(c -> "the code of " + c.name() + " is " + c.code())
              .findFirst()
              .orElse("use the two-letter ISO 3166-1 alpha-2 code, e.g. PL for Poland");
      d.error(at, "'" + code + "' is not an ISO 3166-1 alpha-2 country code", byName);
    }
  }

  private static void checkFounders(Content content, Set<String> citySlugs, Diagnostics d) {
    Network n = content.network();
    Set<String> founders = new HashSet<>(n.foundingCities());
    for (int i = 0; i < n.foundingCities().size(); i++) {
      String slug = n.foundingCities().get(i);
      if (!citySlugs.contains(slug)) {
        d.error(
            n.foundingPositions().get(i),
            "founding city '" + slug + "' has no record in content/cities/",
            suggestion(slug, citySlugs, "founding cities are named by slug, the file name without .yaml; "));
      }
    }
    for (City city : content.cities().values()) {
      if (city.foundingMember() && !founders.contains(city.slug())) {
        d.error(
            city.pos("founding_member"),
            "'" + city.name() + "' is marked as a founding member but is not in founding_cities in content/network.yaml",
            "add '" + city.slug() + "' to founding_cities, or remove founding_member");
      }
      if (!city.foundingMember() && founders.contains(city.slug())) {
        d.error(
            city.pos(""),
            "'" + city.name() + "' is in founding_cities in content/network.yaml but its record lacks founding_member: true",
            "add the line 'founding_member: true'");
      }
    }
  }

  private static void checkRules(Content content, Diagnostics d) {
    for (RuleCheck.Mismatch m : RuleCheck.mismatches(content)) {
      if (m.city().ruleException() == null) {
        d.warning(
            m.city().pos(m.field().equals("country") ? "membership" : "population"),
            m.city().name() + " does not meet the membership criteria: " + m.problem(),
            "correct the record, or explain the exception with a line 'rule_exception: ...'");
      }
    }
  }

  private static void checkClaims(Content content, Diagnostics d) {
    var claims = content.network().claims();
    Figures figures = Figures.of(content);
    if (claims.memberCities() != null && figures.cities() < claims.memberCities()) {
      d.warning(
          content.network().claimsPos(),
          "network.yaml states over " + claims.memberCities() + " member cities, but "
              + figures.cities() + " city records are listed",
          "add the missing cities, or correct claims.member_cities");
    }
    if (claims.countries() != null && figures.countries() != claims.countries()) {
      d.warning(
          content.network().claimsPos(),
          "network.yaml states " + claims.countries() + " countries, but the city records are in "
              + figures.countries(),
          "check the cities' country codes, or correct claims.countries");
    }
  }

  private static void checkPages(Content content, Diagnostics d) {
    for (String required : List.of("home", "membership", "strategy-and-activities")) {
      if (!content.pages().containsKey(required)) {
        d.error(
            SourcePos.file("content/pages/" + required + ".md"),
            "page is missing",
            "every site needs content/pages/" + required + ".md with a title in its front matter");
      }
    }
    for (String slug : content.pages().keySet()) {
      if (!SLUG.matcher(slug).matches()) {
        d.error(
            content.pages().get(slug).pos(),
            "file name '" + slug + ".md' is not a valid slug",
            "use lower-case ASCII letters, digits and single hyphens");
      }
      if (Set.of("cities", "countries", "members", "404", "search").contains(slug)) {
        d.error(
            content.pages().get(slug).pos(),
            "page '" + slug + "' would take the URL /" + slug + "/ that the site uses for its own pages",
            "rename the file");
      }
    }
  }

  private static String suggestion(String value, Collection<String> known, String prefix) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int dist = DISTANCE.apply(value.toLowerCase(Locale.ROOT), k);
      if (dist >= 0 && dist < bestDistance) {
        best = k;
        bestDistance = dist;
      }
    }
    if (best != null) {
      return "did you mean '" + best + "'?";
    }
    List<String> sorted = known.stream().sorted().limit(8).toList();
    return prefix + String.join(", ", sorted) + (known.size() > 8 ? ", ..." : "");
  }
}
