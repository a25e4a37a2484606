package eu.eurocities.site.plan;

import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.validate.Figures;
import eu.eurocities.site.validate.RuleCheck;
import java.util.List;

/**
 * One HTML page of the site: what it shows, and where. Every page has a site path (relative to the base URL, no
 * leading '/': {@code ""} for the home page, {@code cities/lodz/}, {@code 404.html}), a title and a description.
 */
public sealed interface Page {

  /** The site path: {@code ""}, a folder path ending in '/', or a file name such as {@code 404.html}. */
  String path();

  /** The page title, without the site name. */
  String title();

  /** One or two sentences for the meta description. */
  String description();

  /** The output file for this page, relative to the output folder: a folder path gets {@code index.html}. */
  default String file() {
    return path().isEmpty() || path().endsWith("/") ? path() + "index.html" : path();
  }

  /** How many cities the page lists in a table: a measure of its size; 0 for a page without such a table. */
  default int listed() {
    return 0;
  }

  /**
   * This page as if it listed only its first {@code n} cities, to see how its kind's markup reads at a fraction of
   * the cost; the page itself when it lists no more than {@code n}.
   */
  default Page firstListed(int n) {
    return this;
  }

  /** A page whose main content is a table of cities ({@link CityRow}s). */
  sealed interface CityTable extends Page {
    /** The cities in the table, in its order. */
    List<CityRow> rows();

    /** This page with {@code rows} in its table instead. */
    CityTable withRows(List<CityRow> rows);

    @Override
    default int listed() {
      return rows().size();
    }

    @Override
    default Page firstListed(int n) {
      return rows().size() <= n ? this : withRows(rows().subList(0, n));
    }
  }

  /** The home page. */
  record Home(String path, String title, String description, TextPage intro, Figures figures,
      List<City> founders, List<CategoryCount> categories, List<CountryCities> topCountries)
      implements Page {}

  /**
   * The member index: every city in one table, with the countries and categories a reader can filter by.
   *
   * @param countries the countries that have cities, by English name
   */
  record Members(String path, String title, String description, List<CityRow> rows, Figures figures,
      List<CategoryCount> categories, List<CountryCities> countries)
      implements CityTable {
    @Override
    public Members withRows(List<CityRow> rows) {
      return new Members(path, title, description, rows, figures, categories, countries);
    }
  }

  /**
   * One membership category that lists cities, with its cities in a table.
   *
   * @param category the category, e.g. full members
   * @param rows its cities in slug order
   */
  record CategoryDetail(String path, String title, String description, Category category, List<CityRow> rows)
      implements CityTable {
    @Override
    public CategoryDetail withRows(List<CityRow> rows) {
      return new CategoryDetail(path, title, description, category, rows);
    }
  }

  /** One city. {@code previous} and {@code next} are its neighbours in slug order, null at the ends. */
  record CityDetail(String path, String title, String description, City city, Country country,
      Category category, List<City> sameCountry, City previous, City next)
      implements Page {}

  /** The overview of countries. */
  record Countries(String path, String title, String description, List<CountryCities> countries)
      implements Page {}

  /** One country and its cities. */
  record CountryDetail(String path, String title, String description, CountryCities country,
      List<CityRow> rows)
      implements CityTable {
    @Override
    public CountryDetail withRows(List<CityRow> rows) {
      return new CountryDetail(path, title, description, country, rows);
    }
  }

  /** The membership rules page. */
  record Rules(String path, String title, String description, TextPage text, List<CategoryCount> categories,
      List<RuleCheck.Mismatch> exceptions)
      implements Page {}

  /** The strategy and activities page. */
  record Strategy(String path, String title, String description, TextPage text) implements Page {}

  /** Any other Markdown page from {@code content/pages/}. */
  record Text(String path, String title, String description, TextPage text) implements Page {}

  /**
   * The site search: a form, and results found in {@code search-index.json} by a small script.
   *
   * @param sections the main pages to offer when a reader has no script or finds nothing
   */
  record Search(String path, String title, String description, List<Page> sections) implements Page {}

  /** The page served for a missing URL. */
  record NotFound(String path, String title, String description) implements Page {}

  /** A membership category and how many cities are listed in it. */
  record CategoryCount(Category category, int cities) {}

  /** A country with its cities in slug order. */
  record CountryCities(Country country, List<City> cities) {}

  /**
   * One row of a city table.
   *
   * @param key the city's search key from {@link Fold#key}: its name, local name and country name, folded
   */
  record CityRow(City city, Country country, Category category, String key) {

    /** A row whose key is folded from the city's name, local name and country name. */
    public static CityRow of(City city, Country country, Category category) {
      return new CityRow(city, country, category, Fold.key(city.name(), city.localName(), country.name()));
    }
  }
}
