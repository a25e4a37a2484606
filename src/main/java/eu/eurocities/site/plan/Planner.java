package eu.eurocities.site.plan;

import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.Messages;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.validate.Figures;
import eu.eurocities.site.validate.RuleCheck;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The plan stage: decides which pages exist and what each shows, from validated content. Pure: the same content
 * always gives the same list, in the same order (fixed pages and one page per membership category that lists cities
 * first, then cities in slug order, then countries by code). Cities are listed in slug order, which reads as an
 * English reader expects ('Łódź' as 'lodz', between 'Lisbon' and 'London'); countries by English name, collated with a
 * fixed English collator.
 */
public final class Planner {
    private static final int SAME_COUNTRY_LIMIT = 12;
    private static final int NEARBY_LIMIT = 6;

    private Planner() {}

    /** Every page of the site for {@code content}, which must have passed validation. */
    public static List<Page> plan(Content content) {
        return plan(content, new Folds());
    }

    /**
     * Like {@link #plan(Content)}, with the names folded by {@code folds}, which keeps them for later plans ({@code
     * serve} plans again on every save).
     */
    public static List<Page> plan(Content content, Folds folds) {
        List<Page> pages = new ArrayList<>();
        var texts = content.site().messages();
        String network = networkPhrase(content.network().name(), texts);
        folds.wording(texts, network);
        Figures figures = Figures.of(content);
        List<Page.CategoryCount> categories = content.categories().stream()
                .map(c -> new Page.CategoryCount(c, figures.in(c.id())))
                .toList();
        List<Page.CountryCities> countries = countries(content);
        List<Page.CountryCount> counts = countries.stream()
                .map(c -> new Page.CountryCount(c.country(), c.cities().size()))
                .toList();
        List<City> cities = List.copyOf(content.cities().values());

        TextPage home = content.pages().get("home"); // optional, as are the rules and strategy pages
        List<City> founders = content.network().foundingCities().stream()
                .map(content.cities()::get)
                .toList();
        // countries are in name order, and a stable sort keeps that order among equal counts
        List<Page.CountryCities> top = countries.stream()
                .sorted(Comparator.comparingInt(
                        (Page.CountryCities c) -> -c.cities().size()))
                .toList();
        pages.add(new Page.Home(
                Routes.HOME,
                home != null ? home.title() : content.site().title(),
                home != null
                        ? describe(home, content.site().description())
                        : content.site().description(),
                home,
                figures,
                founders,
                categories,
                top,
                cities));

        // a row folds the city's names into a search key: the one costly step of planning, so it runs on every core
        List<Page.CityRow> rows = cities.parallelStream()
                .map(c -> folds.row(c, content.country(c.country()), content.category(c.membership())))
                .toList();
        // each country's rows in slug order, as its cities are
        Map<String, List<Page.CityRow>> rowsByCountry = new HashMap<>();
        rows.forEach(r -> rowsByCountry
                .computeIfAbsent(r.city().country(), k -> new ArrayList<>())
                .add(r));
        List<List<Page.CityRow>> memberPages = pages(rows);
        for (int n = 1; n <= memberPages.size(); n++) {
            String of = of(texts, n, memberPages.size());
            pages.add(new Page.Members(
                    Routes.membersPage(n),
                    texts.text("plan.members") + of,
                    texts.plural(
                            content.hasCategories() ? "plan.members-description" : "plan.members-description-plain",
                            cities.size(),
                            "network",
                            network,
                            "page",
                            of),
                    memberPages.get(n - 1),
                    figures,
                    categories,
                    counts,
                    n,
                    memberPages.size()));
        }
        for (Page.CategoryCount c : categories) {
            if (c.category().listsCities() && content.hasCategories()) {
                String plural = c.category().plural();
                List<Page.CityRow> in = rows.stream()
                        .filter(r -> r.category().id().equals(c.category().id()))
                        .toList();
                List<List<Page.CityRow>> parts = pages(in);
                for (int n = 1; n <= parts.size(); n++) {
                    String of = of(texts, n, parts.size());
                    pages.add(new Page.CategoryDetail(
                            Routes.paged(Routes.category(c.category()), n),
                            plural + of,
                            texts.plural(
                                    "plan.category-description",
                                    c.cities(),
                                    "category",
                                    c.cities() == 1
                                            ? c.category().nameInText()
                                            : c.category().pluralInText(),
                                    "network",
                                    network,
                                    "summary",
                                    c.category().summary(),
                                    "page",
                                    of.isEmpty() ? "" : texts.text("plan.category-page", "page", of.substring(2))),
                            c.category(),
                            parts.get(n - 1),
                            in.size(),
                            n,
                            parts.size()));
                }
            }
        }

        TextPage rules = content.pages().get("membership");
        if (rules != null && content.hasCategories()) {
            pages.add(new Page.Rules(
                    Routes.RULES,
                    rules.title(),
                    describe(rules, rules.title()),
                    rules,
                    categories,
                    RuleCheck.compare(content),
                    RuleCheck.mismatches(content)));
        }
        TextPage strategy = content.pages().get("strategy-and-activities");
        if (strategy != null) {
            pages.add(new Page.Strategy(
                    Routes.STRATEGY, strategy.title(), describe(strategy, strategy.title()), strategy));
        }
        // without categories, membership.md is a page like any other: there are no rules to show with it
        content.pages().values().stream()
                .filter(p -> !List.of("home", "membership", "strategy-and-activities")
                                .contains(p.slug())
                        || p.slug().equals("membership") && !content.hasCategories())
                .sorted(Comparator.comparing(TextPage::slug))
                .forEach(
                        p -> pages.add(new Page.Text(Routes.textPage(p.slug()), p.title(), describe(p, p.title()), p)));
        pages.add(new Page.Countries(
                Routes.COUNTRIES,
                texts.text("plan.countries"),
                texts.plural("plan.countries-description", countries.size(), "network", network),
                counts));
        pages.add(new Page.Search(
                Routes.SEARCH,
                texts.text("plan.search"),
                texts.text("plan.search-description", "site", content.site().title()),
                List.copyOf(pages.subList(1, pages.size())),
                SearchExamples.of(cities, folds)));
        pages.add(new Page.NotFound(
                Routes.NOT_FOUND, texts.text("plan.not-found"), texts.text("plan.not-found-description")));

        Map<String, Page.CountryCities> byCode = new TreeMap<>();
        countries.forEach(c -> byCode.put(c.country().code(), c));
        // the first cities of each country, shown by the pages of all its other cities: one list shared by them
        Map<String, List<City>> firstOfCountry = new HashMap<>();
        byCode.forEach((code, c) -> firstOfCountry.put(
                code,
                List.copyOf(c.cities()
                        .subList(0, Math.min(SAME_COUNTRY_LIMIT, c.cities().size())))));
        Map<String, List<Nearby>> nearby = Nearby.of(cities, NEARBY_LIMIT);
        // one page per city, each made from what is already computed: on every core, kept in the cities' order
        pages.addAll(IntStream.range(0, cities.size())
                .parallel()
                .mapToObj(i -> {
                    City city = cities.get(i);
                    Country country = content.country(city.country());
                    Category category = content.category(city.membership());
                    List<City> first = firstOfCountry.get(city.country());
                    List<City> same = first.stream().anyMatch(c -> c == city)
                            ? byCode.get(city.country()).cities().stream()
                                    .filter(c -> !c.slug().equals(city.slug()))
                                    .limit(SAME_COUNTRY_LIMIT)
                                    .toList()
                            : first;
                    return folds.cityPage(
                            city,
                            country,
                            category,
                            same,
                            nearby.getOrDefault(city.slug(), List.of()),
                            i > 0 ? cities.get(i - 1) : null,
                            i + 1 < cities.size() ? cities.get(i + 1) : null,
                            () -> cityDescription(city, country, category, network, texts));
                })
                .toList());
        for (Page.CountryCities c : byCode.values()) {
            pages.add(new Page.CountryDetail(
                    Routes.country(c.country()),
                    texts.text("plan.country", "country", c.country().inProse()),
                    texts.plural(
                            "plan.country-description",
                            c.cities().size(),
                            "country",
                            c.country().inProse(),
                            "network",
                            network),
                    c,
                    List.copyOf(rowsByCountry.get(c.country().code()))));
        }
        return pages;
    }

