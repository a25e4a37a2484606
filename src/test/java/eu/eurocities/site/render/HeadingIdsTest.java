package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.eurocities.site.Cli;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.TextPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ids of Markdown headings: one rule on every machine, and unique on their page. */
class HeadingIdsTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Insights|insights",
                "INSIGHTS INTO IT|insights-into-it",
                "İstanbul and Izmir|istanbul-and-izmir",
                "I\u0307stanbul|istanbul",
                "Zu\u0308rich|zürich",
                "Zürich|zürich",
                "Straße|straße",
                "ΣΟΦΟΣ|σοφος",
                "What members get?|what-members-get",
                "Forums & working groups|forums--working-groups",
                "snake_case and-dashes|snake_case-and-dashes",
                "Tab\there|tab-here",
                "2024: the year|2024-the-year",
                "!!!|section"
            })
    void slugs(String text, String id) {
        assertEquals(id, HeadingIds.slug(text));
    }

    @Test
    void theSlugIsTheSameUnderATurkishDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("insights", HeadingIds.slug("Insights"));
            assertEquals("istanbul", HeadingIds.slug("İstanbul"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void headingsGetUniqueIdsAvoidingThoseTheTemplatesUse() {
        TextPage page = new TextPage(
                "about",
                "About",
                1,
                null,
                "## Mobility\n\n## Mobility\n\n## Mobility 1\n\n## Main\n\n## Mobility\n\n### `code` *and* text\n",
                4,
                SourcePos.start("content/pages/about.md"));
        Diagnostics diagnostics = new Diagnostics();
        Html html = new Markdown()
                .render(
                        page,
                        new Links("about/", "/", false),
                        f -> null,
                        Set.of("main", "mobility-2"),
                        diagnostics,
                        link -> {});
        assertEquals(
                List.of("mobility", "mobility-1", "mobility-1-1", "main-1", "mobility-3", "code-and-text"),
                Jsoup.parseBodyFragment(html.value()).select("h2, h3").eachAttr("id"));
        assertEquals(0, diagnostics.count(eu.eurocities.site.diag.Severity.ERROR));
    }

    @Test
    void aHeadingOnARealPageDoesNotTakeAnIdOfItsTemplates(@TempDir Path tmp) throws IOException {
        Path source = Cli.copyContent(tmp.resolve("src"));
        Files.writeString(
                source.resolve("content/pages/about.md"),
                "---\ntitle: About\n---\n## Main\n\nSee [the main heading](#main-1).\n\n## Insights\n\n## Insights\n");
        Path out = tmp.resolve("site");
        Cli.Run build = Cli.run("build", "--source", source.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, build.code(), build.err());
        Document about = Jsoup.parse(Files.readString(out.resolve("about/index.html")));
        assertEquals("main", about.selectFirst("main").id());
        assertEquals(
                List.of("main-1", "insights", "insights-1"),
                about.select("main h2").eachAttr("id"));
    }
}
