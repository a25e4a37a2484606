package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Routes;
import eu.eurocities.site.render.SiteFiles;
import eu.eurocities.site.render.Templates;
import eu.eurocities.site.write.MemoryOutput;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The member index and each category's list are cut into pages of 5,000 cities the same way: the first at the list's
 * address, the others at {@code page/N/} below it, each with a table and links to every page that work without
 * JavaScript.
 */
class PagedListsTest {
    static final int EXTRA = 10_001;

    @TempDir
    Path tmp;

    @Test
    void aCategoryOfMoreThan5000CitiesIsCutIntoPagesLikeTheMemberIndex() throws IOException {
        Path source = Cli.baseSite(tmp.resolve("src"));
        for (int i = 1; i <= EXTRA; i++) {
            Files.writeString(
                    source.resolve("content/cities/synth-" + i + ".yaml"),
                    "name: Synthcity " + i + "\ncountry: DE\nmembership: full\npopulation: " + (250_000 + i)
                            + "\npopulation_source: Test figure\npopulation_year: 2020\n");
        }
        Path network = source.resolve("content/network.yaml");
        Files.writeString(
                network,
                Files.readString(network)
                        .replace("member_cities: 3", "member_cities: " + (3 + EXTRA))
                        .replace("countries: 3", "countries: 4"));
        MemoryOutput output = new MemoryOutput();
        Pipeline pipeline = new Pipeline(source, null, Templates::precompiled, false, false);
        Outcome result = pipeline.run(new Mode.Incremental(
                output,
                null,
                content -> p -> p instanceof Page.Paged,
                pipeline.markdown()::sections,
                new SiteFiles.Kept()));
        assertEquals(Outcome.Status.OK, result.status(), result.diagnostics().toString());
        Map<String, byte[]> files = output.files();

        // Lyon and the 10,001 synthetic cities are full members: 10,002 in pages of 5,000, 5,000 and 2
        assertEquals(
                List.of("members/full/index.html", "members/full/page/2/index.html", "members/full/page/3/index.html"),
                files.keySet().stream()
                        .filter(f -> f.startsWith("members/full/"))
                        .sorted()
                        .toList());
        Document third = html(files, "members/full/page/3/index.html");
        assertEquals("Full members, page 3 of 3", third.select("h1").text());
        assertEquals(
                "Cities 10001 to 10002 of the 10,002 cities of this category, in alphabetical order",
                third.select("table caption").text());
        assertEquals(2, third.select("table.cities tbody tr").size());
        assertEquals(
                "10,002 cities are listed in this category.",
                third.select("main p").get(1).text().substring(0, 42));
        assertEquals(
                List.of(
                        "1 -> members/full/index.html",
                        "2 -> members/full/page/2/index.html",
                        "3 -> members/full/page/3/index.html (current)"),
                pagination(third, "members/full/page/3/", "Pages of this category"));
        assertEquals(
                5_000,
                html(files, "members/full/index.html")
                        .select("table.cities tbody tr")
                        .size());
        assertEquals(
                List.of(
                        "1 -> members/full/index.html (current)",
                        "2 -> members/full/page/2/index.html",
                        "3 -> members/full/page/3/index.html"),
                pagination(html(files, "members/full/index.html"), "members/full/", "Pages of this category"));
        // a category on one page has no page links
        assertEquals(
                List.of(),
                pagination(html(files, "members/partner/index.html"), "members/partner/", "Pages of the partners"));

        // the member index: the same links from the same partial
        assertEquals(
                List.of(
                        "1 -> members/index.html",
                        "2 -> members/page/2/index.html (current)",
                        "3 -> members/page/3/index.html"),
                pagination(html(files, "members/page/2/index.html"), "members/page/2/", "Pages of the member index"));
        for (String page : List.of("members/full/index.html", "members/page/2/index.html")) {
            for (String target : pagination(
                    html(files, page),
                    page.replace("index.html", ""),
                    "Pages of the " + (page.startsWith("members/full/") ? "full members" : "member index"))) {
                String file = target.split(" ")[2];
                assertTrue(files.containsKey(file), page + " links to " + file + ", which was not made");
            }
        }
    }

    private static Document html(Map<String, byte[]> files, String file) {
        return Jsoup.parse(new String(files.get(file), StandardCharsets.UTF_8));
    }

    /**
     * The links of the page navigation named {@code label} on the page at site path {@code at}, each as "text -> the
     * output file it leads to", with " (current)" on the current one.
     */
    private static List<String> pagination(Document page, String at, String label) {
        URI base = URI.create("https://example.org/" + at);
        return page.select("nav.pagination[aria-label=" + label + "] a").stream()
                .map(a -> a.text() + " -> "
                        + Routes.file(base.resolve(a.attr("href")).getPath().substring(1))
                        + (a.attr("aria-current").equals("page") ? " (current)" : ""))
                .toList();
    }
}
