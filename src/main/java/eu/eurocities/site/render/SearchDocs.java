package eu.eurocities.site.render;

import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.Leader;
import eu.eurocities.site.model.Messages;
import eu.eurocities.site.model.Network;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Fold;
import eu.eurocities.site.plan.Page;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a reader can find on each page, as the search index's documents: a page and each section of its Markdown,
 * each city and country with the names it is found by, and the facts, rules and activities that pages show from
 * records, in the site's language.
 */
final class SearchDocs {
    private SearchDocs() {}

    /**
     * One thing a reader can find.
     *
     * @param kind {@code page}, {@code section}, {@code city}, {@code country} or {@code category}
     * @param title what the result is called
     * @param path its site path, with the heading's {@code #anchor} for a section
     * @param parent the page a section is part of, else null
     * @param names the names it is found by, folded ({@link Fold#key}), or null
     * @param text the words it holds, as the reader sees them, or null
     * @param country a city's country code, or a country's own; else null
     * @param place the kind of place of a member that is not a city ({@code grouping}: BrabantStad, a network of
     *     cities), as its record says; null for a city and for any other document
     */
    record Doc(
            String kind,
            String title,
            String path,
            String parent,
            String names,
            String text,
            String country,
            String place) {
        /**
         * The document as JSON: kind k, title t, path u, parent p, names n, text x, country c, kind of place d, a
         * country's codes o; absent ones left out.
         */
        Map<String, String> json() {
            Map<String, String> m = new LinkedHashMap<>();
            if (!kind.equals("city")) {
                m.put("k", kind);
            }
            m.put("t", title);
            m.put("u", path);
            put(m, "p", parent);
            put(m, "n", names);
            put(m, "x", text);
            put(m, "c", country);
            put(m, "d", place);
            if (kind.equals("country")) {
                // a field of its own, boosted in search.js: "uk" finds the United Kingdom before Ukraine
                m.put("o", codes(country));
            }
            return m;
        }

        private static void put(Map<String, String> m, String key, String value) {
            if (value != null && !value.isEmpty()) {
                m.put(key, value);
            }
        }
    }

    /** Everything a reader can find on {@code pages}, in plan order. */
    static List<Doc> of(
            List<Page> pages,
            Network network,
            Function<TextPage, List<SearchText.Section>> sections,
            Messages messages) {
        return pages.parallelStream()
                .filter(page -> !(page instanceof Page.Search || page instanceof Page.NotFound))
                .flatMap(page -> of(page, network, sections, messages).stream())
                .toList();
    }

    private static List<Doc> of(
            Page page, Network network, Function<TextPage, List<SearchText.Section>> sections, Messages t) {
        List<Doc> docs = new ArrayList<>();
        if (page instanceof Page.CityDetail p) {
            docs.add(city(p));
            return docs;
        }
        if (page instanceof Page.CountryDetail p) {
            docs.add(new Doc(
                    "country",
                    p.country().country().name(),
                    page.path(),
                    null,
                    countryKey(p.country().country()),
                    page.description(),
                    p.country().country().code(),
                    null));
            return docs;
        }
        if (page instanceof Page.CategoryDetail p) {
            docs.add(new Doc(
                    "category",
                    page.title(),
                    page.path(),
                    null,
                    Fold.key(p.category().name()),
                    page.description(),
                    null,
                    null));
            return docs;
        }
        TextPage body = page.text();
        List<SearchText.Section> parts = body == null ? List.of() : sections.apply(body);
        String intro = parts.isEmpty() ? "" : parts.get(0).text();
        docs.add(new Doc(
                "page",
                page.title(),
                page.path(),
                null,
                Fold.key(page.title()),
                join(page.description(), intro),
                null,
                null));
        for (SearchText.Section s : parts.subList(Math.min(1, parts.size()), parts.size())) {
            docs.add(section(page, s.heading(), s.anchor(), s.text()));
        }
        if (page instanceof Page.Home p) {
            List<String> facts = new ArrayList<>();
            addFact(facts, t.text("home.founded") + " ", network.formation());
            addFact(facts, t.text("home.type") + " ", network.type());
            addFact(facts, t.text("home.headquarters") + " ", network.headquarters());
            addFact(facts, t.text("home.region") + " ", network.region());
            addFact(
                    facts,
                    t.text("home.working-language") + " ",
                    network.languages().isEmpty() ? null : String.join(", ", network.languages()));
            for (Leader l : network.leaders()) {
                facts.add(l.role() + " " + l.name());
            }
            if (network.hasFacts()) {
                docs.add(section(page, t.text("home.facts"), "facts-heading", String.join(" · ", facts)));
            }
            if (!p.founders().isEmpty()) {
                docs.add(section(
                        page,
                        t.text("home.founders"),
                        "founders-heading",
                        join(
                                t.plural("home.founders-lead", p.founders().size(), "year", network.formation()),
                                p.founders().stream().map(City::name).collect(Collectors.joining(", ")))));
            }
            if (!network.seeAlso().isEmpty()) {
                docs.add(section(
                        page, t.text("home.related"), "see-also-heading", String.join(" · ", network.seeAlso())));
            }
        } else if (page instanceof Page.Rules p) {
            for (Page.CategoryCount c : p.categories()) {
                var category = c.category();
                docs.add(section(
                        page,
                        category.name(),
                        category.id(),
                        join(
                                category.summary(),
                                t.text("rules.population") + " "
                                        + (category.population() == null
                                                ? t.text("rules.no-threshold")
                                                : category.population().describe(t)),
                                t.text("rules.countries") + " " + category.countriesDescribed(t))));
            }
        } else if (page instanceof Page.Strategy) {
            if (!network.activities().isEmpty()) {
                docs.add(section(
                        page,
                        t.text("strategy.activities"),
                        "activities-heading",
                        network.activities().stream()
                                .map(a -> a.name() + ": " + a.summary())
                                .collect(Collectors.joining(" · "))));
            }
            if (!network.forums().isEmpty()) {
                docs.add(section(
                        page,
                        t.plural("strategy.forums", network.forums().size()),
                        "forums-heading",
                        String.join(" · ", network.forums())));
            }
            if (network.executiveCommittee() != null) {
                var ec = network.executiveCommittee();
                docs.add(section(
                        page,
                        t.text("strategy.committee"),
                        "committee-heading",
                        join(
                                t.plural("strategy.members-text", ec.cities()),
                                t.plural("strategy.meetings-text", ec.meetingsPerYear()),
                                String.join(", ", ec.oversees()),
                                ec.approvedBy())));
            }
        }
        return docs;
    }

