package eu.eurocities.site.render;

import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.Network;
import eu.eurocities.site.model.Site;
import eu.eurocities.site.plan.Nearby;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Routes;
import eu.eurocities.site.render.map.Maps;
import java.text.NumberFormat;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one parameter of every page template ({@code @param PageContext<Page.CityDetail> ctx}): the page, its
 * Markdown body, the site settings, the network facts for the footer, links relative to the page, and small
 * formatting helpers. Immutable.
 *
 * @param <P> the kind of page, so that a template reads its page's fields with their types
 * @param site the site settings
 * @param network the organisation's facts
 * @param page the page being rendered
 * @param links links from this page
 * @param body the page's Markdown as HTML; empty for a page made from records alone
 *
 * @param maps the site's maps
 * @param credits the open data sources the footer credits
 * @param draft true when the page is a draft shown by {@code build --drafts} or {@code serve}: it carries a badge
 * @param kinds the kinds of page the site has ({@link eu.eurocities.site.plan.Planner#kinds})
 * @param eu whether {@code membership.yaml} defines the country group {@code eu} (the European Union): only then do
 *     the pages say whether a country is in it
 */
public record PageContext<P extends Page>(
        Site site,
        Network network,
        P page,
        Links links,
        Html body,
        Maps maps,
        List<Credit> credits,
        boolean draft,
        Set<Page.Kind> kinds,
        boolean eu) {

    /** True when the site has a page of this kind: the rules and the strategy page are optional. */
    public boolean has(Page.Kind kind) {
        return kinds.contains(kind);
    }

    /** When the content last changed, e.g. {@code 6 December 2026}, or null when the build could not tell. */
    public String updated() {
        return site.updated() == null ? null : Credit.day(site.updated());
    }

    /** One entry of the main navigation. */
    public record NavItem(String label, String href, boolean current) {}

    /**
     * The main navigation, from {@link Site#menu()}: an entry is current when it leads to this page or to the
     * section this page is in (the member index for a category or a city, the overview for a country).
     */
    public List<NavItem> nav() {
        String p = page.path();
        return site.menu().stream()
                .map(e -> {
                    if (e.page() == null) {
                        return new NavItem(
                                e.title(),
                                e.url().startsWith("/") && !e.url().startsWith("//")
                                        ? links.to(e.url().substring(1))
                                        : e.url(),
                                false);
                    }
                    String target = Routes.menuPage(e.page());
                    boolean current = p.equals(target)
                            || !target.isEmpty() && p.startsWith(target)
                            || target.equals(Routes.MEMBERS) && page.kind() == Page.Kind.CITY;
                    return new NavItem(e.title(), links.to(target), current);
                })
                .toList();
    }

    /** The link to a site path, relative to this page. */
    public String url(String sitePath) {
        return links.to(sitePath);
    }

    /** The link to the page of a membership category, e.g. {@code ../members/full/}. */
    public String categoryUrl(Category category) {
        return links.to(Routes.category(category));
    }

    /** The link to a city's page, e.g. {@code ../cities/lodz/}. */
    public String cityUrl(City city) {
        return links.to(Routes.city(city));
    }

    /** The link to a country's page, e.g. {@code ../countries/poland/}. */
    public String countryUrl(Country country) {
        return links.to(Routes.country(country));
    }

    /** The most crowded part of the network enlarged, or nothing when no part is crowded (see {@link Maps#crowded}). */
    public Html crowdedMap(Collection<City> cities) {
        return new Html(maps.crowded(cities, this::cityUrl, url(Maps.OUTLINE)));
    }

    /**
     * The map of every member with a location, or nothing when none has one or the theme has no outline.
     *
     * @param cities the members
     * @param listed where this page lists them as text, e.g. {@code table below}
     */
    public Html networkMap(Collection<City> cities, String listed) {
        return new Html(maps.network(cities, this::cityUrl, url(Maps.OUTLINE), listed));
    }

    /** The map of a country with its members highlighted, or nothing (see {@link Maps#country}). */
    public Html countryMap(Country country, Collection<City> cities) {
        return new Html(maps.country(country, cities, this::cityUrl, url(Maps.OUTLINE), "table below"));
    }

    /** A small map of a member and the members near it, or nothing when it has no location. */
    public Html locatorMap(City city, List<Nearby> near) {
        return new Html(maps.locator(city, near.stream().map(Nearby::city).toList(), this::cityUrl, url(Maps.OUTLINE)));
    }

    /** The absolute canonical URL of this page. */
    public String canonical() {
        return site.absolute(page.path());
    }

    /** The text of the {@code <title>} element: the page title and the site name, or the site name alone. */
    public String documentTitle() {
        if (page instanceof Page.Home) {
            return page.title().equals(site.title()) ? site.title() : site.title() + ": " + page.title();
        }
        return page.title() + " · " + site.title();
    }

    /** The page's schema.org structured data as a script element, or null when it has none ({@link JsonLd}). */
    public Html jsonLd() {
        return JsonLd.of(site, network, page);
    }

    /** A whole number with English digit grouping: {@code 128,624}. */
    public String number(long n) {
        return GROUPING.get().format(n);
    }

    /** A count and its noun in the right number: {@code count(1, "city", "cities")} gives {@code 1 city}. */
    public String count(long n, String one, String many) {
        return n + " " + noun(n, one, many);
    }

    /** The noun for a count: {@code one} for 1, {@code many} for any other number. */
    public String noun(long n, String one, String many) {
        return n == 1 ? one : many;
    }

    /** One formatter per thread: a formatter is not thread-safe, and making one per number cost 3% of a build. */
    private static final ThreadLocal<NumberFormat> GROUPING =
            ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(Locale.ENGLISH));
}
