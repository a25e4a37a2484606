package eu.eurocities.site.render;

import gg.jte.TemplateOutput;
import gg.jte.html.HtmlInterceptor;
import java.util.Map;

/**
 * jte's hook into the tags of compiled templates ({@link HtmlTags}), forwarding each to the {@link PageOutput} it
 * is written to; output of any other kind is left alone. Stateless: one instance serves every engine and thread.
 */
final class MarkupInterceptor implements HtmlInterceptor {
  static final MarkupInterceptor INSTANCE = new MarkupInterceptor();

  private MarkupInterceptor() {}

  @Override
  public void onHtmlTagOpened(String name, Map<String, Object> attributes, TemplateOutput output) {
    if (output instanceof PageOutput page) {
      page.tagOpened(name, attributes);
    }
  }

  @Override
  public void onHtmlTagClosed(String name, TemplateOutput output) {
    if (output instanceof PageOutput page) {
      page.tagClosed(name);
    }
  }
}
