package eu.eurocities.site.render;

import eu.eurocities.site.model.Site;
import eu.eurocities.site.plan.Redirect;
import org.jsoup.nodes.Entities;

/**
 * The HTML of a redirect page: a refresh to the new address, the new address as canonical link, {@code noindex} so
 * that search engines keep only the new one, and a visible link for readers whose browser does not follow the
 * refresh.
 */
final class RedirectPage {
    private RedirectPage() {}

    /** The page for {@code redirect} on {@code site}. */
    public static String html(Site site, Redirect redirect) {
        String href = Entities.escape(new Links(redirect.alias().path(), site.basePath(), false)
                .to(redirect.to().path()));
        String title = Entities.escape(redirect.to().title());
        return "<!DOCTYPE html>\n<html lang=\"" + Entities.escape(site.language()) + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<title>Moved: " + title + " · " + Entities.escape(site.title()) + "</title>\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<link rel=\"canonical\" href=\""
                + Entities.escape(site.absolute(redirect.to().path())) + "\">\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + href + "\">\n"
                + "</head>\n<body>\n<h1>This page has moved</h1>\n"
                + "<p><a href=\"" + href + "\">" + title + "</a> is at a new address.</p>\n</body>\n</html>\n";
    }
}
