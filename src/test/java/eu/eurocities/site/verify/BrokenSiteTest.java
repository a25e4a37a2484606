package eu.eurocities.site.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.eurocities.site.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy of the real content with problems added: a link to a missing page, a missing anchor, a missing image, a
 * missing heading on the same page, a static page with the member index's title (and no canonical URL, nor a
 * place in the sitemap), and a theme template that writes a second h1, an id twice
 * and script links. The build, {@code check} of the written folder and {@code check} in memory name each problem
 * exactly, in the same words and order.
 */
class BrokenSiteTest {
    static final String HINT = "  hint: link to a page of the site (e.g. /members/), a heading on it (#heading), or a "
            + "content file (e.g. membership.md or ../cities/oslo.yaml)";
    static final List<String> FINDINGS = List.of(
            "content/pages/home.md:22:9: error: broken link to '/membrs/': no file membrs/index.html "
                    + "(index.html, href=\"membrs/\")",
            HINT,
            "content/pages/home.md:22:42: error: broken link to 'membership.md#no-such-rule': no element with id "
                    + "'no-such-rule' in membership/index.html (index.html, href=\"membership/#no-such-rule\")",
            HINT,
            "content/pages/home.md:23:5: error: broken link to '/images/map.png': no file images/map.png "
                    + "(index.html, href=\"images/map.png\")",
            HINT,
            "content/pages/home.md:23:44: error: broken link to '#nowhere': no element with id 'nowhere' in index.html "
                    + "(index.html, href=\"#nowhere\")",
            HINT,
            "404.html: error: page has 2 h1 elements, not exactly one",
            "404.html: error: unsafe link: <a href> uses the scheme 'javascript:', which is not allowed; a link may "
                    + "use "
                    + "http:, https:, mailto:, tel: or a relative address (href=\"javascript:alert(1)\")",
            "404.html: error: unsafe link: <a href> uses the scheme 'javascript:', which is not allowed; a link may "
                    + "use "
                    + "http:, https:, mailto:, tel: or a relative address (href=\"JaVaScRiPt:alert(2)\")",
            "404.html: error: page has more than one element with id=\"main\"; a #main link could lead to either",
            "members-list/index.html: error: page has no canonical URL",
            "members/index.html: error: page has the same title as members-list/index.html: 'Member cities · "
                    + "Eurocities'",
            "sitemap.xml: error: sitemap does not list members-list/index.html");

    /**
     * The built-in 404 page with what only a template can write (Markdown refuses each): a second h1 that takes the
     * id of the layout's main, and script links, one of them spelt with a character reference.
     */
    static final String NOT_FOUND_TEMPLATE = """
      @import eu.eurocities.site.render.PageContext
      @import eu.eurocities.site.plan.Page
      @param PageContext<Page.NotFound> ctx
      !{var page = ctx.page();}
      @template.layout.base(ctx = ctx, content = @`
      <h1>${page.title()}</h1>
      <h1 id="main">Lost?</h1>
      <p><a href="javascript:alert(1)">Try again</a> or <a href="JaVaScRiPt&#58;alert(2)">ask</a>.</p>
      `)
      """;

    @TempDir
    static Path tmp;

    static Path source;

    @BeforeAll
    static void corpus() throws IOException {
        source = Cli.copyContent(tmp.resolve("src"));
        append(
                "content/pages/home.md",
                "\nSee the [list of members](/membrs/), the [criteria](membership.md#no-such-rule),\n"
                        + "the ![map of members](/images/map.png) and [the top](#nowhere).\n");
        // a page of content/pages/ with that title is refused before rendering; a static page is checked in the output
        Files.createDirectories(source.resolve("static/members-list"));
        Files.writeString(
                source.resolve("static/members-list/index.html"),
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Member cities · Eurocities"
                        + "</title></head><body><main id=\"main\"><h1>Members</h1><p>The same title as the member "
                        + "index.</p></main></body></html>\n");
        Files.createDirectories(source.resolve("templates/pages"));
        Files.writeString(source.resolve("templates/pages/notfound.jte"), NOT_FOUND_TEMPLATE);
    }

