package eu.eurocities.site.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One page of each kind the site has, by site path. The 404 page is asked for at an address that does not exist,
 * so the server answers with {@code 404.html} the way a static host does.
 *
 * @param name a short name for test reports and screenshot files
 * @param path the site path, without the leading slash
 */
record PageType(String name, String path) {

    /** Home, member index, a city, a country, the countries overview, the rules, the strategy page and the 404 page. */
    static final List<PageType> PICKED = List.of(
            new PageType("home", ""),
            new PageType("members", "members/"),
            new PageType("city-lodz", "cities/lodz/"),
            new PageType("country-poland", "countries/pl/"),
            new PageType("countries", "countries/"),
            new PageType("rules", "membership/"),
            new PageType("strategy", "strategy-and-activities/"),
            new PageType("not-found", "no-such-page/"));

    /**
     * The {@link #PICKED} pages, then the first page of every other kind the sitemap lists, so that a new kind of
     * page is checked as soon as it is built. A kind is a path with its last segment below the top level left out:
     * {@code cities/lodz/} and {@code cities/oslo/} are one kind, {@code countries/} is another.
     *
     * @throws AssertionError when a picked page (other than the 404 page) is not in the sitemap
     */
    static List<PageType> in(BuiltSite site) {
        Set<String> paths = new TreeSet<>();
        for (String file : site.sitemapFiles()) {
            paths.add(file.endsWith("index.html") ? file.substring(0, file.length() - "index.html".length()) : file);
        }
        Map<String, PageType> byKind = new LinkedHashMap<>();
        for (PageType picked : PICKED) {
            assertTrue(
                    picked.name.equals("not-found") || paths.contains(picked.path),
                    () -> "the site has no page /" + picked.path + " any more; pick another page of its kind");
            byKind.put(kind(picked.path), picked);
        }
        for (String path : paths) {
            byKind.putIfAbsent(
                    kind(path), new PageType(path.replaceAll("/$", "").replace('/', '-'), path));
        }
        return new ArrayList<>(byKind.values());
    }

    private static String kind(String path) {
        String[] segments = path.split("/");
        return segments.length < 2 ? path : path.substring(0, path.lastIndexOf(segments[segments.length - 1])) + "*";
    }

    @Override
    public String toString() {
        return name;
    }
}
