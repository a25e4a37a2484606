package eu.eurocities.site.verify;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

/**
 * The URLs a sitemap lists: the text of each {@code loc} element of a {@code url} element, as jsoup's XML parser
 * reads it (entities decoded, white space normalised). The sitemap is read as a stream, each element let go once read,
 * and the URLs are kept as one text: a million of them as a document tree or as a million strings would take several
 * hundred megabytes.
 */
final class SitemapUrls extends AbstractList<String> implements RandomAccess {
    private final String joined;
    /** Where each URL starts in {@link #joined}, and where the last one ends. */
    private final int[] starts;

    private SitemapUrls(String joined, int[] starts) {
        this.joined = joined;
        this.starts = starts;
    }

    /** The URLs {@code xml} lists, in its order; an empty list for a text that is no sitemap. */
    static List<String> of(String xml) {
        StringBuilder joined = new StringBuilder();
        int[] starts = new int[64];
        int count = 0;
        try (StreamParser stream = new StreamParser(Parser.xmlParser()).parse(xml, "")) {
            for (Element element : (Iterable<Element>) stream::iterator) {
                Element parent = element.parent();
                if (element.normalName().equals("loc")
                        && parent != null
                        && parent.normalName().equals("url")
                        && element.hasText()) {
                    if (count + 1 == starts.length) {
                        starts = Arrays.copyOf(starts, starts.length * 2);
                    }
                    joined.append(element.text());
                    starts[++count] = joined.length();
                }
                if (parent != null && element.normalName().equals("url")) { // it and all before it are read
                    parent.empty();
                }
            }
        }
        return new SitemapUrls(joined.toString(), Arrays.copyOf(starts, count + 1));
    }

    @Override
    public String get(int index) {
        return joined.substring(starts[index], starts[index + 1]);
    }

    @Override
    public int size() {
        return starts.length - 1;
    }
}
