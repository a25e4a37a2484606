package eu.eurocities.site.render;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * The words a reader sees in a Markdown body, cut at its headings, for the search index: the text before the first
 * heading, then one {@link Section} per heading with the id the rendered page gives it ({@link HeadingIds}). Only
 * text and code spans are kept: link targets, raw HTML (shown as text on the page but not content) and markup are
 * not; entities are already decoded by the parser. It walks the parse {@link Markdown} keeps ({@link
 * Markdown#sections}), so that each body is parsed once per build.
 */
public final class SearchText {
    private SearchText() {}

    /**
     * A part of a body.
     *
     * @param heading the heading's text, or null for the text before the first heading
     * @param anchor the heading's id on the page, or null for the text before the first heading
     * @param text the words of the part, single-spaced
     */
    public record Section(String heading, String anchor, String text) {}

    /**
     * The sections of a parsed body whose headings carry their ids, in document order; the first is the text before
     * the first heading (maybe empty).
     */
    static List<Section> of(Node document) {
        List<Section> sections = new ArrayList<>();
        String heading = null;
        String anchor = null;
        StringBuilder text = new StringBuilder();
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                sections.add(new Section(heading, anchor, squeeze(text)));
                text.setLength(0);
                heading = squeeze(words(h, new StringBuilder()));
                anchor = HeadingIds.idOf(h);
            } else {
                words(n, text);
            }
        }
        sections.add(new Section(heading, anchor, squeeze(text)));
        return List.copyOf(sections);
    }

    /** Appends the text and code spans under {@code block} to {@code s}, a space between blocks and lines. */
    private static StringBuilder words(Node block, StringBuilder s) {
        for (Node n = block; n != null; n = HeadingIds.next(n, block)) {
            if (n instanceof Text t) {
                s.append(t.getLiteral());
            } else if (n instanceof Code c) {
                s.append(c.getLiteral());
            } else if (n instanceof Block
                    || n instanceof TableCell
                    || n instanceof SoftLineBreak
                    || n instanceof HardLineBreak) {
                s.append(' '); // blocks, cells and line breaks part words; emphasis and links do not
            }
        }
        return s.append(' ');
    }

    private static String squeeze(StringBuilder s) {
        return s.toString().replaceAll("\\s+", " ").strip();
    }
}
