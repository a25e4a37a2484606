package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import eu.eurocities.site.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A running serve over a temporary copy of the real content and templates, with an HTTP client for tests. */
final class ServeFixture implements AutoCloseable {
    final Path source;
    final DevServer server;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    ServeFixture(Path tmp) throws IOException {
        this(tmp, true, b -> b);
    }

    /**
     * Serves {@code source}, after copying the real content and templates into it when {@code copy}, with its rebuilds
     * wrapped by {@code wrap}.
     */
    ServeFixture(Path source, boolean copy, java.util.function.UnaryOperator<DevServer.Builds> wrap)
            throws IOException {
        this.source = source;
        if (copy) {
            Cli.copyContent(source);
            Cli.copyTree(Path.of("templates"), source.resolve("templates"));
        }
        server = DevServer.start(
                new DevServer.Setup(source, "127.0.0.1", 0, "/", wrap),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
    }

    /** GET {@code path} (starting with '/'). */
    HttpResponse<String> get(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(server.url().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes a content file the simple way: truncate and write in place. */
    void write(String file, String text) throws IOException {
        Files.writeString(source.resolve(file), text, StandardCharsets.UTF_8);
    }

    /**
     * Waits until no build has started for a while (a previous test's last save may still be rebuilding), then opens
     * an event stream on the live reload endpoint and waits until the server has registered it.
     */
    Events events() throws InterruptedException {
        int builds = -1;
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (builds != server.builds() && System.nanoTime() < end) {
            builds = server.builds();
            Thread.sleep(400);
        }
        Events events = new Events(http, server.url().resolve(LiveReload.PATH));
        events.awaitLine(": connected", Duration.ofSeconds(10));
        return events;
    }

    /**
     * Waits for reload events until {@code path} shows what {@code ready} expects, as a browser tab would show it after
     * its last reload. One save can give more than one reload: an in-place write is a truncation and a write, which a
     * busy machine may deliver far enough apart to rebuild twice.
     */
    org.jsoup.nodes.Document awaitPage(
            Events events, String path, java.util.function.Predicate<org.jsoup.nodes.Document> ready)
            throws InterruptedException {
        while (true) {
            events.awaitReload();
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(get(path).body());
            if (ready.test(page)) {
                return page;
            }
        }
    }

    /** Waits until {@code server.builds()} reaches {@code count}. */
    void awaitBuilds(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (server.builds() < count) {
            if (System.nanoTime() > end) {
                fail("expected " + count + " builds, got " + server.builds() + "\n" + out + err);
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** The lines a live reload client receives. */
    static final class Events {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Events(HttpClient http, URI uri) {
            // a thread of its own: the stream never ends while the server runs
            Thread reader = new Thread(
                    () -> {
                        try {
                            HttpResponse<Stream<String>> r =
                                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofLines());
                            assertTrue(r.headers()
                                    .firstValue("Content-Type")
                                    .orElse("")
                                    .startsWith("text/event-stream"));
                            r.body().forEach(lines::add);
                        } catch (IOException | InterruptedException | java.io.UncheckedIOException e) {
                            // the server stopped
                        }
                    },
                    "live-reload-client");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for the next line equal to {@code expected}, skipping others; fails after {@code timeout}. */
        void awaitLine(String expected, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (true) {
                String line = lines.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    fail("no line '" + expected + "' within " + timeout);
                }
                if (line.equals(expected)) {
                    return;
                }
            }
        }

        /** Waits for the next reload event. */
        void awaitReload() throws InterruptedException {
            awaitLine("event: reload", Duration.ofSeconds(20));
        }

        /** Waits {@code quiet} and returns whether a reload event arrived meanwhile. */
        boolean reloadWithin(Duration quiet) throws InterruptedException {
            long end = System.nanoTime() + quiet.toNanos();
            while (true) {
                String line = lines.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    return false;
                }
                if (line.equals("event: reload")) {
                    return true;
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
