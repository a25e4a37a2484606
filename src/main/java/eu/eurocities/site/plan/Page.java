package eu.eurocities.site.plan;

import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.validate.Figures;
import eu.eurocities.site.validate.RuleCheck;
import java.util.List;

/**
 * One HTML page of the site: what it shows, and where. Every page has a site path (relative to the base URL, no
 * leading '/': {@code ""} for the home page, {@code cities/lodz/}, {@code 404.html}), a title and a description.
 */
public sealed interface Page {

    /** The site path: {@code ""}, a folder path ending in '/', or a file name such as {@code 404.html}. */
    String path();

    /** The page title, without the site name. */
    String title();

    /** One or two sentences for the meta description. */
    String description();

    /** What kind of page this is: its template, and how messages name it. */
    Kind kind();

    /** The Markdown page whose body goes into this page, or null for a page made from records alone. */
    default TextPage text() {
        return null;
    }

    /** The output file for this page, relative to the output folder: a folder path gets {@code index.html}. */
    default String file() {
        return Routes.file(path());
    }

    /** The file this page is made from (its Markdown file, its record), or null for a page the site makes itself. */
    default SourcePos origin() {
        return text() != null ? text().pos() : null;
    }

    /** Where this page comes from, for messages: the file it is made from, or the kind of built-in page it is. */
    default String source() {
        return origin() != null ? origin().path() : kind().label();
    }

    /**
     * The kinds of page. Each is rendered by {@code templates/pages/<id>.jte}, which takes the page's record as its
     * {@code page} parameter; the id also names the kind in the build report.
     */
    enum Kind {
        HOME("home", "the home page"),
        MEMBERS("members", "the member index"),
        CATEGORY("category", "the page of a membership category"),
        CITY("city", "the page of a city"),
        COUNTRIES("countries", "the overview of countries"),
        COUNTRY("country", "the page of a country"),
        RULES("rules", "the membership rules page"),
        STRATEGY("strategy", "the strategy and activities page"),
        TEXT("text", "a page of content/pages/"),
        SEARCH("search", "the site's search page"),
        NOT_FOUND("notfound", "the page for missing addresses");

        private final String id;
        private final String label;

        Kind(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** The template name and report name: {@code city}. */
        public String id() {
            return id;
        }

        /** The template that renders pages of this kind: {@code pages/city.jte}. */
        public String template() {
            return "pages/" + id + ".jte";
        }

        /** How a message names a built-in page of this kind: {@code the member index}. */
        public String label() {
            return label;
        }
    }

    /** A page whose main content is a table of cities ({@link CityRow}s). */
    sealed interface CityTable extends Page {
        /** The cities in the table, in its order. */
        List<CityRow> rows();
    }

    /**
     * A page of a list cut into pages of at most {@link #PAGE_SIZE} rows: the first at its list's address ({@code
     * members/}), the others at {@code page/<n>/} below it ({@link Routes#paged}), each a table that works without
     * JavaScript and links to all the others.
     */
    sealed interface Paged extends CityTable {
        /** The most rows on one page (about 0.1 MB compressed per 1,000 cities). */
        int PAGE_SIZE = 5_000;

        /** This page's number, from 1. */
        int number();

        /** How many pages the list has. */
        int pageCount();

        /** The site path of the list's first page, e.g. {@code members/full/}. */
        String firstPath();

        /** The site path of page {@code n} (from 1) of the same list. */
        default String pathOf(int n) {
            return Routes.paged(firstPath(), n);
        }

        /** The number of this page's first row in the whole list, from 1. */
        default int first() {
            return (number() - 1) * PAGE_SIZE + 1;
        }
    }

    /** The home page; {@code cities} holds every member in slug order, as its map draws them. */
    record Home(
            String path,
            String title,
            String description,
            TextPage intro,
            Figures figures,
            List<City> founders,
            List<CategoryCount> categories,
            List<CountryCities> topCountries,
            List<City> cities)
            implements Page {
        @Override
        public Kind kind() {
            return Kind.HOME;
        }

        @Override
        public TextPage text() {
            return intro;
        }
    }

    /**
     * The member index: every city in one table, with the countries and categories a reader can filter by. Above
     * {@link #PAGE_SIZE} cities it is cut into pages ({@link Paged}); the filters read all pages.
     *
     * @param rows this page's cities
     * @param countries the countries that have cities, by English name, each with how many (counts, not the cities:
     *     an edit of one city then leaves the other pages of the index as they were)
     * @param number this page's number, from 1
     * @param pageCount how many pages the index has
     */
    record Members(
            String path,
            String title,
            String description,
            List<CityRow> rows,
            Figures figures,
            List<CategoryCount> categories,
            List<CountryCount> countries,
            int number,
            int pageCount)
            implements Paged {
        @Override
        public Kind kind() {
            return Kind.MEMBERS;
        }

        @Override
        public String firstPath() {
            return Routes.MEMBERS;
        }
    }

