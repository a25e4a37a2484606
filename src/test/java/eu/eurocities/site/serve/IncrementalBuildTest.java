package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.BuiltSite;
import eu.eurocities.site.Cli;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental rebuilds on a copy of the real content: each one re-renders only what the change affects, and after
 * every kind of edit the site is byte for byte the site a fresh build of the same files gives.
 */
class IncrementalBuildTest {
    static final URI URL = URI.create("http://127.0.0.1:8080/");

    @TempDir
    Path tmp;

    Path source;
    IncrementalBuild build;

    @BeforeEach
    void start() throws IOException {
        source = tmp.resolve("source");
        Cli.copyContent(source);
        build = new IncrementalBuild(source, URL, Files.createDirectories(tmp.resolve("work")));
        IncrementalBuild.Result first = build.run(Set.of(), true);
        assertTrue(first.ok(), first.diagnostics().toString());
        assertEquals(BuiltSite.pages(), first.rendered().size());
        assertEquals(MARKDOWN_PAGES.size(), first.texts());
    }

    IncrementalBuild.Result edit(String file, String text) throws IOException {
        Path p = source.resolve(file);
        if (text == null) {
            Files.delete(p);
        } else {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        }
        IncrementalBuild.Result r = build.run(Set.of(file), false);
        assertTrue(r.ok(), r.diagnostics().toString());
        assertSameAsFreshBuild(r.files());
        return r;
    }

    String read(String file) throws IOException {
        return Files.readString(source.resolve(file), StandardCharsets.UTF_8);
    }

    void assertSameAsFreshBuild(Map<String, byte[]> files) throws IOException {
        Path work = Files.createTempDirectory(tmp, "fresh");
        Map<String, byte[]> fresh =
                new IncrementalBuild(source, URL, work).run(Set.of(), true).files();
        assertEquals(new TreeSet<>(fresh.keySet()), new TreeSet<>(files.keySet()));
        List<String> differ = new ArrayList<>();
        fresh.forEach((path, bytes) -> {
            if (!java.util.Arrays.equals(bytes, files.get(path))) {
                differ.add(path);
            }
        });
        assertEquals(List.of(), differ, "files that differ from a fresh build");
    }

    @Test
    void renamingACityReRendersItsPageItsCountryTheIndexesAndTheCitiesThatListIt() throws IOException {
        IncrementalBuild.Result r = edit(
                "content/cities/lodz.yaml", read("content/cities/lodz.yaml").replace("name: Łódź", "name: Łódź City"));
        // the other nine Polish cities list it; Ljubljana and Logroño link to it as their neighbours in slug order; the
        // member lists, the open data files, the search index's shards of its words (Łódź, City, Poland) with the
        // count of cities of each in core.json, and the home page's map carry it
        assertEquals(
                Set.of(
                        "index.html",
                        "cities/lodz/index.html",
                        "cities/bialystok/index.html",
                        "cities/bydgoszcz/index.html",
                        "cities/gdansk/index.html",
                        "cities/katowice/index.html",
                        "cities/lublin/index.html",
                        "cities/poznan/index.html",
                        "cities/rzeszow/index.html",
                        "cities/warsaw/index.html",
                        "cities/wroclaw/index.html",
                        "cities/ljubljana/index.html",
                        "cities/logrono/index.html",
                        "countries/pl/index.html",
                        "members/index.html",
                        "members/full/index.html",
                        "members.csv",
                        "members.json",
                        "members/rows.json",
                        "search-index/c.json",
                        "search-index/l.json",
                        "search-index/p.json",
                        "search-index/core.json"),
                r.changed());
        // rendered besides: the pages whose records hold the city without showing its name (the home page counts it
        // and maps it) and the search page (it lists the sections); the countries overview holds counts only
        Set<String> expected = htmlOf(r.changed());
        expected.addAll(Set.of("index.html", "search/index.html"));
        assertEquals(expected, r.rendered());
        assertEquals(0, r.texts(), "no Markdown is parsed again for the search index");
    }

