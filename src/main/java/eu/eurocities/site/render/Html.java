package eu.eurocities.site.render;

import gg.jte.TemplateOutput;

/**
 * HTML that is already safe to write as is (rendered Markdown, built-in SVG). Templates output it unescaped; every
 * other value a template writes is escaped.
 */
public record Html(String value) implements gg.jte.Content {
  @Override
  public void writeTo(TemplateOutput output) {
    if (output instanceof PageOutput page) {
      page.raw(value);
    }
    output.writeContent(value);
  }
}
