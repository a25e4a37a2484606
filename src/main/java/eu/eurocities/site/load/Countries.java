package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.CountryGroup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The countries a city can be in: every ISO 3166-1 alpha-2 code the JDK knows, with the English short names of the
 * {@code countries.tsv} resource where it has one (and the JDK's English name otherwise), and whether English
 * writes the name with "the".
 */
public final class Countries {
    private Countries() {}

    /** Every country by upper-case code, in code order, in none of the groups. */
    public static Map<String, Country> all() {
        return all(List.of());
    }

    /** Every country by upper-case code, in code order, each with the ids of the {@code groups} that list it. */
    public static Map<String, Country> all(Collection<CountryGroup> groups) {
        return all(groups, "en");
    }

    /**
     * Every country by upper-case code, each with the ids of the {@code groups} that list it, named in {@code
     * language}: in English from {@code countries.tsv}, in another language the theme ships from the names of the
     * JDK's locale data kept in {@code render/country-names.tsv} (English where it has none), never with an article.
     */
    public static Map<String, Country> all(Collection<CountryGroup> groups, String language) {
        Map<String, String> translated = language.equals("en") ? Map.of() : names(language);
        Map<String, String[]> named = new HashMap<>();
        try (InputStream in = Countries.class.getResourceAsStream("countries.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    named.put(f[0], f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Country> out = new LinkedHashMap<>();
        for (String code : new TreeSet<>(List.of(Locale.getISOCountries()))) {
            String[] f = named.get(code);
            String english = f != null ? f[1] : new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            String name = translated.getOrDefault(code, english);
            Set<String> in = new TreeSet<>();
            groups.stream().filter(g -> g.countries().contains(code)).forEach(g -> in.add(g.id()));
            out.put(
                    code,
                    new Country(
                            code,
                            name,
                            translated.isEmpty() && f != null && f.length > 2 && f[2].equals("the"),
                            Set.copyOf(in)));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The names of the countries in {@code language} by code ("fr:NL" lines of the table); empty when it has none. */
    private static Map<String, String> names(String language) {
        Map<String, String> names = new HashMap<>();
        String prefix = language.toLowerCase(Locale.ROOT) + ":";
        try (InputStream in = Countries.class.getResourceAsStream("/eu/eurocities/site/render/country-names.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    String[] f = line.split("\t");
                    names.put(f[0].substring(prefix.length()), f[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /**
     * Checks a country code: exact upper-case ISO 3166-1 alpha-2 codes only, with hints for lower case, UK (GB),
     * EL (GR) and a country's name.
     *
     * @param code the code as written
     * @param at where it was written, for the diagnostic
     * @param countries the known countries by code
     * @return the error, or empty when the code is known
     */
    public static Optional<Diagnostic> problem(String code, SourcePos at, Map<String, Country> countries) {
        if (countries.containsKey(code)) {
            return Optional.empty();
        }
        String upper = code.toUpperCase(Locale.ROOT);
        String message;
        String hint;
        if (countries.containsKey(upper)) {
            message = "country code '" + code + "' must be upper case";
            hint = "write country: " + upper;
        } else if (upper.equals("UK")) {
            message = "unknown country code 'UK'";
            hint = "the ISO 3166-1 code of the United Kingdom is GB";
        } else if (upper.equals("EL")) {
            message = "unknown country code 'EL'";
            hint = "the ISO 3166-1 code of Greece is GR";
        } else {
            message = "'" + code + "' is not an ISO 3166-1 alpha-2 country code";
            hint = countries.values().stream()
                    .filter(c -> c.name().equalsIgnoreCase(code))
                    .map(c -> "the code of " + c.name() + " is " + c.code())
                    .findFirst()
                    .orElse("use the two-letter ISO 3166-1 alpha-2 code, e.g. PL for Poland");
        }
        return Optional.of(new Diagnostic(at, Severity.ERROR, message, hint));
    }
}
