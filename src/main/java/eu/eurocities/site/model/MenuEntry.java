package eu.eurocities.site.model;

import eu.eurocities.site.diag.SourcePos;
import java.util.List;

/**
 * One entry of the site's main navigation, from {@code menu:} in {@code site.yaml} or a page's front matter.
 *
 * @param title the text of the link, e.g. {@code Members}
 * @param page the page it leads to: the slug of a page of {@code content/pages/} or one of {@link #BUILT_IN}; null
 *     for an entry with a {@code url}
 * @param url an address written as is (another site, a file), or null for an entry with a {@code page}
 * @param pos where the entry is written, for messages
 */
public record MenuEntry(String title, String page, String url, SourcePos pos) {
    /** The pages the site makes itself that a menu entry can name. */
    public static final List<String> BUILT_IN = List.of("members", "countries", "rules", "strategy", "search");
}
