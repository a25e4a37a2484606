package eu.eurocities.site.render;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SortedMap;
import java.util.function.IntConsumer;

/**
 * The search index's word table: distinct words in {@link String} order, each with the ascending places of the
 * cities that have it. Held as a few primitive arrays (the words' letters one after another, the places one after
 * another) rather than a map of strings to lists: a word takes two bytes a letter and 8 B, and 4 B a city it leads
 * to, against about 130 B a word in a {@code TreeMap<String, List<Integer>>}.
 */
final class Words {
    private final char[] letters;
    /** Where each word's letters end in {@link #letters}. */
    private final int[] wordEnds;
    /** Where each word's places end in {@link #places}. */
    private final int[] placeEnds;

    private final int[] places;

    private Words(char[] letters, int[] wordEnds, int[] placeEnds, int[] places) {
        this.letters = letters;
        this.wordEnds = wordEnds;
        this.placeEnds = placeEnds;
        this.places = places;
    }

    /** The table of {@code byTerm}: its words in its order, with its places. */
    static Words of(SortedMap<String, ? extends List<Integer>> byTerm) {
        int chars = 0;
        int count = 0;
        for (Map.Entry<String, ? extends List<Integer>> e : byTerm.entrySet()) {
            chars += e.getKey().length();
            count += e.getValue().size();
        }
        char[] letters = new char[chars];
        int[] wordEnds = new int[byTerm.size()];
        int[] placeEnds = new int[byTerm.size()];
        int[] places = new int[count];
        int w = 0;
        int c = 0;
        int p = 0;
        for (Map.Entry<String, ? extends List<Integer>> e : byTerm.entrySet()) {
            String word = e.getKey();
            word.getChars(0, word.length(), letters, c);
            c += word.length();
            wordEnds[w] = c;
            for (int place : e.getValue()) {
                places[p++] = place;
            }
            placeEnds[w++] = p;
        }
        return new Words(letters, wordEnds, placeEnds, places);
    }

    /**
     * One table of {@code runs}, each made of cities after those of the runs before it: a word's places are those
     * of the first run that has it, then of the next, and so on.
     */
    static Words merge(List<Words> runs) {
        if (runs.size() == 1) {
            return runs.get(0);
        }
        int chars = 0;
        int words = 0;
        int count = 0;
        for (Words r : runs) {
            chars += r.letters.length;
            words += r.size();
            count += r.places.length;
        }
        // at most these many: a word in several runs is counted once for each
        char[] letters = new char[chars];
        int[] wordEnds = new int[words];
        int[] placeEnds = new int[words];
        int[] places = new int[count];
        // each run's next word, the smallest first, then the earliest run
        PriorityQueue<Cursor> next = new PriorityQueue<>((a, b) -> {
            int c = a.compareTo(b);
            return c != 0 ? c : Integer.compare(a.run, b.run);
        });
        for (int r = 0; r < runs.size(); r++) {
            if (runs.get(r).size() > 0) {
                next.add(new Cursor(runs.get(r), r));
            }
        }
        int w = -1;
        int c = 0;
        int p = 0;
        int lastFrom = 0; // where the last word written starts in letters
        while (!next.isEmpty()) {
            Cursor at = next.poll();
            int wordFrom = at.words.start(at.word);
            int wordEnd = at.words.wordEnds[at.word];
            if (w < 0 || !Arrays.equals(at.words.letters, wordFrom, wordEnd, letters, lastFrom, c)) {
                w++;
                System.arraycopy(at.words.letters, wordFrom, letters, c, wordEnd - wordFrom);
                lastFrom = c;
                c += wordEnd - wordFrom;
                wordEnds[w] = c;
            }
            int from = at.word == 0 ? 0 : at.words.placeEnds[at.word - 1];
            int length = at.words.placeEnds[at.word] - from;
            System.arraycopy(at.words.places, from, places, p, length);
            p += length;
            placeEnds[w] = p;
            if (++at.word < at.words.size()) {
                next.add(at);
            }
        }
        return new Words(
                Arrays.copyOf(letters, c),
                Arrays.copyOf(wordEnds, w + 1),
                Arrays.copyOf(placeEnds, w + 1),
                Arrays.copyOf(places, p));
    }

    /** A run's word being merged. */
    private static final class Cursor {
        final Words words;
        final int run;
        int word;

        Cursor(Words words, int run) {
            this.words = words;
            this.run = run;
        }

        /** This cursor's word against {@code other}'s, in {@link String} order. */
        int compareTo(Cursor other) {
            return Arrays.compare(
                    words.letters,
                    words.start(word),
                    words.wordEnds[word],
                    other.words.letters,
                    other.words.start(other.word),
                    other.words.wordEnds[other.word]);
        }
    }

    /** How many words it has. */
    int size() {
        return wordEnds.length;
    }

    private int start(int word) {
        return word == 0 ? 0 : wordEnds[word - 1];
    }

    /** Word {@code word}. */
    String word(int word) {
        int from = start(word);
        return new String(letters, from, wordEnds[word] - from);
    }

    /** How many letters (code points) word {@code word} has. */
    int letters(int word) {
        int from = start(word);
        return Character.codePointCount(letters, from, wordEnds[word] - from);
    }

    /** Whether word {@code word} starts with {@code prefix}. */
    boolean startsWith(int word, String prefix) {
        int from = start(word);
        if (wordEnds[word] - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (letters[from + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Gives {@code to} the places of the cities that have word {@code word}, in ascending order. */
    void places(int word, IntConsumer to) {
        for (int i = word == 0 ? 0 : placeEnds[word - 1]; i < placeEnds[word]; i++) {
            to.accept(places[i]);
        }
    }
}
