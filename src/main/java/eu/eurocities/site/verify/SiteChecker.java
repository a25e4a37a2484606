package eu.eurocities.site.verify;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.render.MarkdownLink;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The check stage: every internal link, {@code #fragment}, stylesheet, script and image on every page resolves to
 * a file (or an element id) of the output; no address on any page has a scheme {@link
 * eu.eurocities.site.render.LinkSchemes} refuses ({@code javascript:}, {@code data:} ...); every page has a title,
 * exactly one {@code h1}, a {@code lang}, a canonical URL under the base URL, and no id twice; no two pages share a
 * title; the sitemap lists exactly the pages, and robots.txt names it. External links are fetched only when asked
 * ({@link ExternalLinks}). Works on {@link OutputFacts}, so it checks a build before it is swapped in and a folder on
 * disk alike. Findings about links written in Markdown name the Markdown file, line and column.
 */
public final class SiteChecker {
    private SiteChecker() {}

    /**
     * Checks the links written in Markdown to site paths ({@code /members/}) against the output files a build plans,
     * for a build that stops before it renders, as {@link #check} would report them; fragments are not checked, as no
     * page is rendered.
     *
     * @param files every output file planned, e.g. {@code members/index.html}
     * @param markdownLinks links written in Markdown, with the output file of the page each is on
     * @param basePath the base URL's path, starting and ending with '/'
     * @return a finding at the Markdown of each link that leads to no planned file, by source file, line and column
     */
    public static List<Diagnostic> checkPlanned(Set<String> files, List<MarkdownLink> markdownLinks, String basePath) {
        List<Finding> out = new ArrayList<>();
        Known planned = new Known() { // no page is rendered: no ids to check a fragment against
                    @Override
                    public Boolean has(String file) {
                        return files.contains(file);
                    }

                    @Override
                    public Set<String> ids(String file) {
                        return NO_PAGE;
                    }
                };
        for (MarkdownLink link : markdownLinks) {
            if (link.written().startsWith("/") && !link.written().startsWith("//")) {
                String problem = resolve(link.file(), Known.NO_PAGE, link.href(), planned, basePath);
                if (problem != null) {
                    out.add(new Finding(link.file(), problem, link.href()));
                }
            }
        }
        return trace(out, markdownLinks);
    }

    /** One problem in the output, while it may still be traced to the Markdown a link was written in. */
    record Finding(String file, String problem, String href) {
        /** At the output file: {@code page: error: problem (href="...")}. */
        Diagnostic diagnostic() {
            return new Diagnostic(
                    SourcePos.file(file),
                    Severity.ERROR,
                    problem + (href == null ? "" : " (href=\"" + href + "\")"),
                    null);
        }

        /**
         * At the Markdown {@code link} was written in: {@code file:line:column: error: broken link to 'written': ...}.
         */
        Diagnostic diagnostic(MarkdownLink link) {
            return new Diagnostic(
                    link.pos(),
                    Severity.ERROR,
                    "broken link to '" + link.written() + "'" + problem.substring("broken link".length()) + " (" + file
                            + ", href=\"" + href + "\")",
                    problem.startsWith("broken link: external")
                            ? "open the address in a browser; if the page moved, link to where it is now"
                            : "link to a page of the site (e.g. /members/), a heading on it (#heading), or a content "
                                    + "file (e.g. membership.md or ../cities/oslo.yaml)");
        }
    }

    /**
     * Checks a built site.
     *
     * @param facts the output's files and page facts
     * @param baseUrl the site's base URL, ending in '/', e.g. {@code https://user.github.io/eurocities/}
     * @param excludedFromSitemap output files that are pages but rightly not in the sitemap (404.html)
     * @param markdownLinks links written in Markdown, to trace findings about them to their source line
     * @param external fetches external links, or null to leave them alone (the default: no network)
     * @return findings about Markdown links first, by source file, line and column; then the others by output
     *     file and, within a page, in document order
     * @throws IllegalStateException when the facts were checked as written for another base URL, or a file
     *     planned then was not written
     */
    public static List<Diagnostic> check(
            OutputFacts facts,
            String baseUrl,
            Set<String> excludedFromSitemap,
            List<MarkdownLink> markdownLinks,
            ExternalLinks external) {
        String basePath = URI.create(baseUrl).getRawPath();
        List<CheckedPage> pages = facts.checkedPages(baseUrl, external != null);
        Map<String, String> externalProblems = external == null
                ? Map.of()
                : external.problems(pages.stream()
                        .filter(p -> p.entries() != null)
                        .flatMap(p -> Arrays.stream(p.entries()))
                        .filter(e -> e instanceof String href && isExternal(href, baseUrl))
                        .map(String.class::cast)
                        .collect(Collectors.toCollection(TreeSet::new)));
        Map<String, Finding> sameTitle = sameTitles(pages);
        Known known = facts.known();
        RootLinks rootLinks = new RootLinks();
        List<Finding> out = new ArrayList<>();
        pages.parallelStream()
                .map(page ->
                        finish(page, sameTitle.get(page.file()), baseUrl, basePath, known, externalProblems, rootLinks))
                .forEachOrdered(out::addAll);
        checkSitemap(facts, pages, baseUrl, excludedFromSitemap, out);
        return trace(out, markdownLinks);
    }

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
    private static final String LATER = new String("later");

    /** True for an external link, which {@link ExternalLinks} fetches when asked. */
    private static boolean isExternal(String href, String baseUrl) {
        return href.regionMatches(true, 0, "http", 0, 4)
                && href.matches("(?i)https?://.*")
                && !href.startsWith(baseUrl);
    }

    /** The findings about a shared title, by the file of each page whose title an earlier page in path order has. */
    private static Map<String, Finding> sameTitles(List<CheckedPage> pages) {
        long[] hashes = pages.stream()
                .filter(CheckedPage::titled)
                .mapToLong(CheckedPage::title1)
                .sorted()
                .toArray();
        Set<Long> twice = new HashSet<>();
        for (int i = 1; i < hashes.length; i++) {
            if (hashes[i] == hashes[i - 1]) {
                twice.add(hashes[i]);
            }
        }
        if (twice.isEmpty()) {
            return Map.of();
        }
        List<CheckedPage> candidates = pages.stream()
                .filter(p -> p.titled() && twice.contains(p.title1()))
                .toList();
        Map<String, String> text = new HashMap<>();
        for (CheckedPage page : candidates) {
            if (page.title() != null) {
                text.putIfAbsent(page.title1() + ":" + page.title2(), page.title());
            }
        }
        Map<String, String> first = new HashMap<>();
        Map<String, Finding> same = new HashMap<>();
        for (CheckedPage page : candidates) {
            String key = page.title1() + ":" + page.title2();
            String other = first.putIfAbsent(key, page.file());
            if (other != null) {
                same.put(
                        page.file(),
                        new Finding(
                                page.file(),
                                "page has the same title as " + other + ": '" + text.get(key) + "'",
                                null));
            }
        }
        return same;
    }

    /** A page's findings: a shared title first, then those found as it was written, with its kept links judged. */
    private static List<Finding> finish(
            CheckedPage page,
            Finding sameTitle,
            String baseUrl,
            String basePath,
            Known known,
            Map<String, String> externalProblems,
            RootLinks rootLinks) {
        List<Finding> out = new ArrayList<>();
        if (sameTitle != null) {
            out.add(sameTitle);
        }
        if (page.entries() == null) {
            return out;
        }
        int depth = depth(page.file());
        for (Object entry : page.entries()) {
            if (entry instanceof Finding f) {
                out.add(f);
                continue;
            }
            String href = (String) entry;
            String problem =
                    judge(page.file(), page.ids(), href, depth, rootLinks, baseUrl, basePath, known, externalProblems);
            if (problem == LATER) {
                throw new IllegalStateException("a link on " + page.file() + " is still not judged: " + href);
            }
            if (problem != null) {
                out.add(new Finding(page.file(), problem, href));
            }
        }
        return out;
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
    private static String judge(
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

    private static void checkSitemap(
            OutputFacts facts,
            List<CheckedPage> pages,
            String baseUrl,
            Set<String> excludedFromSitemap,
            List<Finding> out) {
        if (facts.sitemap().isEmpty()) {
            out.add(new Finding("sitemap.xml", "the output has no sitemap.xml", null));
        } else {
            Set<String> listed = new HashSet<>();
            int basePathLength = URI.create(baseUrl).getPath().length();
            for (String loc : facts.sitemap().get()) {
                if (!loc.startsWith(baseUrl)) {
                    out.add(new Finding("sitemap.xml", "sitemap lists a URL outside the base URL " + baseUrl, loc));
                    continue;
                }
                String rest = loc.substring(baseUrl.length());
                String path = isPlain(rest) && rest.indexOf('#') < 0
                        ? rest
                        : URI.create(loc).getPath().substring(basePathLength);
                String file = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
                listed.add(file);
                if (!facts.isPage(file)) {
                    out.add(new Finding("sitemap.xml", "sitemap lists a page that does not exist", loc));
                }
            }
            for (CheckedPage page : pages) {
                if (!listed.contains(page.file()) && !excludedFromSitemap.contains(page.file()) && !page.redirect()) {
                    out.add(new Finding("sitemap.xml", "sitemap does not list " + page.file(), null));
                }
            }
        }
        String sitemapUrl = baseUrl + "sitemap.xml";
        if (facts.robotsSitemap().isEmpty()) {
            out.add(new Finding("robots.txt", "the output has no robots.txt", null));
        } else if (!facts.robotsSitemap().get().equals(sitemapUrl)) {
            out.add(new Finding(
                    "robots.txt",
                    "robots.txt does not name the sitemap " + sitemapUrl,
                    facts.robotsSitemap().get()));
        }
    }

    /**
     * Replaces each finding about a link written in Markdown by one that names the Markdown's position. A page's
     * findings with the same href take that href's Markdown links in document order.
     */
    private static List<Diagnostic> trace(List<Finding> findings, List<MarkdownLink> markdownLinks) {
        Map<String, Deque<MarkdownLink>> byLink = new HashMap<>();
        for (MarkdownLink link : markdownLinks) {
            byLink.computeIfAbsent(link.file() + "\n" + link.href(), k -> new ArrayDeque<>())
                    .add(link);
        }
        List<Diagnostic> traced = new ArrayList<>();
        List<Diagnostic> rest = new ArrayList<>();
        for (Finding f : findings) {
            Deque<MarkdownLink> origins = f.href() == null || !f.problem().startsWith("broken link")
                    ? null
                    : byLink.get(f.file() + "\n" + f.href());
            if (origins != null && !origins.isEmpty()) {
                traced.add(f.diagnostic(origins.poll()));
            } else {
                rest.add(f.diagnostic());
            }
        }
        traced.sort(Comparator.comparing((Diagnostic d) -> d.pos().path())
                .thenComparingInt(d -> d.pos().line())
                .thenComparingInt(d -> d.pos().column()));
        traced.addAll(rest);
        return List.copyOf(traced);
    }

    /** The site path of an output file: {@code cities/lodz/index.html} to {@code cities/lodz/}. */
    private static String sitePath(String file) {
        return file.equals("index.html") || file.endsWith("/index.html")
                ? file.substring(0, file.length() - "index.html".length())
                : file;
    }

    /**
     * Null when {@code href} on the page written as {@code file}, whose element ids are {@code ids}, resolves;
     * {@link #LATER} when {@code known} cannot tell yet; else the problem.
     */
    private static String resolve(String file, Set<String> ids, String href, Known known, String basePath) {
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
    private static int depth(String file) {
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
