package eu.eurocities.site.render;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.TextPage;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * What {@link Markdown#check} refuses in a parsed page, each at its line and column: nesting deeper than {@link
 * #MAX_DEPTH} levels (which rendering would walk recursively), a level-1 heading, and an address with a scheme
 * {@link LinkSchemes} refuses, in a link, an image, a link reference definition or an attribute of raw HTML.
 * Walks the tree without recursion, so any depth is safe to check.
 */
final class MarkdownCheck {
    /** The deepest nesting of quotes, list items, emphasis, links and images inside each other that a page may have. */
    static final int MAX_DEPTH = 100;

    private static final String SCHEME_HINT = "link with http:, https:, mailto: or tel:, or to a page of the site "
            + "(e.g. /members/ or membership.md); other schemes can run a script or open a file when a reader clicks";

    private MarkdownCheck() {}

    /** What {@link #check} found. */
    enum Verdict {
        /** Nothing was refused. */
        PASSED,
        /** Something was refused, each at its place; the parse can still be walked (its links checked). */
        REFUSED,
        /** The body nests too deeply to be walked by anything but this check. */
        TOO_DEEP
    }

    /** Checks {@code document}, the parse of {@code page}'s body. */
    static Verdict check(Node document, TextPage page, Diagnostics diagnostics) {
        String source = page.markdown();
        boolean ok = true;
        boolean tooDeep = false;
        int above = 0; // nesting levels among the ancestors of the node at hand
        Node n = document;
        while (n != null) {
            int depth = above + level(n);
            if (depth > MAX_DEPTH && !tooDeep) {
                tooDeep = true;
                diagnostics.error(
                        position(n, page),
                        "quotes, lists, emphasis, links or images are nested more than " + MAX_DEPTH + " levels deep",
                        "a page needs a few levels at most; check the '>', '-', '*', '_', '[' or '![' that open here");
            }
            ok &= checkNode(n, page, source, diagnostics);
            if (n.getFirstChild() != null) {
                above = depth;
                n = n.getFirstChild();
                continue;
            }
            while (n != document && n.getNext() == null) {
                n = n.getParent();
                above -= level(n);
            }
            n = n == document ? null : n.getNext();
        }
        return tooDeep ? Verdict.TOO_DEEP : ok ? Verdict.PASSED : Verdict.REFUSED;
    }

    /** How many levels {@code n} adds to the nesting of what it holds. */
    private static int level(Node n) {
        return n instanceof BlockQuote
                        || n instanceof ListItem
                        || n instanceof Emphasis
                        || n instanceof StrongEmphasis
                        || n instanceof Link
                        || n instanceof Image
                ? 1
                : 0;
    }

    private static boolean checkNode(Node n, TextPage page, String source, Diagnostics diagnostics) {
        if (n instanceof Heading heading && heading.getLevel() == 1) {
            boolean atx = startsWith(heading, source, '#');
            diagnostics.error(
                    position(n, page),
                    "level-1 heading '" + text(heading)
                            + "': a page's only h1 is its title, from 'title:' in the front matter",
                    atx
                            ? "start a section heading with '## ' instead of '# '"
                            : "underline a section heading with '---' instead of '==='");
            return false;
        }
        if (n instanceof Link link && !isReference(n, source)) {
            return address(link.getDestination(), "link to", position(n, page), diagnostics);
        } else if (n instanceof Image image && !isReference(n, source)) {
            return address(image.getDestination(), "image", position(n, page), diagnostics);
        } else if (n instanceof LinkReferenceDefinition definition) {
            return address(
                    definition.getDestination(),
                    "link definition [" + definition.getLabel() + "] to",
                    position(n, page),
                    diagnostics);
        } else if (n instanceof HtmlInline html) {
            return html(html.getLiteral(), position(n, page), diagnostics);
        } else if (n instanceof HtmlBlock html) {
            return html(html.getLiteral(), position(n, page), diagnostics);
        }
        return true;
    }

    private static boolean address(String address, String what, SourcePos pos, Diagnostics diagnostics) {
        String scheme = LinkSchemes.refused(address);
        if (scheme == null) {
            return true;
        }
        diagnostics.error(
                pos,
                what + " '" + shortened(address) + "' uses the scheme '" + scheme + ":', which is not allowed",
                SCHEME_HINT);
        return false;
    }

    /** Checks the address attributes of raw HTML (which is escaped, but should not hold such links either). */
    private static boolean html(String literal, SourcePos pos, Diagnostics diagnostics) {
        boolean ok = true;
        Element body = Jsoup.parseBodyFragment(literal).body();
        for (Element e : body.getAllElements()) {
            for (Attribute a : e.attributes()) {
                for (String address : LinkSchemes.addresses(e.normalName(), a.getKey(), a.getValue())) {
                    String scheme = LinkSchemes.refused(address);
                    if (scheme != null) {
                        diagnostics.error(
                                at(pos, literal, a.getKey()),
                                "HTML attribute " + a.getKey() + "=\"" + shortened(a.getValue())
                                        + "\" uses the scheme '" + scheme + ":', which is not allowed",
                                SCHEME_HINT);
                        ok = false;
                    }
                }
            }
        }
        return ok;
    }

    /** The position of the first {@code attribute} written in {@code literal}, which starts at {@code start}. */
    private static SourcePos at(SourcePos start, String literal, String attribute) {
        int i = 0;
        while (i < literal.length() && !literal.regionMatches(true, i, attribute, 0, attribute.length())) {
            i++;
        }
        if (i == literal.length()) {
            return start;
        }
        int newline = literal.lastIndexOf('\n', i);
        int lines = (int) literal.substring(0, i).chars().filter(c -> c == '\n').count();
        return lines == 0
                ? new SourcePos(start.path(), start.line(), start.column() + i)
                : new SourcePos(start.path(), start.line() + lines, i - newline);
    }

    /**
     * True for a link or image written as a reference ({@code [text][label]}, {@code [label]}): its definition holds
     * the address, and is checked where it is written.
     */
    private static boolean isReference(Node n, String source) {
        List<SourceSpan> spans = n.getSourceSpans();
        if (spans.isEmpty()) {
            return false;
        }
        SourceSpan last = spans.get(spans.size() - 1);
        int end = last.getInputIndex() + last.getLength() - 1;
        return end >= 0 && end < source.length() && source.charAt(end) == ']';
    }

    private static boolean startsWith(Node n, String source, char c) {
        List<SourceSpan> spans = n.getSourceSpans();
        if (spans.isEmpty()) {
            return true;
        }
        int i = spans.get(0).getInputIndex();
        while (i < source.length() && source.charAt(i) == ' ') {
            i++;
        }
        return i < source.length() && source.charAt(i) == c;
    }

    private static String text(Heading heading) {
        StringBuilder s = new StringBuilder();
        for (Node n = heading.getFirstChild(); n != null; n = HeadingIds.next(n, heading)) {
            if (n instanceof Text t) {
                s.append(t.getLiteral());
            }
        }
        return shortened(s.toString().strip());
    }

    /** {@code s} cut to 60 characters, for a message. */
    private static String shortened(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** Where {@code node} starts in {@code page}'s file; the file alone when the parser gave no position. */
    static SourcePos position(Node node, TextPage page) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return page.pos();
        }
        SourceSpan span = spans.get(0);
        return new SourcePos(page.pos().path(), page.bodyLine() + span.getLineIndex(), span.getColumnIndex() + 1);
    }
}
