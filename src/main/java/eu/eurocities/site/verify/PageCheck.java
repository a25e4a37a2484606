package eu.eurocities.site.verify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The check of one page's links, as far as what the output holds is known: while pages are being written
 * ({@link OutputFacts}) and at the end ({@link SiteChecker}). A link resolves to a file of the output, and a
 * {@code #fragment} to an element id of its page; a link that cannot be judged yet is kept for the end.
 */
final class PageCheck {
    private PageCheck() {}

    /**
     * What the output holds, as far as it is known: while pages are still being written, the files planned and the
     * pages written so far; at the end, every file and page.
     */
    interface Known {
        /** The ids of a file that is no page: told from a page without ids by identity. */
        Set<String> NO_PAGE = Collections.unmodifiableSet(new HashSet<>());

        /** True when the output has {@code file}, false when it has not, null when that is not known yet. */
        Boolean has(String file);

        /** The ids of the page written as {@code file}; {@link #NO_PAGE} when it is no page; null if not known yet. */
        Set<String> ids(String file);
    }

    /** The verdict on a link that cannot be judged yet: it is kept, and judged at the end. */
    static final String LATER = new String("later");

    /** True for an external link, which {@link ExternalLinks} fetches when asked. */
    static boolean isExternal(String href, String baseUrl) {
        return href.regionMatches(true, 0, "http", 0, 4)
                && href.matches("(?i)https?://.*")
                && !href.startsWith(baseUrl);
    }

    /**
     * Checks one page, as far as {@code known} allows.
     *
     * @param externalProblems the problem of each broken external link, or null to keep every external link for the
     *     end
     * @return the page's findings in the order of its checks and, for links, in document order, but for a shared
     *     title; each a {@link Finding}, or the {@code String} of a link that is judged at the end
     */
    static List<Object> checkPage(
            PageFacts page,
            String baseUrl,
            String basePath,
            Known known,
            Map<String, String> externalProblems,
            RootLinks rootLinks) {
        List<Object> out = new ArrayList<>();
        if (page.title().isEmpty()) {
            out.add(new Finding(page.file(), "page has no title", null));
        }
        if (page.redirect()) { // an old address: its canonical URL is the page it leads to
            if (!page.canonical().startsWith(baseUrl)) {
                out.add(new Finding(
                        page.file(), "redirect page's canonical URL is not under " + baseUrl, page.canonical()));
            }
        } else if (page.h1Count() != 1) {
            out.add(new Finding(page.file(), "page has " + page.h1Count() + " h1 elements, not exactly one", null));
        }
        if (page.lang().isEmpty()) {
            out.add(new Finding(page.file(), "page has no lang attribute on <html>", null));
        }
        String canonical = baseUrl + sitePath(page.file());
        if (!page.redirect() && !page.canonical().equals(canonical)) {
            out.add(new Finding(
                    page.file(),
                    page.canonical().isEmpty() ? "page has no canonical URL" : "canonical URL is not " + canonical,
                    page.canonical().isEmpty() ? null : page.canonical()));
        }
        int depth = depth(page.file());
        Set<String> unsafe = page.unsafeLinks().isEmpty()
                ? Set.of()
                : page.unsafeLinks().stream().map(PageFacts.UnsafeLink::address).collect(Collectors.toSet());
        for (String href : page.links()) {
            if (unsafe.contains(href)) {
                continue; // reported below, as unsafe
            }
            String problem =
                    judge(page.file(), page.ids(), href, depth, rootLinks, baseUrl, basePath, known, externalProblems);
            if (problem == LATER) {
                out.add(href);
            } else if (problem != null) {
                out.add(new Finding(page.file(), problem, href));
            }
        }
        for (PageFacts.UnsafeLink link : page.unsafeLinks()) {
            out.add(new Finding(
                    page.file(),
                    "unsafe link: <" + link.tag() + " " + link.attribute() + "> uses the scheme '"
                            + link.scheme()
                            + ":', which is not allowed; a link may use http:, https:, mailto:, tel: or a relative "
                            + "address",
                    link.address()));
        }
        page.duplicateIds().stream()
                .sorted()
                .forEach(id -> out.add(new Finding(
                        page.file(),
                        "page has more than one element with id=\"" + id + "\"; a #" + id
                                + " link could lead to either",
                        null)));
        return out;
    }

    /**
     * Null when a link on the page written as {@code file} resolves, {@link #LATER} when not known yet, else the
     * problem.
     */
    static String judge(
            String file,
            Set<String> ids,
            String href,
            int depth,
            RootLinks rootLinks,
            String baseUrl,
            String basePath,
            Known known,
            Map<String, String> externalProblems) {
        if (externalProblems == null) {
            if (isExternal(href, baseUrl)) {
                return LATER;
            }
        } else if (externalProblems.containsKey(href)) {
            return "broken link: " + externalProblems.get(href);
        }
        if (!RootLinks.climbsToRoot(href, depth)) {
            return resolve(file, ids, href, known, basePath);
        }
        Map<String, String> verdicts = rootLinks.atDepth(depth);
        String verdict = verdicts.get(href);
        if (verdict != null) {
            return verdict.equals(RootLinks.FINE) ? null : verdict;
        }
        String problem = resolve(file, ids, href, known, basePath);
        if (problem != LATER && verdicts.size() < RootLinks.MOST) {
            verdicts.put(href, problem == null ? RootLinks.FINE : problem);
        }
        return problem;
    }

    /** The site path of an output file: {@code cities/lodz/index.html} to {@code cities/lodz/}. */
    static String sitePath(String file) {
        return file.equals("index.html") || file.endsWith("/index.html")
                ? file.substring(0, file.length() - "index.html".length())
                : file;
    }

    /**
     * Null when {@code href} on the page written as {@code file}, whose element ids are {@code ids}, resolves;
     * {@link #LATER} when {@code known} cannot tell yet; else the problem.
     */
    static String resolve(String file, Set<String> ids, String href, Known known, String basePath) {
        if (href.isEmpty()) {
            return "broken link: it is empty";
        }
        String path;
        String fragment;
        if (isPlain(href)) {
            // the usual case, read without java.net.URI, which would give the same: no scheme, no escapes, no query
            int hash = href.indexOf('#');
            path = hash < 0 ? href : href.substring(0, hash);
            fragment = hash < 0 ? null : href.substring(hash + 1);
        } else {
            URI uri;
            try {
                uri = new URI(href);
            } catch (URISyntaxException e) {
                return "broken link: it is not a valid URL";
            }
            if (uri.getScheme() != null || href.startsWith("//")) {
                return null; // external: not fetched
            }
            path = uri.getRawPath() == null ? "" : uri.getPath();
            fragment = uri.getFragment();
        }
        String target;
        if (path.isEmpty()) {
            target = file;
        } else if (path.startsWith("/")) {
            if (!path.startsWith(basePath)) {
                return "broken link: it leaves the site's base path " + basePath;
            }
            target = path.substring(basePath.length());
        } else {
            String dir = file.substring(0, file.lastIndexOf('/') + 1);
            target = normalize(dir + path);
            if (target == null) {
                return "broken link: it climbs above the site root";
            }
        }
        if (target.isEmpty() || target.endsWith("/")) {
            target = target + "index.html";
        }
        Boolean has = known.has(target);
        if (has == null) {
            return LATER;
        }
        if (!has) {
            Boolean folder = known.has(target + "/index.html");
            if (folder == null) {
                return LATER;
            }
            return folder ? null : "broken link: no file " + target;
        }
        if (fragment != null && !fragment.isEmpty() && target.endsWith(".html")) {
            Set<String> targetIds = target.equals(file) ? ids : known.ids(target);
            if (targetIds == null) {
                return LATER;
            }
            if (targetIds != Known.NO_PAGE && !targetIds.contains(fragment)) {
                return "broken link: no element with id '" + fragment + "' in " + target;
            }
        }
        return null;
    }

    /**
     * True for a link made only of letters, digits, {@code - . _ ~ /} and at most one {@code #}, not starting with
     * "//": it has no scheme, query or escapes, and parses as a URI.
     */
    static boolean isPlain(String href) {
        if (href.startsWith("//")) {
            return false;
        }
        boolean hash = false;
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '/') {
                continue;
            }
            if (c == '#' && !hash) {
                hash = true;
                continue;
            }
            return false;
        }
        return true;
    }

    /**
     * How many folders deep an output file is: 0 for {@code index.html}, 2 for {@code cities/lodz/index.html}; -1 for
     * a path with an empty, "." or ".." folder name, whose depth is not its count of '/'.
     */
    static int depth(String file) {
        int depth = 0;
        int start = 0;
        for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', start)) {
            String folder = file.substring(start, slash);
            if (folder.isEmpty() || folder.equals(".") || folder.equals("..")) {
                return -1;
            }
            depth++;
            start = slash + 1;
        }
        return depth;
    }

    /**
     * Verdicts on links that climb from their page's folder to the site root, such as {@code ../../cities/lodz/} on
     * a page two folders deep. Such a link resolves to the same file from every page at that depth, so its verdict
     * is worked out once per depth rather than once per page; most links of a generated site are of this kind.
     * Safe for parallel use.
     */
    static final class RootLinks {
        /** The verdict on a link without a problem. */
        static final String FINE = "";

        /** The most verdicts kept per depth: a site's shared links are few, its links to one page each many. */
        static final int MOST = 10_000;

        private final Map<Integer, Map<String, String>> byDepth = new ConcurrentHashMap<>();

        /** True when {@code href} starts with one {@code ../} for each of {@code depth} folders (at least one). */
        static boolean climbsToRoot(String href, int depth) {
            if (depth <= 0 || href.length() < 3 * depth) {
                return false;
            }
            for (int i = 0; i < depth; i++) {
                if (!href.startsWith("../", 3 * i)) {
                    return false;
                }
            }
            return true;
        }

        /** The verdicts so far on such links from pages {@code depth} folders deep: the problem, or {@link #FINE}. */
        Map<String, String> atDepth(int depth) {
            return byDepth.computeIfAbsent(depth, d -> new ConcurrentHashMap<>());
        }
    }

    /**
     * {@code path} with "." and empty segments dropped and each ".." taking away the segment before it; a final
     * empty segment (a trailing '/') is kept. Null when a ".." would climb above the root.
     */
    static String normalize(String path) {
        StringBuilder out = new StringBuilder(path.length());
        int start = 0;
        while (true) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            int length = end - start;
            if (length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.') {
                if (out.length() == 0) {
                    return null;
                }
                out.setLength(Math.max(out.lastIndexOf("/"), 0));
            } else if (length > 1 || length == 1 && path.charAt(start) != '.') {
                if (out.length() > 0) {
                    out.append('/');
                }
                out.append(path, start, end);
            }
            if (slash < 0) {
                if (length == 0 && out.length() > 0) {
                    out.append('/');
                }
                return out.toString();
            }
            start = slash + 1;
        }
    }
}
