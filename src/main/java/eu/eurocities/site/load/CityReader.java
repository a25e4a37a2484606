package eu.eurocities.site.load;

import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.City;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a city record of {@code content/cities/} into a {@link City}. Each field is named once, where it is read:
 * the fields a record may have, and where each was written, follow from these reads.
 */
final class CityReader {
  private CityReader() {}

  /**
   * The city in {@code f}, read from {@code file}; empty when its name, country or membership is missing or wrong
   * (each problem is reported).
   */
  static Optional<City> read(String file, Fields f) {
    String name = f.requiredText("name");
    String country = f.requiredText("country");
    String membership = f.requiredText("membership");
    Long population = f.wholeNumber("population");
    Long year = f.wholeNumber("population_year");
    boolean founding = f.flag("founding_member");
    String localName = f.text("local_name");
    String localLang = f.text("local_name_lang");
    String ruleException = f.text("rule_exception");
    f.finish();
    if (name == null || country == null || membership == null) {
      return Optional.empty();
    }
    Map<String, SourcePos> positions = new LinkedHashMap<>();
    positions.put("", SourcePos.start(file));
    for (String k : f.read()) {
      if (f.has(k)) {
        positions.put(k, f.pos(k));
      }
    }
    return Optional.of(new City(ContentFolder.stem(file), name, country, membership, population,
        year == null ? null : year.intValue(), founding, localName, localLang, ruleException,
        Collections.unmodifiableMap(positions)));
  }
}
