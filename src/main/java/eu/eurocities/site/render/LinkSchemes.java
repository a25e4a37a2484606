package eu.eurocities.site.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Which link addresses a page may hold: those with the scheme {@code http}, {@code https}, {@code mailto} or
 * {@code tel}, and those without a scheme (relative paths, {@code #fragments}, {@code //host/path}). Anything else
 * ({@code javascript:}, {@code vbscript:}, {@code data:}, {@code file:} ...) could run a script or open a local file
 * when a reader clicks it, and is refused: in Markdown at its line, in the output by the check, whoever wrote it.
 *
 * <p>An address is judged the way a browser reads it, and more strictly where the two could differ: character
 * references are decoded ({@code javascript&#58;}), ASCII tabs and line breaks are removed anywhere, control and
 * invisible format characters anywhere, white space at either end, and the scheme is compared without regard to
 * case. A value that is already decoded is judged decoded once more, so no spelling slips through.
 */
public final class LinkSchemes {
    /** The schemes a link may use, in lower case. */
    static final List<String> ALLOWED = List.of("http", "https", "mailto", "tel");

    /** Attributes whose value is one address, on any element (HTML and SVG). */
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "src",
            "action",
            "formaction",
            "xlink:href",
            "data",
            "poster",
            "background",
            "cite",
            "longdesc",
            "codebase",
            "classid",
            "manifest",
            "icon",
            "lowsrc",
            "dynsrc");

    /** A meta refresh's {@code content}: a delay, then the address it loads. */
    private static final Pattern REFRESH = Pattern.compile("(?is)\\s*[0-9.]*\\s*[;,]?\\s*url\\s*=\\s*['\"]?([^'\"]*)");

    private LinkSchemes() {}

    /**
     * The scheme of {@code address} when a page may not link to it, in lower case and without the colon (e.g.
     * {@code javascript}); null when the address is allowed.
     */
    public static String refused(String address) {
        String scheme = scheme(address);
        if (scheme == null && address.indexOf('&') >= 0) {
            scheme = scheme(Parser.unescapeEntities(address, true));
        }
        return scheme == null || ALLOWED.contains(scheme) ? null : scheme;
    }

    /**
     * True when {@link #addresses} can find an address in the attribute {@code attribute} of a {@code tag} element,
     * both names in lower case: a quick test, so that a reader of every attribute of a page makes no value it need not.
     */
    public static boolean mayHoldAddress(String tag, String attribute) {
        return switch (attribute) {
            case "srcset", "imagesrcset", "ping" -> true;
            case "content" -> tag.equals("meta");
            case "to", "from", "values", "by" -> tag.equals("animate") || tag.equals("set");
            default -> URL_ATTRIBUTES.contains(attribute);
        };
    }

    /**
     * The addresses an attribute holds, to be judged with {@link #refused}: the value of an address attribute (href,
     * src, action, formaction, xlink:href ...), each address of a {@code srcset} or {@code ping}, the address of a
     * meta refresh, the values an SVG {@code animate} or {@code set} element may write into another attribute.
     * Empty for other attributes.
     *
     * @param tag the element's name, any case
     * @param attribute the attribute's name, any case
     * @param value the attribute's value, character references decoded
     */
    public static List<String> addresses(String tag, String attribute, String value) {
        String name = attribute.toLowerCase(Locale.ROOT);
        if (URL_ATTRIBUTES.contains(name)) {
            return List.of(value);
        }
        switch (name) {
            case "srcset", "imagesrcset" -> {
                List<String> out = new ArrayList<>();
                for (String candidate : value.split(",")) {
                    String s = candidate.strip();
                    int space = indexOfSpace(s);
                    out.add(space < 0 ? s : s.substring(0, space));
                }
                return out;
            }
            case "ping" -> {
                return List.of(value.strip().split("\\s+"));
            }
            case "content" -> {
                if (!tag.equalsIgnoreCase("meta") || !mentionsUrl(value)) {
                    return List.of(); // the common case, a description: no matcher made
                }
                Matcher m = REFRESH.matcher(value);
                return tag.equalsIgnoreCase("meta") && m.lookingAt() ? List.of(m.group(1)) : List.of();
            }
            case "to", "from", "values", "by" -> {
                String t = tag.toLowerCase(Locale.ROOT);
                return t.equals("animate") || t.equals("set") ? List.of(value.split(";")) : List.of();
            }
            default -> {
                return List.of();
            }
        }
    }

    /** True when {@code value} holds "url" in any case, which {@link #REFRESH} needs. */
    private static boolean mentionsUrl(String value) {
        for (int i = value.indexOf('=') - 3; i >= 0; i--) {
            if (value.regionMatches(true, i, "url", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The scheme a browser would read in {@code address}, lower case, or null when it has none: an ASCII letter, then
     * letters, digits, '+', '-' or '.', then ':', once the characters a browser skips are taken out.
     */
    private static String scheme(String address) {
        StringBuilder scheme = new StringBuilder();
        boolean started = false;
        for (int i = 0; i < address.length(); ) {
            int c = address.codePointAt(i);
            i += Character.charCount(c);
            if (ignored(c) || !started && isSpace(c)) {
                continue;
            }
            started = true;
            if (c == ':') {
                return scheme.length() == 0 ? null : scheme.toString();
            }
            boolean letter = c < 128 && Character.isLetter(c);
            boolean other = c < 128 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.');
            if (!letter && !(other && scheme.length() > 0)) {
                return null;
            }
            scheme.append((char) Character.toLowerCase(c));
        }
        return null;
    }

    /** Characters a browser drops from an address, or that are invisible: tabs, line breaks, controls, format. */
    private static boolean ignored(int c) {
        return c == '\t'
                || c == '\n'
                || c == '\r'
                || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT;
    }

    private static boolean isSpace(int c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
