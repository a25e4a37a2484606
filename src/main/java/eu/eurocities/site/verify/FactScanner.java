package eu.eurocities.site.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.parser.Parser;

/**
 * Reads the facts of one page ({@link PageFacts}) in a single pass over its HTML, without building a document tree.
 * It follows the HTML tokenizer's rules for what the checks look at: start tags and their attributes (names in any
 * case, values double-quoted, single-quoted or bare, character references decoded by jsoup, the first of two equal
 * attributes wins), comments, doctypes and other {@code <!...>} and {@code <?...>} constructs skipped, the contents
 * of {@code script}, {@code style} and the other raw-text elements skipped, {@code title} read as text, and a tag
 * cut off by the end of the file dropped. On the pages of this site it gives exactly what a jsoup parse gives (see
 * the tests); it is several times cheaper, which matters when a build checks 100,000 pages.
 */
final class FactScanner {
  /** Elements whose content is text up to their end tag, never markup. */
  private static final Set<String> RAW_TEXT =
      Set.of("script", "style", "xmp", "iframe", "noembed", "noframes");
  /** Elements whose content is text with character references, up to their end tag. */
  private static final Set<String> ESCAPABLE_RAW_TEXT = Set.of("title", "textarea");
  /** Start tags that may come before the title without moving it out of the document head. */
  private static final Set<String> HEAD_TAGS =
      Set.of("html", "head", "title", "meta", "link", "base", "style", "script", "noscript", "template");

  private final String html;
  private final int n;
  private final Map<String, String> shared;
  private int pos;

  private final List<String> links = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private String canonical;
  private int h1;
  private String lang;
  private String title;
  private boolean inHead = true;

  private FactScanner(String html, Map<String, String> shared) {
    this.html = html;
    this.n = html.length();
    this.shared = shared;
  }

  /**
   * Scans {@code html}; links and ids are kept as the one instance in {@code shared} (if not null), since most
   * pages repeat the same links (navigation, footer), and a large site keeps the facts of every page until the
   * check.
   */
  static PageFacts scan(String file, String html, Map<String, String> shared) {
    FactScanner s = new FactScanner(html, shared);
    s.run();
    return new PageFacts(file, s.title == null ? "" : s.title, s.h1, s.lang == null ? "" : s.lang,
        s.canonical == null ? "" : s.canonical, List.copyOf(s.links), Set.copyOf(s.ids));
  }

  private void run() {
    while (pos < n) {
      int lt = html.indexOf('<', pos);
      if (lt < 0 || lt + 1 >= n) {
        return;
      }
      char c = html.charAt(lt + 1);
      if (html.startsWith("!--", lt + 1)) {
        pos = commentEnd(lt + 4);
      } else if (c == '!' || c == '?') {
        pos = after('>', lt + 2);
      } else if (c == '/') {
        if (lt + 2 < n && isAsciiLetter(html.charAt(lt + 2))) {
          pos = lt + 2;
          readName();
          readAttributes(null); // attributes of end tags are read and dropped
        } else if (lt + 2 < n && html.charAt(lt + 2) == '>') {
          pos = lt + 3;
        } else {
          pos = after('>', lt + 2);
        }
      } else if (isAsciiLetter(c)) {
        pos = lt + 1;
        startTag();
      } else {
        pos = lt + 1; // a '<' in text
      }
    }
  }

  /** Reads a start tag from its name (at {@code pos}) to its '>' and records what it holds. */
  private void startTag() {
    String name = readName();
    List<String[]> attributes = new ArrayList<>(4);
    if (!readAttributes(attributes)) {
      return; // cut off by the end of the file: not a tag
    }
    if (inHead && !HEAD_TAGS.contains(name)) {
      inHead = false;
    }
    String href = null;
    String src = null;
    String rel = null;
    for (String[] a : attributes) {
      switch (a[0]) {
        case "href":
          href = a[1];
          break;
        case "src":
          src = a[1];
          break;
        case "rel":
          rel = a[1];
          break;
        case "id":
          ids.add(share(a[1]));
          break;
        case "lang":
          if (name.equals("html") && lang == null) {
            lang = a[1];
          }
          break;
        default:
          break;
      }
    }
    // one link per element, as the selector "a[href], link[href], [src]" reads them: its src if it has one
    if (src != null) {
      links.add(share(src));
    } else if (href != null && (name.equals("a") || name.equals("link"))) {
      links.add(share(href));
    }
    if (canonical == null && name.equals("link") && rel != null && rel.strip().equalsIgnoreCase("canonical")) {
      canonical = href == null ? "" : href;
    }
    if (name.equals("h1")) {
      h1++;
    }
    if (name.equals("plaintext")) {
      pos = n;
    } else if (RAW_TEXT.contains(name)) {
      skipText(name);
    } else if (ESCAPABLE_RAW_TEXT.contains(name)) {
      int start = pos;
      int end = skipText(name);
      if (name.equals("title") && title == null && inHead) {
        title = normaliseWhitespace(decode(html.substring(start, end), false));
      }
    }
  }