    /**
     * The kinds of page the site has: every kind but the rules and the strategy page, which exist only when their
     * Markdown file ({@code membership.md}, {@code strategy-and-activities.md}) does, and the category and rules pages,
     * which a site without {@code membership.yaml} does not have. Templates link to a page of these kinds, and speak
     * of categories, only when the site has it.
     */
    public static Set<Page.Kind> kinds(Content content) {
        Set<Page.Kind> kinds = EnumSet.allOf(Page.Kind.class);
        if (!content.pages().containsKey("membership") || !content.hasCategories()) {
            kinds.remove(Page.Kind.RULES);
        }
        if (!content.hasCategories()) {
            kinds.remove(Page.Kind.CATEGORY);
        }
        if (!content.pages().containsKey("strategy-and-activities")) {
            kinds.remove(Page.Kind.STRATEGY);
        }
        return Collections.unmodifiableSet(kinds);
    }

    /** Countries that have at least one city, sorted by English name, each with its cities in slug order. */
    static List<Page.CountryCities> countries(Content content) {
        Map<String, List<City>> grouped = new HashMap<>();
        for (City city : content.cities().values()) {
            grouped.computeIfAbsent(city.country(), k -> new ArrayList<>()).add(city);
        }
        Collator english = Collator.getInstance(Locale.ENGLISH);
        return grouped.entrySet().stream()
                .map(e -> new Page.CountryCities(content.country(e.getKey()), List.copyOf(e.getValue())))
                .sorted(Comparator.comparing(
                                (Page.CountryCities c) -> c.country().name(), english)
                        .thenComparing(c -> c.country().code()))
                .toList();
    }

