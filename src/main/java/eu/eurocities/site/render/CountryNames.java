package eu.eurocities.site.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A country's name in the languages spoken there, for search: for {@code NO}, Noreg, Norga and Norge. Read from
 * {@code country-names.tsv}, which was made once from the Unicode CLDR data of a JDK (the file says which, and
 * {@code tools/country-names} remakes it): read live, the names would change with the JDK that runs the build,
 * and so would the search index.
 */
final class CountryNames {
    private CountryNames() {}

    /** The names of the country with ISO code {@code code} in its own languages, sorted; empty when unknown. */
    static SortedSet<String> own(String code) {
        return Table.NAMES.getOrDefault(code, Collections.emptySortedSet());
    }

    /** The file, read on first use. */
    private static final class Table {
        static final Map<String, SortedSet<String>> NAMES = read();

        private static Map<String, SortedSet<String>> read() {
            Map<String, SortedSet<String>> names = new HashMap<>();
            try (InputStream in = CountryNames.class.getResourceAsStream("country-names.tsv");
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    // "fr:NL" lines hold a country's name in a language of the theme: load.Countries reads them
                    if (line.isBlank() || line.startsWith("#") || line.indexOf(':') > 0) {
                        continue;
                    }
                    String[] f = line.split("\t");
                    names.put(
                            f[0],
                            Collections.unmodifiableSortedSet(
                                    new TreeSet<>(Arrays.asList(f).subList(1, f.length))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Collections.unmodifiableMap(names);
        }
    }
}
