package eu.eurocities.site.plan;

import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.validate.Figures;
import eu.eurocities.site.validate.RuleCheck;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plan stage: decides which pages exist and what each shows, from validated content. Pure: the same content
 * always gives the same list, in the same order (fixed pages and one page per membership category that lists cities
 * first, then cities in slug order, then countries by code). Cities are listed in slug order, which reads as an English reader expects ('Łódź' as 'lodz', between
 * 'Lisbon' and 'London'); countries by English name, collated with a fixed English collator.
 */
public final class Planner {
  private static final int SAME_COUNTRY_LIMIT = 12;

  private Planner() {}

  /** Every page of the site for {@code content}, which must have passed validation. */
  public static List<Page> plan(Content content) {
    List<Page> pages = new ArrayList<>();
    Figures figures = Figures.of(content);
    List<Page.CategoryCount> categories =
        content.categories().stream().map(c -> new Page.CategoryCount(c, figures.in(c.id()))).toList();
    List<Page.CountryCities> countries = countries(content);
    List<City> cities = List.copyOf(content.cities().values());

    TextPage home = content.pages().get("home");
    List<City> founders = content.network().foundingCities().stream().map(content.cities()::get).toList();
    List<Page.CountryCities> top =
        countries.stream()
            .sorted(Comparator.comparingInt((Page.CountryCities c) -> -c.cities().size())
                .thenComparing(c -> c.country().code()))
            .toList();
    pages.add(new Page.Home("", home.title(), describe(home, content.site().description()), home, figures,
        founders, categories, top));

    // a row folds the city's names into a search key: the one costly step of planning, so it runs on every core
    List<Page.CityRow> rows =
        cities.parallelStream()
            .map(c -> Page.CityRow.of(c, content.country(c.country()), content.category(c.membership())))
            .toList();
    Map<String, Page.CityRow> rowBySlug = new HashMap<>();
    rows.forEach(r -> rowBySlug.put(r.city().slug(), r));
    pages.add(new Page.Members("members/", "Member cities",
        "All " + cities.size() + " cities in the Eurocities network, with their country and membership category.",
        rows, figures, categories, countries));
    for (Page.CategoryCount c : categories) {
      if (c.category().listsCities()) {
        String plural = plural(c.category().name());
        pages.add(new Page.CategoryDetail(categoryPath(c.category()), plural,
            c.cities() + " " + plural.toLowerCase(Locale.ENGLISH) + " of the Eurocities network: "
                + c.category().summary(),
            c.category(), rows.stream().filter(r -> r.category().id().equals(c.category().id())).toList()));
      }
    }

    TextPage rules = content.pages().get("membership");
    pages.add(new Page.Rules("membership/", rules.title(), describe(rules, rules.title()), rules, categories,
        RuleCheck.mismatches(content)));
    TextPage strategy = content.pages().get("strategy-and-activities");
    pages.add(new Page.Strategy("strategy-and-activities/", strategy.title(), describe(strategy, strategy.title()),
        strategy));
    content.pages().values().stream()
        .filter(p -> !List.of("home", "membership", "strategy-and-activities").contains(p.slug()))
        .sorted(Comparator.comparing(TextPage::slug))
        .forEach(p -> pages.add(new Page.Text(p.slug() + "/", p.title(), describe(p, p.title()), p)));
    pages.add(new Page.Countries("countries/", "Countries",
        "The " + countries.size() + " countries of the cities in the Eurocities network.", countries));
    pages.add(new Page.Search("search/", "Search",
        "Search the member cities, countries and pages of the " + content.site().title() + " site.",
        List.copyOf(pages.subList(1, pages.size()))));
    pages.add(new Page.NotFound("404.html", "Page not found", "There is no page at this address."));

    Map<String, Page.CountryCities> byCode = new TreeMap<>();
    countries.forEach(c -> byCode.put(c.country().code(), c));
    for (int i = 0; i < cities.size(); i++) {
      City city = cities.get(i);
      Country country = content.country(city.country());
      Category category = content.category(city.membership());
      List<City> same = byCode.get(city.country()).cities().stream()
          .filter(c -> !c.slug().equals(city.slug()))
          .limit(SAME_COUNTRY_LIMIT)
          .toList();
      pages.add(new Page.CityDetail(city.path(), city.name(), cityDescription(city, country, category), city,
          country, category, same, i > 0 ? cities.get(i - 1) : null,
          i + 1 < cities.size() ? cities.get(i + 1) : null));
    }
    for (Page.CountryCities c : byCode.values()) {
      pages.add(new Page.CountryDetail("countries/" + c.country().slug() + "/", "Cities in " + c.country().name(),
          c.cities().size() + (c.cities().size() == 1 ? " city" : " cities") + " in " + c.country().name()
              + " in the Eurocities network.",
          c, c.cities().stream().map(city -> rowBySlug.get(city.slug())).toList()));
    }
    return pages;
  }

  /** Countries that have at least one city, sorted by English name, each with its cities in slug order. */
  static List<Page.CountryCities> countries(Content content) {
    Map<String, List<City>> grouped = new TreeMap<>();
    for (City city : content.cities().values()) {
      grouped.computeIfAbsent(city.country(), k -> new ArrayList<>()).add(city);
    }
    Collator english = Collator.getInstance(Locale.ENGLISH);
    return grouped.entrySet().stream()
        .map(e -> new Page.CountryCities(content.country(e.getKey()), List.copyOf(e.getValue())))
        .sorted(Comparator.comparing((Page.CountryCities c) -> c.country().name(), english)
            .thenComparing(c -> c.country().code()))
        .toList();
  }

  /** The site path of a category's page: {@code members/full/}. */
  public static String categoryPath(Category category) {
    return "members/" + category.id() + "/";
  }

  /** {@code Full member} gives {@code Full members}, {@code Partner} gives {@code Partners}. */
  static String plural(String name) {
    return name.endsWith("s") ? name : name + "s";
  }

  private static String cityDescription(City city, Country country, Category category) {
    return city.name() + ", " + country.name() + ": " + category.name().toLowerCase(Locale.ENGLISH)
        + " of the Eurocities network" + (city.foundingMember() ? " and one of its founding cities." : ".");
  }

  private static String describe(TextPage page, String fallback) {
    return page.description() != null ? page.description() : fallback;
  }
}
