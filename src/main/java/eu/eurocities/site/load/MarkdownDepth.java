package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;

/**
 * Refuses Markdown whose block quotes and lists are nested absurdly deep ({@code >>>>>...}, {@code - - - ...} or
 * {@code -\t-\t-\t...}), which the Markdown parser and renderer walk recursively and which no page needs: the page
 * gets an error at the line, read line by line before anything is parsed. Nesting that builds up inside a line
 * (emphasis, links, images) is counted on the parsed page ({@code render.Markdown#check}).
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

    /**
     * The number of quote and list markers that open a line (a list marker with the space or tab after it, or at the
     * end of the line; a '>' with the space or tab after it, if any), plus one for every two columns of indentation
     * before a marker (a tab counts four).
     */
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
                i += endsMarker(line, i + 1) ? 2 : 1;
            } else if ((c == '-' || c == '*' || c == '+') && endsMarker(line, i + 1)) {
                depth += 1 + spaces / 2;
                spaces = 0;
                i = Math.min(i + 2, line.length());
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < line.length() && line.charAt(j) >= '0' && line.charAt(j) <= '9') {
                    j++;
                }
                if (j < line.length() && (line.charAt(j) == '.' || line.charAt(j) == ')') && endsMarker(line, j + 1)) {
                    depth += 1 + spaces / 2;
                    spaces = 0;
                    i = Math.min(j + 2, line.length());
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return depth;
    }

    /** True when a list marker ending before {@code i} opens an item: a space, a tab or the end of the line follows. */
    private static boolean endsMarker(String line, int i) {
        return i == line.length() || line.charAt(i) == ' ' || line.charAt(i) == '\t';
    }
}
