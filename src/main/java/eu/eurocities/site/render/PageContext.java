package eu.eurocities.site.render;

import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.Messages;
import eu.eurocities.site.model.Network;
import eu.eurocities.site.model.Site;
import eu.eurocities.site.plan.Nearby;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Routes;
import eu.eurocities.site.render.map.Maps;
import gg.jte.Content;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.Collection;
import java.util.List;
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
 * @param logo the size of the site's logo as its file gives it, or null when there is none or it cannot be read
 * @param scripts the texts for scripts, made once for all pages of a build ({@link #scriptTexts})
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
        boolean eu,
        ImageSize logo,
        ScriptTexts.Memo scripts) {

    /** The logo's width in pixels as its file gives it, or null when unknown (the template then writes none). */
    public Integer logoWidth() {
        return logo == null ? null : logo.width();
    }

    /** The logo's height in pixels as its file gives it, or null when unknown. */
    public Integer logoHeight() {
        return logo == null ? null : logo.height();
    }

    /** True when the site has a page of this kind: the rules and the strategy page are optional. */
    public boolean has(Page.Kind kind) {
        return kinds.contains(kind);
    }

    /** When the content last changed, e.g. {@code 6 December 2026}, or null when the build could not tell. */
    public String updated() {
        return site.updated() == null ? null : site.messages().date(site.updated());
    }

    /**
     * One entry of the main navigation.
     *
     * @param label its text
     * @param href its link, relative to the page
     * @param current true when it leads to this page or to the section this page is in
     * @param here true when it leads to this very page
     */
    public record NavItem(String label, String href, boolean current, boolean here) {
        /**
         * The entry's {@code aria-current}: {@code page} on the entry of this page, {@code true} on the entry of the
         * section this page is in (a screen reader then says "current" without calling another page this one), else
         * null (no attribute).
         */
        public String ariaCurrent() {
            return here ? "page" : current ? "true" : null;
        }
    }

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
                                false,
                                false);
                    }
                    String target = Routes.menuPage(e.page());
                    boolean here = p.equals(target);
                    boolean current = here
                            || !target.isEmpty() && p.startsWith(target)
                            || target.equals(Routes.MEMBERS) && page.kind() == Page.Kind.CITY;
                    return new NavItem(e.title(), links.to(target), current, here);
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
        return new Html(maps.crowded(cities, this::cityUrl, url(Maps.OUTLINE), site.messages()));
    }

    /**
     * The map of every member with a location, or nothing when none has one or the theme has no outline.
     *
     * @param cities the members
     * @param listed where this page lists them as text, e.g. {@code member index}
     */
    public Html networkMap(Collection<City> cities, String listed) {
        return new Html(maps.network(cities, this::cityUrl, url(Maps.OUTLINE), listed, site.messages()));
    }

    /** The map of a country with its members highlighted, or nothing (see {@link Maps#country}). */
    public Html countryMap(Country country, Collection<City> cities) {
        return new Html(maps.country(country, cities, this::cityUrl, url(Maps.OUTLINE), site.messages()));
    }

    /** A small map of a member and the members near it, or nothing when it has no location. */
    public Html locatorMap(City city, List<Nearby> near) {
        return new Html(maps.locator(
                city, near.stream().map(Nearby::city).toList(), this::cityUrl, url(Maps.OUTLINE), site.messages()));
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

    /** A whole number as the site's language writes it: {@code 128,624} in English, {@code 128 624} in French. */
    public String number(long n) {
        return site.messages().number(n);
    }

    /** The site's texts ({@link Messages}), for what the helpers below do not cover. */
    public Messages messages() {
        return site.messages();
    }

    /**
     * The text {@code key} of the language files with its placeholders filled: {@code t("city.population-date",
     * "date", d)}. A key no language file has fails the page's template, naming it.
     *
     * @param args name and value pairs
     */
    public String t(String key, Object... args) {
        return site.messages().text(key, args);
    }

    /** The form of text {@code key} for {@code count}: {@code n("count.cities", 2)} gives {@code 2 cities}. */
    public String n(String key, long count, Object... args) {
        return site.messages().plural(key, count, args);
    }

    /**
     * As {@link #t}, as HTML: the text is escaped, a value that is a {@link Content} (a link written in the template
     * as {@code @`<a href=...>...</a>`}) is inserted as it is, any other value escaped.
     */
    public Html h(String key, Object... args) {
        return html(site.messages().message(key).text(), args, null);
    }

    /** As {@link #n}, as HTML, with values as in {@link #h}. */
    public Html hn(String key, long count, Object... args) {
        return html(site.messages().form(key, count), args, number(count));
    }

    /**
     * The texts whose keys start with {@code prefix}, without it, as a JSON object for a script: the templates write
     * it into a {@code data-texts} attribute so that a script shows the site's language without a second request.
     */
    public String scriptTexts(String prefix, String... only) {
        return scripts.json(prefix, only);
    }

    private static Html html(String text, Object[] args, String count) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            values.put(String.valueOf(args[i]), render(args[i + 1]));
        }
        if (count != null) {
            values.putIfAbsent("n", count);
        }
        return new Html(Messages.fill(escape(text), values));
    }

    private static String render(Object value) {
        if (value instanceof Content c) {
            StringOutput out = new StringOutput();
            c.writeTo(new OwaspHtmlTemplateOutput(out));
            return out.toString();
        }
        return escape(String.valueOf(value));
    }

    /** Escapes text for an element's content, as jte does: {@code &}, {@code <} and {@code >}. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
