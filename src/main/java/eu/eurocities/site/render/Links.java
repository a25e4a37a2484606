package eu.eurocities.site.render;

/**
 * Builds the links of one page. Links are relative ({@code ../../countries/pl/}), so the output works under any
 * base path and from a plain folder, except on pages served at arbitrary URLs (the 404 page), whose links start
 * with the base URL's path ({@code /eurocities/countries/pl/}).
 *
 * @param from the site path of the page being rendered, e.g. {@code cities/lodz/}
 * @param basePath the base URL's path, starting and ending with '/'
 * @param absolute true for pages that may be served at any URL
 */
public record Links(String from, String basePath, boolean absolute) {

  /** The link from this page to a site path such as {@code countries/pl/}, {@code style.css} or {@code ""}. */
  public String to(String sitePath) {
    if (absolute) {
      return basePath + sitePath;
    }
    int depth = 0;
    int slash = from.lastIndexOf('/');
    for (int i = 0; i <= slash; i++) {
      if (from.charAt(i) == '/') {
        depth++;
      }
    }
    String link = "../".repeat(depth) + sitePath;
    return link.isEmpty() ? "./" : link;
  }
}