    @Test
    void aPopulationEditChangesOnlyThePagesThatShowIt() throws IOException {
        IncrementalBuild.Result r = edit(
                "content/cities/lodz.yaml",
                read("content/cities/lodz.yaml")
                        .replace(
                                "population: 768755\npopulation_source: GeoNames\npopulation_snapshot: 2020-03-18\n",
                                "population: 672801\npopulation_source: Test figure\npopulation_year: 2021\n"));
        assertEquals(
                Set.of(
                        "cities/lodz/index.html",
                        "members/index.html",
                        "members/full/index.html",
                        "countries/pl/index.html",
                        "members/rows.json",
                        "members.csv",
                        "members.json"),
                r.changed());
        // the other Polish cities and the two neighbours in slug order hold the city's record, population included
        assertEquals(
                Set.of(
                        "cities/lodz/index.html",
                        "cities/bialystok/index.html",
                        "cities/bydgoszcz/index.html",
                        "cities/gdansk/index.html",
                        "cities/katowice/index.html",
                        "cities/lublin/index.html",
                        "cities/poznan/index.html",
                        "cities/rzeszow/index.html",
                        "cities/warsaw/index.html",
                        "cities/wroclaw/index.html",
                        "cities/ljubljana/index.html",
                        "cities/logrono/index.html",
                        "countries/pl/index.html",
                        "members/index.html",
                        "members/full/index.html",
                        "index.html",
                        "search/index.html"),
                r.rendered());
        assertEquals(0, r.texts(), "no Markdown is parsed again for the search index");
    }

    @Test
    void whatEveryPageSharesReachesEveryPageWhenItChanges() throws IOException {
        // the footer credits GeoNames with the newest snapshot date of any record
        IncrementalBuild.Result r = edit(
                "content/cities/lodz.yaml",
                read("content/cities/lodz.yaml")
                        .replace("population_snapshot: 2020-03-18", "population_snapshot: 2026-01-02"));
        assertEquals(BuiltSite.pages(), r.rendered().size());
        // the rules page taken away: no page links to it any more
        edit(
                "content/site.yaml",
                read("content/site.yaml").replace("  - title: Membership rules\n    page: rules\n", ""));
        edit(
                "content/pages/home.md",
                read("content/pages/home.md").replace("[how a city can join](membership.md)", "how a city can join"));
        edit(
                "content/pages/strategy-and-activities.md",
                read("content/pages/strategy-and-activities.md")
                        .replace("[membership rules](membership.md)", "membership rules"));
        r = edit("content/pages/membership.md", null);
        assertEquals(BuiltSite.pages() - 1, r.rendered().size());
    }

    /** The pages with a Markdown body in the real content. */
    static final Set<String> MARKDOWN_PAGES =
            Set.of("index.html", "membership/index.html", "strategy-and-activities/index.html");

    static Set<String> htmlOf(Set<String> files) {
        Set<String> pages = new TreeSet<>(files);
        pages.removeIf(f -> !f.endsWith(".html"));
        return pages;
    }

    @Test
    void aPageEditRendersThatPageAloneAndACityEditNoMarkdownPage() throws IOException {
        IncrementalBuild.Result page =
                edit("content/pages/membership.md", read("content/pages/membership.md") + "\nOne more paragraph.\n");
        assertEquals(Set.of("membership/index.html", "search/index.html"), page.rendered());
        assertEquals(Set.of("membership/index.html", "search-index/core.json"), page.changed());
        assertEquals(1, page.texts(), "the edited page's text, for the search index");

        // a city edit renders no page of prose (a hostile one can be slow to parse); the home page holds the figures
        IncrementalBuild.Result city = edit(
                "content/cities/lodz.yaml", read("content/cities/lodz.yaml").replace("name: Łódź", "name: Łódź City"));
        assertFalse(
                city.rendered().contains("membership/index.html"),
                city.rendered().toString());
        assertFalse(
                city.rendered().contains("strategy-and-activities/index.html"),
                city.rendered().toString());
        assertEquals(0, city.texts());

        // a new city can be the target of a Markdown link that was broken: the pages with Markdown are rendered again
        IncrementalBuild.Result added =
                edit("content/cities/nova-gorica.yaml", "name: Nova Gorica\ncountry: SI\nmembership: partner\n");
        assertTrue(
                added.rendered().containsAll(MARKDOWN_PAGES), added.rendered().toString());
        assertEquals(0, added.texts(), "their text did not change");
    }

