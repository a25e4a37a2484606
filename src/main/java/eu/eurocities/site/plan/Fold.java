package eu.eurocities.site.plan;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import net.gcardone.junidecode.Junidecode;

/**
 * Folds names into search keys, so that a reader typing without diacritics or in another script still finds a
 * city: {@code lodz} finds Łódź, {@code munchen} and {@code münchen} find Munich through its local name München.
 *
 * <p>A key holds two forms of each name, joined by spaces: the ASCII transliteration from junidecode, in lower case
 * (Київ becomes {@code kiyiv}; a small table-driven library that starts in milliseconds, where ICU4J's
 * transliterator took about half a second to load on every build), and the {@link #query query form} (lower
 * case, marks removed, a few letters without a decomposition replaced: Київ becomes {@code киів}). The browser folds
 * what is typed with the same query form ({@code templates/assets/members.js} and {@code search.js} repeat {@link
 * #query} in JavaScript), so a typed word matches when it is a substring of the key.
 */
public final class Fold {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** What JavaScript's {@code \s} matches (Java's {@code \s} alone misses the no-break and other Unicode spaces). */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\x{FEFF}]+");
    /** Letters that NFD does not split into a base letter and a mark; the JavaScript holds the same table. */
    private static final String[][] LETTERS = {
        {"ł", "l"},
        {"ø", "o"},
        {"đ", "d"},
        {"ħ", "h"},
        {"ı", "i"},
        {"ß", "ss"},
        {"æ", "ae"},
        {"œ", "oe"},
        {"þ", "th"},
        {"ð", "d"}
    };

    private Fold() {}

    /**
     * The query form of {@code text}: lower case (root locale), canonical decomposition, combining marks removed,
     * the letters of {@link #LETTERS} replaced, runs of white space made one space, trimmed.
     */
    public static String query(String text) {
        String s = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        for (String[] pair : LETTERS) {
            s = s.replace(pair[0], pair[1]);
        }
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** The ASCII transliteration of {@code text} in lower case: {@code Łódź} gives {@code lodz}. */
    public static String ascii(String text) {
        return SPACES.matcher(Junidecode.unidecode(text).toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }

    /**
     * The search key of some names (null ones are skipped): each name's ASCII and query forms, without repeats,
     * joined by single spaces. {@code key("Munich", "München")} is {@code munich munchen}.
     */
    public static String key(String... names) {
        Set<String> forms = new LinkedHashSet<>();
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                forms.add(ascii(name));
                forms.add(query(name));
            }
        }
        return String.join(" ", forms);
    }

    /** True when every word of the folded {@code typed} text occurs in {@code key}: how the browser matches. */
    static boolean matches(String key, String typed) {
        for (String word : query(typed).split(" ")) {
            if (!key.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
