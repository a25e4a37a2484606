package eu.eurocities.site.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import eu.eurocities.site.Cli;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --external} fetches external links (here from a local server standing in for other sites) and
 * names the broken ones at their Markdown line; without the option nothing is fetched.
 */
class ExternalLinksTest {
    @TempDir
    static Path tmp;

    static HttpServer server;
    static String site;
    static String closed;
    static Path source;
    static String line22;
    static String line23;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = path.equals("/ok")
                    ? 200
                    : path.equals("/no-head")
                            ? (exchange.getRequestMethod().equals("HEAD") ? 405 : 200)
                            : path.equals("/moved") ? 301 : 404;
            if (status == 301) {
                exchange.getResponseHeaders().set("Location", "/gone");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        site = "http://127.0.0.1:" + server.getAddress().getPort();
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = "http://127.0.0.1:" + socket.getLocalPort() + "/";
        }
        source = Cli.copyContent(tmp.resolve("src"));
        // facts from GeoNames bring links to it and to the map's and data's licences into every page; this machine may
        // have no way out, so the records here take no fact from open data and only the local server is asked
        try (java.util.stream.Stream<Path> cities = Files.list(source.resolve("content/cities"))) {
            for (Path city : cities.toList()) {
                Files.writeString(
                        city,
                        Files.readString(city)
                                .replaceAll("(?m)^geonames_id: .*\n", "")
                                .replaceAll("(?m)^location:\n  latitude: .*\n  longitude: .*\n", "")
                                .replace(
                                        "population_source: GeoNames\npopulation_snapshot: 2020-03-18\n",
                                        "population_source: Test figure\npopulation_year: 2020\n"));
            }
        }
        line22 = "Elsewhere: [ok](" + site + "/ok), [no HEAD](" + site + "/no-head), [gone](" + site + "/gone),";
        line23 = "[moved](" + site + "/moved) and [closed](" + closed + ").";
        Files.writeString(
                source.resolve("content/pages/home.md"),
                "\n" + line22 + "\n" + line23 + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void brokenExternalLinksAreNamedAtTheirLine() {
        Cli.Run run = Cli.run("check", "--source", source.toString(), "--external", "--timeout", "5");
        assertEquals(1, run.code(), run.err());
        String hint = "  hint: open the address in a browser; if the page moved, link to where it is now";
        List<String> lines = run.errLines();
        int gone = line22.indexOf("[gone]") + 1;
        int closedAt = line23.indexOf("[closed]") + 1;
        assertEquals(
                List.of(
                        "content/pages/home.md:22:" + gone + ": error: broken link to '" + site
                                + "/gone': external URL answers " + "HTTP 404 (index.html, href=\"" + site + "/gone\")",
                        hint,
                        "content/pages/home.md:23:1: error: broken link to '" + site
                                + "/moved': external URL answers HTTP 404 " + "(index.html, href=\"" + site
                                + "/moved\")",
                        hint),
                lines.subList(0, 4));
        String refused = "content/pages/home.md:23:" + closedAt + ": error: broken link to '" + closed
                + "': external URL cannot be fetched: ConnectException";
        assertTrue(lines.get(4).startsWith(refused), lines.get(4));
        assertEquals(List.of(hint, "3 problems in the output"), lines.subList(5, 7));
    }

    @Test
    void externalLinksAreNotFetchedByDefault() {
        Cli.Run run = Cli.run("check", "--source", source.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
    }
}