    @Test
    void deletingAndAddingCitiesUpdatesEveryListAndTheSitemap() throws IOException {
        String zaragoza = read("content/cities/zaragoza.yaml");
        IncrementalBuild.Result gone = edit("content/cities/zaragoza.yaml", null);
        assertFalse(gone.files().containsKey("cities/zaragoza/index.html"));
        assertTrue(gone.changed().contains("sitemap.xml"));
        IncrementalBuild.Result back = edit("content/cities/zaragoza.yaml", zaragoza);
        assertTrue(back.files().containsKey("cities/zaragoza/index.html"));
        edit("content/cities/nova-gorica.yaml", "name: Nova Gorica\ncountry: SI\nmembership: partner\n");
    }

    @Test
    void networkMembershipSiteAndPageEditsMatchAFreshBuild() throws IOException {
        IncrementalBuild.Result network = edit(
                "content/network.yaml",
                read("content/network.yaml").replace("headquarters: Brussels", "headquarters: Brussels (Belgium)"));
        assertEquals(BuiltSite.pages(), network.rendered().size(), "the footer of every page shows the network");
        edit(
                "content/membership.yaml",
                read("content/membership.yaml").replace("name: Full member", "name: Full member city"));
        edit("content/site.yaml", read("content/site.yaml").replace("title: Eurocities", "title: Eurocities preview"));
        edit("content/pages/membership.md", read("content/pages/membership.md") + "\nOne more paragraph.\n");
        edit("content/pages/history.md", "---\ntitle: History\n---\nSee [Oslo](../cities/oslo.yaml).\n");

        // a Markdown page's links depend on which files exist: removing Oslo breaks the new page's link
        String oslo = read("content/cities/oslo.yaml");
        Files.delete(source.resolve("content/cities/oslo.yaml"));
        IncrementalBuild.Result broken = build.run(Set.of("content/cities/oslo.yaml"), false);
        assertFalse(broken.ok());
        assertEquals(
                "content/pages/history.md:4:5: error: broken link to '../cities/oslo.yaml': there is no content"
                        + " file content/cities/oslo.yaml",
                broken.diagnostics().get(0).format().lines().findFirst().orElseThrow());
        assertTrue(broken.files().containsKey("cities/oslo/index.html"), "the last good site is kept");
        assertEquals(Set.of(), broken.changed());
        IncrementalBuild.Result fixed = edit("content/cities/oslo.yaml", oslo);
        assertTrue(fixed.files().containsKey("history/index.html"));
    }

    @Test
    void templateEditsCompileWhatTheyAffectAndMatchAFreshBuild() throws IOException {
        Cli.copyTree(Path.of("templates"), source.resolve("templates"));
        String city = read("templates/pages/city.jte");
        String h1 = "<h1>${page.city().name()}</h1>";
        IncrementalBuild.Result first = edit("templates/pages/city.jte", city.replace(h1, h1 + "<p>one</p>"));
        assertEquals(Set.of("city"), kinds(first.rendered()), "the first edit compiles every template");

        IncrementalBuild.Result page = edit("templates/pages/city.jte", city.replace(h1, h1 + "<p>two</p>"));
        assertEquals(Set.of("city"), kinds(page.rendered()));

        // the city pages keep their last edit while a partial the lists call changes
        String table = read("templates/partial/city-table.jte");
        IncrementalBuild.Result partial = edit(
                "templates/partial/city-table.jte",
                table.replace("<table class=\"cities\"", "<table class=\"cities x\""));
        assertEquals(Set.of("members", "country", "category"), kinds(partial.rendered()));
        assertTrue(new String(partial.files().get("cities/lodz/index.html"), StandardCharsets.UTF_8)
                .contains("<p>two</p>"));

        // a partial new to the theme, then called by the city page, then edited: its callers are known
        edit("templates/partial/note.jte", "<p>note one</p>\n");
        edit("templates/pages/city.jte", city.replace(h1, h1 + "@template.partial.note()"));
        IncrementalBuild.Result note = edit("templates/partial/note.jte", "<p>note two</p>\n");
        assertEquals(Set.of("city"), kinds(note.rendered()));

        IncrementalBuild.Result layout = edit(
                "templates/layout/base.jte", read("templates/layout/base.jte").replace("<main", "<main data-x=\"1\""));
        assertEquals(BuiltSite.pages(), layout.rendered().size());
        // without its own city template the theme's built-in one is compiled again
        IncrementalBuild.Result builtIn = edit("templates/pages/city.jte", null);
        assertFalse(
                new String(builtIn.files().get("cities/lodz/index.html"), StandardCharsets.UTF_8).contains("note two"));
    }

