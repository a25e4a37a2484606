package eu.eurocities.site.verify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The check stage: every internal link, {@code #fragment}, stylesheet, script and image on every page resolves to
 * a file (or an element id) of the output; every page has a title, exactly one {@code h1} and a {@code lang}; no
 * two pages share a title; the sitemap lists exactly the pages. External links are not fetched.
 */
public final class SiteChecker {
  private SiteChecker() {}

  /**
   * One problem in the output.
   *
   * @param file the page's output file
   * @param problem what is wrong
   * @param href the link concerned, or null
   */
  public record Finding(String file, String problem, String href) {
    /** {@code page: problem (href="...")}. */
    public String format() {
      return file + ": " + problem + (href == null ? "" : " (href=\"" + href + "\")");
    }
  }

  /**
   * Checks a built site.
   *
   * @param pages facts of every HTML page
   * @param files every output file path (HTML and others)
   * @param sitemapPaths the site paths the sitemap lists, or null to skip that check
   * @param basePath the base URL's path, for absolute links such as {@code /eurocities/style.css}
   * @param excludedFromSitemap output files that are pages but rightly not in the sitemap (404.html)
   * @return findings sorted by file, then in document order
   */
  public static List<Finding> check(
      Collection<PageFacts> pages,
      Set<String> files,
      List<String> sitemapPaths,
      String basePath,
      Set<String> excludedFromSitemap) {
    Map<String, PageFacts> byFile = new HashMap<>();
    pages.forEach(p -> byFile.put(p.file(), p));
    Map<String, List<Finding>> out = new TreeMap<>();
    Map<String, String> titles = new HashMap<>();
    for (PageFacts page : new TreeMap<>(byFile).values()) {
      List<Finding> findings = out.computeIfAbsent(page.file(), k -> new ArrayList<>());
      if (page.title().isEmpty()) {
        findings.add(new Finding(page.file(), "page has no title", null));
      } else {
        String other = titles.putIfAbsent(page.title(), page.file());
        if (other != null) {
          findings.add(new Finding(page.file(), "page has the same title as " + other + ": '" + page.title() + "'",
              null));
        }
      }
      if (page.h1Count() != 1) {
        findings.add(new Finding(page.file(), "page has " + page.h1Count() + " h1 elements, not exactly one", null));
      }
      if (page.lang().isEmpty()) {
        findings.add(new Finding(page.file(), "page has no lang attribute on <html>", null));
      }
      for (String href : page.links()) {
        String problem = resolve(page, href, files, byFile, basePath);
        if (problem != null) {
          findings.add(new Finding(page.file(), problem, href));
        }
      }
    }
    if (sitemapPaths != null) {
      List<Finding> findings = out.computeIfAbsent("sitemap.xml", k -> new ArrayList<>());
      Set<String> listed = new java.util.TreeSet<>();
      for (String path : sitemapPaths) {
        String file = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        listed.add(file);
        if (!byFile.containsKey(file)) {
          findings.add(new Finding("sitemap.xml", "sitemap lists a page that does not exist", path));
        }
      }
      for (String file : new TreeMap<>(byFile).keySet()) {
        if (!listed.contains(file) && !excludedFromSitemap.contains(file)) {
          findings.add(new Finding("sitemap.xml", "sitemap does not list " + file, null));
        }
      }
    }
    return out.values().stream().flatMap(List::stream).toList();
  }

  /** Null when {@code href} resolves, else the problem. */
  private static String resolve(
      PageFacts page, String href, Set<String> files, Map<String, PageFacts> byFile, String basePath) {
    if (href.isEmpty()) {
      return "empty link";
    }
    URI uri;
    try {
      uri = new URI(href);
    } catch (URISyntaxException e) {
      return "malformed link";
    }
    if (uri.getScheme() != null || href.startsWith("//")) {
      return null; // external: not fetched
    }
    String path = uri.getRawPath() == null ? "" : uri.getPath();
    String target;
    if (path.isEmpty()) {
      target = page.file();
    } else if (path.startsWith("/")) {
      if (!path.startsWith(basePath)) {
        return "link leaves the site's base path " + basePath;
      }
      target = path.substring(basePath.length());
    } else {
      String dir = page.file().substring(0, page.file().lastIndexOf('/') + 1);
      target = normalize(dir + path);
      if (target == null) {
        return "link climbs above the site root";
      }
    }
    if (target.isEmpty() || target.endsWith("/")) {
      target = target + "index.html";
    }
    if (!files.contains(target)) {
      if (files.contains(target + "/index.html")) {
        return null;
      }
      return "broken link: no file " + target;
    }
    String fragment = uri.getFragment();
    if (fragment != null && !fragment.isEmpty() && target.endsWith(".html")) {
      PageFacts targetPage = byFile.get(target);
      if (targetPage != null && !targetPage.ids().contains(fragment)) {
        return "broken link: no element with id '" + fragment + "' in " + target;
      }
    }
    return null;
  }

  private static String normalize(String path) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    String[] segments = path.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      if (s.equals(".") || (s.isEmpty() && i < segments.length - 1)) {
        continue;
      }
      if (s.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(s);
      }
    }
    return String.join("/", parts);
  }
}
