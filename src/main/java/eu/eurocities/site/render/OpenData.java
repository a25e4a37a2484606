package eu.eurocities.site.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.plan.Routes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The open data downloads, made from the same city records as the pages: {@code members.csv} (RFC 4180: UTF-8,
 * a header row, CRLF line ends, quoted where needed, formulas neutralised) and {@code members.json} (an array of
 * objects). Both have one row per city in slug order and the columns of {@link #COLUMNS}, in that order; an unknown
 * value is an empty CSV field and a JSON {@code null}. The alternative names are a JSON list of {@code name} and
 * {@code language}, and one CSV field such as {@code Marsella (es); Marseille (fr)}.
 */
public final class OpenData {
  /** The columns, in their published order; changing it breaks readers' scripts. */
  public static final List<String> COLUMNS = List.of("slug", "name", "local_name", "country", "country_name", "eu",
      "membership", "population", "population_year", "founding_member", "url", "kind", "seat", "geonames_id",
      "latitude", "longitude", "population_source", "population_snapshot", "alternative_names");

  /** RFC 4180, fields quoted only where needed. */
  private static final CSVFormat CSV = CSVFormat.RFC4180;
  /** The same, with the field always quoted, for neutralised formulas. */
  private static final CSVFormat QUOTED = CSV.builder().setQuoteMode(QuoteMode.ALL).get();
  /** The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"). */
  private static final String FORMULA_START = "=+-@\t\r";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private OpenData() {}

  /** One row per city, each a map in the order of {@link #COLUMNS}, values typed as in JSON. */
  public static List<Map<String, Object>> rows(Content content) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (City city : content.cities().values()) {
      Country country = content.country(city.country());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("slug", city.slug());
      row.put("name", city.name());
      row.put("local_name", city.localName());
      row.put("country", country.code());
      row.put("country_name", country.name());
      row.put("eu", country.eu());
      row.put("membership", city.membership());
      row.put("population", city.population());
      row.put("population_year", city.populationYear());
      row.put("founding_member", city.foundingMember());
      row.put("url", content.site().absolute(Routes.city(city)));
      row.put("kind", city.kind() == null ? null : city.kind().id());
      row.put("seat", city.seat());
      row.put("geonames_id", city.geonamesId());
      row.put("latitude", city.location() == null ? null : city.location().latitude());
      row.put("longitude", city.location() == null ? null : city.location().longitude());
      row.put("population_source", city.populationSource());
      row.put("population_snapshot", city.populationSnapshot() == null ? null : city.populationSnapshot().toString());
      row.put("alternative_names", city.alternativeNames());
      rows.add(row);
    }
    return rows;
  }

  /**
   * {@code members.csv} as UTF-8 bytes. A text that a spreadsheet would run as a formula, one starting with
   * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, gets a {@code '} in front and is
   * quoted (OWASP's rule against CSV injection), so that a name such as {@code =HYPERLINK(...)} shows as text.
   */
  public static byte[] csv(Content content) {
    StringBuilder out = new StringBuilder();
    try {
      CSV.printRecord(out, COLUMNS.toArray());
      for (Map<String, Object> row : rows(content)) {
        boolean first = true;
        for (Object value : row.values()) {
          if (value instanceof List<?> names) { // alternative names: "Marsella (es); Marseille (fr)"
            value = names.isEmpty() ? null : String.join("; ", names.stream()
                .map(n -> ((City.AlternativeName) n).name() + " (" + ((City.AlternativeName) n).language() + ")")
                .toList());
          }
          if (value instanceof String text && !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0) {
            QUOTED.print("'" + text, out, first);
          } else {
            CSV.print(value, out, first);
          }
          first = false;
        }
        CSV.println(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code members.json} as UTF-8 bytes, indented, ending with a line feed. */
  public static byte[] json(Content content) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      JSON.writeValue(out, rows(content)); // straight to UTF-8 bytes, without a text copy of a big file
      out.write('\n');
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
