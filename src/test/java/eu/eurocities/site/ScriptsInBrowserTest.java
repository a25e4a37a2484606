package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the member index filter and the site search in headless Chromium: the built site is served on 127.0.0.1,
 * each page is opened with a query in its URL (which the scripts read, as when a filtered list is shared), and the
 * DOM the scripts leave is read back.
 */
class ScriptsInBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static HttpServer server;

    @BeforeAll
    static void serve() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "needs Debian's chromium");
        Path root = BuiltSite.out();
        Map<String, String> types = Map.of(
                "html",
                "text/html; charset=utf-8",
                "css",
                "text/css",
                "js",
                "text/javascript",
                "json",
                "application/json");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring(1);
            Path file = root.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path)
                    .normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            String query = exchange.getRequestURI().getQuery();
            if (name.endsWith(".html") && query != null && query.startsWith("click=")) {
                body = withClicks(
                                new String(body, StandardCharsets.UTF_8),
                                query.substring(6).split(","))
                        .getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders()
                    .set(
                            "Content-Type",
                            types.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /**
     * The page with a script added that clicks the sort buttons of the given columns in turn once the page's own
     * script has set them up, standing in for a reader's clicks.
     */
    static String withClicks(String html, String[] columns) {
        StringBuilder js = new StringBuilder("<script>addEventListener('DOMContentLoaded', function () {");
        for (String column : columns) {
            js.append("document.querySelector('th[data-sort=").append(column).append("] button').click();");
        }
        return html.replace("</body>", js.append("});</script></body>").toString());
    }

    /** The DOM of {@code path} after its scripts ran. */
    static Document open(String path) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
            Process p = new ProcessBuilder(
                            CHROMIUM.toString(),
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run",
                            "--user-data-dir=" + profile,
                            "--virtual-time-budget=5000",
                            "--dump-dom",
                            url)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(true, p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
            assertEquals(0, p.exitValue(), "chromium failed on " + url);
            return Jsoup.parse(dom, url);
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    static List<String> shownCities(Document doc) {
        return doc.select("#cities tbody tr:not([hidden]) th a").eachText();
    }

    @Test
    void filterMatchesNamesWithoutDiacritics() throws Exception {
        Document doc = open("members/?q=lodz");
        assertEquals(List.of("Łódź"), shownCities(doc));
        assertEquals("1 of 202 cities shown", doc.selectFirst("#filter-count").text());
        assertEquals(
                List.of("City", "Country", "Membership", "Population"),
                doc.select("#cities thead th button.sort").eachText());
        assertEquals("ascending", doc.selectFirst("#cities thead th").attr("aria-sort"));
        assertEquals("js filtered", doc.selectFirst("html").className(), "rows were hidden before the first paint");
    }

    @Test
    void filterMatchesLocalNamesTypedWithOrWithoutUmlauts() throws Exception {
        assertEquals(List.of("Munich"), shownCities(open("members/?q=m%C3%BCnchen")));
        assertEquals(List.of("Zürich"), shownCities(open("members/?q=ZURICH")));
    }

    @Test
    void filterByCountryAndCategoryAndNothingFound() throws Exception {
        Document doc = open("members/?country=NO&category=full");
        assertEquals(List.of("Bergen"), shownCities(doc));
        assertEquals("1 of 202 cities shown", doc.selectFirst("#filter-count").text());
        Document none = open("members/?q=xyzzy");
        assertEquals(List.of(), shownCities(none));
        assertFalse(none.selectFirst("#no-match").hasAttr("hidden"));
    }

    @Test
    void searchFindsCitiesByLocalNameAndPagesByText() throws Exception {
        Document doc = open("search/?q=munchen");
        List<String> found =
                new ArrayList<>(doc.select("#search-results li > a").eachText());
        assertEquals(List.of("Munich"), found);
        assertEquals(
                "../cities/munich/", doc.selectFirst("#search-results li > a").attr("href"));
        assertEquals(
                "1 result for “munchen”.", doc.selectFirst("#search-status").text());
        Document deal = open("search/?q=green%20deal");
        assertEquals(
                java.util.Set.of("A network of Europe's cities", "Working with the European Union"),
                java.util.Set.copyOf(deal.select("#search-results li > a").eachText()));
    }

    @Test
    void headerButtonsSortByCountryBothWaysAndSayHow() throws Exception {
        Document up = open("members/?click=country");
        assertEquals(List.of("Tirana", "Yerevan", "Vienna"), shownCities(up).subList(0, 3));
        assertEquals("ascending", up.selectFirst("th[data-sort=country]").attr("aria-sort"));
        assertFalse(up.selectFirst("th[data-sort=name]").hasAttr("aria-sort"));
        Document down = open("members/?click=country,country");
        assertEquals("descending", down.selectFirst("th[data-sort=country]").attr("aria-sort"));
        assertEquals(List.of("Belfast", "Birmingham"), shownCities(down).subList(0, 2));
        assertEquals("Tirana", shownCities(down).get(201));
    }

    @Test
    void populationSortPutsCitiesWithoutAFigureLast() throws Exception {
        Document doc = open("members/?click=population,population");
        assertEquals("descending", doc.selectFirst("th[data-sort=population]").attr("aria-sort"));
        assertEquals(List.of("Istanbul", "London", "Berlin"), shownCities(doc).subList(0, 3));
        // the 22 members without a figure come last, in name order
        assertEquals("Aix-Marseille-Provence", shownCities(doc).get(202 - 22));
    }
}
