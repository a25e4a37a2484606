package eu.eurocities.site.render;

import eu.eurocities.site.model.TextPage;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Values made from Markdown pages, found by any equal page (same file, same text) and held weakly: a value goes when
 * no build uses its page any more. Thread-safe.
 */
final class PageMemo<V> {
    private final Map<TextPage, V> values = new WeakHashMap<>();

    /** The value of {@code page} or of an equal page, or null. */
    synchronized V get(TextPage page) {
        return values.get(page);
    }

    synchronized void put(TextPage page, V value) {
        values.put(page, value);
    }

    /**
     * The value of a page equal to {@code page}, from now on kept under {@code page} itself, which the build asking
     * holds, rather than under the equal page an earlier build read from the same file and may soon let go; null when
     * there is none.
     */
    synchronized V adopt(TextPage page) {
        V value = values.remove(page);
        if (value != null) {
            values.put(page, value);
        }
        return value;
    }
}