    /** The files the site makes beside its pages, biggest first (they are written in this order, on all cores). */
    public static List<SiteFile> files() {
        return List.of(
                new SiteFile(Routes.MEMBERS_JSON, SiteFile.Kind.MEMBERS_JSON, null),
                new SiteFile(Routes.SEARCH_INDEX, SiteFile.Kind.SEARCH_INDEX, null),
                new SiteFile(Routes.MEMBERS_CSV, SiteFile.Kind.MEMBERS_CSV, null),
                new SiteFile(Routes.MEMBER_ROWS, SiteFile.Kind.MEMBER_ROWS, null),
                new SiteFile(Routes.DATAPACKAGE, SiteFile.Kind.DATAPACKAGE, null),
                new SiteFile(Routes.SITEMAP, SiteFile.Kind.SITEMAP, null),
                new SiteFile(Routes.ROBOTS, SiteFile.Kind.ROBOTS, null));
    }

    /** {@code rows} cut into pages of at most {@link Page.Paged#PAGE_SIZE}; one empty page when there are none. */
    static <T> List<List<T>> pages(List<T> rows) {
        int count = Math.max(1, (rows.size() + Page.Paged.PAGE_SIZE - 1) / Page.Paged.PAGE_SIZE);
        List<List<T>> out = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            out.add(rows.subList((n - 1) * Page.Paged.PAGE_SIZE, Math.min(rows.size(), n * Page.Paged.PAGE_SIZE)));
        }
        return out;
    }

    /** {@code ", page 2 of 3"} (in the site's language) for page 2 of 3; nothing for a list on one page. */
    private static String of(Messages texts, int n, int count) {
        return n == 1 ? "" : texts.text("plan.page-of", "page", n, "pages", count);
    }

    private static String cityDescription(
            City city, Country country, Category category, String network, Messages texts) {
        return texts.text(
                city.foundingMember() ? "plan.city-description-founder" : "plan.city-description",
                "city",
                city.name(),
                "country",
                country.name(),
                "category",
                category.nameInText(),
                "network",
                network);
    }

    /**
     * The network's name as the descriptions use it ({@code plan.network}): {@code Eurocities network} in English; a
     * name that ends in "network" already is kept as it is.
     */
    static String networkPhrase(String name, Messages texts) {
        return name.toLowerCase(Locale.ROOT).endsWith("network") ? name : texts.text("plan.network", "name", name);
    }

    private static String describe(TextPage page, String fallback) {
        return page.description() != null ? page.description() : fallback;
    }
}
