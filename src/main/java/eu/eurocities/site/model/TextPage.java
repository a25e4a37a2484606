package eu.eurocities.site.model;

import eu.eurocities.site.diag.SourcePos;

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
 */
public record TextPage(
    String slug, String title, int order, String description, String markdown, int bodyLine, SourcePos pos) {}
