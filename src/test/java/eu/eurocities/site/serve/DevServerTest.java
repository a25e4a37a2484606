package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts serve on a free port over a copy of the real content, fetches pages over HTTP, and edits files the way
 * editors do while listening on the live reload stream. The tests share one server and put back what they change.
 */
class DevServerTest {
    @TempDir
    static Path tmp;

    static ServeFixture serve;
    static final String LODZ = "content/cities/lodz.yaml";
    static String lodz;
    /** Łódź's record with another population figure, source and year in place of its own. */
    static String lodzFigure;
    /** Łódź's record with a population that is not a number, on line 10. */
    static String lodzBroken;

    @BeforeAll
    static void start() throws IOException {
        serve = new ServeFixture(tmp);
        lodz = Files.readString(serve.source.resolve(LODZ));
        String own = "population: 768755\npopulation_source: GeoNames\npopulation_snapshot: 2020-03-18\n";
        assertTrue(lodz.endsWith(own), lodz);
        lodzFigure = lodz.replace(own, "population: 672801\npopulation_source: Test figure\npopulation_year: 2021\n");
        lodzBroken = lodz.replace("population: 768755\n", "population: lots\n");
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    static Document html(HttpResponse<String> response) {
        return Jsoup.parse(response.body());
    }

    @Test
    void servesTheSiteWithPrettyUrlsTheRealNotFoundPageAndUtf8Types() {
        assertTrue(
                serve.out
                        .toString()
                        .contains("Serving " + tmp.toAbsolutePath().normalize() + " at " + serve.server.url()),
                serve.out.toString());

        HttpResponse<String> home = serve.get("/");
        assertEquals(200, home.statusCode());
        assertEquals(
                "text/html; charset=utf-8",
                home.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(home.body().contains(LiveReload.SCRIPT + "</body>"), "reload script before </body>");

        HttpResponse<String> city = serve.get("/cities/lodz/");
        assertEquals(200, city.statusCode());
        assertEquals("Łódź", html(city).selectFirst("h1").text());
        assertEquals("Poland", html(city).select("nav.breadcrumbs li").get(2).text());

        HttpResponse<String> bare = serve.get("/cities/lodz");
        assertEquals(302, bare.statusCode());
        assertEquals("/cities/lodz/", bare.headers().firstValue("Location").orElseThrow());
        assertEquals(
                "/cities/lodz/?lang=pl",
                serve.get("/cities/lodz?lang=pl")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow());

        HttpResponse<String> missing = serve.get("/cities/atlantis/");
        assertEquals(404, missing.statusCode());
        assertEquals(
                "text/html; charset=utf-8",
                missing.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("Page not found", html(missing).selectFirst("h1").text());
        assertTrue(missing.body().contains(LiveReload.SCRIPT));

        HttpResponse<String> css = serve.get("/style.css");
        assertEquals(200, css.statusCode());
        assertEquals(
                "text/css; charset=utf-8",
                css.headers().firstValue("Content-Type").orElseThrow());
        assertFalse(css.body().contains("EventSource"), "the script goes only into HTML");

        HttpResponse<String> sitemap = serve.get("/sitemap.xml");
        assertEquals(
                "application/xml; charset=utf-8",
                sitemap.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(sitemap.body().contains("<loc>" + serve.server.url() + "cities/lodz/</loc>"), sitemap.body());
        assertEquals(
                "text/plain; charset=utf-8",
                serve.get("/robots.txt").headers().firstValue("Content-Type").orElseThrow());
        assertEquals(404, serve.get("/cities/../../etc/passwd").statusCode());
    }

    @Test
    void aRequestForAnotherHostIsRefusedAgainstDnsRebinding() throws Exception {
        int port = serve.server.url().getPort();
        for (String host : List.of(
                "evil.example",
                "evil.example:" + port,
                "evil.example.",
                "127.0.0.1.evil.example",
                "localhost.evil.example")) {
            try (RawHttp c = new RawHttp(port)) {
                RawHttp.Response r = c.send("GET /cities/lodz/ HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                        .read(false);
                assertEquals(403, r.status(), host);
                assertEquals(
                        "This preview does not answer requests for the host '" + host + "'. Open " + serve.server.url()
                                + " instead.\n",
                        r.body());
            }
        }
        for (String host : List.of(
                "127.0.0.1:" + port,
                "localhost:" + port,
                "LocalHost",
                "[::1]:" + port,
                "preview.localhost:" + port,
                "10.0.0.7:" + port)) {
            try (RawHttp c = new RawHttp(port)) {
                RawHttp.Response r = c.send("GET /cities/lodz/ HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                        .read(false);
                assertEquals(200, r.status(), host);
            }
        }
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response r = c.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n")
                    .read(false);
            assertEquals(400, r.status());
            assertEquals("more than one Host header\n", r.body());
        }
    }

    @Test
    void openEventStreamsHoldNoRequestThread() throws Exception {
        int port = serve.server.url().getPort();
        List<RawHttp> streams = new ArrayList<>();
        try {
            for (int i = 0; i < PreviewHttp.THREADS + 4; i++) {
                RawHttp c = new RawHttp(port).send("GET " + LiveReload.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                streams.add(c);
                assertEquals("HTTP/1.1 200 OK", c.line(), "stream " + i);
            }
            long start = System.nanoTime();
            try (RawHttp page = new RawHttp(port)) {
                assertEquals(200, page.get("/cities/lodz/").status());
            }
            long millis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 2000, "a page took " + millis + " ms with " + streams.size() + " streams open");
        } finally {
            for (RawHttp c : streams) {
                c.close();
            }
        }
    }

    @Test
    void onlyTheExactLiveReloadPathOpensAnEventStream() throws Exception {
        int port = serve.server.url().getPort();
        for (String path : List.of("/__livereloadX", "/__livereload/", "/__livereload/x", "/x/__livereload")) {
            HttpResponse<String> r = serve.get(path);
            assertEquals(404, r.statusCode(), path);
            assertEquals(
                    "text/html; charset=utf-8",
                    r.headers().firstValue("Content-Type").orElseThrow(),
                    path);
        }
        try (RawHttp c = new RawHttp(port)) {
            RawHttp.Response r = c.send("HEAD " + LiveReload.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .read(true);
            assertEquals(405, r.status());
            assertEquals("GET", r.header("Allow"));
        }
        try (RawHttp c = new RawHttp(port)) {
            // the headers only: the stream's body never ends
            RawHttp.Response r = c.send("GET " + LiveReload.PATH + "?tab=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .read(true);
            assertEquals(200, r.status());
            assertEquals("text/event-stream; charset=utf-8", r.header("Content-Type"));
            assertEquals(
                    Integer.toHexString("retry: 300\n: connected\n\n".length()), c.line(), "the first event's chunk");
            assertEquals("retry: 300", c.line());
        }
    }

    @Test
    void refusesMethodsOtherThanGetAndHead() throws Exception {
        HttpResponse<String> post = serve.http.send(
                HttpRequest.newBuilder(serve.server.url())
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> head = serve.http.send(
                HttpRequest.newBuilder(serve.server.url().resolve("/members/"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void aCityEditReachesThePageAndOpenTabsGetAReloadEvent() throws Exception {
        ServeFixture.Events events = serve.events();
        serve.write(LODZ, lodzFigure);
        Document page = serve.awaitPage(
                events,
                "/cities/lodz/",
                d -> d.select("dl.record dd").get(2).text().equals("672,801 (Test figure, 2021)"));
        assertNull(page.getElementById(Overlay.ID));
        Element row = html(serve.get("/members/")).select("table.cities tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().startsWith("Łódź"))
                .findFirst()
                .orElseThrow();
        assertEquals("672,801", row.select("td").get(2).text());
        assertTrue(serve.out.toString().contains("content/cities/lodz.yaml: "), serve.out.toString());

        serve.write(LODZ, lodz);
        serve.awaitPage(
                events,
                "/cities/lodz/",
                d -> d.select("dl.record dd").get(2).text().equals("768,755 (GeoNames, data of 18 March 2020)"));
    }

    @Test
    void aBrokenFileShowsTheErrorsOverTheLastGoodSiteAndTheNextGoodSaveRecovers() throws Exception {
        ServeFixture.Events events = serve.events();
        serve.write(LODZ, lodzBroken);
        // the same text as the command line prints for the same files
        java.io.StringWriter check = new java.io.StringWriter();
        eu.eurocities.site.Main.run(
                new String[] {"check", "--source", serve.source.toString()},
                new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(check));
        String expected = check.toString().strip();
        assertTrue(
                expected.startsWith("content/cities/lodz.yaml:10:13: error: field 'population' must be a whole number,"
                        + " not 'lots'\n"),
                expected);
        assertTrue(expected.endsWith("\n1 error, 0 warnings"), expected);
        serve.awaitPage(
                events,
                "/cities/lodz/",
                d -> d.getElementById(Overlay.ID) != null
                        && d.getElementById(Overlay.ID)
                                .selectFirst("pre")
                                .wholeText()
                                .equals(expected));
        for (String path : List.of("/cities/lodz/", "/", "/cities/atlantis/")) {
            Document page = html(serve.get(path));
            Element overlay = page.getElementById(Overlay.ID);
            assertNotNull(overlay, path + " shows the errors");
            assertEquals(expected, overlay.selectFirst("pre").wholeText());
        }
        assertEquals("Łódź", html(serve.get("/cities/lodz/")).selectFirst("h1").text(), "last good page stays");
        assertEquals(200, serve.get("/cities/lodz/").statusCode());
        assertTrue(serve.err.toString().contains(expected + "\nServing the last good version"), serve.err.toString());

        serve.write(LODZ, lodzFigure);
        Document fixed = serve.awaitPage(events, "/cities/lodz/", d -> d.getElementById(Overlay.ID) == null);
        assertEquals(
                "672,801 (Test figure, 2021)",
                fixed.select("dl.record dd").get(2).text());

        serve.write(LODZ, lodz);
        serve.awaitPage(
                events,
                "/cities/lodz/",
                d -> d.select("dl.record dd").get(2).text().equals("768,755 (GeoNames, data of 18 March 2020)"));
    }

    @Test
    void aHalfWrittenFileIsAContentErrorAndTheRestOfTheWriteFixesIt() throws Exception {
        ServeFixture.Events events = serve.events();
        serve.write(LODZ, lodz.substring(0, lodz.indexOf("membership:") + "membership: fu".length()));
        Element overlay = serve.awaitPage(events, "/cities/lodz/", d -> d.getElementById(Overlay.ID) != null)
                .getElementById(Overlay.ID);
        assertTrue(overlay.text().contains("content/cities/lodz.yaml:4:13: error: "), overlay.text());
        serve.write(LODZ, lodz);
        serve.awaitPage(events, "/cities/lodz/", d -> d.getElementById(Overlay.ID) == null);
    }

    @Test
    void anAtomicSaveWithEditorFilesAroundItIsOneRebuildAndSwapFilesAreIgnored() throws Exception {
        ServeFixture.Events events = serve.events();
        Path dir = serve.source.resolve("content/cities");
        int before = serve.server.builds();
        // what vim does on :w with backupcopy=no: probe file, backup, new file renamed over the original
        Files.writeString(dir.resolve("4913"), "");
        Files.delete(dir.resolve("4913"));
        Files.writeString(dir.resolve(".lodz.yaml.swp"), "swap");
        Files.copy(dir.resolve("lodz.yaml"), dir.resolve("lodz.yaml~"));
        Path temp = dir.resolve(".lodz.yaml.tmp");
        Files.writeString(temp, lodz.replace("name: Łódź", "name: Łódź (atomic)"));
        Files.move(temp, dir.resolve("lodz.yaml"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        events.awaitReload();
        assertEquals(
                "Łódź (atomic)",
                html(serve.get("/cities/lodz/")).selectFirst("h1").text());
        Thread.sleep(300);
        assertEquals(before + 1, serve.server.builds(), serve.out.toString());

        // swap, backup and lock files alone start nothing
        Files.writeString(dir.resolve(".lodz.yaml.swp"), "swap again");
        Files.writeString(dir.resolve("lodz.yaml~"), "backup again");
        Files.writeString(dir.resolve(".#lodz.yaml"), "lock");
        Files.writeString(dir.resolve("#lodz.yaml#"), "emacs autosave");
        assertFalse(events.reloadWithin(Duration.ofMillis(400)));
        assertEquals(before + 1, serve.server.builds());
        for (String f : List.of(".lodz.yaml.swp", "lodz.yaml~", ".#lodz.yaml", "#lodz.yaml#")) {
            Files.delete(dir.resolve(f));
        }
        serve.write(LODZ, lodz);
        serve.awaitPage(events, "/cities/lodz/", d -> d.selectFirst("h1").text().equals("Łódź"));
    }

    @Test
    void aBurstOfAHundredSavedFilesIsOneRebuild() throws Exception {
        ServeFixture.Events events = serve.events();
        Path dir = serve.source.resolve("content/cities");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml"))
                    .sorted()
                    .limit(100)
                    .toList();
        }
        List<String> originals = new ArrayList<>();
        for (Path f : files) {
            originals.add(Files.readString(f));
        }
        int before = serve.server.builds();
        long last = System.nanoTime();
        int pauses = 0;
        for (int i = 0; i < files.size(); i++) {
            // like a checkout: every file rewritten, here with each city's name followed by a marker
            Files.writeString(files.get(i), originals.get(i).replaceFirst("(?m)^name: (.*)$", "name: $1 (v2)"));
            long now = System.nanoTime();
            if (now - last > java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(DevServer.QUIET_MILLIS)) {
                pauses++; // this machine stopped the writing for longer than the quiet period: a second burst
            }
            last = now;
        }
        // the last file written: Linköping
        serve.awaitPage(
                events, "/cities/linkoping/", d -> d.selectFirst("h1").text().equals("Linköping (v2)"));
        Thread.sleep(300);
        assertEquals(
                "Aarhus (v2)",
                html(serve.get("/cities/aarhus/")).selectFirst("h1").text());
        if (pauses == 0) {
            assertEquals(before + 1, serve.server.builds(), serve.out.toString());
            assertTrue(serve.out.toString().contains("100 files: "), serve.out.toString());
        } else {
            assertTrue(serve.server.builds() <= before + 1 + pauses, serve.out.toString());
        }

        for (int i = 0; i < files.size(); i++) {
            Files.writeString(files.get(i), originals.get(i));
        }
        serve.awaitPage(
                events, "/cities/aarhus/", d -> d.selectFirst("h1").text().equals("Aarhus"));
    }

    @Test
    void deletedAndCreatedFilesAndFoldersAreSeen() throws Exception {
        ServeFixture.Events events = serve.events();
        Path zaragoza = serve.source.resolve("content/cities/zaragoza.yaml");
        String text = Files.readString(zaragoza);
        Files.delete(zaragoza);
        events.awaitReload();
        assertEquals(404, serve.get("/cities/zaragoza/").statusCode());
        assertFalse(serve.get("/members/").body().contains("Zaragoza"));
        assertFalse(serve.get("/sitemap.xml").body().contains("cities/zaragoza/"));

        Files.writeString(zaragoza, text);
        serve.awaitPage(
                events, "/cities/zaragoza/", d -> d.selectFirst("h1").text().equals("Zaragoza"));
        assertEquals(200, serve.get("/cities/zaragoza/").statusCode());
        assertTrue(serve.get("/sitemap.xml").body().contains("cities/zaragoza/"));

        // a folder created while serving is watched too: a template added inside it starts a rebuild
        int before = serve.server.builds();
        Path folder = serve.source.resolve("templates/partial/extra");
        Files.createDirectories(folder);
        serve.awaitBuilds(before + 1, Duration.ofSeconds(20));
        Thread.sleep(100);
        int afterFolder = serve.server.builds();
        Files.writeString(folder.resolve("note.jte"), "<p>note</p>\n");
        serve.awaitBuilds(afterFolder + 1, Duration.ofSeconds(30));
        ServeFixture.deleteTree(folder);
        serve.awaitBuilds(afterFolder + 2, Duration.ofSeconds(30));
    }

    @Test
    void aTemplateEditNeedsNoPackagingAndReachesThePagesUsingIt() throws Exception {
        ServeFixture.Events events = serve.events();
        Path city = serve.source.resolve("templates/pages/city.jte");
        String original = Files.readString(city);
        Files.writeString(
                city,
                original.replace(
                        "<h1>${page.city().name()}</h1>",
                        "<h1>${page.city().name()}</h1>\n<p class=\"edited\">Edited template</p>"));
        assertEquals(
                "Edited template",
                serve.awaitPage(events, "/cities/lodz/", d -> d.selectFirst("p.edited") != null)
                        .selectFirst("p.edited")
                        .text());
        assertNull(html(serve.get("/members/")).selectFirst("p.edited"));

        Files.writeString(city, original.replace("<h1>${page.city().name()}</h1>", "<h1>${page.city().name(}</h1>"));
        Element overlay = serve.awaitPage(events, "/cities/lodz/", d -> d.getElementById(Overlay.ID) != null)
                .getElementById(Overlay.ID);
        assertTrue(
                overlay.selectFirst("pre")
                        .wholeText()
                        .startsWith("templates/pages/city.jte:17:1: error: template does" + " not compile: "),
                overlay.wholeText());
        assertEquals(
                "Edited template",
                html(serve.get("/cities/lodz/")).selectFirst("p.edited").text());

        Files.writeString(city, original);
        Document restored = serve.awaitPage(events, "/cities/lodz/", d -> d.getElementById(Overlay.ID) == null);
        assertNull(restored.selectFirst("p.edited"));
    }
}
