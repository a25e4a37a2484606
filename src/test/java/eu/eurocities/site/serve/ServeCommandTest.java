package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.BuiltSite;
import eu.eurocities.site.Cli;
import eu.eurocities.site.Main;
import eu.eurocities.site.cli.ExitCode;
import eu.eurocities.site.cli.ServeCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serve command as a user runs it: exit codes and messages for a busy port, a bad host or base URL and a wrong
 * folder, the port it falls back to, a sub-path base URL, and Ctrl-C.
 */
class ServeCommandTest {
    @TempDir
    Path tmp;

    /** A serve process that has started, with the lines it printed until then. */
    record Running(Process process, List<String> lines, BufferedReader reader) implements AutoCloseable {
        /** The URL from the "Serving ... at URL" line. */
        URI url() {
            return URI.create(lines.stream()
                    .filter(l -> l.startsWith("Serving "))
                    .findFirst()
                    .orElseThrow()
                    .replaceFirst(".* at ", ""));
        }

        @Override
        public void close() throws Exception {
            process.toHandle().destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            reader.close();
        }
    }

    /** Starts the serve command in a process of its own and waits until it serves. */
    static Running serve(String... args) throws IOException {
        return serve(List.of(), args);
    }

    /** Starts the serve command in a Java of its own, with {@code options} for Java, and waits until it serves. */
    static Running serve(List<String> options, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line; (line = r.readLine()) != null; ) {
            lines.add(line);
            if (line.startsWith("Watching")) {
                return new Running(p, lines, r);
            }
        }
        throw new AssertionError("serve stopped: " + lines);
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aBusyDefaultPortMakesItTakeTheNextFreeOneAndSaySo() throws Exception {
        Cli.copyContent(tmp);
        ServerSocket held = null;
        try {
            try {
                held = new ServerSocket(ServeCommand.DEFAULT_PORT, 1, InetAddress.getByName("127.0.0.1"));
            } catch (BindException e) {
                // another program holds it already: busy all the same
            }
            try (Running serve = serve("--source", tmp.toString())) {
                assertTrue(
                        serve.lines()
                                .contains("Port 8080 is in use (perhaps by another serve); taking the next free"
                                        + " port."),
                        serve.lines().toString());
                int port = serve.url().getPort();
                assertTrue(port != ServeCommand.DEFAULT_PORT, serve.lines().toString());
                assertEquals(200, get(serve.url().resolve("/cities/lodz/")).statusCode());
            }
        } finally {
            if (held != null) {
                held.close();
            }
        }
    }

    @Test
    void aSubPathBaseUrlIsServedUnderItsPathWithShortOptions() throws Exception {
        Cli.copyContent(tmp);
        try (Running serve =
                serve("-s", tmp.toString(), "-p", "0", "--base-url", "http://127.0.0.1:8080/eurocities/")) {
            URI url = serve.url();
            assertTrue(url.toString().matches("http://127\\.0\\.0\\.1:\\d+/eurocities/"), url.toString());
            HttpResponse<String> city = get(url.resolve("cities/lodz/"));
            assertEquals(200, city.statusCode());
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(city.body());
            assertEquals(
                    url + "cities/lodz/",
                    page.selectFirst("link[rel=canonical]").attr("href"));
            String css = page.selectFirst("link[rel=stylesheet]").attr("href");
            assertEquals(200, get(url.resolve("cities/lodz/").resolve(css)).statusCode(), css);
            HttpResponse<String> root = get(url.resolve("/"));
            assertEquals(302, root.statusCode());
            assertEquals("/eurocities/", root.headers().firstValue("Location").orElseThrow());
            assertEquals(404, get(url.resolve("/cities/lodz/")).statusCode(), "nothing outside the base path");
            HttpResponse<String> missing = get(url.resolve("cities/atlantis/"));
            assertEquals(404, missing.statusCode());
            assertEquals(
                    "Page not found",
                    org.jsoup.Jsoup.parse(missing.body()).selectFirst("h1").text());
        }
    }

