package eu.eurocities.site.verify;

import eu.eurocities.site.html.TagScanner;
import eu.eurocities.site.render.LinkSchemes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.internal.StringUtil;
import org.jsoup.parser.Parser;

/**
 * What the checks need to know of one HTML page, read from the page as written ({@link #of}), as soon as it is
 * written, so that checking a site does not hold every page in memory.
 *
 * <p>The page is read tag by tag ({@link TagScanner}), with no document tree: a page's facts are in its tags and
 * attributes, which it reads at a fraction of the cost of a full HTML parse. Comments, script and style contents
 * hold no facts; attribute values have their character references decoded, and of an attribute written twice on one
 * element the first counts, as a browser reads them.
 *
 * @param file the page's output file, e.g. {@code cities/lodz/index.html}
 * @param title the text of the first {@code <title>}, references decoded and white space collapsed, or empty
 * @param h1Count number of {@code h1} elements
 * @param lang the {@code lang} attribute of {@code <html>}, or empty
 * @param canonical the {@code href} of {@code <link rel="canonical">}, or empty
 * @param links every {@code href} of {@code a} and {@code link}, and every {@code src}, in document order
 * @param ids every element {@code id}
 * @param duplicateIds the ids that more than one element has
 * @param unsafeLinks every address, in any attribute of any element, whose scheme {@link LinkSchemes} refuses, in
 *     document order
 * @param redirect true for a page that sends readers on ({@code <meta http-equiv="refresh">}): an old address,
 *     whose canonical URL is the new one and which is not in the sitemap
 */
record PageFacts(
        String file,
        String title,
        int h1Count,
        String lang,
        String canonical,
        List<String> links,
        Set<String> ids,
        Set<String> duplicateIds,
        List<UnsafeLink> unsafeLinks,
        boolean redirect) {

    /**
     * An address a page may not link to.
     *
     * @param tag the element, e.g. {@code a}
     * @param attribute the attribute that holds it, e.g. {@code href}
     * @param address the address, e.g. {@code javascript:alert(1)}
     * @param scheme its scheme in lower case, e.g. {@code javascript}
     */
    public record UnsafeLink(String tag, String attribute, String address, String scheme) {}

    /** Reads the facts of {@code html}, the page written as {@code file}. */
    public static PageFacts of(String file, String html) {
        return of(file, html.getBytes(StandardCharsets.UTF_8), null);
    }

    /**
     * Reads the facts of the page written as {@code file} from its bytes in UTF-8, keeping each link and id as the
     * one equal string in {@code shared} (a thread-safe map from a string to itself, one per build, or null), so that
     * the facts of 100,000 pages, which mostly repeat the same links, stay small.
     */
    public static PageFacts of(String file, byte[] html, Map<String, String> shared) {
        Reader reader = new Reader(shared);
        reader.scan(html);
        return reader.facts(file);
    }

    static String share(String s, Map<String, String> shared) {
        if (shared == null) {
            return s;
        }
        String known = shared.get(s); // lock-free, unlike computeIfAbsent on the hot keys every page repeats
        if (known != null) {
            return known;
        }
        known = shared.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    /** Gathers one page's facts from its tags, in document order. One per page. */
    private static final class Reader extends TagScanner {
        private final Map<String, String> shared;
        private final List<String> links = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        private final Set<String> duplicateIds = new HashSet<>();
        private final List<UnsafeLink> unsafeLinks = new ArrayList<>();
        private int h1Count;
        private String lang;
        private String canonical = "";
        private String title;
        /** The element whose start tag is being read, and the attributes that matter, first of each name. */
        private String tag;

        private String src;
        private String href;
        private String rel;
        private String id;
        private String langAttribute;
        private String httpEquiv;
        /** The refused addresses of the element whose start tag is being read: a tag the page cuts off has none. */
        private final List<UnsafeLink> unsafe = new ArrayList<>();

        private boolean redirect;

        Reader(Map<String, String> shared) {
            this.shared = shared;
        }

        @Override
        protected void startTag(String name) {
            tag = name;
            src = null;
            href = null;
            rel = null;
            id = null;
            langAttribute = null;
            httpEquiv = null;
            unsafe.clear();
        }

        @Override
        protected void text(String element, byte[] page, int offset, int length) {
            if (title == null && element.equals("title")) {
                title = new String(page, offset, length, StandardCharsets.UTF_8);
            }
        }

        @Override
        protected void attribute(String name, byte[] buffer, int offset, int length) {
            String value = null; // decoded once, for the scheme check and the facts alike
            if (length > 0 && LinkSchemes.mayHoldAddress(tag, name)) {
                value = decoded(buffer, offset, length);
                judge(name, value);
            }
            switch (name) {
                case "src" -> src = src != null ? src : orDecoded(value, buffer, offset, length);
                case "href" -> href = href != null ? href : orDecoded(value, buffer, offset, length);
                case "rel" -> rel = rel != null ? rel : decoded(buffer, offset, length);
                case "id" -> id = id != null ? id : decoded(buffer, offset, length);
                case "lang" -> langAttribute = langAttribute != null ? langAttribute : decoded(buffer, offset, length);
                case "http-equiv" -> httpEquiv = decoded(buffer, offset, length);
                default -> {}
            }
        }

        private static String orDecoded(String value, byte[] buffer, int offset, int length) {
            return value != null ? value : decoded(buffer, offset, length);
        }

        /** Records the addresses in {@code value}, an attribute of the current element, that a page may not link to. */
        private void judge(String attribute, String value) {
            for (String address : LinkSchemes.addresses(tag, attribute, value)) {
                String scheme = LinkSchemes.refused(address);
                if (scheme != null) {
                    unsafe.add(new UnsafeLink(tag, attribute, address, scheme));
                }
            }
        }

        /**
         * The element's share of the facts: every {@code src}, else the {@code href} of {@code a} and {@code link}, in
         * document order; the first canonical link; ids; {@code h1} elements; the first {@code html} element's lang.
         */
        @Override
        protected void startTagEnd() {
            if (!unsafe.isEmpty()) {
                unsafeLinks.addAll(unsafe);
            }
            if (tag.equals("meta") && "refresh".equalsIgnoreCase(httpEquiv)) {
                redirect = true;
            } else if (tag.equals("h1")) {
                h1Count++;
            } else if (tag.equals("html") && lang == null) {
                lang = langAttribute == null ? "" : langAttribute;
            }
            if (src != null) {
                links.add(share(src, shared));
            } else if ((tag.equals("a") || tag.equals("link")) && href != null) {
                String link = share(href, shared);
                links.add(link);
                if (tag.equals("link") && canonical.isEmpty() && "canonical".equalsIgnoreCase(rel)) {
                    canonical = link; // the one copy the links hold: at a million pages each copy counts
                }
            }
            if (id != null && !ids.add(share(id, shared))) {
                duplicateIds.add(id);
            }
        }

        PageFacts facts(String file) {
            String text = title == null ? "" : title;
            text = StringUtil.normaliseWhitespace(text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, false));
            return new PageFacts(
                    file,
                    text.strip(),
                    h1Count,
                    lang == null ? "" : lang,
                    canonical,
                    List.copyOf(links),
                    Set.copyOf(ids),
                    Set.copyOf(duplicateIds),
                    List.copyOf(unsafeLinks),
                    redirect);
        }
    }
}