  /** The tag name at {@code pos}, lower-cased; leaves {@code pos} after it. */
  private String readName() {
    int start = pos;
    while (pos < n) {
      char c = html.charAt(pos);
      if (isSpace(c) || c == '/' || c == '>') {
        break;
      }
      pos++;
    }
    return lower(html.substring(start, pos));
  }

  /**
   * Reads attributes up to and including the tag's closing '>' into {@code out} (if not null), keeping the first
   * of two with the same name.
   *
   * @return false when the file ends inside the tag
   */
  private boolean readAttributes(List<String[]> out) {
    while (true) {
      while (pos < n && (isSpace(html.charAt(pos)) || html.charAt(pos) == '/')) {
        pos++;
      }
      if (pos >= n) {
        return false;
      }
      if (html.charAt(pos) == '>') {
        pos++;
        return true;
      }
      int start = pos;
      pos++; // the first character belongs to the name, even '='
      while (pos < n) {
        char c = html.charAt(pos);
        if (isSpace(c) || c == '/' || c == '>' || c == '=') {
          break;
        }
        pos++;
      }
      String name = lower(html.substring(start, pos));
      int look = pos;
      while (look < n && isSpace(html.charAt(look))) {
        look++;
      }
      String value = "";
      if (look < n && html.charAt(look) == '=') {
        pos = look + 1;
        while (pos < n && isSpace(html.charAt(pos))) {
          pos++;
        }
        if (pos >= n) {
          return false;
        }
        char q = html.charAt(pos);
        if (q == '"' || q == '\'') {
          int end = html.indexOf(q, pos + 1);
          if (end < 0) {
            return false;
          }
          value = html.substring(pos + 1, end);
          pos = end + 1;
        } else {
          int vs = pos;
          while (pos < n && !isSpace(html.charAt(pos)) && html.charAt(pos) != '>') {
            pos++;
          }
          value = html.substring(vs, pos);
        }
        value = decode(value, true);
      }
      if (out != null && out.stream().noneMatch(a -> a[0].equals(name))) {
        out.add(new String[] {name, value});
      }
    }
  }

  /**
   * Skips the text of a raw-text element (from {@code pos}) and its end tag.
   *
   * @return where the text ends: the start of the end tag, or the end of the file
   */
  private int skipText(String name) {
    int from = pos;
    while (true) {
      int lt = html.indexOf("</", from);
      if (lt < 0) {
        pos = n;
        return n;
      }
      int end = lt + 2 + name.length();
      if (end <= n && html.regionMatches(true, lt + 2, name, 0, name.length())
          && (end == n || isSpace(html.charAt(end)) || html.charAt(end) == '/' || html.charAt(end) == '>')) {
        pos = end;
        readAttributes(null);
        return lt;
      }
      from = lt + 2;
    }
  }

  /** The position after a comment whose text starts at {@code from}; {@code <!-->} and {@code <!--->} end at once. */
  private int commentEnd(int from) {
    if (html.startsWith(">", from)) {
      return from + 1;
    }
    if (html.startsWith("->", from)) {
      return from + 2;
    }
    int end = html.indexOf("-->", from);
    if (end < 0) {
      return n;
    }
    return end + 3;
  }

  private String share(String s) {
    if (shared == null) {
      return s;
    }
    String old = shared.putIfAbsent(s, s);
    return old == null ? s : old;
  }

  private int after(char c, int from) {
    int i = html.indexOf(c, from);
    return i < 0 ? n : i + 1;
  }

  private static String decode(String s, boolean inAttribute) {
    return s.indexOf('&') < 0 ? s : Parser.unescapeEntities(s, inAttribute);
  }

  /** Runs of white space (including no-break space) become one space; leading and trailing space is removed. */
  private static String normaliseWhitespace(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean white = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpace(c) || c == '\u00a0') {
        white = true;
      } else {
        if (white && b.length() > 0) {
          b.append(' ');
        }
        white = false;
        b.append(c);
      }
    }
    return b.toString().strip();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String lower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return s.toLowerCase(Locale.ROOT);
      }
    }
    return s;
  }
}
