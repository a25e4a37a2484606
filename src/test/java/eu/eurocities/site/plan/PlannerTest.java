package eu.eurocities.site.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.TestContent;
import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plan of the real content: an address per page, each kind of page planned, addresses from {@link Routes}. */
class PlannerTest {
    static Content content;
    static List<Page> pages;

    @BeforeAll
    static void plan() {
        content = TestContent.real();
        pages = TestContent.realPlan();
    }

    @Test
    void everyPageOfTheRealSiteHasAnAddressOfItsOwn() {
        Diagnostics d = new Diagnostics();
        assertTrue(
                Clashes.addressesAreUnique(pages, Planner.files(), d),
                () -> d.sorted().toString());
        Set<String> paths = new HashSet<>();
        pages.forEach(p -> assertTrue(paths.add(p.path()), p.path()));
        assertEquals(
                content.cities().size(),
                pages.stream().filter(p -> p.kind() == Page.Kind.CITY).count());
    }

    @Test
    void theRealSiteHasAPageOfEveryKindButExtraMarkdownPages() {
        Set<Page.Kind> planned = EnumSet.noneOf(Page.Kind.class);
        pages.forEach(p -> planned.add(p.kind()));
        assertEquals(EnumSet.complementOf(EnumSet.of(Page.Kind.TEXT)), planned);
    }

    @Test
    void eachKindNamesItsTemplate() {
        for (Page.Kind kind : Page.Kind.values()) {
            assertTrue(Path.of("templates", kind.template()).toFile().isFile(), kind.template());
        }
    }

    @Test
    void addressesComeFromRoutes() {
        Page.CityDetail lodz = (Page.CityDetail) byPath("cities/lodz/");
        assertEquals("cities/lodz/", Routes.city(lodz.city()));
        assertEquals("cities/lodz/index.html", lodz.file());
        assertEquals("content/cities/lodz.yaml", lodz.source());
        assertEquals("countries/pl/", Routes.country(lodz.country()));
        assertEquals(Page.Kind.COUNTRY, byPath("countries/pl/").kind());
        assertEquals(Page.Kind.CATEGORY, byPath("members/full/").kind());
        assertEquals("content/pages/membership.md", byPath(Routes.RULES).source());
        assertEquals("the member index", byPath(Routes.MEMBERS).source());
        assertEquals("index.html", byPath(Routes.HOME).file());
        assertEquals("404.html", byPath(Routes.NOT_FOUND).file());
    }

    @Test
    void aPageFromAFileThatTakesABuiltInAddressIsNamedWithTheOtherClaim() {
        Page.Strategy strategy = (Page.Strategy) byPath(Routes.STRATEGY);
        List<Page> clash = new ArrayList<>(pages);
        clash.add(new Page.Text(Routes.COUNTRIES, "Countries we work with", "A page.", strategy.text()));
        Diagnostics d = new Diagnostics();
        assertFalse(Clashes.addressesAreUnique(clash, List.of(), d));
        assertEquals(
                List.of("content/pages/strategy-and-activities.md:1:1: error: this page would be published at "
                        + "/countries/, which is already the address of the overview of countries\n"
                        + "  hint: rename content/pages/strategy-and-activities.md; the site's own pages are at "
                        + "/countries/, "
                        + "/members/, /search/"),
                formatted(d));
    }

    @Test
    void twoBuiltInPagesOnOneAddressAreAFaultOfTheTool() {
        List<Page> clash = Arrays.asList(byPath(Routes.SEARCH), new Page.NotFound(Routes.SEARCH, "Lost", "Nothing."));
        Diagnostics d = new Diagnostics();
        assertFalse(Clashes.addressesAreUnique(clash, List.of(), d));
        assertEquals(
                List.of("content: error: the site's search page and the page for missing addresses would both "
                        + "be published at /search/\n  hint: this is a fault of the tool; please report it"),
                formatted(d));
    }

