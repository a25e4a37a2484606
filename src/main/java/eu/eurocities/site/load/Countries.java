package eu.eurocities.site.load;

import eu.eurocities.site.model.Country;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The European countries a city can be in, with English names and EU membership, read from the {@code
 * countries.tsv} resource shipped in the jar (27 EU member states as of 2026).
 */
public final class Countries {
  private static final Set<String> ISO_CODES =
      Collections.unmodifiableSet(new TreeSet<>(Arrays.asList(Locale.getISOCountries())));

  private Countries() {}

  /** Every known European country by upper-case code, in code order. */
  public static Map<String, Country> european() {
    Map<String, Country> out = new LinkedHashMap<>();
    try (InputStream in = Countries.class.getResourceAsStream("countries.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        out.put(f[0], new Country(f[0], f[1], f[2].equals("yes"), f.length > 3 && f[3].equals("the")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(out);
  }

  /** True when {@code code} is an ISO 3166-1 alpha-2 code (of any continent). */
  public static boolean isIsoCode(String code) {
    return ISO_CODES.contains(code);
  }
}