    /**
     * One membership category that lists cities, with its cities in a table, cut into pages as the member index is.
     *
     * @param category the category, e.g. full members
     * @param rows this page's cities, in slug order
     * @param cities how many cities the category lists, on all its pages
     * @param number this page's number, from 1
     * @param pageCount how many pages the category's list has
     */
    record CategoryDetail(
            String path,
            String title,
            String description,
            Category category,
            List<CityRow> rows,
            int cities,
            int number,
            int pageCount)
            implements Paged {
        @Override
        public Kind kind() {
            return Kind.CATEGORY;
        }

        @Override
        public SourcePos origin() {
            return category.pos();
        }

        @Override
        public String firstPath() {
            return Routes.category(category);
        }
    }

    /**
     * One city. {@code nearby} are the closest other members within 300 km, closest first;
     * {@code previous} and {@code next} are its neighbours in slug order, null at the ends.
     */
    record CityDetail(
            String path,
            String title,
            String description,
            City city,
            Country country,
            Category category,
            List<City> sameCountry,
            List<Nearby> nearby,
            City previous,
            City next)
            implements Page {
        @Override
        public Kind kind() {
            return Kind.CITY;
        }

        /** The city's narrative ({@code content/cities/<slug>.md}), or null. */
        @Override
        public TextPage text() {
            return city.narrative();
        }

        @Override
        public SourcePos origin() {
            return city.pos("");
        }
    }

    /** The overview of countries: each country that has cities, by English name, with how many. */
    record Countries(String path, String title, String description, List<CountryCount> countries) implements Page {
        @Override
        public Kind kind() {
            return Kind.COUNTRIES;
        }
    }

    /** One country and its cities. */
    record CountryDetail(String path, String title, String description, CountryCities country, List<CityRow> rows)
            implements CityTable {
        @Override
        public Kind kind() {
            return Kind.COUNTRY;
        }
    }

    /** The membership rules page. */
    record Rules(
            String path,
            String title,
            String description,
            TextPage text,
            List<CategoryCount> categories,
            List<RuleCheck.Comparison> comparisons,
            List<RuleCheck.Mismatch> exceptions)
            implements Page {
        @Override
        public Kind kind() {
            return Kind.RULES;
        }
    }

    /** The strategy and activities page. */
    record Strategy(String path, String title, String description, TextPage text) implements Page {
        @Override
        public Kind kind() {
            return Kind.STRATEGY;
        }
    }

    /** Any other Markdown page from {@code content/pages/}. */
    record Text(String path, String title, String description, TextPage text) implements Page {
        @Override
        public Kind kind() {
            return Kind.TEXT;
        }
    }

    /**
     * The site search: a form, and results found in the search index ({@code search-index/}) by {@code search.js}.
     *
     * @param sections the main pages to offer when a reader has no script or finds nothing
     */
    record Search(String path, String title, String description, List<Page> sections, List<SearchExample> examples)
            implements Page {
        @Override
        public Kind kind() {
            return Kind.SEARCH;
        }
    }

    /** A query the search page suggests, and the name of the city it finds: {@code lodz} finds {@code Łódź}. */
    record SearchExample(String typed, String name) {}

    /** The page served for a missing URL. */
    record NotFound(String path, String title, String description) implements Page {
        @Override
        public Kind kind() {
            return Kind.NOT_FOUND;
        }
    }

    /** A membership category and how many cities are listed in it. */
    record CategoryCount(Category category, int cities) {}

    /** A country with its cities in slug order. */
    record CountryCities(Country country, List<City> cities) {}

    /** A country and how many cities it has. */
    record CountryCount(Country country, int cities) {}

    /**
     * One row of a city table.
     *
     * @param key the city's search key from {@link Fold#key}: its name, local name and country name, folded
     */
    record CityRow(City city, Country country, Category category, String key) {

        /** A row whose key is folded from the city's name, local name and country name. */
        public static CityRow of(City city, Country country, Category category) {
            return of(city, country, category, new Folds());
        }

        /** Like {@link #of(City, Country, Category)}, with the key from {@code folds}. */
        static CityRow of(City city, Country country, Category category, Folds folds) {
            return new CityRow(city, country, category, folds.key(city.name(), city.localName(), country.name()));
        }
    }
}
