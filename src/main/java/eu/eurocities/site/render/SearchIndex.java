package eu.eurocities.site.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.Messages;
import eu.eurocities.site.model.Network;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Fold;
import eu.eurocities.site.plan.Page;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The site search's index, made at build time from the planned pages and read in the browser by {@code search.js}
 * with MiniSearch. It is cut in files so that a visitor downloads only what a query needs, at any number of cities:
 *
 * <ul>
 *   <li>{@code search-index/core.json}: every page but the cities' (not the search page nor 404), each section of a
 *       Markdown page under its heading's anchor, the facts the home, rules and strategy pages show, the countries
 *       with their names; and {@code shards}, each shard's first letters with the number of cities it covers and 1
 *       for a leaf, 0 for an inner shard.
 *   <li>{@code search-index/<key>.json}: the cities with a name or country name that has a word starting with the
 *       shard's letters (a city is in each shard one of its words leads to), at most {@link #SHARD_MAX}: a shard
 *       that would hold more is cut by one letter more, and keeps only the biggest cities it covers. The file's
 *       {@link #key key} spells a letter outside {@code a-z0-9} as {@code _}, its hexadecimal code point and
 *       {@code _}.
 * </ul>
 *
 * <p>Words are cut as MiniSearch cuts them (at white space and punctuation); both sides fold words with {@link
 * Fold#query}, which {@code search.js} repeats (a browser test holds the two to each other).
 */
public final class SearchIndex {
    /** The folder of the index's files in the site. */
    public static final String FOLDER = "search-index/";
    /**
     * The most cities a shard holds: MiniSearch indexes this many in the browser in about 20 ms (on a CPU slowed down
     * four times, about 100), see BENCHMARKS.md.
     */
    static final int SHARD_MAX = 1_000;
    /** MiniSearch's default word separator ({@code SPACE_OR_PUNCTUATION}). */
    private static final Pattern WORD_BREAK = Pattern.compile("[\\n\\r\\p{Z}\\p{P}]+");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchIndex() {}

    /**
     * One thing a reader can find.
     *
     * @param kind {@code page}, {@code section}, {@code city}, {@code country} or {@code category}
     * @param title what the result is called
     * @param path its site path, with the heading's {@code #anchor} for a section
     * @param parent the page a section is part of, else null
     * @param names the names it is found by, folded ({@link Fold#key}), or null
     * @param text the words it holds, as the reader sees them, or null
     * @param country a city's country code, or a country's own; else null
     * @param place the kind of place of a member that is not a city ({@code grouping}: BrabantStad, a network of
     *     cities), as its record says; null for a city and for any other document
     */
    public record Doc(
            String kind,
            String title,
            String path,
            String parent,
            String names,
            String text,
            String country,
            String place) {}

    /**
     * The index's files of {@code pages}, by their path in the site, for {@link SearchDocs}'s documents, in the
     * language of {@code messages}; {@code core.json} also carries the script's texts ({@link ScriptTexts}), so that
     * pages need not.
     */
    public static SortedMap<String, byte[]> files(
            List<Page> pages,
            Network network,
            Function<TextPage, List<SearchText.Section>> sections,
            Messages messages) {
        List<Doc> docs = SearchDocs.of(pages, network, sections, messages);
        Map<String, Object> texts = ScriptTexts.map(messages, "search.js.");
        Map<String, Country> countries = new TreeMap<>();
        Map<String, String> countryNames = new TreeMap<>();
        pages.stream()
                .filter(p -> p instanceof Page.CountryDetail)
                .map(p -> ((Page.CountryDetail) p).country().country())
                .forEach(c -> {
                    countries.put(c.code(), c);
                    countryNames.put(c.code(), SearchDocs.countryKey(c));
                });
        Map<String, Long> population = new TreeMap<>();
        pages.stream()
                .filter(p -> p instanceof Page.CityDetail c && c.city().population() != null)
                .forEach(p ->
                        population.put(p.path(), ((Page.CityDetail) p).city().population()));
        List<Map<String, String>> cities = new ArrayList<>();
        SortedMap<String, List<Integer>> byTerm = new TreeMap<>();
        List<Map<String, String>> core = new ArrayList<>();
        for (Doc d : docs) {
            if (d.kind().equals("city")) {
                int i = cities.size();
                cities.add(json(d));
                terms(d.names() + " " + countryNames.getOrDefault(d.country(), "")).stream()
                        .distinct()
                        .forEach(t -> byTerm.computeIfAbsent(t, x -> new ArrayList<>())
                                .add(i));
            } else {
                core.add(json(d));
            }
        }
        // The biggest cities first: the ones an inner shard keeps of all it covers.
        List<Integer> rank = new ArrayList<>();
        for (int i = 0; i < cities.size(); i++) {
            rank.add(i);
        }
        rank.sort(Comparator.comparing(
                (Integer i) -> -population.getOrDefault(cities.get(i).get("u"), -1L)));
        int[] order = new int[cities.size()];
        for (int r = 0; r < rank.size(); r++) {
            order[rank.get(r)] = r;
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        Map<String, List<Integer>> shards = new LinkedHashMap<>();
        new Shards(byTerm, cities, order, files).split("", List.copyOf(byTerm.keySet()), shards);
        Map<String, Object> coreJson = new LinkedHashMap<>();
        coreJson.put("shards", shards);
        coreJson.put("texts", texts);
        Map<String, Map<String, String>> countryJson = new LinkedHashMap<>();
        countries.values().forEach(c -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("t", c.name());
            // the name as a sentence says it, "the Netherlands", for "City in {country}"
            entry.put("p", c.inProse());
            entry.put("n", countryNames.get(c.code()));
            countryJson.put(c.code(), entry);
        });
        coreJson.put("countries", countryJson);
        // what a member that is not a city is, for "Grouping in the Netherlands"
        Map<String, String> places = new LinkedHashMap<>();
        for (City.Kind k : City.Kind.values()) {
            places.put(k.id(), messages.text("kind." + k.id()));
        }
        coreJson.put("places", places);
        coreJson.put("docs", core);
        files.put(FOLDER + "core.json", bytes(coreJson));
        return files;
    }

    /**
     * Cuts the cities into shards by the first letters of their words, one letter more wherever a shard would hold
     * more than {@link #SHARD_MAX} cities. A word's letters lead the browser down to the shard that holds every city
     * with a word starting with them (a leaf), or, when the word ends at a shard that was cut further (an inner one:
     * "synthcity" in 66,000 cities), to that shard's file of the {@link #SHARD_MAX} biggest cities it covers.
     */
    private record Shards(
            SortedMap<String, List<Integer>> byTerm,
            List<Map<String, String>> cities,
            int[] order,
            SortedMap<String, byte[]> files) {

        /**
         * Writes the shards under {@code prefix} for {@code terms} (the sorted words that start with it) and adds
         * each to {@code manifest}: its cities and 1 for a leaf, 0 for an inner shard.
         */
        void split(String prefix, List<String> terms, Map<String, List<Integer>> manifest) {
            int length = prefix.codePointCount(0, prefix.length());
            if (!prefix.isEmpty()) {
                TreeSet<Integer> covered = new TreeSet<>(Comparator.comparingInt(i -> order[i]));
                terms.forEach(t -> covered.addAll(byTerm.get(t)));
                boolean leaf = covered.size() <= SHARD_MAX
                        || terms.stream().allMatch(t -> t.codePointCount(0, t.length()) == length);
                // a leaf in the order of the plan, so that a city's population moves no other city between files
                List<Map<String, String>> kept = new ArrayList<>();
                covered.stream().limit(SHARD_MAX).sorted().forEach(i -> kept.add(cities.get(i)));
                files.put(FOLDER + key(prefix, length) + ".json", bytes(Map.of("docs", kept)));
                manifest.put(prefix, List.of(covered.size(), leaf && covered.size() <= SHARD_MAX ? 1 : 0));
                if (leaf) {
                    return;
                }
            }
            Map<String, List<String>> next = new TreeMap<>();
            for (String t : terms) {
                if (t.codePointCount(0, t.length()) > length) {
                    next.computeIfAbsent(prefix(t, length + 1), x -> new ArrayList<>())
                            .add(t);
                }
            }
            next.forEach((p, list) -> split(p, list, manifest));
        }
    }

    /** The first {@code letters} letters (code points) of {@code term}. */
    public static String prefix(String term, int letters) {
        return term.codePoints()
                .limit(letters)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** The folded words of {@code text}, cut as MiniSearch cuts them. */
    public static List<String> terms(String text) {
        return Arrays.stream(WORD_BREAK.split(Fold.query(text)))
                .filter(t -> !t.isEmpty())
                .toList();
    }

    /** The shard key of a folded word: its first {@code letters} letters, written as a file name. */
    public static String key(String term, int letters) {
        StringBuilder k = new StringBuilder();
        term.codePoints().limit(letters).forEach(c -> {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                k.appendCodePoint(c);
            } else {
                k.append('_').append(Integer.toHexString(c)).append('_');
            }
        });
        return k.toString();
    }

    /**
     * A document as JSON: kind k, title t, path u, parent p, names n, text x, country c, kind of place d, a
     * country's codes o; absent ones left out.
     */
    private static Map<String, String> json(Doc d) {
        Map<String, String> m = new LinkedHashMap<>();
        if (!d.kind().equals("city")) {
            m.put("k", d.kind());
        }
        m.put("t", d.title());
        m.put("u", d.path());
        put(m, "p", d.parent());
        put(m, "n", d.names());
        put(m, "x", d.text());
        put(m, "c", d.country());
        put(m, "d", d.place());
        if (d.kind().equals("country")) {
            // a field of its own, boosted in search.js: "uk" finds the United Kingdom before Ukraine
            m.put("o", SearchDocs.codes(d.country()));
        }
        return m;
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }

    private static byte[] bytes(Object json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
