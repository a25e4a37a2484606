package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The preview's HTTP server on its own, with a handler that echoes the request, over real sockets on 127.0.0.1:
 * kept-open connections, half-sent and slow clients, limits and malformed requests.
 */
class Http1ServerTest {
  static final Http1Server.Limits SHORT = new Http1Server.Limits(2, 64, 1024, Duration.ofMillis(300),
      Duration.ofMillis(600), Duration.ofSeconds(5));

  Http1Server server;
  final BlockingQueue<Http1Server.EventStream> streams = new ArrayBlockingQueue<>(4);

  int start(Http1Server.Limits limits) throws IOException {
    server = new Http1Server(new InetSocketAddress("127.0.0.1", 0), limits, request -> {
      if (request.path().equals("/fail")) {
        throw new IllegalStateException("broken handler");
      }
      if (request.path().equals("/events")) {
        return Http1Server.Response.events(streams::add);
      }
      return Http1Server.Response.text(200, request.method() + " " + request.path() + " " + request.rawQuery()
          + "\n");
    });
    server.start();
    return server.address().getPort();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void twoHundredHalfSentRequestsHoldNoThreadAndANormalRequestIsAnsweredAtOnce() throws Exception {
    int port = start(Http1Server.Limits.PREVIEW);
    try (RawHttp warm = new RawHttp(port)) {
      assertEquals(200, warm.get("/").status()); // the workers exist before counting
    }
    int before = ManagementFactory.getThreadMXBean().getThreadCount();
    List<RawHttp> halfSent = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        halfSent.add(new RawHttp(port).send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
      }
      Thread.sleep(300);
      int during = ManagementFactory.getThreadMXBean().getThreadCount();
      assertTrue(during - before <= Http1Server.Limits.PREVIEW.workers(),
          "threads before " + before + ", with 200 half-sent requests " + during);
      long start = System.nanoTime();
      try (RawHttp normal = new RawHttp(port)) {
        RawHttp.Response r = normal.get("/page");
        assertEquals(200, r.status());
        assertEquals("GET /page null\n", r.body());
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis < 2000, "answered after " + millis + " ms");
      // and each half-sent request is answered as soon as it is complete
      RawHttp first = halfSent.get(0);
      first.send("\r\n");
      assertEquals("GET / null\n", first.read(false).body());
    } finally {
      for (RawHttp c : halfSent) {
        c.close();
      }
    }
  }

