package eu.eurocities.site.verify;

import java.util.Set;

/**
 * What the check keeps of one page once the page's own checks are done: so little that a million of them fit
 * beside the plan. Its links are checked when it is written; only those that cannot be judged then stay, for the end.
 *
 * @param file the page's output file
 * @param titled true when the page has a title and is not a redirect page, so that it takes part in the check
 *     that no two pages share a title
 * @param title1 one hash of the title (see {@link #hash1})
 * @param title2 another, independent hash of the title ({@link #hash2}): two pages share a title when both agree
 * @param title the title itself, or null when no page written before this one could have had the same title (the
 *     message about two pages with one title quotes it)
 * @param redirect true for a page that sends readers on
 * @param ids every element id of the page, for {@code #fragment} links into it
 * @param entries the page's findings other than a shared title, in order, each a {@code Finding} or a {@code
 *     String}: a link not judged yet, to judge at the end; null when there are none
 */
record CheckedPage(
        String file,
        boolean titled,
        long title1,
        long title2,
        String title,
        boolean redirect,
        Set<String> ids,
        Object[] entries) {

    /** A page on which its own checks found nothing, with its title's text. */
    static CheckedPage clean(PageFacts page) {
        boolean titled = !page.title().isEmpty() && !page.redirect();
        return new CheckedPage(
                page.file(),
                titled,
                titled ? hash1(page.title()) : 0,
                titled ? hash2(page.title()) : 0,
                page.title(),
                page.redirect(),
                page.ids(),
                null);
    }

    /** A 64-bit FNV-1a hash of the text's characters. */
    static long hash1(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** A second 64-bit hash, of another kind than {@link #hash1}: a multiplicative one, mixed at the end. */
    static long hash2(String text) {
        long h = text.length();
        for (int i = 0; i < text.length(); i++) {
            h = h * 0x9E3779B97F4A7C15L + text.charAt(i) + 1;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
