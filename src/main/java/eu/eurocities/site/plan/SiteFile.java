package eu.eurocities.site.plan;

import eu.eurocities.site.diag.SourcePos;

/**
 * A file of the output that is not an HTML page, planned beside the pages so that no two outputs claim one address.
 *
 * @param file its path relative to the output folder: {@code sitemap.xml}, {@code style.css}
 * @param kind what it holds
 * @param origin the file of the source folder it is copied from (a theme's own asset), or null for a file the site
 *     makes itself or takes from the built-in theme
 */
public record SiteFile(String file, Kind kind, SourcePos origin) {

    /** What a file holds, and how messages name it when the site makes it. */
    public enum Kind {
        SITEMAP("the sitemap"),
        ROBOTS("robots.txt"),
        MEMBERS_JSON("the open data file members.json"),
        MEMBERS_CSV("the open data file members.csv"),
        DATAPACKAGE("the open data's description datapackage.json"),
        SEARCH_INDEX("the search index"),
        MEMBER_ROWS("the member index's rows for its filters"),
        ASSET("a file of the built-in theme's assets/"),
        STATIC("a file of static/"),
        REDIRECT("a redirect page");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Where this file comes from, for messages: the source file, or what the site makes. */
    String source() {
        return origin != null ? origin.path() : kind.label;
    }
}
