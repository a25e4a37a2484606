package eu.eurocities.site.plan;

import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Country;

/**
 * Every address of the site, as a site path relative to the base URL (no leading '/': {@code ""} for the home page,
 * {@code cities/lodz/}, {@code 404.html}). Planner, renderer, templates and open data ask here, so an address is
 * spelled once.
 */
public final class Routes {
    /** The home page. */
    public static final String HOME = "";
    /** The member index. */
    public static final String MEMBERS = "members/";
    /** The overview of countries. */
    public static final String COUNTRIES = "countries/";
    /** The membership rules page, from {@code content/pages/membership.md}. */
    public static final String RULES = "membership/";
    /** The strategy and activities page, from {@code content/pages/strategy-and-activities.md}. */
    public static final String STRATEGY = "strategy-and-activities/";
    /** The site search. */
    public static final String SEARCH = "search/";
    /** The page served for missing addresses; the only page the sitemap leaves out. */
    public static final String NOT_FOUND = "404.html";

    /** The sitemap, which lists every page but {@link #NOT_FOUND}. */
    public static final String SITEMAP = "sitemap.xml";
    /** The file for crawlers, which names the sitemap. */
    static final String ROBOTS = "robots.txt";
    /** The open data download of every city record as JSON. */
    public static final String MEMBERS_JSON = "members.json";
    /** The same as a CSV table. */
    public static final String MEMBERS_CSV = "members.csv";
    /** The Frictionless Data Package that describes the open data. */
    static final String DATAPACKAGE = "datapackage.json";
    /** Every row of the member index, for its filters when the index has more than one page. */
    public static final String MEMBER_ROWS = "members/rows.json";
    /** The site search's index. */
    public static final String SEARCH_INDEX = "search-index/core.json";

    private Routes() {}

    /** A city's page: {@code cities/lodz/}. */
    public static String city(City city) {
        return "cities/" + city.slug() + "/";
    }

    /** A country's page: {@code countries/poland/}. */
    public static String country(Country country) {
        return COUNTRIES + country.slug() + "/";
    }

    /**
     * Page {@code number} (from 1) of the member index: {@code members/} for the first, then {@code members/page/2/}.
     */
    static String membersPage(int number) {
        return paged(MEMBERS, number);
    }

    /** Page {@code number} (from 1) of the list whose first page is at {@code first}: {@code first/page/2/} ... */
    static String paged(String first, int number) {
        return number == 1 ? first : first + "page/" + number + "/";
    }

    /** The page of a membership category that lists cities: {@code members/full/}. */
    public static String category(Category category) {
        return MEMBERS + category.id() + "/";
    }

    /**
     * The page made from a Markdown file of {@code content/pages/}: {@code home} is the home page, {@code membership}
     * the rules page, {@code strategy-and-activities} the strategy page, any other slug a page at {@code <slug>/}.
     */
    public static String textPage(String slug) {
        return slug.equals("home") ? HOME : slug + "/";
    }

    /**
     * The site path of the page a menu entry names: one of the built-in names ({@code members}, {@code countries},
     * {@code rules}, {@code strategy}, {@code search}) or the slug of a page of {@code content/pages/}.
     */
    public static String menuPage(String page) {
        return switch (page) {
            case "members" -> MEMBERS;
            case "countries" -> COUNTRIES;
            case "rules" -> RULES;
            case "strategy" -> STRATEGY;
            case "search" -> SEARCH;
            default -> textPage(page);
        };
    }

    /** The output file of a site path, relative to the output folder: a folder path gets {@code index.html}. */
    public static String file(String path) {
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }
}
