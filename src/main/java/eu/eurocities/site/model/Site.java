package eu.eurocities.site.model;

import java.net.URI;
import java.time.LocalDate;

/**
 * The site settings from {@code content/site.yaml}.
 *
 * @param title the site's name, shown in every page title and the header
 * @param baseUrl absolute http(s) URL ending in '/', e.g. {@code https://example.org/} or {@code
 *     https://user.github.io/eurocities/}; canonical URLs and the sitemap are built from it
 * @param language BCP 47 language tag of the pages, e.g. {@code en}
 * @param description one or two sentences for the home page's meta description
 * @param updated when the content last changed (from git, see {@code load/LastChange}), or null when unknown
 */
public record Site(String title, URI baseUrl, String language, String description, LocalDate updated) {

  /** The path part of the base URL, always starting and ending with '/': {@code /} or {@code /eurocities/}. */
  public String basePath() {
    String path = baseUrl.getRawPath();
    if (path == null || path.isEmpty()) {
      return "/";
    }
    return path.endsWith("/") ? path : path + "/";
  }

  /** The absolute URL of a site path such as {@code cities/lodz/} (no leading '/'). */
  public String absolute(String sitePath) {
    String base = baseUrl.toString();
    return (base.endsWith("/") ? base : base + "/") + sitePath;
  }
}
