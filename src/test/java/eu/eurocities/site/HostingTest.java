package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the real content for a base URL, serves the output from a small HTTP server under that URL's path (as
 * static hosting such as GitHub Pages does, with 404.html for missing paths), crawls every page over HTTP from the
 * home page, and requires every link, stylesheet and image to load and every {@code #fragment} to name an element.
 */
class HostingTest {
    static {
        // the JDK server otherwise waits on Nagle's algorithm for every small response (about 40 ms each)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    @TempDir
    Path tmp;

    private final Map<String, List<String>> ids = new HashMap<>();

    @Test
    void subPathSiteWorksUnderItsPrefix() throws Exception {
        crawl("https://example.org/eurocities/", "/eurocities/");
    }

    @Test
    void domainRootSiteWorksAtTheRoot() throws Exception {
        crawl("https://example.org/", "/");
    }

    private void crawl(String baseUrl, String prefix) throws Exception {
        Path out = tmp.resolve("site");
        Cli.Run build = Cli.run("build", "--source", ".", "--out", out.toString(), "--base-url", baseUrl, "--quiet");
        assertEquals(0, build.code(), build.err());
        assertEquals("", build.out());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> serve(exchange, out, prefix));
        server.start();
        try {
            String local = "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
            HttpClient http = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            Map<String, HttpResponse<String>> fetched = new HashMap<>();
            List<String> broken = new ArrayList<>();
            Set<String> pages = new TreeSet<>();
            Deque<String> queue = new ArrayDeque<>(List.of(local));
            while (!queue.isEmpty()) {
                String url = queue.poll();
                if (!pages.add(url)) {
                    continue;
                }
                HttpResponse<String> page = get(http, fetched, url);
                assertEquals(200, page.statusCode(), url);
                Document doc = Jsoup.parse(page.body(), url);
                assertEquals(
                        baseUrl + url.substring(local.length()),
                        doc.selectFirst("link[rel=canonical]").attr("href"),
                        "canonical URL of " + url);
                queue.addAll(checkLinks(http, fetched, doc, url, local, broken));
            }
            assertEquals(List.of(), broken);

            HttpResponse<String> sitemap = get(http, fetched, local + "sitemap.xml");
            Set<String> listed = Jsoup.parse(sitemap.body(), "", Parser.xmlParser()).select("loc").eachText().stream()
                    .map(loc -> {
                        assertTrue(loc.startsWith(baseUrl), loc);
                        return local + loc.substring(baseUrl.length());
                    })
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(249, listed.size());
            assertEquals(listed, pages, "the crawl reaches exactly the pages the sitemap lists");
            assertTrue(get(http, fetched, local + "robots.txt").body().contains("Sitemap: " + baseUrl + "sitemap.xml"));

            String missing = local + "no/such/page/";
            HttpResponse<String> notFound = get(http, fetched, missing);
            assertEquals(404, notFound.statusCode());
            Document doc = Jsoup.parse(notFound.body(), missing);
            assertEquals("Page not found", doc.selectFirst("h1").text());
            assertEquals(
                    List.of(),
                    checkLinks(http, fetched, doc, missing, local, broken).stream()
                            .filter(u -> !pages.contains(u))
                            .toList(),
                    "the 404 page links only to pages that exist");
            assertEquals(List.of(), broken);
            assertTrue(doc.select("link[rel=stylesheet]").attr("abs:href").equals(local + "style.css"));

            if (!prefix.equals("/")) {
                assertEquals(
                        404,
                        get(
                                        http,
                                        fetched,
                                        "http://127.0.0.1:"
                                                + server.getAddress().getPort() + "/members/")
                                .statusCode(),
                        "nothing is served outside the prefix");
            }
        } finally {
            server.stop(0);
        }
        Cli.Run check = Cli.run("check", "--source", ".", "--out", out.toString());
        assertEquals(0, check.code(), check.err());
        assertEquals("Checked 250 pages in " + out + ": no problems\n", check.out());
    }

    /** Checks every link of {@code doc}; returns the internal pages it links to, for the crawl. */
    private List<String> checkLinks(
            HttpClient http,
            Map<String, HttpResponse<String>> fetched,
            Document doc,
            String url,
            String local,
            List<String> broken)
            throws Exception {
        List<String> pages = new ArrayList<>();
        for (Element e : doc.select("a[href], link[href], [src]")) {
            String attr = e.hasAttr("src") ? "src" : "href";
            String target = e.absUrl(attr);
            if (e.attr("rel").equals("canonical") || !target.startsWith("http://127.0.0.1")) {
                continue;
            }
            if (!target.startsWith(local)) {
                broken.add(url + " -> " + e.attr(attr) + " leaves " + local);
                continue;
            }
            if (e.attr(attr).startsWith("#")) { // the same document, also when it was served for a missing URL
                if (doc.getElementById(e.attr(attr).substring(1)) == null) {
                    broken.add(url + " -> " + e.attr(attr) + ": no element with that id");
                }
                continue;
            }
            URI uri = URI.create(target);
            // a query (members/?country=PL, read by the page's script) addresses the same file
            String noFragment = target.replaceFirst("[?#].*", "");
            HttpResponse<String> response = get(http, fetched, noFragment);
            if (response.statusCode() != 200) {
                broken.add(url + " -> " + e.attr(attr) + ": HTTP " + response.statusCode());
                continue;
            }
            boolean html =
                    response.headers().firstValue("content-type").orElse("").startsWith("text/html");
            if (uri.getFragment() != null
                    && html
                    && !ids.computeIfAbsent(
                                    noFragment,
                                    u -> Jsoup.parse(response.body(), u)
                                            .select("[id]")
                                            .eachAttr("id"))
                            .contains(uri.getFragment())) {
                broken.add(url + " -> " + e.attr(attr) + ": no element with that id");
            }
            if (html && e.tagName().equals("a")) {
                pages.add(noFragment);
            }
        }
        return pages;
    }

    private static HttpResponse<String> get(HttpClient http, Map<String, HttpResponse<String>> fetched, String url)
            throws Exception {
        HttpResponse<String> response = fetched.get(url);
        if (response == null) {
            response = http.send(
                    HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            fetched.put(url, response);
        }
        return response;
    }

    /** Static hosting under {@code prefix}: folders serve index.html, anything missing gets 404.html with 404. */
    private static void serve(HttpExchange exchange, Path root, String prefix) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Path file = null;
        if (path.startsWith(prefix)) {
            Path candidate = root.resolve(path.substring(prefix.length())).normalize();
            if (candidate.startsWith(root) && Files.isDirectory(candidate) && path.endsWith("/")) {
                candidate = candidate.resolve("index.html");
            }
            if (candidate.startsWith(root) && Files.isRegularFile(candidate)) {
                file = candidate;
            }
        }
        int status = 200;
        byte[] body;
        if (file != null) {
            body = Files.readAllBytes(file);
        } else {
            status = 404;
            file = root.resolve("404.html");
            body = path.startsWith(prefix) ? Files.readAllBytes(file) : "not here".getBytes(StandardCharsets.UTF_8);
        }
        String name = file.getFileName().toString();
        exchange.getResponseHeaders()
                .set(
                        "Content-Type",
                        name.endsWith(".html")
                                ? "text/html; charset=utf-8"
                                : name.endsWith(".css")
                                        ? "text/css"
                                        : name.endsWith(".xml") ? "application/xml" : "text/plain");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }
}
