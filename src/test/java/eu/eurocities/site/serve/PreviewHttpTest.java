package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import eu.eurocities.site.Cli;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the preview's HTTP server guarantees, over real sockets on 127.0.0.1: its settings, the bound on its threads,
 * errors for malformed requests, and, in a Java of its own, kept-open connections answered at once and half-sent
 * requests dropped after the request timeout.
 *
 * <p>The JDK reads the server's settings once per JVM, from whichever server starts first, and the tests of other
 * classes start servers of their own in this JVM. So what depends on the settings (no Nagle delay, the limits on
 * requests) is tested in a serve process of its own, which also shows that a setting the user gives (here a
 * one-second request timeout instead of ten) wins over the preview's.
 */
class PreviewHttpTest {
    @TempDir
    static Path tmp;
    /** A serve process with {@code -Dsun.net.httpserver.maxReqTime=1}, started by the first test that needs it. */
    static ServeCommandTest.Running fresh;

    HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            PreviewHttp.stop(server);
        }
    }

    @AfterAll
    static void stopFresh() throws Exception {
        if (fresh != null) {
            fresh.close();
        }
    }

    /** The port of a preview HTTP server in this JVM that answers every request with "ok". */
    int start() throws IOException {
        server = PreviewHttp.create(
                new InetSocketAddress("127.0.0.1", 0),
                exchange -> SiteHandler.send(exchange, 200, "txt", "ok\n".getBytes(StandardCharsets.UTF_8)));
        server.start();
        return server.getAddress().getPort();
    }

    /** The port of {@link #fresh}. */
    static synchronized int freshPort() throws IOException {
        if (fresh == null) {
            Cli.copyContent(tmp);
            fresh = ServeCommandTest.serve(
                    List.of("-Dsun.net.httpserver.maxReqTime=1"), "-s", tmp.toString(), "-p", "0");
        }
        return fresh.url().getPort();
    }

    @Test
    void theSettingsAreSetUnlessTheUserSetThem() {
        Properties user = new Properties();
        user.setProperty("sun.net.httpserver.maxReqTime", "30");
        PreviewHttp.putAbsent(user);
        assertEquals("30", user.getProperty("sun.net.httpserver.maxReqTime"));
        assertEquals("true", user.getProperty("sun.net.httpserver.nodelay"));
        assertEquals("1000", user.getProperty("sun.net.httpserver.clockTick"));
        assertEquals(PreviewHttp.SETTINGS.size(), user.size());
        // and initialising the class put them into this JVM's properties, where the JDK reads them
        for (String name : PreviewHttp.SETTINGS.keySet()) {
            assertNotNull(System.getProperty(name), name);
        }
        assertEquals("10", System.getProperty("sun.net.httpserver.maxReqTime"));
    }

    @Test
    void twoHundredHalfSentRequestsHoldNoMoreThreadsThanThePoolHas() throws Exception {
        int port = start();
        try (RawHttp warm = new RawHttp(port)) {
            assertEquals(200, warm.get("/").status());
        }
        int before = ManagementFactory.getThreadMXBean().getThreadCount();
        List<RawHttp> halfSent = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                halfSent.add(new RawHttp(port).send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
            }
            Thread.sleep(500);
            int during = ManagementFactory.getThreadMXBean().getThreadCount();
            // the pool's threads, of which the warm-up made one already
            assertTrue(
                    during - before < PreviewHttp.THREADS,
                    "threads before " + before + ", with 200 half-sent requests " + during);
        } finally {
            for (RawHttp c : halfSent) {
                c.close();
            }
        }
    }

    @Test
    void malformedRequestsGetAnErrorAndTheirConnectionIsClosed() throws Exception {
        int port = start();
        record Case(String request, int status) {}
        for (Case k : List.of(
                new Case("GARBAGE\r\n\r\n", 400),
                new Case("GET /a|b HTTP/1.1\r\nHost: h\r\n\r\n", 400),
                new Case("GET / HTTP/1.1\r\nHost: h\r\nBad Header: x\r\n\r\n", 400),
                new Case("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n", 400),
                new Case("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400),
                new Case("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n", 501))) {
            try (RawHttp c = new RawHttp(port)) {
                RawHttp.Response r = c.send(k.request()).read(false);
                assertEquals(k.status(), r.status(), k.request());
                assertEquals("close", r.header("Connection"), k.request());
                assertTrue(c.closedWithin(3000), k.request());
            }
        }
    }

    @Test
    void inAJavaOfItsOwnHeadersLongerThanTheLimitCloseTheConnection() throws Exception {
        try (RawHttp c = new RawHttp(freshPort())) {
            c.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: " + "x".repeat(70_000) + "\r\n\r\n");
            assertTrue(c.closedWithin(3000));
        }
    }

    @Test
    void inAJavaOfItsOwnFiftyRequestsOnOneKeptOpenConnectionTakeUnderASecond() throws Exception {
        try (RawHttp c = new RawHttp(freshPort())) {
            for (int i = 0; i < 50; i++) { // a Java just started runs slowly at first
                assertEquals(
                        200, c.get(i % 2 == 0 ? "/cities/lodz/" : "/style.css").status());
            }
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                assertEquals(
                        200, c.get(i % 2 == 0 ? "/cities/lodz/" : "/style.css").status());
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // Nagle's algorithm meeting a delayed acknowledgement costs ~40 ms a request: 2 s for 50
            assertTrue(millis < 1000, "50 requests took " + millis + " ms");
        }
    }

    @Test
    void inAJavaOfItsOwnHalfSentRequestsAreClosedAfterTheRequestTimeout() throws Exception {
        int port = freshPort();
        try (RawHttp one = new RawHttp(port)) {
            one.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            long start = System.nanoTime();
            assertTrue(one.closedWithin(10_000));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // a timeout of 1 s, checked once a second
            assertTrue(millis >= 900 && millis < 5000, "closed after " + millis + " ms");
        }
        List<RawHttp> halfSent = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                halfSent.add(new RawHttp(port).send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            for (int i = 0; i < halfSent.size(); i++) {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()));
                assertTrue(halfSent.get(i).closedWithin(left), "half-sent request " + i + " still open after 8 s");
            }
        } finally {
            for (RawHttp c : halfSent) {
                c.close();
            }
        }
        try (RawHttp after = new RawHttp(port)) {
            assertEquals(200, after.get("/cities/lodz/").status(), "the server goes on");
        }
    }
}
