package eu.eurocities.site.render;

import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A country's name in the languages spoken there, from the JDK's locale data (CLDR): for {@code NO}, the names
 * given by the locales of Norway ({@code nb_NO}, {@code nn_NO}, {@code se_NO}): Norge, Noreg, Norga. English is left
 * out (the site writes the English name already), except where it is the only language the data knows for the
 * country.
 */
final class CountryNames {
  private CountryNames() {}

  /** The names of the country with ISO code {@code code} in its own languages, sorted, without repeats. */
  static SortedSet<String> own(String code) {
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
    return names.isEmpty() ? english : names;
  }
}
