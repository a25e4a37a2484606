package eu.eurocities.site.browser;

import java.util.List;

/**
 * One page of each kind the site has, by site path. The 404 page is asked for at an address that does not exist,
 * so the server answers with {@code 404.html} the way a static host does.
 *
 * @param name a short name for test reports and screenshot files
 * @param path the site path, without the leading slash
 */
record PageType(String name, String path) {

  /** Home, member index, a city, a country, the countries overview, the rules, the strategy page and the 404 page. */
  static final List<PageType> ALL = List.of(
      new PageType("home", ""),
      new PageType("members", "members/"),
      new PageType("city-lodz", "cities/lodz/"),
      new PageType("country-poland", "countries/pl/"),
      new PageType("countries", "countries/"),
      new PageType("rules", "membership/"),
      new PageType("strategy", "strategy-and-activities/"),
      new PageType("not-found", "no-such-page/"));

  /** {@link #ALL}, for parameterized tests. */
  static List<PageType> all() {
    return ALL;
  }

  @Override
  public String toString() {
    return name;
  }
}
