package eu.eurocities.site.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Finds what an editor probably meant to type, for "did you mean" hints: the nearest known word by edit distance. */
public final class NearMiss {
    /** Words more than this many edits away are not suggested. */
    static final int MAX_EDITS = 3;

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(MAX_EDITS);

    private NearMiss() {}

    /**
     * The known word nearest to {@code typed} (compared in lower case), or empty when none is within {@link
     * #MAX_EDITS} edits. Ties go to the word that comes first in {@code known}.
     */
    public static Optional<String> nearest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = edits(typed, k);
            if (d >= 0 && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The number of edits from {@code typed} (in lower case) to {@code word}, or -1 when more than {@link #MAX_EDITS}.
     */
    public static int edits(String typed, String word) {
        return DISTANCE.apply(typed.toLowerCase(Locale.ROOT), word);
    }

    /**
     * A hint for an unknown {@code value}: "did you mean 'x'?" when a known word is near it, otherwise {@code prefix}
     * followed by up to eight known words in order ("..." when there are more).
     */
    public static String hint(String value, Collection<String> known, String prefix) {
        Optional<String> best = nearest(value, known);
        if (best.isPresent()) {
            return "did you mean '" + best.get() + "'?";
        }
        java.util.List<String> sorted = known.stream().sorted().limit(8).toList();
        return prefix + String.join(", ", sorted) + (known.size() > 8 ? ", ..." : "");
    }
}
