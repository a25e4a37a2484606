package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WordsTest {
    /** The table as a map again, to compare with the map it was made from. */
    private static SortedMap<String, List<Integer>> map(Words words) {
        SortedMap<String, List<Integer>> map = new TreeMap<>();
        for (int w = 0; w < words.size(); w++) {
            List<Integer> places = new ArrayList<>();
            words.places(w, places::add);
            map.put(words.word(w), places);
        }
        return map;
    }

    @Test
    void holdsTheWordsInStringOrderWithTheirPlaces() {
        // U+FB01 sorts after U+1F600's first half in String order, unlike in code point order
        SortedMap<String, List<Integer>> byTerm = new TreeMap<>(
                Map.of("ber", List.of(0, 3), "berlin", List.of(0), "ﬁ", List.of(2), "\uD83D\uDE00x", List.of(1, 2)));
        Words words = Words.of(byTerm);
        assertEquals(
                List.of("ber", "berlin", "\uD83D\uDE00x", "ﬁ"),
                new ArrayList<>(map(words).keySet()));
        assertEquals(byTerm, map(words));
        assertEquals(3, words.letters(0));
        assertEquals(2, words.letters(2));
        assertTrue(words.startsWith(1, "ber"));
        assertFalse(words.startsWith(0, "berl"));
    }

    @Test
    void mergesRunsOfLaterCitiesIntoOneTable() {
        SortedMap<String, List<Integer>> first = new TreeMap<>(Map.of("a", List.of(0, 1), "b", List.of(1)));
        SortedMap<String, List<Integer>> second = new TreeMap<>(Map.of("ab", List.of(2), "b", List.of(2, 3)));
        SortedMap<String, List<Integer>> third = new TreeMap<>(Map.of("a", List.of(4), "c", List.of(5)));
        SortedMap<String, List<Integer>> empty = new TreeMap<>();
        Words merged = Words.merge(List.of(Words.of(first), Words.of(empty), Words.of(second), Words.of(third)));
        assertEquals(
                Map.of("a", List.of(0, 1, 4), "ab", List.of(2), "b", List.of(1, 2, 3), "c", List.of(5)), map(merged));
        assertEquals(4, merged.size());
    }
}
