package eu.eurocities.site.html;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import org.jsoup.parser.Parser;

/**
 * Reads the tags of an HTML page in one pass, split as the HTML standard's tokenizer splits a page, as far as a page's
 * facts need it: start tags with their attributes, end tags, and the text of the elements whose content holds no tags
 * (title, textarea, script, style ...). Comments, doctypes and processing instructions are skipped; in SVG and MathML
 * the content of title, style and script is markup, as in a browser, and {@code <![CDATA[...]]>} is text. It builds no
 * tree and opens or closes no element on its own: a page's facts are all in its tags.
 *
 * <p>A tag cut off by the end of the page is dropped, as a browser drops it: its start is reported, its end is not.
 * One pass over the bytes with no look-up per tag: a 10,000-city build reads 55 MB of pages with it. It reads the
 * pages this tool writes (the output check, the ids a page's templates take); pages of other origins are jsoup's.
 */
public abstract class TagScanner {
    /** Whether the tag read last ended with "/>". */
    private boolean selfClosing;

    /** A start tag begins; {@code name} is in lower case (ASCII letters), as every name reported. */
    protected abstract void startTag(String name);

    /**
     * An attribute of the current start tag, its value as written (UTF-8 bytes, character references not decoded).
     */
    protected abstract void attribute(String name, byte[] page, int offset, int length);

    /** The current start tag ends: its attributes are all reported. */
    protected abstract void startTagEnd();

    /**
     * The content of the title, textarea, script, style, xmp, iframe, noembed or noframes element just started, as
     * written, up to its end tag (or the end of the page).
     */
    protected void text(String element, byte[] page, int offset, int length) {}

    /** An attribute value as {@link #attribute} gives it, as text with its character references decoded. */
    protected static String decoded(byte[] page, int offset, int length) {
        String v = new String(page, offset, length, UTF_8);
        return v.indexOf('&') < 0 ? v : Parser.unescapeEntities(v, true);
    }

    /**
     * Reads {@code page}, the page's UTF-8 bytes, from start to end, reporting its tags in document order. Every
     * character the markup is made of is ASCII, and no byte of a longer UTF-8 sequence is: the bytes are read as they
     * were written, with no decoding but of the names and values reported.
     */
    public final void scan(byte[] page) {
        int foreign = 0; // how many svg and math elements are open: their content is markup of their own
        int i = 0;
        int n = page.length;
        while (true) {
            int lt = indexOf(page, '<', i);
            if (lt < 0 || lt + 1 >= n) {
                return;
            }
            byte c = page[lt + 1];
            if (isLetter(c)) {
                int nameEnd = nameEnd(page, lt + 1);
                String name = lowerCase(page, lt + 1, nameEnd);
                startTag(name);
                i = attributes(page, nameEnd, true);
                if (i < 0) {
                    return;
                }
                startTagEnd();
                if (foreign > 0 || name.equals("svg") || name.equals("math")) {
                    if (!selfClosing && (name.equals("svg") || name.equals("math"))) {
                        foreign++;
                    }
                } else if (name.equals("plaintext")) {
                    text(name, page, i, n - i);
                    return;
                } else if (holdsText(name)) {
                    int end = endTag(page, i, name);
                    text(name, page, i, end - i);
                    i = end;
                }
            } else if (c == '/') {
                if (lt + 2 < n && isLetter(page[lt + 2])) {
                    int nameEnd = nameEnd(page, lt + 2);
                    if (foreign > 0 && isForeignRoot(page, lt + 2, nameEnd)) {
                        foreign--;
                    }
                    i = attributes(page, nameEnd, false);
                    if (i < 0) {
                        return;
                    }
                } else {
                    i = after(page, '>', lt + 2); // "</>" or a bogus comment
                }
            } else if (c == '!') {
                if (startsWith(page, lt + 2, "--")) {
                    i = commentEnd(page, lt + 4);
                } else if (foreign > 0 && startsWith(page, lt + 2, "[CDATA[")) {
                    int end = indexOf(page, "]]>", lt + 9);
                    i = end < 0 ? n : end + 3;
                } else {
                    i = after(page, '>', lt + 2); // a doctype or a bogus comment
                }
            } else if (c == '?') {
                i = after(page, '>', lt + 2);
            } else {
                i = lt + 1; // a '<' that starts no tag is text
            }
        }
    }

    /** Elements whose content is text up to their end tag (RCDATA and RAWTEXT elements, and script). */
    private static boolean holdsText(String name) {
        return switch (name) {
            case "title", "textarea", "script", "style", "xmp", "iframe", "noembed", "noframes" -> true;
            default -> false;
        };
    }

