package eu.eurocities.site.serve;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The preview's HTTP/1.1 server. One thread reads requests and writes responses without ever blocking on a
 * connection, and a small fixed pool of workers runs the handler on complete requests only. So a client that sends
 * half a request, or reads its answer slowly, holds no thread: the number of threads stays the same whatever the
 * clients do, and such a connection is closed after {@link Limits#headerTimeout()}, {@link Limits#idleTimeout()} or
 * {@link Limits#writeTimeout()}. Accepted sockets have {@code TCP_NODELAY} set and each response goes out in one
 * write, so a kept-open connection is answered at once instead of after the 40 ms of Nagle's algorithm meeting a
 * delayed acknowledgement.
 *
 * <p>It serves what a preview needs: {@code GET} and {@code HEAD} with kept-open connections (a request with a body
 * is answered and its connection closed), and server-sent event streams ({@link Response#events}). The
 * {@link Handler} decides everything else, {@code 405} for other methods included.
 *
 * <pre>{@code
 * try (Http1Server server = new Http1Server(new InetSocketAddress("127.0.0.1", 0), Limits.PREVIEW,
 *     request -> Response.of(200, "text/plain; charset=utf-8", "hello\n".getBytes(UTF_8)))) {
 *   server.start();
 *   ...
 * }
 * }</pre>
 */
final class Http1Server implements Closeable {

  /**
   * What a server allows its clients.
   *
   * @param workers the threads that run the handler
   * @param maxConnections open connections beyond this are closed as soon as they are accepted
   * @param maxHeaderBytes the longest request line and headers together; longer gets {@code 431}
   * @param headerTimeout how long a request may take to arrive once its first byte did
   * @param idleTimeout how long a connection may stay open between requests
   * @param writeTimeout how long a response may wait for the client to read more of it
   */
  record Limits(int workers, int maxConnections, int maxHeaderBytes, Duration headerTimeout, Duration idleTimeout,
      Duration writeTimeout) {
    /** The preview's limits: a browser's few connections, a test's hundreds. */
    static final Limits PREVIEW = new Limits(4, 1024, 16 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(60),
        Duration.ofSeconds(30));
  }

  /**
   * A request whose line and headers have arrived.
   *
   * @param method {@code GET}, {@code HEAD} ...
   * @param path the decoded path, starting with '/'
   * @param rawPath the path as sent, percent escapes kept
   * @param rawQuery the query as sent, or null
   * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
   * @param headers by lower-case name; a header sent twice has its values joined with ", "
   */
  record Request(String method, String path, String rawPath, String rawQuery, String version,
      Map<String, String> headers) {
    /** The value of header {@code name} (any case), or null. */
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * An answer to a request.
   *
   * @param status the status code
   * @param headers headers besides those the server adds ({@code Content-Length}, {@code Date}, {@code Connection})
   * @param body the body; sent for {@code GET}, left out for {@code HEAD}
   * @param events for an event stream: receives the open stream once its headers are sent; null otherwise
   */
  record Response(int status, Map<String, String> headers, byte[] body, Consumer<EventStream> events) {
    /** A response with a body of {@code contentType} that the browser must not cache. */
    static Response of(int status, String contentType, byte[] body) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", contentType);
      headers.put("Cache-Control", "no-store");
      return new Response(status, headers, body, null);
    }

    /** A plain text response. */
    static Response text(int status, String text) {
      return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** An event stream ({@code text/event-stream}) that stays open; {@code opened} gets it once it is. */
    static Response events(Consumer<EventStream> opened) {
      return new Response(200, of(200, "text/event-stream; charset=utf-8", new byte[0]).headers(), new byte[0],
          opened);
    }

    /** This response with one more header. */
    Response with(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Response(status, more, body, events);
    }
  }

  /** Answers complete requests, on a worker thread. */
  interface Handler {
    /** The response to {@code request}; an exception becomes a {@code 500}. */
    Response handle(Request request) throws Exception;
  }

  /** An open event stream: text sent to it reaches the client as it is sent. Safe to use from any thread. */
  interface EventStream {
    /** Sends {@code text}; false when the stream is closed. */
    boolean send(String text);

    /** True until the client went away, the stream lagged too far behind, or it was closed. */
    boolean isOpen();

    /** Closes the stream and its connection. */
    void close();
  }

  /** How much unsent text an event stream may hold before its client counts as gone. */
  private static final int MAX_STREAM_BACKLOG = 256 * 1024;
  /** How long a closing connection waits for the client's own close, so that the response is not cut off. */
  private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT);
  private static final Map<Integer, String> REASONS = Map.ofEntries(
      Map.entry(200, "OK"), Map.entry(302, "Found"), Map.entry(400, "Bad Request"), Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
      Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
      Map.entry(503, "Service Unavailable"), Map.entry(505, "HTTP Version Not Supported"));

  private enum State { READING, HANDLING, WRITING, STREAMING, CLOSING }

  /** The deadline of a connection that may stay open as long as it likes: one being answered, or a stream. */
  private static final long NONE = Long.MAX_VALUE;

  private final Limits limits;
  private final Handler handler;
  private final ServerSocketChannel listener;
  private final Selector selector;
  private final ThreadPoolExecutor workers;
  private final Thread io;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  /** Every open connection; touched by the I/O thread only. */
  private final Set<Connection> connections = new HashSet<>();
  private volatile boolean closing;

  /**
   * Binds {@code address}; nothing is accepted before {@link #start}.
   *
   * @throws java.net.BindException when the port is in use or the address is not one of this computer
   * @throws IOException when the socket cannot be opened
   */
  Http1Server(InetSocketAddress address, Limits limits, Handler handler) throws IOException {
    this.limits = limits;
    this.handler = handler;
    this.selector = Selector.open();
    this.listener = ServerSocketChannel.open();
    try {
      listener.bind(address, 128);
      listener.configureBlocking(false);
      listener.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException | RuntimeException e) {
      listener.close();
      selector.close();
      throw e;
    }
    AtomicInteger count = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(limits.maxConnections()), r -> {
          Thread t = new Thread(r, "serve-http-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    workers.allowCoreThreadTimeOut(true);
    this.io = new Thread(this::run, "serve-http-io");
    io.setDaemon(true);
  }

  /** The bound address; its port is the real one when 0 was asked for. */
  InetSocketAddress address() {
    try {
      return (InetSocketAddress) listener.getLocalAddress();
    } catch (IOException e) {
      throw new IllegalStateException("the server is closed", e);
    }
  }

  /** Starts accepting connections. */
  void start() {
    io.start();
  }

  /** Stops accepting, closes every connection and stops the threads; safe to call twice. */
  @Override
  public void close() {
    closing = true;
    selector.wakeup();
    if (io.isAlive() && Thread.currentThread() != io) {
      try {
        io.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!io.isAlive()) {
      closeAll();
    }
    workers.shutdownNow();
  }

  private void closeAll() {
    for (Connection c : new ArrayList<>(connections)) {
      c.closeNow();
    }
    try {
      listener.close();
      selector.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** Runs {@code task} on the I/O thread, which owns every connection's state. */
  private void post(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  private void run() {
    long nextExpiry = 0;
    try {
      while (!closing) {
        selector.select(this::ready, 250);
        for (Runnable task; (task = tasks.poll()) != null; ) {
          try {
            task.run();
          } catch (RuntimeException e) {
            // one connection's trouble (e.g. closed meanwhile); the others go on
          }
        }
        long now = System.nanoTime();
        if (now - nextExpiry >= 0) {
          expire(now);
          nextExpiry = now + TimeUnit.MILLISECONDS.toNanos(100);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the selector failed or was closed: nothing can be served any more
    } finally {
      closeAll();
    }
  }

  private void ready(SelectionKey key) {
    if (key.channel() == listener) {
      accept();
      return;
    }
    Connection c = (Connection) key.attachment();
    try {
      if (key.isValid() && key.isReadable()) {
        c.readable();
      }
      if (key.isValid() && key.isWritable()) {
        c.flush();
      }
    } catch (IOException | RuntimeException e) {
      c.closeNow();
    }
  }

  private void accept() {
    while (true) {
      SocketChannel channel;
      try {
        channel = listener.accept();
      } catch (IOException e) {
        return; // e.g. out of file descriptors: the next select tries again
      }
      if (channel == null) {
        return;
      }
      try {
        if (connections.size() >= limits.maxConnections()) {
          channel.close();
          continue;
        }
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        Connection c = new Connection(channel);
        c.key = channel.register(selector, SelectionKey.OP_READ, c);
        connections.add(c);
      } catch (IOException e) {
        try {
          channel.close(); // it went away while it was accepted
        } catch (IOException ignored) {
          // closed anyway
        }
      }
    }
  }

  private void expire(long now) {
    for (Connection c : new ArrayList<>(connections)) {
      if (c.deadline != NONE && c.deadline - now < 0) {
        c.closeNow();
      }
    }
  }

  /** One client connection; its fields belong to the I/O thread, except {@code open}. */
  private final class Connection implements EventStream {
    final SocketChannel channel;
    final ByteBuffer in = ByteBuffer.allocate(limits.maxHeaderBytes());
    final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    SelectionKey key;
    State state = State.READING;
    long deadline = System.nanoTime() + limits.idleTimeout().toNanos();
    /** Where the search for the end of the headers goes on; the bytes before it hold none. */
    int scanned;
    boolean closeAfterResponse;
    boolean chunked;
    volatile boolean open = true;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }

    void readable() throws IOException {
      if (state != State.READING) {
        discard();
        return;
      }
      boolean wasEmpty = in.position() == 0;
      int n = channel.read(in);
      if (n < 0) {
        closeNow();
        return;
      }
      if (wasEmpty && n > 0) {
        deadline = System.nanoTime() + limits.headerTimeout().toNanos();
      }
      parse();
    }

    /** Reads and drops what a client sends while its event stream is open or its connection is closing. */
    private void discard() throws IOException {
      ByteBuffer scratch = ByteBuffer.allocate(4096);
      int n;
      while ((n = channel.read(scratch)) > 0) {
        scratch.clear();
      }
      if (n < 0) {
        closeNow();
      }
    }

    /** Takes a complete request from {@code in}, if there is one, and hands it to a worker. */
    private void parse() {
      byte[] b = in.array();
      int length = in.position();
      int skip = 0;
      while (skip < length && (b[skip] == '\r' || b[skip] == '\n')) {
        skip++; // empty lines before a request line are allowed
      }
      int end = -1;
      int headEnd = -1;
      for (int i = Math.max(skip, scanned); i < length; i++) {
        if (b[i] != '\n') {
          continue;
        }
        if (i + 1 < length && b[i + 1] == '\n') {
          headEnd = i;
          end = i + 2;
          break;
        }
        if (i + 2 < length && b[i + 1] == '\r' && b[i + 2] == '\n') {
          headEnd = i;
          end = i + 3;
          break;
        }
      }
      if (end < 0) {
        scanned = Math.max(skip, length - 2);
        if (!in.hasRemaining()) {
          fail(431, "request headers longer than " + limits.maxHeaderBytes() + " bytes\n");
        } else if (length == skip && skip > 0) {
          in.clear(); // nothing but empty lines
          scanned = 0;
        }
        return;
      }
      String head = new String(b, skip, headEnd - skip, StandardCharsets.ISO_8859_1);
      in.flip();
      in.position(end);
      in.compact();
      scanned = 0;
      Request request;
      try {
        request = request(head);
      } catch (BadRequest e) {
        fail(e.status, e.getMessage() + "\n");
        return;
      }
      state = State.HANDLING;
      deadline = NONE;
      key.interestOps(0);
      try {
        workers.execute(() -> {
          Response response;
          try {
            response = handler.handle(request);
          } catch (Throwable e) { // the handler failed: the client gets an answer all the same
            response = Response.text(500, "internal error: " + e + "\n");
          }
          Response answer = response;
          post(() -> respond(request, answer));
        });
      } catch (RejectedExecutionException e) {
        closeAfterResponse = true;
        respond(request, Response.text(503, "the server is stopping\n"));
      }
    }

    /** Parses a request line and headers, and notes whether the connection closes after the response. */
    private Request request(String head) throws BadRequest {
      String[] lines = head.split("\n", -1);
      String[] line = lines[0].strip().split(" ", -1);
      if (line.length != 3 || line[0].isEmpty() || !line[0].chars().allMatch(Http1Server::isTokenChar)) {
        throw new BadRequest(400, "bad request line");
      }
      String version = line[2];
      if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
        throw new BadRequest(505, "only HTTP/1.1 and HTTP/1.0 are served");
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        String h = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
        int colon = h.indexOf(':');
        if (colon <= 0 || !h.substring(0, colon).chars().allMatch(Http1Server::isTokenChar)) {
          throw new BadRequest(400, "bad header line");
        }
        String name = h.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = h.substring(colon + 1).strip();
        if (headers.containsKey(name) && name.equals("host")) {
          throw new BadRequest(400, "more than one Host header");
        }
        headers.merge(name, value, (a, v) -> a + ", " + v);
      }
      if (version.equals("HTTP/1.1") && !headers.containsKey("host")) {
        throw new BadRequest(400, "no Host header");
      }
      String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
      String length = headers.get("content-length");
      closeAfterResponse = version.equals("HTTP/1.0") || connection.contains("close")
          // a body is never read: the connection ends with the response instead
          || headers.containsKey("transfer-encoding") || (length != null && !length.equals("0"));
      String target = line[1];
      try {
        URI uri = new URI(target);
        if (!target.startsWith("/") && !(uri.isAbsolute() && uri.getRawPath() != null)) {
          throw new URISyntaxException(target, "not a path");
        }
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        return new Request(line[0], path, rawPath, uri.getRawQuery(), version, Map.copyOf(headers));
      } catch (URISyntaxException e) {
        throw new BadRequest(400, "bad request target");
      }
    }

    private void fail(int status, String message) {
      closeAfterResponse = true;
      respond(null, Response.text(status, message));
    }

    /** Queues the response and starts writing it; an event stream stays open after its headers. */
    private void respond(Request request, Response response) {
      if (!open) {
        return;
      }
      boolean stream = response.events() != null;
      boolean http11 = request == null || request.version().equals("HTTP/1.1");
      chunked = stream && http11;
      if (stream && !http11) {
        closeAfterResponse = true; // the stream's end is the connection's
      }
      StringBuilder head = new StringBuilder(256);
      head.append("HTTP/1.1 ").append(response.status()).append(' ')
          .append(REASONS.getOrDefault(response.status(), "Status")).append("\r\n");
      response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      head.append("Date: ").append(DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
      if (chunked) {
        head.append("Transfer-Encoding: chunked\r\n");
      } else if (!stream) {
        head.append("Content-Length: ").append(response.body().length).append("\r\n");
      }
      if (closeAfterResponse) {
        head.append("Connection: close\r\n");
      }
      head.append("\r\n");
      out.add(ByteBuffer.wrap(head.toString().getBytes(StandardCharsets.ISO_8859_1)));
      boolean omitBody = request != null && request.method().equals("HEAD");
      if (!stream && !omitBody && response.body().length > 0) {
        out.add(ByteBuffer.wrap(response.body()));
      }
      state = stream ? State.STREAMING : State.WRITING;
      try {
        flush();
      } catch (IOException e) {
        closeNow();
        return;
      }
      if (stream && open) {
        response.events().accept(this);
      }
    }

    /** Writes what is queued, as far as the socket takes it, and moves on when all of it went out. */
    void flush() throws IOException {
      if (!out.isEmpty()) {
        long written = channel.write(out.toArray(ByteBuffer[]::new));
        while (!out.isEmpty() && !out.peek().hasRemaining()) {
          out.poll();
        }
        if (!out.isEmpty()) {
          if (state == State.WRITING && (written > 0 || deadline == NONE)) {
            deadline = System.nanoTime() + limits.writeTimeout().toNanos();
          }
          key.interestOps(SelectionKey.OP_WRITE | (state == State.STREAMING ? SelectionKey.OP_READ : 0));
          return;
        }
      }
      switch (state) {
        case WRITING -> {
          if (closeAfterResponse) {
            linger();
          } else {
            state = State.READING;
            deadline = System.nanoTime() + limits.idleTimeout().toNanos();
            key.interestOps(SelectionKey.OP_READ);
            if (in.position() > 0) { // a pipelined request arrived with the last one
              deadline = System.nanoTime() + limits.headerTimeout().toNanos();
              parse();
            }
          }
        }
        case STREAMING -> {
          deadline = NONE;
          key.interestOps(SelectionKey.OP_READ);
        }
        default -> { }
      }
    }

    /** Half-closes and waits a moment for the client to close, so that unread request bytes do not reset it. */
    private void linger() throws IOException {
      state = State.CLOSING;
      channel.shutdownOutput();
      deadline = System.nanoTime() + LINGER_NANOS;
      key.interestOps(SelectionKey.OP_READ);
    }

    @Override
    public boolean send(String text) {
      if (!open) {
        return false;
      }
      byte[] data = text.getBytes(StandardCharsets.UTF_8);
      post(() -> {
        if (!open || state != State.STREAMING) {
          return;
        }
        if (chunked) {
          out.add(ByteBuffer.wrap((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII)));
          out.add(ByteBuffer.wrap(data));
          out.add(ByteBuffer.wrap(new byte[] {'\r', '\n'}));
        } else {
          out.add(ByteBuffer.wrap(data));
        }
        if (out.stream().mapToLong(ByteBuffer::remaining).sum() > MAX_STREAM_BACKLOG) {
          closeNow();
          return;
        }
        try {
          flush();
        } catch (IOException e) {
          closeNow();
        }
      });
      return true;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      post(this::closeNow);
    }

    void closeNow() {
      if (!open) {
        return;
      }
      open = false;
      connections.remove(this);
      if (key != null) {
        key.cancel();
      }
      try {
        channel.close();
      } catch (IOException e) {
        // closed anyway
      }
    }
  }

  /** A request that cannot be answered by the handler, with its status. */
  private static final class BadRequest extends Exception {
    final int status;

    BadRequest(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** The characters of an HTTP token (RFC 9110, section 5.6.2): method and header names. */
  private static boolean isTokenChar(int c) {
    return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }
}