    static void append(String file, String text) throws IOException {
        Files.writeString(source.resolve(file), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    static List<String> concat(List<String> lines, String last) {
        List<String> all = new java.util.ArrayList<>(lines);
        all.add(last);
        return all;
    }

    @Test
    void buildNamesEveryProblemAndWritesNothing() throws IOException {
        Path out = tmp.resolve("refused");
        Path report = tmp.resolve("refused.json");
        Cli.Run run =
                Cli.run("build", "--source", source.toString(), "--out", out.toString(), "--report", report.toString());
        assertEquals(1, run.code(), run.err());
        assertEquals(
                concat(FINDINGS, "11 problems in the output; the previous site was left as it was"), run.errLines());
        assertEquals("", run.out());
        assertFalse(Files.exists(out.resolve("index.html")));
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertFalse(json.get("succeeded").asBoolean());
        assertEquals(11, json.get("outputProblems").asInt());
        assertEquals(0, json.get("files").get("written").asInt());
        assertEquals(
                List.of("templates", "load", "validate", "plan", "render", "check", "total"),
                List.copyOf(json.get("timingsMs").properties().stream()
                        .map(java.util.Map.Entry::getKey)
                        .toList()));
    }

    @Test
    void checkOfTheWrittenFolderAgreesWithTheBuild() {
        Path out = tmp.resolve("unchecked");
        Cli.Run build = Cli.run("build", "--source", source.toString(), "--out", out.toString(), "--no-check");
        assertEquals(0, build.code(), build.err());
        Cli.Run check = Cli.run("check", "--source", source.toString(), "--out", out.toString());
        assertEquals(1, check.code());
        assertEquals(concat(FINDINGS, "11 problems in the output"), check.errLines());
        assertEquals("", check.out());
    }

    @Test
    void checkInMemoryAgreesWithTheBuild() {
        Cli.Run check = Cli.run("check", "--source", source.toString());
        assertEquals(1, check.code());
        assertEquals(concat(FINDINGS, "11 problems in the output"), check.errLines());
    }

    @Test
    void checkWithoutContentNamesThePages() throws IOException {
        Path out = tmp.resolve("alone");
        assertEquals(
                0,
                Cli.run("build", "--source", source.toString(), "--out", out.toString(), "--no-check")
                        .code());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Cli.Run check = Cli.run("check", "--source", empty.toString(), "--out", out.toString());
        assertEquals(1, check.code());
        assertEquals(
                List.of(
                        "404.html: error: page has 2 h1 elements, not exactly one",
                        "404.html: error: unsafe link: <a href> uses the scheme 'javascript:', which is not allowed; "
                                + "a link may use "
                                + "http:, https:, mailto:, tel: or a relative address (href=\"javascript:alert(1)\")",
                        "404.html: error: unsafe link: <a href> uses the scheme 'javascript:', which is not allowed; "
                                + "a link may use "
                                + "http:, https:, mailto:, tel: or a relative address (href=\"JaVaScRiPt:alert(2)\")",
                        "404.html: error: page has more than one element with id=\"main\"; a #main link could lead "
                                + "to either",
                        "index.html: error: broken link: no file membrs/index.html (href=\"membrs/\")",
                        "index.html: error: broken link: no element with id 'no-such-rule' in membership/index.html "
                                + "(href=\"membership/#no-such-rule\")",
                        "index.html: error: broken link: no file images/map.png (href=\"images/map.png\")",
                        "index.html: error: broken link: no element with id 'nowhere' in index.html "
                                + "(href=\"#nowhere\")",
                        "members-list/index.html: error: page has no canonical URL",
                        "members/index.html: error: page has the same title as members-list/index.html: 'Member "
                                + "cities · Eurocities'",
                        "sitemap.xml: error: sitemap does not list members-list/index.html",
                        "11 problems in the output"),
                check.errLines());
    }

    @Test
    void markdownLinkToAMissingContentFileIsAnErrorAtItsLine() throws IOException {
        Path broken = Cli.copyContent(tmp.resolve("missing-file"));
        Files.writeString(
                broken.resolve("content/pages/strategy-and-activities.md"),
                "\nSee also [Oslo](../cities/osloo.yaml).\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        List<String> expected = List.of(
                "content/pages/strategy-and-activities.md:36:10: error: broken link to '../cities/osloo.yaml': there "
                        + "is no "
                        + "content file content/cities/osloo.yaml",
                "  hint: link to a page in content/pages/ (e.g. membership.md) or a city in content/cities/ "
                        + "(e.g. ../cities/oslo.yaml)",
                "1 error, 0 warnings");
        Path out = tmp.resolve("missing-file-out");
        Cli.Run build = Cli.run("build", "--source", broken.toString(), "--out", out.toString());
        assertEquals(1, build.code());
        assertEquals(expected, build.errLines());
        assertFalse(Files.exists(out.resolve("index.html")));
        Cli.Run check = Cli.run("check", "--source", broken.toString());
        assertEquals(1, check.code());
        assertEquals(expected, check.errLines());
    }

    @Test
    void checkFindsHandEditedOutput() throws IOException {
        Path good = Cli.copyContent(tmp.resolve("good"));
        Path out = tmp.resolve("edited");
        assertEquals(
                0,
                Cli.run("build", "--source", good.toString(), "--out", out.toString())
                        .code());
        Path oslo = out.resolve("cities/oslo/index.html");
        Files.writeString(
                oslo,
                Files.readString(oslo)
                        .replace("</main>", "<a href=\"../osloo/\">x</a></main>")
                        .replace("https://eurocities.example.org/cities/oslo/", "https://example.org/cities/oslo/")
                        .replace("<html lang=\"en\">", "<html>"));
        Path sitemap = out.resolve("sitemap.xml");
        Files.writeString(
                sitemap,
                Files.readString(sitemap)
                        .replace("<url><loc>https://eurocities.example.org/cities/rijeka/</loc></url>\n", "")
                        .replace(
                                "</urlset>",
                                "<url><loc>https://eurocities.example.org/cities/atlantis/</loc></url>\n</urlset>"));
        Files.delete(out.resolve("robots.txt"));
        Cli.Run check = Cli.run("check", "--source", good.toString(), "--out", out.toString());
        assertEquals(1, check.code());
        assertEquals(
                List.of(
                        "cities/oslo/index.html: error: page has no lang attribute on <html>",
                        "cities/oslo/index.html: error: canonical URL is not "
                                + "https://eurocities.example.org/cities/oslo/ "
                                + "(href=\"https://example.org/cities/oslo/\")",
                        "cities/oslo/index.html: error: broken link: no file cities/osloo/index.html "
                                + "(href=\"../osloo/\")",
                        "sitemap.xml: error: sitemap lists a page that does not exist "
                                + "(href=\"https://eurocities.example.org/cities/atlantis/\")",
                        "sitemap.xml: error: sitemap does not list cities/rijeka/index.html",
                        "robots.txt: error: the output has no robots.txt",
                        "6 problems in the output"),
                check.errLines());
    }

    @Test
    void checkRefusesWhatItCannotCheck() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("nothing"));
        Path missing = tmp.resolve("never-built");
        Cli.Run noFolder = Cli.run("check", "--source", empty.toString(), "--out", missing.toString());
        assertEquals(2, noFolder.code());
        assertEquals(
                List.of(
                        "error: there is no output folder " + missing + " to check and no content/ in " + empty
                                + " to build one from",
                        "  hint: build it first with 'build --out " + missing + "', or name the folder with --out"),
                noFolder.errLines());

        Path bare = Files.createDirectories(tmp.resolve("bare"));
        Files.writeString(
                bare.resolve("index.html"), "<!DOCTYPE html><html lang=\"en\"><title>Home</title><h1>Home</h1>");
        Cli.Run noBase = Cli.run("check", "--source", empty.toString(), "--out", bare.toString());
        assertEquals(2, noBase.code());
        assertEquals(
                List.of(
                        "error: cannot tell the base URL " + bare + " was built for: its robots.txt names no sitemap",
                        "  hint: pass it with --base-url, e.g. --base-url https://user.github.io/eurocities/"),
                noBase.errLines());

        Cli.Run given = Cli.run(
                "check",
                "--source",
                empty.toString(),
                "--out",
                bare.toString(),
                "--base-url",
                "https://example.org/eurocities/");
        assertEquals(1, given.code());
        assertEquals(
                List.of(
                        "index.html: error: page has no canonical URL",
                        "sitemap.xml: error: the output has no sitemap.xml",
                        "robots.txt: error: the output has no robots.txt",
                        "3 problems in the output"),
                given.errLines());
    }
}
