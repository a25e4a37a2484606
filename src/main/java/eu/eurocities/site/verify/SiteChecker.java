package eu.eurocities.site.verify;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.render.MarkdownLink;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
        PageCheck.Known planned = new PageCheck.Known() { // no page is rendered: no ids to check a fragment against
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
                String problem =
                        PageCheck.resolve(link.file(), PageCheck.Known.NO_PAGE, link.href(), planned, basePath);
                if (problem != null) {
                    out.add(new Finding(link.file(), problem, link.href()));
                }
            }
        }
        return trace(out, markdownLinks);
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
        return check(
                facts.checkedPages(baseUrl, external != null),
                facts,
                baseUrl,
                excludedFromSitemap,
                markdownLinks,
                external);
    }

    /**
     * As {@link #check(OutputFacts, String, Set, List, ExternalLinks)}, with every page already checked as far as it
     * can be on its own ({@code pages}, in path order of their files).
     */
    static List<Diagnostic> check(
            List<CheckedPage> pages,
            OutputFacts facts,
            String baseUrl,
            Set<String> excludedFromSitemap,
            List<MarkdownLink> markdownLinks,
            ExternalLinks external) {
        String basePath = URI.create(baseUrl).getRawPath();
        Map<String, String> externalProblems = external == null
                ? Map.of()
                : external.problems(pages.stream()
                        .filter(p -> p.entries() != null)
                        .flatMap(p -> Arrays.stream(p.entries()))
                        .filter(e -> e instanceof String href && PageCheck.isExternal(href, baseUrl))
                        .map(String.class::cast)
                        .collect(Collectors.toCollection(TreeSet::new)));
        Map<String, Finding> sameTitle = sameTitles(pages);
        PageCheck.Known known = facts.known();
        PageCheck.RootLinks rootLinks = new PageCheck.RootLinks();
        List<Finding> out = new ArrayList<>();
        pages.parallelStream()
                .map(page ->
                        finish(page, sameTitle.get(page.file()), baseUrl, basePath, known, externalProblems, rootLinks))
                .forEachOrdered(out::addAll);
        checkSitemap(facts, pages, baseUrl, excludedFromSitemap, out);
        return trace(out, markdownLinks);
    }

    /** The findings about a shared title, by the file of each page whose title an earlier page in path order has. */
    static Map<String, Finding> sameTitles(List<CheckedPage> pages) {
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
            PageCheck.Known known,
            Map<String, String> externalProblems,
            PageCheck.RootLinks rootLinks) {
        List<Finding> out = new ArrayList<>();
        if (sameTitle != null) {
            out.add(sameTitle);
        }
        if (page.entries() == null) {
            return out;
        }
        int depth = PageCheck.depth(page.file());
        for (Object entry : page.entries()) {
            if (entry instanceof Finding f) {
                out.add(f);
                continue;
            }
            String href = (String) entry;
            String problem = PageCheck.judge(
                    page.file(), page.ids(), href, depth, rootLinks, baseUrl, basePath, known, externalProblems);
            if (problem == PageCheck.LATER) {
                throw new IllegalStateException("a link on " + page.file() + " is still not judged: " + href);
            }
            if (problem != null) {
                out.add(new Finding(page.file(), problem, href));
            }
        }
        return out;
    }

    static void checkSitemap(
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
                String path = PageCheck.isPlain(rest) && rest.indexOf('#') < 0
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
}
