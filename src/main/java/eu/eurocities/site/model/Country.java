package eu.eurocities.site.model;

/**
 * A country a city can be in.
 *
 * @param code ISO 3166-1 alpha-2 code in upper case, e.g. {@code PL}
 * @param name English short name, e.g. {@code Poland}
 * @param eu whether the country is a member state of the European Union
 */
public record Country(String code, String name, boolean eu) {

  /** The code in lower case, used in URLs: {@code countries/pl/}. */
  public String slug() {
    return code.toLowerCase(java.util.Locale.ROOT);
  }
}
