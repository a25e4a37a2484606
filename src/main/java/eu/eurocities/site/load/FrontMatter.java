package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import java.util.Optional;

/**
 * Splits a Markdown file into its YAML front matter and its body. Front matter starts with a line {@code ---} on
 * the first line and ends at the next line {@code ---}.
 *
 * @param yaml the front matter text, with as many leading newlines as the opening line takes, so that YAML line
 *     numbers are file line numbers
 * @param body the Markdown after the closing line
 * @param bodyLine the 1-based file line where the body starts
 */
public record FrontMatter(String yaml, String body, int bodyLine) {

  /**
   * Splits {@code text} (normalised by {@link TextFile}); records an error and returns empty when the file has no
   * front matter or it is never closed.
   */
  public static Optional<FrontMatter> split(String text, String path, Diagnostics diagnostics) {
    if (!text.startsWith("---\n") && !text.equals("---")) {
      diagnostics.error(
          new SourcePos(path, 1, 1),
          "page has no front matter",
          "start the file with a line '---', then 'title: ...', then another line '---'");
      return Optional.empty();
    }
    int line = 2;
    int pos = 4;
    while (pos <= text.length()) {
      int end = text.indexOf('\n', pos);
      String current = end < 0 ? text.substring(pos) : text.substring(pos, end);
      if (current.stripTrailing().equals("---")) {
        String yaml = "\n" + text.substring(4, pos);
        String body = end < 0 ? "" : text.substring(end + 1);
        return Optional.of(new FrontMatter(yaml, body, line + 1));
      }
      if (end < 0) {
        break;
      }
      pos = end + 1;
      line++;
    }
    diagnostics.error(
        new SourcePos(path, 1, 1),
        "front matter opened on line 1 is not closed",
        "add a line '---' after the last front matter field");
    return Optional.empty();
  }
}