    /**
     * Reads the attributes of a tag from {@code i} (just after its name) to its '>', reporting them when {@code report}
     * is set; returns the index after the '>', or -1 when the page ends first. Sets {@link #selfClosing}.
     */
    private int attributes(byte[] p, int i, boolean report) {
        int n = p.length;
        while (true) {
            while (i < n && (isSpace(p[i]) || p[i] == '/' && (i + 1 >= n || p[i + 1] != '>'))) {
                i++;
            }
            if (i >= n) {
                return -1;
            }
            if (p[i] == '/' || p[i] == '>') {
                selfClosing = p[i] == '/'; // followed by '>'
                return p[i] == '/' ? i + 2 : i + 1;
            }
            int nameStart = i++; // a first '=' belongs to the name
            while (i < n && !isSpace(p[i]) && p[i] != '/' && p[i] != '>' && p[i] != '=') {
                i++;
            }
            int nameEnd = i;
            while (i < n && isSpace(p[i])) {
                i++;
            }
            int valueStart = i;
            int valueEnd = i;
            if (i < n && p[i] == '=') {
                i++;
                while (i < n && isSpace(p[i])) {
                    i++;
                }
                if (i >= n) {
                    return -1;
                }
                byte q = p[i];
                if (q == '"' || q == '\'') {
                    valueStart = i + 1;
                    valueEnd = indexOf(p, q, valueStart);
                    if (valueEnd < 0) {
                        return -1;
                    }
                    i = valueEnd + 1;
                } else {
                    valueStart = i;
                    while (i < n && !isSpace(p[i]) && p[i] != '>') {
                        i++;
                    }
                    valueEnd = i;
                }
            }
            if (report) {
                attribute(lowerCase(p, nameStart, nameEnd), p, valueStart, valueEnd - valueStart);
            }
        }
    }

    /** Where the end tag of text element {@code name} starts, from {@code i} on; the page's length when none does. */
    private static int endTag(byte[] p, int i, String name) {
        int n = p.length;
        int len = name.length();
        for (int lt = indexOf(p, '<', i); lt >= 0; lt = indexOf(p, '<', lt + 1)) {
            int after = lt + 2 + len;
            if (after < n && p[lt + 1] == '/' && regionMatchesIgnoreCase(p, lt + 2, name)) {
                byte c = p[after];
                if (isSpace(c) || c == '/' || c == '>') {
                    return lt;
                }
            }
        }
        return n;
    }

    /** The index after the comment whose text starts at {@code i} ("-->" or "--!>"; "<!-->" and "<!--->" are empty). */
    private static int commentEnd(byte[] p, int i) {
        if (startsWith(p, i, ">")) {
            return i + 1;
        }
        if (startsWith(p, i, "->")) {
            return i + 2;
        }
        for (int dash = indexOf(p, "--", i); dash >= 0; dash = indexOf(p, "--", dash + 1)) {
            if (startsWith(p, dash + 2, ">")) {
                return dash + 3;
            }
            if (startsWith(p, dash + 2, "!>")) {
                return dash + 4;
            }
        }
        return p.length;
    }

    private static boolean isForeignRoot(byte[] p, int start, int end) {
        return end - start == 3 && regionMatchesIgnoreCase(p, start, "svg")
                || end - start == 4 && regionMatchesIgnoreCase(p, start, "math");
    }

    private static int nameEnd(byte[] p, int i) {
        while (i < p.length && !isSpace(p[i]) && p[i] != '/' && p[i] != '>') {
            i++;
        }
        return i;
    }

    /** The index after the next {@code c} from {@code i}, or the page's length when there is none. */
    private static int after(byte[] p, int c, int i) {
        int at = indexOf(p, c, i);
        return at < 0 ? p.length : at + 1;
    }

    private static int indexOf(byte[] p, int c, int from) {
        for (int i = from; i < p.length; i++) {
            if (p[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] p, String s, int from) {
        for (int i = indexOf(p, s.charAt(0), from); i >= 0; i = indexOf(p, s.charAt(0), i + 1)) {
            if (startsWith(p, i, s)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] p, int i, String s) {
        if (i + s.length() > p.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (p[i + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** True when the characters from {@code i} are {@code lower} (lower case), ASCII letters in any case. */
    static boolean regionMatchesIgnoreCase(byte[] p, int i, String lower) {
        if (i + lower.length() > p.length) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            if (toLower(p[i + k]) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The name from {@code start} to {@code end} with its ASCII capitals in lower case, as the tokenizer has it: the
     * one string {@link KnownNames} holds for it where it is a common name.
     */
    private static String lowerCase(byte[] p, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + toLower(p[i]);
        }
        String known = KnownNames.find(hash, p, start, end);
        if (known != null) {
            return known;
        }
        byte[] name = Arrays.copyOfRange(p, start, end);
        for (int i = 0; i < name.length; i++) {
            name[i] = (byte) toLower(name[i]);
        }
        return new String(name, UTF_8);
    }

    static int toLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    private static boolean isLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The tokenizer's white space: tab, line feed, form feed, carriage return (read as a line feed), space. */
    private static boolean isSpace(int c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }
}
