package eu.eurocities.site.model;

import eu.eurocities.site.diag.SourcePos;

/**
 * An old address of a page, from {@code aliases:} in a city record or a page's front matter, where the site keeps a
 * small page that sends readers on to the page's address now.
 *
 * @param path the old site path, without the leading '/': {@code cities/old-name/} or {@code about.html}
 * @param pos where the alias was written
 */
public record Alias(String path, SourcePos pos) {}