  @Test
  void aRequestThatDoesNotArriveInTimeAndAnIdleConnectionAreClosed() throws Exception {
    int port = start(SHORT);
    try (RawHttp slow = new RawHttp(port); RawHttp idle = new RawHttp(port)) {
      assertEquals(200, idle.get("/").status());
      slow.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1");
      long start = System.nanoTime();
      assertTrue(slow.closedWithin(3000), "a request that takes longer than the header timeout is dropped");
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis >= 200 && millis < 2000, "closed after " + millis + " ms");
      assertTrue(idle.closedWithin(3000), "an idle connection is closed after the idle timeout");
    }
  }

  @Test
  void keptOpenConnectionsArePipelinedInOrderAndHeadHasTheLengthButNoBody() throws Exception {
    int port = start(Http1Server.Limits.PREVIEW);
    try (RawHttp c = new RawHttp(port)) {
      c.send("GET /a?x=1 HTTP/1.1\r\nHost: h\r\n\r\nHEAD /b HTTP/1.1\r\nHost: h\r\n\r\nGET /c HTTP/1.1\r\nHost: h\r\n\r\n");
      RawHttp.Response a = c.read(false);
      assertEquals("GET /a x=1\n", a.body());
      assertEquals("text/plain; charset=utf-8", a.header("Content-Type"));
      assertEquals("no-store", a.header("Cache-Control"));
      assertNull(a.header("Connection"));
      RawHttp.Response b = c.read(true);
      assertEquals(Integer.toString("HEAD /b null\n".length()), b.header("Content-Length"), "the length of the body");
      assertEquals("GET /c null\n", c.read(false).body(), "no body bytes of HEAD came before this response");
      // percent escapes are decoded in the path
      assertEquals("GET /cities/łódź/ null\n", c.get("/cities/%C5%82%C3%B3d%C5%BA/").body());
    }
  }

  @Test
  void http10AndRequestsWithABodyOrConnectionCloseAreAnsweredThenClosed() throws Exception {
    int port = start(Http1Server.Limits.PREVIEW);
    for (String request : List.of("GET /old HTTP/1.0\r\n\r\n",
        "POST /form HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nx=1",
        "GET /bye HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")) {
      try (RawHttp c = new RawHttp(port)) {
        RawHttp.Response r = c.send(request).read(false);
        assertEquals(200, r.status(), request);
        assertEquals("close", r.header("Connection"), request);
        assertTrue(c.closedWithin(3000), request);
      }
    }
  }

  @Test
  void malformedRequestsGetTheirStatusAndAFailingHandlerA500() throws Exception {
    int port = start(SHORT);
    record Case(String request, int status, String body) {}
    for (Case k : List.of(
        new Case("GARBAGE\r\n\r\n", 400, "bad request line\n"),
        new Case("GET / HTTP/1.1\r\n\r\n", 400, "no Host header\n"),
        new Case("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "more than one Host header\n"),
        new Case("GET / HTTP/1.1\r\nHost a\r\n\r\n", 400, "bad header line\n"),
        new Case("GET /a b HTTP/1.1\r\nHost: h\r\n\r\n", 400, "bad request line\n"),
        new Case("GET /a|b HTTP/1.1\r\nHost: h\r\n\r\n", 400, "bad request target\n"),
        new Case("GET / HTTP/2.0\r\nHost: h\r\n\r\n", 505, "only HTTP/1.1 and HTTP/1.0 are served\n"),
        new Case("GET / HTTP/1.1\r\nHost: h\r\nX-Long: " + "x".repeat(1100) + "\r\n\r\n", 431,
            "request headers longer than 1024 bytes\n"))) {
      try (RawHttp c = new RawHttp(port)) {
        RawHttp.Response r = c.send(k.request()).read(false);
        assertEquals(k.status(), r.status(), k.request());
        assertEquals(k.body(), r.body(), k.request());
        assertTrue(c.closedWithin(3000), k.request());
      }
    }
    try (RawHttp c = new RawHttp(port)) {
      RawHttp.Response r = c.get("/fail");
      assertEquals(500, r.status());
      assertEquals("internal error: java.lang.IllegalStateException: broken handler\n", r.body());
      assertEquals(200, c.get("/after").status(), "the connection and the server go on");
    }
  }

  @Test
  void anEventStreamGetsWhatIsSentAsChunksUntilTheClientLeaves() throws Exception {
    int port = start(Http1Server.Limits.PREVIEW);
    Http1Server.EventStream stream;
    try (RawHttp c = new RawHttp(port)) {
      c.send("GET /events HTTP/1.1\r\nHost: h\r\n\r\n");
      assertEquals("HTTP/1.1 200 OK", c.line());
      List<String> headers = new ArrayList<>();
      for (String h; !(h = c.line()).isEmpty(); ) {
        headers.add(h);
      }
      assertTrue(headers.contains("Content-Type: text/event-stream; charset=utf-8"), headers.toString());
      assertTrue(headers.contains("Transfer-Encoding: chunked"), headers.toString());
      stream = streams.poll(5, TimeUnit.SECONDS);
      assertTrue(stream.send("event: reload\ndata: 2\n\n"));
      assertEquals(Integer.toHexString("event: reload\ndata: 2\n\n".length()), c.line());
      assertEquals("event: reload", c.line());
      assertEquals("data: 2", c.line());
      assertEquals("", c.line());
      assertEquals("", c.line());
    }
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (stream.isOpen() && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    assertFalse(stream.isOpen(), "the stream closes when its client goes away");
    assertFalse(stream.send("event: reload\n\n"));
  }

  @Test
  void connectionsBeyondTheLimitAreClosedAtOnce() throws Exception {
    int port = start(new Http1Server.Limits(2, 3, 1024, Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ofSeconds(10)));
    List<RawHttp> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        open.add(new RawHttp(port));
        assertEquals(200, open.get(i).get("/").status());
      }
      try (RawHttp fourth = new RawHttp(port)) {
        assertTrue(fourth.closedWithin(3000));
      }
    } finally {
      for (RawHttp c : open) {
        c.close();
      }
    }
  }
}
