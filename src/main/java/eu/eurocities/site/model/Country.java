package eu.eurocities.site.model;

/**
 * A country a city can be in.
 *
 * @param code ISO 3166-1 alpha-2 code in upper case, e.g. {@code PL}
 * @param name English short name, e.g. {@code Poland}
 * @param eu whether the country is a member state of the European Union
 * @param article whether English writes the name with "the" in a sentence ("in the Netherlands")
 */
public record Country(String code, String name, boolean eu, boolean article) {

  /** The name as written inside a sentence: {@code the United Kingdom}, {@code Poland}. */
  public String inProse() {
    return article ? "the " + name : name;
  }

  /** The code in lower case, used in URLs: {@code countries/pl/}. */
  public String slug() {
    return code.toLowerCase(java.util.Locale.ROOT);
  }
}
