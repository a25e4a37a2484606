// Writes src/main/resources/eu/eurocities/site/render/country-names.tsv from the JDK's locale data:
//   java tools/country-names/CountryNamesFromJdk.java > src/main/resources/eu/eurocities/site/render/country-names.tsv
// Run it with the JDK whose data the file should hold (the file names it); every build then reads the file.
import java.util.*;
public class CountryNamesFromJdk {
  static final List<String> LANGUAGES = List.of("fr");
  public static void main(String[] a) {
    System.out.println("# A country's names in the languages spoken there: ISO 3166-1 alpha-2 code, then the names,");
    System.out.println("# tab-separated. Made from the locale data (Unicode CLDR) of OpenJDK "
        + System.getProperty("java.specification.version") + ", read once and");
    System.out.println(
        "# kept here so that every JDK builds the same search index; English only where CLDR gives no other.");
    System.out.println(
        "# Then each country's name in each language of the theme but English: language:code, then the name.");
    for (String code : new TreeSet<>(Arrays.asList(Locale.getISOCountries()))) {
      Locale country = new Locale("", code);
      SortedSet<String> names = new TreeSet<>();
      SortedSet<String> english = new TreeSet<>();
      for (Locale l : Locale.getAvailableLocales()) {
        if (l.getCountry().equals(code) && l.getVariant().isEmpty() && l.getScript().isEmpty()) {
          String name = country.getDisplayCountry(l);
          if (!name.isBlank() && !name.equals(code)) {
            (l.getLanguage().equals("en") ? english : names).add(name);
          }
        }
      }
      SortedSet<String> out = names.isEmpty() ? english : names;
      if (!out.isEmpty()) System.out.println(code + "\t" + String.join("\t", out));
    }
    // The name of each country in each language the theme ships other than English (whose names, with "the",
    // are in load/countries.tsv): "fr:NL<tab>Pays-Bas". Add a language to LANGUAGES when the theme ships it.
    for (String language : LANGUAGES) {
      for (String code : new TreeSet<>(Arrays.asList(Locale.getISOCountries()))) {
        String name = new Locale("", code).getDisplayCountry(Locale.forLanguageTag(language));
        if (!name.isBlank() && !name.equals(code)) System.out.println(language + ":" + code + "\t" + name);
      }
    }
  }
}
