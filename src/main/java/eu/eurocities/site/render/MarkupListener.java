package eu.eurocities.site.render;

import java.util.Map;

/**
 * Receives the markup of one page while its templates write it, in document order, so that the check stage can
 * read a page's links and ids without parsing the written HTML again. Which tags are reported is fixed when the
 * templates are compiled ({@link HtmlTags}); HTML written as is (Markdown bodies, charts, JSON-LD) arrives whole.
 */
public interface MarkupListener {
  /**
   * A start tag, with its attributes as the template writes them.
   *
   * @param name the tag name as written in the template, e.g. {@code a}
   * @param attributes attribute name to value: a {@code String} for text, a {@code Boolean} for boolean attributes;
   *     an attribute whose value is null or false is not written and should be ignored
   */
  void tagOpened(String name, Map<String, Object> attributes);

  /** The content of the page's first {@code title} element, as written (entities not yet decoded). */
  void titleHtml(String html);

  /** HTML that a template writes as is; it may hold any markup. */
  void rawHtml(String html);
}