    /** What a reader finds of a city: its name, page and country, by the names it is found by. */
    static Doc city(Page.CityDetail page) {
        return new Doc(
                "city",
                page.city().name(),
                page.path(),
                null,
                cityKey(page.city()),
                null,
                page.country().code(),
                page.city().kind() == null || page.city().kind() == City.Kind.CITY
                        ? null
                        : page.city().kind().id());
    }

    private static Doc section(Page page, String heading, String anchor, String text) {
        return new Doc(
                "section", heading, page.path() + "#" + anchor, page.title(), Fold.key(heading), text, null, null);
    }

    /**
     * The names a city is found by: its name, local name and alternative names (exonyms such as Kiev or Warschau),
     * and their short forms ("St" for "Saint").
     */
    static String cityKey(City city) {
        List<String> names = new ArrayList<>();
        names.add(city.name());
        if (city.localName() != null) {
            names.add(city.localName());
        }
        city.alternativeNames().forEach(a -> names.add(a.name()));
        new ArrayList<>(names).forEach(n -> {
            String shortForm = shortForm(n);
            if (shortForm != null) {
                names.add(shortForm);
            }
        });
        return Fold.key(names.toArray(String[]::new));
    }

    /** {@code name} with its leading "Saint", "Sainte" or "Sankt" written short, or null when it has none. */
    private static String shortForm(String name) {
        String[] words = Fold.ascii(name).split("[\\s\\-]+", 2);
        if (words.length < 2) {
            return null;
        }
        return switch (words[0]) {
            case "saint", "sankt" -> "st " + words[1];
            case "sainte" -> "ste " + words[1];
            default -> null;
        };
    }

    /** The names a country is found by: its English name, its names in its own languages, its {@link #codes}. */
    static String countryKey(Country country) {
        List<String> names = new ArrayList<>();
        names.add(country.name());
        names.addAll(CountryNames.own(country.code()));
        names.add(codes(country.code()));
        return Fold.key(names.toArray(String[]::new));
    }

    /**
     * The codes a country is found by, folded: its ISO 3166-1 alpha-2 code ("de"), and "uk" for the United Kingdom.
     */
    static String codes(String code) {
        // UK is what people type for GB; ISO 3166/MA keeps "UK" exceptionally reserved for the United Kingdom, at
        // its request (ISO 3166-1, "Exceptional reservations"), so that no other country can have that code.
        return Fold.key(code.equals("GB") ? new String[] {code, "UK"} : new String[] {code});
    }

    private static String join(String... parts) {
        return Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" "));
    }

    /** Adds "label value" to {@code facts} when there is a value. */
    private static void addFact(List<String> facts, String label, Object value) {
        if (value != null) {
            facts.add(label + value);
        }
    }
}
