package eu.eurocities.site.render;

import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.Messages;
import eu.eurocities.site.model.Network;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Fold;
import eu.eurocities.site.plan.Page;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
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
 *       shard's letters (a city is in each shard one of its words leads to), at most {@link Shards#MAX}: a shard
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
    /** MiniSearch's default word separator ({@code SPACE_OR_PUNCTUATION}). */
    private static final Pattern WORD_BREAK = Pattern.compile("[\\n\\r\\p{Z}\\p{P}]+");

    /** Cities per run of the word table made in a single build, merged into one table once all are made. */
    private static final int RUN = 32_768;

    private SearchIndex() {}

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
        return files(pages, network, sections, messages, new Kept(true));
    }

    /**
     * Like {@link #files(List, Network, Function, Messages)}, taking over from {@code kept} (what the last call with
     * it made) each city's document and every shard that holds no city whose document, population or place in the
     * site changed; {@code kept} then holds what this call made. The files are the same as without {@code kept}.
     */
    public static SortedMap<String, byte[]> files(
            List<Page> pages,
            Network network,
            Function<TextPage, List<SearchText.Section>> sections,
            Messages messages,
            Kept kept) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        write(pages, network, sections, messages, kept, files::put);
        return files;
    }

    /**
     * Like {@link #files(List, Network, Function, Messages, Kept)}, giving each file to {@code out} as soon as it is
     * made (each shard as it is cut, {@code core.json} last) rather than holding them all.
     */
    public static void write(
            List<Page> pages,
            Network network,
            Function<TextPage, List<SearchText.Section>> sections,
            Messages messages,
            Kept kept,
            BiConsumer<String, byte[]> out) {
        List<Page> cityPages = new ArrayList<>();
        List<Page> otherPages = new ArrayList<>();
        pages.forEach(p -> (p instanceof Page.CityDetail ? cityPages : otherPages).add(p));
        Map<String, Object> texts = ScriptTexts.map(messages, "search.js.");
        Map<String, Country> countries = new TreeMap<>();
        Map<String, String> countryNames = new TreeMap<>();
        otherPages.stream()
                .filter(p -> p instanceof Page.CountryDetail)
                .map(p -> ((Page.CountryDetail) p).country().country())
                .forEach(c -> {
                    countries.put(c.code(), c);
                    countryNames.put(c.code(), SearchDocs.countryKey(c));
                });
        Kept.State before = kept.state;
        boolean sameCountries = before != null && before.countryNames().equals(countryNames);
        Map<String, CityDoc> known = sameCountries ? before.cities() : Map.of();
        List<CityDoc> cities;
        Words lean = null;
        Documents leanDocs = null;
        long[] populations = null;
        if (sameCountries || kept.retains) {
            cities = cityPages.parallelStream()
                    .map(p -> {
                        Page.CityDetail c = (Page.CityDetail) p;
                        CityDoc old = known.get(p.path());
                        return old != null
                                        && (old.city() == c.city() || old.city().equals(c.city()))
                                        && old.country().equals(c.country().code())
                                ? old
                                : CityDoc.of(c, countryNames);
                    })
                    .toList();
        } else { // nothing to take over nor to keep: each city's words and document are packed as they are made
            int n = cityPages.size();
            Documents docs = new Documents(n);
            long[] sizes = new long[n];
            List<Words> runs = new ArrayList<>();
            TreeMap<String, List<Integer>> run = new TreeMap<>();
            int[] made = {0};
            Batches.inOrder(cityPages, p -> CityDoc.of((Page.CityDetail) p, countryNames), c -> {
                int at = made[0]++;
                sizes[at] = c.population();
                docs.add(c.json());
                c.terms()
                        .forEach(t ->
                                run.computeIfAbsent(t, x -> new ArrayList<>(1)).add(at));
                if (made[0] % RUN == 0) {
                    runs.add(Words.of(run));
                    run.clear();
                }
            });
            runs.add(Words.of(run));
            run.clear();
            cities = List.of();
            lean = Words.merge(runs);
            runs.clear();
            leanDocs = docs;
            populations = sizes;
        }
        Map<String, CityDoc> byPath = new HashMap<>();
        if (sameCountries || kept.retains) {
            cities.forEach(c -> byPath.put(c.path(), c));
        }
        // every prefix of a word of a city that is new, gone or changed: the shards that may differ from last time
        Set<String> touched = new HashSet<>();
        if (sameCountries) {
            BiConsumer<CityDoc, CityDoc> compare = (now, then) -> {
                if (now != then) {
                    if (now != null) {
                        now.terms().forEach(t -> prefixes(t, touched));
                    }
                    if (then != null) {
                        then.terms().forEach(t -> prefixes(t, touched));
                    }
                }
            };
            byPath.forEach((path, c) -> compare.accept(c, known.get(path)));
            known.forEach((path, c) -> {
                if (!byPath.containsKey(path)) {
                    compare.accept(null, c);
                }
            });
        }
        List<String> paths = kept.retains || sameCountries
                ? cities.stream().map(CityDoc::path).toList()
                : List.of();
        SortedMap<String, List<Integer>> byTerm = lean != null
                ? null
                : sameCountries && before.paths().equals(paths)
                        ? patch(before.byTerm(), cities, known)
                        : byTerm(cities);
        Words words = lean != null ? lean : Words.of(byTerm);
        Shards.Docs docs = leanDocs != null
                ? leanDocs
                : (i, to) -> to.writeBytes(cities.get(i).json());
        // The biggest cities first: the ones an inner shard keeps of all it covers; ties in the order of the plan.
        int[] byRank = rank(
                populations != null
                        ? populations
                        : cities.stream().mapToLong(CityDoc::population).toArray());
        int[] order = new int[byRank.length];
        for (int r = 0; r < byRank.length; r++) {
            order[byRank[r]] = r;
        }
        SortedMap<String, byte[]> files = new TreeMap<>(); // for the next call, when kept
        BiConsumer<String, byte[]> made = (file, bytes) -> {
            if (kept.retains) {
                files.put(file, bytes);
            }
            out.accept(FOLDER + file, bytes);
        };
        Map<String, List<Integer>> shards = new LinkedHashMap<>();
        new Shards(
                        words,
                        docs,
                        order,
                        byRank,
                        made,
                        sameCountries ? before.manifest() : null,
                        sameCountries ? before.files() : null,
                        touched)
                .split(shards);
        kept.state = kept.retains
                ? new Kept.State(
                        countryNames,
                        Collections.unmodifiableMap(byPath),
                        paths,
                        byTerm,
                        List.copyOf(shards.entrySet()),
                        files)
                : null;
        List<Map<String, String>> core = SearchDocs.of(otherPages, network, sections, messages).stream()
                .map(SearchDocs.Doc::json)
                .toList();
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
        out.accept(FOLDER + "core.json", bytes(coreJson));
    }

    /**
     * What one call of {@link #files(List, Network, Function, Messages, Kept)} made, for the next call to take over
     * where nothing changed. Holds nothing until the first call, and nothing ever when made for a single build; one
     * call at a time.
     */
    public static final class Kept {
        private final boolean retains;

        /** Keeps what each call makes for the next when {@code retains}, else nothing. */
        public Kept(boolean retains) {
            this.retains = retains;
        }

        /** How many cities' documents it holds. */
        int size() {
            State s = state;
            return s == null ? 0 : s.cities().size();
        }

        private record State(
                Map<String, String> countryNames,
                Map<String, CityDoc> cities,
                List<String> paths,
                SortedMap<String, List<Integer>> byTerm,
                List<Map.Entry<String, List<Integer>>> manifest,
                SortedMap<String, byte[]> files) {}

        private volatile State state;
    }

    /**
     * One city's document with what it was made from.
     *
     * @param city the record, which the document is made from
     * @param country the city's country code
     * @param path the city page's site path
     * @param population its population, -1 when unknown
     * @param terms its distinct folded words with those of its country's names, which lead to the shards it is in
     * @param json the document as JSON
     */
    private record CityDoc(City city, String country, String path, long population, List<String> terms, byte[] json) {
        static CityDoc of(Page.CityDetail p, Map<String, String> countryNames) {
            SearchDocs.Doc d = SearchDocs.city(p);
            String code = p.country().code();
            List<String> terms =
                    SearchIndex.terms(d.names() + " " + countryNames.getOrDefault(d.country(), "")).stream()
                            .distinct()
                            .toList();
            long population = p.city().population() == null ? -1L : p.city().population();
            return new CityDoc(p.city(), code, p.path(), population, terms, bytes(d.json()));
        }
    }

    /** The cities that have each word, by their place in {@code cities}, in ascending order. */
    private static SortedMap<String, List<Integer>> byTerm(List<CityDoc> cities) {
        SortedMap<String, List<Integer>> byTerm = new TreeMap<>();
        for (int i = 0; i < cities.size(); i++) {
            for (String t : cities.get(i).terms()) {
                byTerm.computeIfAbsent(t, x -> new ArrayList<>()).add(i);
            }
        }
        return byTerm;
    }

    /**
     * {@link #byTerm} of {@code cities} from the last call's, whose cities had the same pages in the same order:
     * only the words of the cities whose document is not the one {@code known} holds are looked at. The last call's
     * lists are not changed.
     */
    private static SortedMap<String, List<Integer>> patch(
            SortedMap<String, List<Integer>> last, List<CityDoc> cities, Map<String, CityDoc> known) {
        TreeMap<String, List<Integer>> byTerm = new TreeMap<>(last);
        for (int i = 0; i < cities.size(); i++) {
            CityDoc now = cities.get(i);
            CityDoc then = known.get(now.path());
            if (now == then) {
                continue;
            }
            Integer at = i;
            for (String t : then.terms()) {
                List<Integer> list = new ArrayList<>(byTerm.get(t));
                list.remove(at);
                if (list.isEmpty()) {
                    byTerm.remove(t);
                } else {
                    byTerm.put(t, list);
                }
            }
            for (String t : now.terms()) {
                List<Integer> list = new ArrayList<>(byTerm.getOrDefault(t, List.of()));
                int place = Collections.binarySearch(list, at);
                list.add(-place - 1, at);
                byTerm.put(t, list);
            }
        }
        return byTerm;
    }

    /**
     * The places of the cities of {@code populations} (-1 when unknown), the biggest first (unknown populations
     * last), ties in their own order. Sorts one {@code long} per city, so it boxes nothing and needs no more memory
     * than its result and that array.
     */
    private static int[] rank(long[] populations) {
        int n = populations.length;
        long[] keys = populations.clone();
        Arrays.sort(keys);
        int[] byRank = new int[n];
        for (int i = 0; i < n; i++) {
            // how many places from the biggest population its own is: the same for equal populations
            byRank[i] = n - 1 - Arrays.binarySearch(keys, populations[i]);
        }
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) byRank[i] << 31) | i; // that, then the place in the plan
        }
        Arrays.sort(keys);
        for (int r = 0; r < n; r++) {
            byRank[r] = (int) (keys[r] & Integer.MAX_VALUE);
        }
        return byRank;
    }

    /** Adds every prefix of {@code term}, from its first letter to the whole word, to {@code to}. */
    private static void prefixes(String term, Set<String> to) {
        for (int i = term.offsetByCodePoints(0, 1); ; i = term.offsetByCodePoints(i, 1)) {
            to.add(term.substring(0, i));
            if (i == term.length()) {
                return;
            }
        }
    }

    /** The folded words of {@code text}, cut as MiniSearch cuts them. */
    public static List<String> terms(String text) {
        return Arrays.stream(WORD_BREAK.split(Fold.query(text)))
                .filter(t -> !t.isEmpty())
                .toList();
    }

    /** The shard key of a folded word: its first {@code letters} letters, written as a file name. */
    public static String key(String term, int letters) {
        return Shards.key(term, letters);
    }

    private static byte[] bytes(Object json) {
        return Json.bytes(json, false);
    }
}
