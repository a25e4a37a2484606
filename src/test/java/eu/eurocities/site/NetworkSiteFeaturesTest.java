package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.plan.Routes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Static files, drafts, redirects and city narratives in a built site: what a reader gets, checked in the output.
 */
class NetworkSiteFeaturesTest {
    /** A 3 x 2 PNG. */
    private static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAYAAACddGYaAAAAEUlEQVR4nGNgYGD4z8DAwMAAAA0ABAHq4Q"
                    + "AAAAAASUVORK5CYII=");

    @TempDir
    Path tmp;

    private Path site() throws IOException {
        Path source = Cli.baseSite(tmp.resolve("src"));
        write(source, "static/img/photo.png", PNG);
        write(
                source,
                "static/img/logo.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\"></svg>"
                        .getBytes(StandardCharsets.UTF_8));
        write(source, "static/favicon.png", PNG);
        write(source, "static/statutes.pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8));
        write(source, "static/CNAME", "network.example.org\n".getBytes(StandardCharsets.UTF_8));
        Files.writeString(
                source.resolve("content/site.yaml"),
                Files.readString(source.resolve("content/site.yaml")) + "logo: img/logo.svg\nfavicon: favicon.png\n");
        Files.writeString(
                source.resolve("content/pages/about.md"),
                "---\ntitle: About\naliases: [/about-us/]\n---\n![A "
                        + "photo](img/photo.png)\n\n[Statutes](/statutes.pdf)\n");
        Files.writeString(source.resolve("content/pages/plans.md"), "---\ntitle: Plans\ndraft: true\n---\nSoon.\n");
        Files.writeString(
                source.resolve("content/cities/oslo.yaml"),
                Files.readString(source.resolve("content/cities/oslo.yaml")) + "aliases:\n  - /cities/christiania/\n");
        Files.writeString(source.resolve("content/cities/oslo.md"), "Oslo hosts the forum. See [Lyon](lyon.yaml).\n");
        Files.writeString(
                source.resolve("content/cities/rijeka.yaml"),
                Files.readString(source.resolve("content/cities/rijeka.yaml")) + "draft: true\n");
        return source;
    }

    private static void write(Path root, String file, byte[] bytes) throws IOException {
        Files.createDirectories(root.resolve(file).getParent());
        Files.write(root.resolve(file), bytes);
    }

    @Test
    void staticFilesAreCopiedAndImagesGetTheirSizeLogoAndFavicon() throws IOException {
        Path source = site();
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.build(source, out, "--strict");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(Files.isRegularFile(out.resolve("statutes.pdf")));
        assertEquals("network.example.org\n", Files.readString(out.resolve("CNAME")));
        Document about = Jsoup.parse(out.resolve("about/index.html").toFile());
        Element img = about.selectFirst("main img");
        assertEquals("../img/photo.png", img.attr("src"));
        assertEquals("3", img.attr("width"));
        assertEquals("2", img.attr("height"));
        assertEquals("lazy", img.attr("loading"));
        assertEquals("../statutes.pdf", about.selectFirst("main a[href$=pdf]").attr("href"));
        assertEquals("../favicon.png", about.selectFirst("link[rel=icon]").attr("href"));
        assertEquals("../img/logo.svg", about.selectFirst(".brand img.logo").attr("src"));
        long before = Files.getLastModifiedTime(out.resolve("img/photo.png")).toMillis();
        Cli.Run again = Cli.build(source, out);
        assertEquals(0, again.code(), again.err());
        assertEquals(
                before, Files.getLastModifiedTime(out.resolve("img/photo.png")).toMillis());
    }

    @Test
    void draftsAreLeftOutOfBuildAndShownWithABadgeUnderDrafts() throws IOException {
        Path source = site();
        Path out = tmp.resolve("out");
        assertEquals(0, Cli.build(source, out).code());
        assertFalse(Files.exists(out.resolve("plans/index.html")));
        assertFalse(Files.exists(out.resolve("cities/rijeka/index.html")));
        java.util.List<String> checked = new java.util.ArrayList<>(java.util.List.of(
                "sitemap.xml", "members.csv", "members.json", "members/index.html", "countries/index.html"));
        try (java.util.stream.Stream<Path> index =
                Files.walk(out.resolve(Routes.SEARCH_INDEX).getParent())) {
            index.filter(Files::isRegularFile)
                    .forEach(f -> checked.add(out.relativize(f).toString()));
        }
        for (String file : checked) {
            String text = Files.readString(out.resolve(file));
            assertFalse(text.contains("rijeka") || text.contains("Rijeka"), file);
            assertFalse(text.contains("plans/"), file);
        }
        Path drafts = tmp.resolve("drafts");
        Cli.Run r = Cli.build(source, drafts, "--drafts");
        assertEquals(0, r.code(), r.err());
        Document plans = Jsoup.parse(drafts.resolve("plans/index.html").toFile());
        assertEquals(
                "Draft: not published by a build without --drafts",
                plans.selectFirst(".draft-badge").text());
        assertTrue(
                Jsoup.parse(drafts.resolve("cities/rijeka/index.html").toFile()).selectFirst(".draft-badge") != null);
        assertTrue(Jsoup.parse(drafts.resolve("about/index.html").toFile()).selectFirst(".draft-badge") == null);
    }

    @Test
    void aliasesGetRedirectPagesOutsideTheSitemapAndCityNarrativesShowBelowTheFacts() throws IOException {
        Path source = site();
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("report.json");
        Cli.Run r = Cli.build(source, out, "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        Document moved =
                Jsoup.parse(out.resolve("cities/christiania/index.html").toFile());
        assertEquals(
                "0; url=../../cities/oslo/",
                moved.selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals(
                "https://example.org/cities/oslo/",
                moved.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("noindex", moved.selectFirst("meta[name=robots]").attr("content"));
        assertEquals("../../cities/oslo/", moved.selectFirst("body a").attr("href"));
        assertTrue(Files.isRegularFile(out.resolve("about-us/index.html")));
        String sitemap = Files.readString(out.resolve("sitemap.xml"));
        assertFalse(sitemap.contains("christiania") || sitemap.contains("about-us"), sitemap);
        String json = Files.readString(report);
        assertTrue(json.contains("\"/cities/christiania/\" : \"/cities/oslo/\""), json);
        assertTrue(json.contains("\"/about-us/\" : \"/about/\""), json);
        assertTrue(json.contains("\"static\" : {"), json);
        Document oslo = Jsoup.parse(out.resolve("cities/oslo/index.html").toFile());
        Element narrative = oslo.selectFirst("main .narrative");
        assertEquals("Oslo hosts the forum. See Lyon.", narrative.text());
        assertEquals("../../cities/lyon/", narrative.selectFirst("a").attr("href"));
        assertTrue(oslo.selectFirst("main dl.record").elementSiblingIndex() < narrative.elementSiblingIndex());
    }
}
