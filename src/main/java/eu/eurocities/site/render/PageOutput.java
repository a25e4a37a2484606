package eu.eurocities.site.render;

import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The output one page is rendered into: jte's escaping HTML output over a string, which also passes the page's
 * markup to a {@link MarkupListener} (via {@link MarkupInterceptor} and {@link Html}). Not thread-safe; one per page.
 */
final class PageOutput extends OwaspHtmlTemplateOutput {
  private final StringOutput text;
  private final MarkupListener listener;
  private int titleStart = -1;
  private boolean titleSeen;

  PageOutput(StringOutput text, MarkupListener listener) {
    super(text);
    this.text = text;
    this.listener = listener;
  }

  /** The page as written so far. */
  String html() {
    return text.toString();
  }

  void tagOpened(String name, Map<String, Object> attributes) {
    if (listener == null) {
      return;
    }
    listener.tagOpened(name, attributes);
    if (!titleSeen && name.equalsIgnoreCase("title")) {
      titleStart = text.toString().length(); // jte reports a tag after its attributes, before its closing '>'
    }
  }

  void tagClosed(String name) {
    if (listener != null && titleStart >= 0 && name.equalsIgnoreCase("title")) {
      String page = text.toString();
      listener.titleHtml(page.substring(page.indexOf('>', titleStart) + 1));
      titleStart = -1;
      titleSeen = true;
    }
  }

  void raw(String html) {
    if (listener != null) {
      listener.rawHtml(html);
    }
  }
}
