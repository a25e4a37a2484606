package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits a Markdown file into its YAML front matter and its body. Front matter starts with a line {@code ---} on
 * the first line and ends at the next line {@code ---}; spaces and tabs after either are ignored, as editors leave
 * them without showing them.
 *
 * @param yaml the front matter text, with as many leading newlines as the opening line takes, so that YAML line
 *     numbers are file line numbers
 * @param body the Markdown after the closing line
 * @param bodyLine the 1-based file line where the body starts
 */
record FrontMatter(String yaml, String body, int bodyLine) {
    private static final String MARKER = "---";
    /** A line that starts a YAML field, as front matter's lines do. */
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*:(\\s.*)?");

    /**
     * Splits {@code text} (normalised by {@link TextFile}); records an error and returns empty when the file has no
     * front matter, it does not start on the first line, it is never closed, is closed with {@code ...}, or is empty.
     */
    public static Optional<FrontMatter> split(String text, String path, Diagnostics diagnostics) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !isMarker(lines.get(0))) {
            notAtTheStart(lines, path, diagnostics);
            return Optional.empty();
        }
        int offset = lines.get(0).length() + 1;
        for (int i = 1, pos = offset; i < lines.size(); pos += lines.get(i).length() + 1, i++) {
            String line = lines.get(i);
            if (isMarker(line)) {
                String fields = text.substring(offset, pos);
                if (fields.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
                    diagnostics.error(
                            new SourcePos(path, 1, 1),
                            "front matter is empty" + (fields.isBlank() ? "" : ": it holds only comments"),
                            "write the page's title between the two '---' lines, e.g. 'title: About us'");
                    return Optional.empty();
                }
                int end = pos + line.length() + 1;
                return Optional.of(
                        new FrontMatter("\n" + fields, end >= text.length() ? "" : text.substring(end), i + 2));
            }
            if (trimmedEnd(line).equals("...")) {
                diagnostics.error(
                        new SourcePos(path, i + 1, 1),
                        "front matter ends with a line '---', not '...'",
                        "replace '...' on line " + (i + 1) + " with '---'");
                return Optional.empty();
            }
        }
        diagnostics.error(
                new SourcePos(path, 1, 1),
                "front matter opened on line 1 is not closed",
                "add a line '---' after the last front matter field");
        return Optional.empty();
    }

    /** Reports a first line that does not open front matter, naming what the editor most likely did instead. */
    private static void notAtTheStart(List<String> lines, String path, Diagnostics diagnostics) {
        String first = lines.isEmpty() ? "" : lines.get(0);
        if (trimmedEnd(first).equals("+++")) {
            diagnostics.error(
                    new SourcePos(path, 1, 1),
                    "front matter between '+++' lines (TOML) is not read; pages use YAML between '---' lines",
                    "replace both '+++' lines with '---', and write each field as 'name: value'");
            return;
        }
        if (first.startsWith("\uFEFF") && isMarker(first.substring(1))) {
            diagnostics.error(
                    new SourcePos(path, 1, 1),
                    "an invisible character (U+FEFF, a second byte-order mark) stands before the opening '---'",
                    "delete the first character of the file, or retype the line '---'");
            return;
        }
        if (!first.isBlank() && isMarker(first.strip())) {
            diagnostics.error(
                    new SourcePos(path, 1, 1),
                    "the opening '---' must start at the beginning of line 1",
                    "remove the spaces before '---'");
            return;
        }
        // a '---' line, a field, and a closing '---' further down: front matter, put below something else
        for (int i = 1; i + 2 < lines.size(); i++) {
            if (isMarker(lines.get(i))
                    && FIELD.matcher(lines.get(i + 1)).matches()
                    && lines.subList(i + 2, lines.size()).stream().anyMatch(FrontMatter::isMarker)) {
                boolean blanks = lines.subList(0, i).stream().allMatch(String::isBlank);
                diagnostics.error(
                        new SourcePos(path, i + 1, 1),
                        "front matter must start on line 1, not on line " + (i + 1),
                        blanks
                                ? "delete the empty lines above it"
                                : "move the front matter, from this '---' to the closing '---', "
                                        + "to the top of the file");
                return;
            }
        }
        diagnostics.error(
                new SourcePos(path, 1, 1),
                "page has no front matter",
                "start the file with a line '---', then 'title: ...', then another line '---'");
    }

    /** True for {@code ---}, followed by nothing but spaces and tabs. */
    private static boolean isMarker(String line) {
        return trimmedEnd(line).equals(MARKER);
    }

    /** {@code line} without the spaces and tabs at its end. */
    private static String trimmedEnd(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(0, end);
    }
}
