package eu.eurocities.site.plan;

import eu.eurocities.site.model.Site;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The sitemap, which lists every page but the one for missing addresses, and the robots.txt that names it. */
public final class Sitemap {
    private Sitemap() {}

    /** {@code sitemap.xml} for {@code pages}, each at its absolute URL under the site's base URL. */
    public static byte[] xml(Site site, List<Page> pages) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Page page : pages) {
            if (!page.path().equals(Routes.NOT_FOUND)) {
                String url = site.absolute(page.path())
                        .replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;");
                xml.append("  <url><loc>").append(url).append("</loc></url>\n");
            }
        }
        return xml.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code robots.txt}: everything may be crawled, and the sitemap is at its absolute URL. */
    public static byte[] robots(Site site) {
        String robots = "User-agent: *\nAllow: /\n\nSitemap: " + site.absolute(Routes.SITEMAP) + "\n";
        return robots.getBytes(StandardCharsets.UTF_8);
    }
}
