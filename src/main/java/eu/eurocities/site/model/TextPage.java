package eu.eurocities.site.model;

import eu.eurocities.site.diag.SourcePos;
import java.util.List;

/**
 * A Markdown page from {@code content/pages/<slug>.md}: front matter plus body.
 *
 * @param slug file name without {@code .md}; {@code home}, {@code membership} and {@code strategy-and-activities}
 *     are placed into the pages of those names, any other becomes a page of its own at {@code <slug>/}
 * @param title the page title from front matter
 * @param order position in the navigation (lower first)
 * @param description meta description, or null
 * @param markdown the body, with line endings normalised to '\n'
 * @param bodyLine the 1-based line in the file where the body starts, for messages about the body
 * @param pos the file
 * @param draft true when the front matter says {@code draft: true}: left out of a build without {@code --drafts}
 * @param aliases old addresses of the page, each of which gets a redirect page
 * @param menu the page's title in the navigation made from front matter: its {@code menu:}, else its title when it
 *     has an {@code order:}; null when the page is not in that navigation
 * @param titlePos where the front matter's {@code title:} is written, for messages about the title
 * @param menuPos where the front matter's {@code menu:} is written, or null when it has none
 */
public record TextPage(
        String slug,
        String title,
        int order,
        String description,
        String markdown,
        int bodyLine,
        SourcePos pos,
        boolean draft,
        List<Alias> aliases,
        String menu,
        SourcePos titlePos,
        SourcePos menuPos) {

    /** A published page without old addresses, not in the navigation made from front matter. */
    public TextPage(
            String slug, String title, int order, String description, String markdown, int bodyLine, SourcePos pos) {
        this(slug, title, order, description, markdown, bodyLine, pos, false, List.of(), null, pos, null);
    }
}
