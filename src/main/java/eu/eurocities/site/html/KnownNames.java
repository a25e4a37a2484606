package eu.eurocities.site.html;

/**
 * The tag and attribute names of HTML and SVG that pages repeat thousands of times, each as one string, so that
 * {@link TagScanner} makes no new string for them: that would cost more than the rest of its scan. An
 * open-addressing table of {@value #SLOTS} slots, each name at the slot its hash picks or the next free one after it.
 */
final class KnownNames {
    private static final int SLOTS = 1024;

    private static final String[] TABLE = table("""
            a abbr address article aside audio b blockquote body br button canvas caption cite code col
            colgroup dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1
            h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark
            meta meter nav noscript object ol optgroup option output p picture pre progress q s samp script
            section select small source span strong style sub summary sup table tbody td template textarea
            tfoot th thead time title tr track u ul var video wbr svg g path circle ellipse line polyline
            polygon rect text tspan use defs desc symbol clippath lineargradient stop marker pattern image
            accesskey action alt aria-current aria-describedby aria-expanded aria-hidden aria-label
            aria-labelledby aria-live async autocomplete charset checked class colspan content crossorigin
            cx cy d data-category data-country data-index data-key data-population data-script data-sort
            data-texts datetime decoding defer dir disabled download fill focusable for headers height
            hidden href hreflang http-equiv id integrity lang loading max media method min name open
            placeholder points property r rel role rowspan rx ry scope selected sizes spellcheck src srcset
            stroke stroke-width tabindex target text-anchor transform type value viewbox width x x1 x2 xmlns
            y y1 y2
            """);

    private KnownNames() {}

    /**
     * The known name whose {@link String#hashCode} is {@code hash} and whose characters are those of {@code page}
     * from {@code start} to {@code end} (ASCII capitals read as small letters), or null when it is not known.
     */
    static String find(int hash, byte[] page, int start, int end) {
        for (int slot = spread(hash); TABLE[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
            String known = TABLE[slot];
            if (known.length() == end - start && TagScanner.regionMatchesIgnoreCase(page, start, known)) {
                return known;
            }
        }
        return null;
    }

    private static int spread(int hash) {
        return (hash ^ hash >>> 10) & (SLOTS - 1);
    }

    private static String[] table(String names) {
        String[] table = new String[SLOTS];
        for (String name : names.strip().split("\\s+")) {
            int slot = spread(name.hashCode());
            while (table[slot] != null) {
                slot = (slot + 1) & (SLOTS - 1);
            }
            table[slot] = name;
        }
        return table;
    }
}