    @Test
    void aPartialCalledThroughAnotherAndAMovedFolderOfTemplatesMatchAFreshBuild() throws IOException {
        Cli.copyTree(Path.of("templates"), source.resolve("templates"));
        String table = read("templates/partial/city-table.jte");
        edit("templates/partial/note.jte", "<p>NOTE-A</p>\n");
        edit(
                "templates/partial/city-table.jte",
                table.replace("<table class", "@template.partial.note()\n<table class"));
        // the member index, the country and the category pages reach the note through the city table
        IncrementalBuild.Result note = edit("templates/partial/note.jte", "<p>NOTE-B</p>\n");
        assertEquals(Set.of("members", "country", "category"), kinds(note.rendered()));
        // a new parameter of the note: the city table's class must be compiled again, not taken from the last time
        edit("templates/partial/note.jte", "@param String who = \"X\"\n<p>NOTE-${who}</p>\n");
        edit("templates/partial/note.jte", "@param String who = \"Y\"\n<p>NOTE-${who}</p>\n");
        edit(
                "content/cities/lodz.yaml",
                read("content/cities/lodz.yaml").replace("population: 768755", "population: 768756"));

        // a folder moved: the watcher names the two folders alone; the theme's own city table is used again
        Files.move(source.resolve("templates/partial"), source.resolve("templates/parts"));
        IncrementalBuild.Result moved = build.run(Set.of("templates/partial", "templates/parts"), false);
        assertTrue(moved.ok(), moved.diagnostics().toString());
        assertSameAsFreshBuild(moved.files());
        assertFalse(new String(moved.files().get("members/index.html"), StandardCharsets.UTF_8).contains("NOTE-"));
    }

    @Test
    void unusualTemplateNamesAndCallsAndAThemeTakenAwayMatchAFreshBuild() throws IOException {
        Cli.copyTree(Path.of("templates"), source.resolve("templates"));
        // a name with a letter beyond ASCII, called with white space around a dot, as jte allows
        edit("templates/partial/città.jte", "<p>C1</p>\n");
        String table = read("templates/partial/city-table.jte");
        edit(
                "templates/partial/city-table.jte",
                table.replace("<table class", "@template.partial . città()\n<table class"));
        IncrementalBuild.Result città = edit("templates/partial/città.jte", "<p>C2</p>\n");
        assertEquals(Set.of("members", "country", "category"), kinds(città.rendered()));

        // two names jte compiles into one class name: the one the city page calls, and one nothing calls
        edit("templates/partial/x-y.jte", "@param int n = 1\n<p>XY${n}</p>\n");
        String city = read("templates/pages/city.jte");
        String h1 = "<h1>${page.city().name()}</h1>";
        edit("templates/pages/city.jte", city.replace(h1, h1 + "@template.partial.x-y()"));
        edit("templates/partial/xy.jte", "<p>other</p>\n");
        edit(
                "content/cities/lodz.yaml",
                read("content/cities/lodz.yaml").replace("population: 768755", "population: 768756"));

        // the whole theme moved away: the built-in one is used again on every page
        Files.move(source.resolve("templates"), tmp.resolve("moved-theme"));
        IncrementalBuild.Result builtIn = build.run(Set.of("templates"), false);
        assertTrue(builtIn.ok(), builtIn.diagnostics().toString());
        assertSameAsFreshBuild(builtIn.files());
        assertEquals(BuiltSite.pages(), builtIn.rendered().size());
    }

    /** The page kinds of the output files {@code rendered}, by their first folder. */
    private static Set<String> kinds(Set<String> rendered) {
        Set<String> kinds = new TreeSet<>();
        for (String file : rendered) {
            String first = file.contains("/") ? file.substring(0, file.indexOf('/')) : file;
            kinds.add(
                    switch (first) {
                        case "cities" -> "city";
                        case "countries" -> "country";
                        case "members" ->
                            file.startsWith("members/index") || file.startsWith("members/page")
                                    ? "members"
                                    : "category";
                        default -> first;
                    });
        }
        return kinds;
    }
}
