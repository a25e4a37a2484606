package eu.eurocities.site.render;

import eu.eurocities.site.diag.SourcePos;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A link or image written in Markdown, as it ended up in a page, so that a problem the output check finds with it
 * can be reported at the line the editor wrote.
 *
 * @param file the output file of the page it is on, e.g. {@code membership/index.html}
 * @param href the link as written into the HTML, e.g. {@code ../members/} or {@code https://eurocities.eu/}
 * @param written the destination as written in the Markdown, e.g. {@code /members/}
 * @param pos where the link starts in the Markdown file
 */
public record MarkdownLink(String file, String href, String written, SourcePos pos) {

    /** {@code links} by page file, then by line and column. */
    public static List<MarkdownLink> sorted(Collection<MarkdownLink> links) {
        return links.stream()
                .sorted(Comparator.comparing(MarkdownLink::file)
                        .thenComparingInt(l -> l.pos().line())
                        .thenComparingInt(l -> l.pos().column()))
                .toList();
    }
}
