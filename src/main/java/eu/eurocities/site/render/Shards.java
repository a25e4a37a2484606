package eu.eurocities.site.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Cuts the cities into shards by the first letters of their words, one letter more wherever a shard would hold more
 * than {@link #MAX} cities. A word's letters lead the browser down to the shard that holds every city with a word
 * starting with them (a leaf), or, when the word ends at a shard that was cut further (an inner one: "synthcity" in
 * 66,000 cities), to that shard's file of the {@link #MAX} biggest cities it covers.
 *
 * <p>Where {@code lastManifest} (the last call's manifest, or null) has a shard that no {@code touched} prefix names,
 * the shard and all below it hold the same cities in the same order as then, so their files ({@code lastFiles}) and
 * manifest entries are taken over.
 *
 * @param words the cities that have each word, by their place, in ascending order
 * @param docs writes each city's document as JSON, by its place
 * @param order each city's rank, by its place (the biggest city is rank 0)
 * @param byRank each rank's city, by its place
 * @param files receives each shard's file, named relative to the index's folder
 */
record Shards(
        Words words,
        Docs docs,
        int[] order,
        int[] byRank,
        BiConsumer<String, byte[]> files,
        List<Map.Entry<String, List<Integer>>> lastManifest,
        Map<String, byte[]> lastFiles,
        Set<String> touched) {
    /**
     * The most cities a shard holds: MiniSearch indexes this many in the browser in about 20 ms (on a CPU slowed down
     * four times, about 100), see BENCHMARKS.md.
     */
    static final int MAX = 1_000;

    /** The order shards are written in: by their words' letters, as {@link TreeMap} sorts the words. */
    private static final Comparator<String> ORDER = Comparator.naturalOrder();

    private static final byte[] DOCS_START = "{\"docs\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DOCS_END = "]}".getBytes(StandardCharsets.UTF_8);

    /** Writes a city's document. */
    interface Docs {
        /** Writes the document of the city at {@code place} to {@code out}, as JSON. */
        void write(int place, ByteArrayOutputStream out);
    }

    /** Writes every shard and adds each to {@code manifest}: its cities and 1 for a leaf, 0 for an inner shard. */
    void split(Map<String, List<Integer>> manifest) {
        split("", 0, words.size(), manifest);
    }

    /**
     * Writes the shards under {@code prefix} for the words from {@code from} to {@code to} (those that start with
     * it) and adds each to {@code manifest}.
     */
    private void split(String prefix, int from, int to, Map<String, List<Integer>> manifest) {
        int length = prefix.codePointCount(0, prefix.length());
        if (!prefix.isEmpty()) {
            if (lastManifest != null && !touched.contains(prefix) && takeOver(prefix, manifest)) {
                return;
            }
            BitSet ranks = new BitSet(order.length);
            boolean whole = true; // whether every word is the prefix itself
            for (int w = from; w < to; w++) {
                words.places(w, i -> ranks.set(order[i]));
                whole &= words.letters(w) == length;
            }
            int covered = ranks.cardinality();
            boolean leaf = covered <= MAX || whole;
            // a leaf in the order of the plan, so that a city's population moves no other city between files
            int[] kept = ranks.stream().limit(MAX).map(r -> byRank[r]).sorted().toArray();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(DOCS_START);
            for (int k = 0; k < kept.length; k++) {
                if (k > 0) {
                    out.write(',');
                }
                docs.write(kept[k], out);
            }
            out.writeBytes(DOCS_END);
            files.accept(file(prefix), out.toByteArray());
            manifest.put(prefix, List.of(covered, leaf && covered <= MAX ? 1 : 0));
            if (leaf) {
                return;
            }
        }
        // the words longer than the prefix, by their next letter; in String order each such group is a run of words
        int w = from;
        while (w < to) {
            if (words.letters(w) <= length) {
                w++;
                continue;
            }
            String next = prefix(words.word(w), length + 1);
            int end = w + 1;
            while (end < to && words.startsWith(end, next)) {
                end++;
            }
            split(next, w, end, manifest);
            w = end;
        }
    }

    /** Takes over the last call's shard {@code prefix} and those below it; false when there was none. */
    private boolean takeOver(String prefix, Map<String, List<Integer>> manifest) {
        int at = Collections.binarySearch(lastManifest, Map.entry(prefix, List.of()), Map.Entry.comparingByKey(ORDER));
        if (at < 0) {
            return false;
        }
        for (int i = at; i < lastManifest.size(); i++) {
            Map.Entry<String, List<Integer>> e = lastManifest.get(i);
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            String file = file(e.getKey());
            files.accept(file, lastFiles.get(file));
            manifest.put(e.getKey(), e.getValue());
        }
        return true;
    }

    /** The file of shard {@code prefix}, relative to the index's folder. */
    private static String file(String prefix) {
        return key(prefix, prefix.codePointCount(0, prefix.length())) + ".json";
    }

    /** The first {@code letters} letters (code points) of {@code term}. */
    static String prefix(String term, int letters) {
        return term.codePoints()
                .limit(letters)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** The shard key of a folded word: its first {@code letters} letters, written as a file name. */
    static String key(String term, int letters) {
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
}