    @Test
    void aCityPageListsTheFirstTwelveOtherCitiesOfItsCountry() {
        for (Page p : pages) {
            if (p instanceof Page.CityDetail c) {
                List<City> others = content.cities().values().stream()
                        .filter(x -> x.country().equals(c.city().country()) && x != c.city())
                        .limit(12)
                        .toList();
                assertEquals(others, c.sameCountry(), c.path());
            }
        }
        // Germany has 23 members: Berlin's page lists the next twelve, Munich's the first twelve, Berlin first
        assertEquals(
                List.of(
                        "bochum",
                        "bonn",
                        "bremen",
                        "chemnitz",
                        "cologne",
                        "dortmund",
                        "dresden",
                        "dusseldorf",
                        "essen",
                        "frankfurt",
                        "hagen",
                        "hamburg"),
                slugs((Page.CityDetail) byPath("cities/berlin/")));
        assertEquals(
                List.of(
                        "berlin",
                        "bochum",
                        "bonn",
                        "bremen",
                        "chemnitz",
                        "cologne",
                        "dortmund",
                        "dresden",
                        "dusseldorf",
                        "essen",
                        "frankfurt",
                        "hagen"),
                slugs((Page.CityDetail) byPath("cities/munich/")));
    }

    private static List<String> slugs(Page.CityDetail page) {
        return page.sameCountry().stream().map(City::slug).toList();
    }

    @Test
    void theSearchPageOffersTheBiggestCityThatShowsEachKindOfForgivingMatch() {
        Page.Search search = (Page.Search) byPath(Routes.SEARCH);
        assertEquals(
                List.of(
                        new Page.SearchExample("izmir", "İzmir"),
                        new Page.SearchExample("roma", "Rome"),
                        new Page.SearchExample("istanul", "Istanbul")),
                search.examples());
        List<City> cities = List.copyOf(content.cities().values());
        assertEquals(examplesBySorting(cities), SearchExamples.of(cities, new Folds()));
        // many equal populations, and none: the slug decides among equals
        List<City> tied = new ArrayList<>();
        for (int i = 0; i < cities.size(); i++) {
            tied.add(withPopulation(cities.get(i), i % 5 == 0 ? null : (long) (i % 7)));
        }
        assertEquals(examplesBySorting(tied), SearchExamples.of(tied, new Folds()));
        assertEquals(List.of(), SearchExamples.of(List.of(), new Folds()));
    }

    /** The examples as the search page defines them: every city sorted biggest first, the first that shows each. */
    private static List<Page.SearchExample> examplesBySorting(List<City> cities) {
        Folds folds = new Folds();
        List<City> biggest = cities.stream()
                .sorted(Comparator.comparingLong((City c) -> c.population() == null ? 0 : c.population())
                        .reversed()
                        .thenComparing(City::slug))
                .toList();
        List<Page.SearchExample> out = new ArrayList<>();
        List<String> used = new ArrayList<>();
        biggest.stream()
                .filter(c -> !folds.query(c.name()).equals(c.name().toLowerCase(Locale.ROOT)))
                .findFirst()
                .ifPresent(c -> {
                    out.add(new Page.SearchExample(folds.query(c.name()), c.name()));
                    used.add(c.slug());
                });
        biggest.stream()
                .filter(c -> !used.contains(c.slug()) && c.localName() != null)
                .filter(c -> !folds.query(c.localName()).equals(folds.query(c.name())))
                .filter(c -> folds.query(c.localName()).matches("[a-z -]+"))
                .findFirst()
                .ifPresent(c -> {
                    out.add(new Page.SearchExample(folds.query(c.localName()), c.name()));
                    used.add(c.slug());
                });
        biggest.stream()
                .filter(c -> !used.contains(c.slug()))
                .filter(c -> folds.query(c.name()).matches("[a-z]{6,}"))
                .findFirst()
                .ifPresent(c -> {
                    String word = folds.query(c.name());
                    int cut = word.length() - 3;
                    out.add(new Page.SearchExample(word.substring(0, cut) + word.substring(cut + 1), c.name()));
                });
        return out;
    }

    private static City withPopulation(City c, Long population) {
        return new City(
                c.slug(),
                c.name(),
                c.country(),
                c.membership(),
                c.kind(),
                c.seat(),
                c.geonamesId(),
                c.location(),
                population,
                c.populationSource(),
                c.populationYear(),
                c.populationSnapshot(),
                c.foundingMember(),
                c.localName(),
                c.localNameLang(),
                c.ruleException(),
                c.alternativeNames(),
                c.positions(),
                c.draft(),
                c.aliases(),
                c.narrative());
    }

    private static List<String> formatted(Diagnostics d) {
        return d.sorted().stream().map(Diagnostic::format).toList();
    }

    private static Page byPath(String path) {
        return pages.stream()
                .filter(p -> p.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError(path));
    }
}
