package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;

/**
 * Refuses Markdown whose block quotes and lists are nested absurdly deep ({@code >>>>>...} or {@code - - - ...}),
 * which the Markdown renderer walks recursively and which no page needs: the page gets an error at the line instead
 * of the build running out of stack.
 */
final class MarkdownDepth {
  /** Deepest nesting of quotes and list items accepted on one line. */
  static final int MAX = 100;

  private MarkdownDepth() {}

  /**
   * Checks each line of a page body.
   *
   * @param body the Markdown after the front matter
   * @param firstLine the file line of the body's first line
   * @param path file path for messages
   * @param diagnostics receives at most one error, at the first line that nests too deeply
   * @return true when the body is within the limit
   */
  static boolean check(String body, int firstLine, String path, Diagnostics diagnostics) {
    String[] lines = body.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      if (depth(lines[n]) > MAX) {
        diagnostics.error(
            new SourcePos(path, firstLine + n, 1),
            "quotes and lists are nested more than " + MAX + " levels deep",
            "a page needs a few levels at most; check the '>' and '-' at the start of this line");
        return false;
      }
    }
    return true;
  }

  /** The number of quote and list markers that open a line, plus two spaces of indentation before a marker. */
  static int depth(String line) {
    int depth = 0;
    int spaces = 0;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t') {
        spaces += c == ' ' ? 1 : 4;
        i++;
      } else if (c == '>') {
        depth += 1 + spaces / 2;
        spaces = 0;
        i++;
      } else if ((c == '-' || c == '*' || c == '+') && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
        depth += 1 + spaces / 2;
        spaces = 0;
        i += 2;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < line.length() && Character.isDigit(line.charAt(j))) {
          j++;
        }
        if (j + 1 < line.length() && (line.charAt(j) == '.' || line.charAt(j) == ')') && line.charAt(j + 1) == ' ') {
          depth += 1 + spaces / 2;
          spaces = 0;
          i = j + 2;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    return depth;
  }
}
