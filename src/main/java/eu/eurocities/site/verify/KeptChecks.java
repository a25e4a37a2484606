package eu.eurocities.site.verify;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.render.MarkdownLink;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The output check of a site built again after a small change ({@code serve}): says what {@link SiteChecker#check}
 * says of the whole site, but when the last check found nothing, reads again only the pages that changed.
 *
 * <p>A page whose bytes did not change keeps its verdict: its own checks read only its text, and its links only
 * which files exist and which ids the pages they lead to have. So when no file was added or removed and no changed
 * page lost an id, every link of an unchanged page still leads where it led, and only the changed pages need their
 * checks. The checks over all pages (no two share a title; the sitemap lists exactly the pages) run again over what
 * each page keeps, unless no changed page has a new title or became or stopped being a redirect and neither the
 * sitemap nor robots.txt changed: then they hold as they did. Whenever that shortcut does not hold, or the changed
 * pages or the checks over all pages find anything, the whole site is checked as a build checks it, so the findings,
 * their order and their Markdown positions are a build's. Immutable.
 */
public final class KeptChecks {
    private static final KeptChecks NONE = new KeptChecks(null, Map.of());

    /** The base URL of the last check that found nothing, or null before the first. */
    private final String baseUrl;
    /** Every page of that check, by file: none had a finding. */
    private final Map<String, CheckedPage> pages;

    private KeptChecks(String baseUrl, Map<String, CheckedPage> pages) {
        this.baseUrl = baseUrl;
        this.pages = pages;
    }

    /** Nothing checked yet: the next check is of the whole site. */
    public static KeptChecks none() {
        return NONE;
    }

    /**
     * The findings of one check.
     *
     * @param findings what {@link SiteChecker#check} reports for the same facts
     * @param kept what the next check starts from: the state after this check when it found nothing, else the one it
     *     started from (the site the next rebuild is compared with is still the last good one)
     * @param whole true when the whole site was checked
     */
    public record Checked(List<Diagnostic> findings, KeptChecks kept, boolean whole) {}

    /**
     * Checks a site built again.
     *
     * @param before the facts of the site this state was made from (the last good build), or null when there was none
     * @param facts the facts of the new site
     * @param changed the output files added, removed or changed since {@code before}
     * @param baseUrl the site's base URL, ending in '/'
     * @param excludedFromSitemap as for {@link SiteChecker#check}
     * @param markdownLinks the links written in Markdown on every page, asked for only when the whole site is checked
     * @return the findings, as {@link SiteChecker#check} gives them without external links
     */
    public Checked check(
            OutputFacts before,
            OutputFacts facts,
            Set<String> changed,
            String baseUrl,
            Set<String> excludedFromSitemap,
            Supplier<List<MarkdownLink>> markdownLinks) {
        if (before != null && baseUrl.equals(this.baseUrl)) {
            Map<String, CheckedPage> next = onlyChanged(before, facts, changed, baseUrl, excludedFromSitemap);
            if (next != null) {
                return new Checked(List.of(), new KeptChecks(baseUrl, next), false);
            }
        }
        List<CheckedPage> all = facts.checkedPages(baseUrl, false);
        List<Diagnostic> findings =
                SiteChecker.check(all, facts, baseUrl, excludedFromSitemap, markdownLinks.get(), null);
        if (!findings.isEmpty()) {
            return new Checked(findings, this, true);
        }
        Map<String, CheckedPage> byFile = new HashMap<>(all.size() * 2);
        all.forEach(p -> byFile.put(p.file(), p));
        return new Checked(findings, new KeptChecks(baseUrl, byFile), true);
    }

    /**
     * The pages of the new site when checking only the changed ones finds nothing and says all there is to say;
     * null when the whole site must be checked.
     */
    private static final String SITEMAP = "sitemap.xml";

    private static final String ROBOTS = "robots.txt";

    private Map<String, CheckedPage> onlyChanged(
            OutputFacts before,
            OutputFacts facts,
            Set<String> changed,
            String baseUrl,
            Set<String> excludedFromSitemap) {
        Map<String, CheckedPage> next = new HashMap<>(pages);
        PageCheck.Known known = facts.known();
        String basePath = URI.create(baseUrl).getRawPath();
        PageCheck.RootLinks rootLinks = new PageCheck.RootLinks();
        // the last check found no two pages with one title and a sitemap that matched the pages: while the changed
        // pages keep their titles and the sitemap its pages, both hold without reading every page again
        boolean titlesKept = true;
        boolean sitemapKept = !changed.contains(SITEMAP) && !changed.contains(ROBOTS);
        for (String file : changed) {
            if (before.sizes().containsKey(file) != facts.sizes().containsKey(file)) {
                return null; // a file added or removed: a link of an unchanged page may now lead elsewhere
            }
            PageFacts page = facts.page(file);
            if (page == null) {
                continue; // no page: what a link to it needs is that it exists, and it still does
            }
            CheckedPage old = pages.get(file);
            if (old == null || !page.ids().containsAll(old.ids())) {
                return null; // an id gone: a link of an unchanged page may have led to it
            }
            List<Object> entries = PageCheck.checkPage(page, baseUrl, basePath, known, Map.of(), rootLinks);
            if (!entries.isEmpty()) {
                return null;
            }
            CheckedPage now = CheckedPage.clean(page);
            titlesKept &= now.titled() == old.titled()
                    && (!now.titled() || now.title().equals(old.title()));
            sitemapKept &= now.redirect() == old.redirect();
            next.put(file, now);
        }
        if (titlesKept && sitemapKept) {
            return next;
        }
        List<CheckedPage> all = new ArrayList<>(next.values());
        if (!titlesKept && !SiteChecker.sameTitles(all).isEmpty()) {
            return null;
        }
        List<Finding> sitemap = new ArrayList<>();
        SiteChecker.checkSitemap(facts, all, baseUrl, excludedFromSitemap, sitemap);
        return sitemap.isEmpty() ? next : null;
    }
}
