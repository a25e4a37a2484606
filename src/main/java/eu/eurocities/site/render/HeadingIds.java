package eu.eurocities.site.render;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.AttributeProviderFactory;
import org.commonmark.renderer.html.HtmlNodeRendererFactory;

/**
 * The {@code id} of each heading of a Markdown page, made by one rule on every machine (whatever its language
 * settings) and unique on the page. The rule: the heading's text (code spans included), composed (NFC), in lower
 * case by Unicode's rules for no particular language, except that 'İ' becomes a plain 'i'; each white space becomes
 * '-'; letters, digits, combining marks, '_' and '-' are kept and everything else is dropped; {@value #EMPTY} when
 * nothing is left. An id already taken on the page, by an earlier heading or by the page's templates, gets the first
 * free suffix {@code -1}, {@code -2} ...: {@code ## Mobility} twice gives {@code mobility} and {@code mobility-1}.
 */
final class HeadingIds {
    /** The id of a heading whose text leaves nothing. */
    static final String EMPTY = "section";

    private HeadingIds() {}

    /** The id {@code text} gives before it is made unique. */
    static String slug(String text) {
        String lower = Normalizer.normalize(
                Normalizer.normalize(text, Normalizer.Form.NFC)
                        .replace('\u0130', 'I')
                        .toLowerCase(Locale.ROOT),
                Normalizer.Form.NFC);
        StringBuilder id = new StringBuilder(lower.length());
        lower.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                id.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || isKeptMark(c)) {
                id.appendCodePoint(c);
            }
        });
        return id.length() == 0 ? EMPTY : id.toString();
    }

    private static boolean isKeptMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.CONNECTOR_PUNCTUATION;
    }

    /**
     * Gives every heading of {@code document} its id, in document order, as a first child that {@link #attributes}
     * writes out and {@link #renderers} leaves otherwise unrendered.
     *
     * @param document a parsed page
     * @param taken ids the page's templates already use
     */
    static void assign(Node document, Set<String> taken) {
        Set<String> used = new HashSet<>(taken);
        Map<String, Integer> nextSuffix = new HashMap<>();
        for (Node n = document; n != null; n = next(n, document)) {
            if (n instanceof Heading heading) {
                String base = slug(text(heading));
                String id = base;
                if (!used.add(id)) {
                    int suffix = nextSuffix.getOrDefault(base, 1);
                    do {
                        id = base + "-" + suffix++;
                    } while (!used.add(id));
                    nextSuffix.put(base, suffix);
                }
                heading.prependChild(new Id(id));
            }
        }
    }

    /** Takes away the ids {@link #assign} gave, so that the document can be rendered again for another page. */
    static void remove(Node document) {
        List<Node> ids = new ArrayList<>();
        for (Node n = document; n != null; n = next(n, document)) {
            if (n instanceof Id) {
                ids.add(n);
            }
        }
        ids.forEach(Node::unlink);
    }

    /** Writes the id {@link #assign} gave a heading as its {@code id} attribute. */
    static AttributeProviderFactory attributes() {
        return context -> (node, tagName, attributes) -> {
            if (node instanceof Heading && node.getFirstChild() instanceof Id id) {
                attributes.put("id", id.value);
            }
        };
    }

    /** The id {@link #assign} gave {@code heading}, or null when it gave none. */
    static String idOf(Heading heading) {
        return heading.getFirstChild() instanceof Id id ? id.value : null;
    }

    /** Renders the id nodes {@link #assign} adds as nothing. */
    static HtmlNodeRendererFactory renderers() {
        return context -> new NodeRenderer() {
            @Override
            public Set<Class<? extends Node>> getNodeTypes() {
                return Set.of(Id.class);
            }

            @Override
            public void render(Node node) {}
        };
    }

    /** The text of a heading: its text and code spans, as the reader sees it. */
    private static String text(Heading heading) {
        StringBuilder s = new StringBuilder();
        for (Node n = heading.getFirstChild(); n != null; n = next(n, heading)) {
            if (n instanceof Text t) {
                s.append(t.getLiteral());
            } else if (n instanceof Code c) {
                s.append(c.getLiteral());
            }
        }
        return s.toString();
    }

    /** The node after {@code n} in document order within {@code root}, without recursion; null at the end. */
    static Node next(Node n, Node root) {
        if (n.getFirstChild() != null) {
            return n.getFirstChild();
        }
        for (Node at = n; at != null && at != root; at = at.getParent()) {
            if (at.getNext() != null) {
                return at.getNext();
            }
        }
        return null;
    }

    /** A heading's id, held in the document until it is rendered. */
    private static final class Id extends CustomNode {
        private final String value;

        Id(String value) {
            this.value = value;
        }
    }
}
