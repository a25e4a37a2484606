package eu.eurocities.site.render;

import eu.eurocities.site.model.TextPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The words a reader sees in a Markdown body, cut at its headings, for the search index: the text before the first
 * heading, then one {@link Section} per heading with the id the rendered page gives it ({@link HeadingIds}). Only
 * text and code spans are kept: link targets, raw HTML (shown as text on the page but not content) and markup are
 * not; entities are already decoded by the parser. Built once and reused; thread-safe.
 */
public final class SearchText {
    private final Parser parser;

    /** Builds the parser (the extensions of {@link Markdown}, without source positions). */
    public SearchText() {
        List<Extension> extensions = List.of(TablesExtension.create(), AutolinkExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
    }

    /**
     * A part of a body.
     *
     * @param heading the heading's text, or null for the text before the first heading
     * @param anchor the heading's id on the page, or null for the text before the first heading
     * @param text the words of the part, single-spaced
     */
    public record Section(String heading, String anchor, String text) {}

    /**
     * The sections of {@code page}'s body in document order; the first is the text before the first heading (maybe
     * empty).
     *
     * @throws IllegalStateException when the body nests too deeply to parse (the Markdown check refuses such a page
     *     before this runs)
     */
    public List<Section> sections(TextPage page) {
        Node document = StackGuard.run(() -> parser.parse(page.markdown()))
                .orElseThrow(() -> new IllegalStateException(page.pos().path() + ": nested too deeply"));
        // Ids as the page gets them; an id a page's template takes first is not known here (VisitorSiteTest checks
        // that every section's anchor is on its page).
        HeadingIds.assign(document, Set.of());
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
