package eu.eurocities.site.render;

import eu.eurocities.site.html.TagScanner;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids a page's templates gave its elements, read from the HTML they wrote, so that the headings of its Markdown
 * body take none of them.
 */
final class TemplateIds extends TagScanner {
    private final Set<String> ids = new HashSet<>();
    private boolean seen;

    private TemplateIds() {}

    /**
     * The value of the {@code id} attribute of every element of {@code html} (UTF-8) that has one, character references
     * decoded; of an attribute written twice on one element, the first, as a browser reads it.
     */
    static Set<String> of(byte[] html) {
        TemplateIds reader = new TemplateIds();
        reader.scan(html);
        return reader.ids;
    }

    @Override
    protected void startTag(String name) {
        seen = false;
    }

    @Override
    protected void attribute(String name, byte[] page, int offset, int length) {
        if (!seen && name.equals("id")) {
            seen = true;
            ids.add(decoded(page, offset, length));
        }
    }

    @Override
    protected void startTagEnd() {}
}
