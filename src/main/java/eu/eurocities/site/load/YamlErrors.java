package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import java.util.Locale;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns SnakeYAML's syntax errors into messages an editor can act on, keeping the parser's line and column. Each
 * SnakeYAML problem text that editors meet is mapped to a sentence naming the mistake and a hint saying what to
 * type instead; anything else is passed on as {@code YAML syntax error: ...}.
 */
final class YamlErrors {
    /** Deepest nesting of mappings and lists accepted. */
    static final int MAX_DEPTH = 20;

    private YamlErrors() {}

    /**
     * Describes a syntax error with a position.
     *
     * @param e the parser's exception
     * @param path file path for the message
     * @param text the text that was parsed, to look at the line the error is on
     */
    static Diagnostic describe(MarkedYAMLException e, String path, String text) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        SourcePos problemAt = Positions.at(path, e.getProblemMark());
        SourcePos contextAt = Positions.at(path, e.getContextMark());
        String lower = problem.toLowerCase(Locale.ROOT);
        if (lower.contains("(tab)")) {
            return indentation(problemAt, text)
                    ? error(problemAt, "a tab character is used for indentation", "indent with spaces, never tabs")
                    : error(problemAt, "a tab character where YAML needs a space", "replace the tab with a space");
        }
        if (lower.contains("cannot start any token")) {
            String c = problem.replaceAll("(?s)^found character '(.*?)' that cannot start any token.*$", "$1");
            return error(
                    problemAt,
                    "a value cannot start with '" + c + "'",
                    "put the whole value in double quotes, e.g. \"" + c + "...\"");
        }
        if (context.contains("quoted scalar") && lower.contains("end of stream")) {
            return error(contextAt, "a quoted value is not closed", "add the closing quote at the end of the value");
        }
        if (context.contains("double-quoted scalar") && lower.contains("unknown escape")) {
            return error(
                    problemAt,
                    "unknown escape sequence after '\\' in a double-quoted value",
                    "write '\\\\' for a backslash, or put the value in single quotes");
        }
        if (lower.contains("mapping values are not allowed") && indentedMore(problemAt.line(), text)) {
            return error(
                    new SourcePos(path, problemAt.line(), 1),
                    "this line is indented more than the line above it",
                    "line it up with the fields above it; only the lines below a field that ends in ':' are indented");
        }
        if (lower.contains("expected '<document start>'") && indentedLess(problemAt.line(), text)) {
            return error(
                    new SourcePos(path, problemAt.line(), 1),
                    "this line is indented less than the line above it",
                    "start every field of the record at the beginning of its line, with no spaces before it");
        }
        if (lower.contains("mapping values are not allowed")) {
            return error(
                    problemAt,
                    "unexpected ':' (a value that contains ': ' must be quoted, or the indentation is wrong)",
                    "put the value in double quotes, or line this field up with the fields above it");
        }
        if (context.contains("simple key") && lower.contains("could not find expected ':'")) {
            return error(
                    contextAt,
                    "this line is not a 'field: value' pair",
                    "write the field name, a colon and a space, then the value, e.g. 'membership: full'");
        }
        if (context.contains("flow sequence") || context.contains("flow mapping")) {
            boolean list = context.contains("sequence");
            return error(
                    contextAt,
                    (list ? "a list opened with '['" : "a mapping opened with '{'") + " is not closed properly",
                    "end it with '" + (list ? "]" : "}") + "' on the same line, and separate the items with ', '");
        }
        if ((context.contains("block mapping") || context.contains("block collection"))
                && lower.contains("<scalar>")
                && e.getContextMark() != null
                && e.getProblemMark() != null
                && e.getContextMark().getLine() == e.getProblemMark().getLine()) {
            boolean apostrophe = charBefore(problemAt, text) == '\'';
            return error(
                    problemAt,
                    "unexpected text after the end of a value",
                    apostrophe
                            ? "an apostrophe ends a value in single quotes; write it twice (''), or use double quotes"
                            : "a quoted value ends at its closing quote; put the whole value in quotes");
        }
        if (context.contains("block mapping") || context.contains("block collection")) {
            return error(
                    problemAt,
                    "this line does not line up with the lines above it",
                    "indent each field of a mapping by the same number of spaces");
        }
        if (context.contains("expected a single document") || lower.contains("expected a single document")) {
            return error(problemAt, "the file holds more than one YAML document ('---')", "keep one record per file");
        }
        if (lower.contains("global tag is not allowed")) {
            String tag = problem.substring(problem.indexOf(':') + 1).strip();
            return unsafeTag(problemAt, tag);
        }
        if (lower.contains("undefined alias")
                || context.contains("while scanning an alias")
                || context.contains("while scanning an anchor")) {
            char c = context.contains("anchor") ? '&' : '*';
            return error(
                    e.getContextMark() != null ? contextAt : problemAt,
                    "a value cannot start with '" + c + "' (YAML reads it as an " + (c == '&' ? "anchor" : "alias")
                            + ")",
                    "put the whole value in double quotes, e.g. \"" + c + "...\"");
        }
        if (lower.contains("aliases")) {
            return aliases(problemAt);
        }
        return error(
                problemAt,
                "YAML syntax error: " + plain(problem.isEmpty() ? e.getMessage() : problem),
                "compare this line with a file that builds, e.g. the same kind of record next to it");
    }

    /** Describes an error SnakeYAML raised without a position: one of its limits. */
    static Diagnostic describe(YAMLException e, String path) {
        SourcePos at = SourcePos.start(path);
        String lower = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (lower.contains("nesting depth")) {
            return nested(at);
        }
        if (lower.contains("aliases")) {
            return aliases(at);
        }
        if (lower.contains("code point") || lower.contains("exceeds the limit")) {
            return error(
                    at,
                    "file is larger than " + TextFile.MAX_BYTES / 1000 + " kB",
                    "content files are small records; check that this is the file you meant to put here");
        }
        return error(at, "YAML syntax error: " + plain(e.getMessage()), null);
    }

    static Diagnostic nested(SourcePos at) {
        return error(
                at,
                "values are nested more than " + MAX_DEPTH + " levels deep",
                "content records need a few levels at most; look for unclosed brackets or stray dashes");
    }

    static Diagnostic aliases(SourcePos at) {
        return error(
                at,
                "anchors and aliases ('&name' and '*name') are not supported in content files",
                "write the value out in full where it is needed");
    }

    static Diagnostic anchor(SourcePos at) {
        return error(
                at,
                "anchors ('&name') are not supported in content files",
                "write each value out in full; a value that starts with '&' must be put in double quotes");
    }

    /** A tag other than YAML's core ones, named as written: {@code !!python/object}, or {@code !custom}. */
    static Diagnostic unsafeTag(SourcePos at, String tag) {
        String shown = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
        return error(
                at,
                "the YAML tag '" + shown + "' is not allowed",
                "remove the tag; content files hold plain text, numbers, lists and mappings");
    }

    static String plain(String message) {
        if (message == null) {
            return "unreadable YAML";
        }
        String first = message.strip().split("\n", 2)[0];
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }

    /**
     * True when line {@code line} (1-based) is indented more than the closest non-blank, non-comment line above it,
     * and that line does not end in ':' (so nothing opened a nested block).
     */
    private static boolean indentedMore(int line, String text) {
        String[] lines = text.split("\n", -1);
        if (line < 2 || line > lines.length) {
            return false;
        }
        String current = lines[line - 1];
        for (int i = line - 2; i >= 0; i--) {
            String above = lines[i];
            if (above.isBlank() || above.stripLeading().startsWith("#")) {
                continue;
            }
            return indent(current) > indent(above) && !above.stripTrailing().endsWith(":");
        }
        return false;
    }

    /** True when line {@code line} (1-based) is indented less than the closest non-blank, non-comment line above it. */
    private static boolean indentedLess(int line, String text) {
        String[] lines = text.split("\n", -1);
        if (line < 2 || line > lines.length) {
            return false;
        }
        for (int i = line - 2; i >= 0; i--) {
            String above = lines[i];
            if (!above.isBlank() && !above.stripLeading().startsWith("#")) {
                return indent(lines[line - 1]) < indent(above);
            }
        }
        return false;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    /** The character just before a position, or 0. */
    private static char charBefore(SourcePos at, String text) {
        String[] lines = text.split("\n", -1);
        if (at.line() < 1
                || at.line() > lines.length
                || at.column() < 2
                || at.column() - 2 >= lines[at.line() - 1].length()) {
            return 0;
        }
        return lines[at.line() - 1].charAt(at.column() - 2);
    }

    /** True when only spaces and tabs come before the position on its line. */
    private static boolean indentation(SourcePos at, String text) {
        String[] lines = text.split("\n", -1);
        if (at.line() < 1 || at.line() > lines.length) {
            return true;
        }
        String line = lines[at.line() - 1];
        return line.substring(0, Math.min(Math.max(at.column() - 1, 0), line.length()))
                .isBlank();
    }

    private static Diagnostic error(SourcePos pos, String message, String hint) {
        return new Diagnostic(pos, Severity.ERROR, message, hint);
    }
}