    @Test
    void aBadHostOrBaseUrlIsAUsageErrorThatSaysWhatIsWrong() throws IOException {
        Cli.copyContent(tmp);
        String hint =
                "  hint: use 127.0.0.1 (this computer only, the default), or 0.0.0.0 to let other computers on the"
                        + " network see the preview\n";
        Map<List<String>, String> cases = Map.of(
                List.of("--host", "nosuch.invalid"),
                        "error: --host 'nosuch.invalid' is not a known host name or IP address\n" + hint,
                List.of("--host", ""), "error: --host '' is not a known host name or IP address\n" + hint,
                List.of("--host", "192.0.2.1"), "error: --host 192.0.2.1 is not an address of this computer\n" + hint,
                List.of("--base-url", "eurocities/"),
                        "--base-url: error: base URL 'eurocities/' is not an absolute http or"
                                + " https URL\n  hint: write it like https://example.org/ or "
                                + "https://user.github.io/eurocities/\n");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of("serve", "--source", tmp.toString(), "--port", "0"));
            args.addAll(c.getKey());
            StringWriter err = new StringWriter();
            int code = Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertEquals(ExitCode.USAGE, code, c.getKey().toString());
            assertTrue(err.toString().startsWith(c.getValue()), c.getKey() + ": " + err);
        }
    }

    @Test
    void aHostReachableFromOtherComputersGetsAWarningAndLoopbackNone() {
        StringWriter err = new StringWriter();
        assertTrue(ServeCommand.listenAddress("0.0.0.0", new PrintWriter(err, true))
                .isAnyLocalAddress());
        assertEquals(
                "warning: --host 0.0.0.0 lets other computers on the network see the preview, and every file of the"
                        + " site with it; leave --host out to keep it on this computer\n",
                err.toString());
        for (String loopback : List.of("127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2")) {
            StringWriter quiet = new StringWriter();
            assertTrue(
                    ServeCommand.listenAddress(loopback, new PrintWriter(quiet, true))
                            .isLoopbackAddress(),
                    loopback);
            assertEquals("", quiet.toString(), loopback);
        }
    }

    @Test
    void aPortInUseIsAUsageErrorWithTheFix() throws IOException {
        Cli.copyContent(tmp);
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(
                    new String[] {"serve", "--source", tmp.toString(), "--port", Integer.toString(port)},
                    new PrintWriter(out),
                    new PrintWriter(err));
            assertEquals(ExitCode.USAGE, code);
            assertEquals(
                    "error: cannot listen on 127.0.0.1:" + port + ": Address already in use\n"
                            + "  hint: another program (perhaps another serve) uses this port; stop it, pick another "
                            + "port with"
                            + " --port " + (port + 1) + ", or leave --port out to take a free one\n",
                    err.toString());
        }
    }

    @Test
    void aFolderWithoutContentIsReportedAsTheBuildReportsIt() {
        StringWriter err = new StringWriter();
        int code = Main.run(
                new String[] {"serve", "--source", tmp.toString(), "--port", "0"},
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(ExitCode.CONTENT_ERROR, code);
        assertTrue(
                err.toString()
                        .startsWith("content:1:1: error: no content folder in "
                                + tmp.toAbsolutePath().normalize()
                                + "\n  hint: run the command in the folder that holds content/, or pass "
                                + "--source DIR\n"),
                err.toString());
    }

    @Test
    void aSourceThatIsNoFolderIsAUsageErrorAsInBuild() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "not a site");
        for (Path source : List.of(file, tmp.resolve("missing"))) {
            StringWriter serveErr = new StringWriter();
            int serve = Main.run(
                    new String[] {"serve", "--source", source.toString(), "--port", "0"},
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(serveErr));
            StringWriter buildErr = new StringWriter();
            int build = Main.run(
                    new String[] {"build", "--source", source.toString()},
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(buildErr));
            assertEquals(ExitCode.USAGE, serve, serveErr.toString());
            assertEquals(build, serve);
            assertEquals(buildErr.toString(), serveErr.toString());
            assertTrue(serveErr.toString().startsWith("--source: error: "), serveErr.toString());
        }
    }

    @Test
    void stoppingTheProcessShutsDownCleanly() throws Exception {
        Cli.copyContent(tmp);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "serve",
                        "--source",
                        tmp.toString(),
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("Watching")) {
                    p.toHandle().destroy(); // SIGTERM, which runs the shutdown hook as Ctrl-C (SIGINT) does
                }
            }
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(
                lines.get(0).matches("start: " + BuiltSite.pages() + " pages rendered, \\d+ files changed in .*"),
                lines.toString());
        assertTrue(lines.get(1).matches("Serving .* at http://127\\.0\\.0\\.1:\\d+/"), lines.toString());
        assertEquals("Watching content/, templates/ and static/ for changes; press Ctrl-C to stop.", lines.get(2));
        assertEquals("Stopped.", lines.get(lines.size() - 1), lines.toString());
    }
}
