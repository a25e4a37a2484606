package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import java.util.Locale;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns SnakeYAML's syntax errors into messages an editor can act on, keeping the parser's line and column. */
final class YamlErrors {
  private YamlErrors() {}

  static Diagnostic describe(MarkedYAMLException e, String path) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    SourcePos problemAt = YamlTree.at(path, e.getProblemMark());
    String lower = problem.toLowerCase(Locale.ROOT);
    if (lower.contains("'\\t'") || lower.contains("tab")) {
      return error(problemAt, "a tab character is used for indentation", "indent with spaces, never tabs");
    }
    if (context.contains("quoted scalar") && lower.contains("end of stream")) {
      return error(
          YamlTree.at(path, e.getContextMark()),
          "a quoted value is not closed",
          "add the closing quote at the end of the value");
    }
    if (lower.contains("mapping values are not allowed")) {
      return error(
          problemAt,
          "unexpected ':' (a value that contains ': ' must be quoted, or the indentation is wrong)",
          "put the value in double quotes, or line this field up with the fields above it");
    }
    if (context.contains("block mapping") || context.contains("block collection")) {
      return error(
          problemAt,
          "this line does not line up with the lines above it",
          "indent each field of a mapping by the same number of spaces");
    }
    if (lower.contains("expected a single document")) {
      return error(problemAt, "the file holds more than one YAML document ('---')", "keep one record per file");
    }
    if (lower.contains("nesting depth")) {
      return error(problemAt, "values are nested too deeply", null);
    }
    if (lower.contains("number of aliases")) {
      return error(
          problemAt,
          "anchors and aliases ('&name' and '*name') are not supported in content files",
          "write the value out in full where it is needed");
    }
    return error(problemAt, "YAML syntax error: " + plain(problem.isEmpty() ? e.getMessage() : problem), null);
  }

  static String plain(String message) {
    if (message == null) {
      return "unreadable YAML";
    }
    String first = message.strip().split("\n", 2)[0];
    return first.length() > 200 ? first.substring(0, 200) + "…" : first;
  }

  private static Diagnostic error(SourcePos pos, String message, String hint) {
    return new Diagnostic(pos, Severity.ERROR, message, hint);
  }
}
