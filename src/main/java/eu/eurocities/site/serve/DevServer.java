package eu.eurocities.site.serve;

import com.sun.net.httpserver.HttpServer;
import eu.eurocities.site.diag.Diagnostic;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The live preview behind {@code serve}: builds the site into memory, serves it over HTTP, watches {@code content/}
 * and {@code templates/}, rebuilds what a change affects and tells open browser tabs to reload.
 *
 * <p>Templates are compiled at run time from {@code templates/} with jte's directory resolver, so a template edit
 * shows up without {@code mvn package}; a source folder without {@code templates/} uses the built-in precompiled
 * ones. While the content has errors the last good site stays online, with the errors over every page and on the
 * terminal, until a save fixes them.
 *
 * <pre>{@code
 * try (DevServer server = DevServer.start(Path.of("."), "127.0.0.1", 8080, out, err)) {
 *   server.awaitClose();
 * }
 * }</pre>
 */
public final class DevServer implements Closeable {
  /** How long the watcher waits for a burst of file events to end before rebuilding. */
  public static final long QUIET_MILLIS = 15;

  private final Path source;
  private final PrintWriter out;
  private final PrintWriter err;
  private final HttpServer http;
  private final URI url;
  private final LiveReload liveReload = new LiveReload();
  private final ExecutorService requests;
  private final ScheduledExecutorService pings;
  private final Path workDir;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicInteger builds = new AtomicInteger();
  private volatile SiteHandler.State state = new SiteHandler.State(null, "building");
  private IncrementalBuild build;
  private List<Diagnostic> lastDiagnostics = List.of();
  private Watcher watcher;

  private DevServer(Path source, HttpServer http, PrintWriter out, PrintWriter err) throws IOException {
    this.source = source;
    this.http = http;
    this.out = out;
    this.err = err;
    String host = http.getAddress().getHostString();
    this.url = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
        + http.getAddress().getPort() + "/");
    this.workDir = Files.createTempDirectory("eurocities-serve-jte");
    this.requests = Executors.newCachedThreadPool(daemon("serve-http"));
    this.pings = Executors.newSingleThreadScheduledExecutor(daemon("serve-ping"));
  }

  /**
   * Binds the port, builds the site, starts serving and watching.
   *
   * @param source the folder holding {@code content/} and optionally {@code templates/}
   * @param host the address to listen on, normally {@code 127.0.0.1}
   * @param port the port, or 0 for any free port
   * @param out receives the URL and one line per rebuild
   * @param err receives content problems, as the command line prints them
   * @return the running server
   * @throws java.net.BindException when the port is in use
   * @throws IOException when the server or the watcher cannot start
   */
  public static DevServer start(Path source, String host, int port, PrintWriter out, PrintWriter err)
      throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
    DevServer server = new DevServer(source, http, out, err);
    try {
      server.begin();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void begin() throws IOException {
    build = new IncrementalBuild(source, url, workDir);
    http.createContext("/", new SiteHandler(() -> state));
    http.createContext(LiveReload.PATH, liveReload::connect);
    http.setExecutor(requests);
    watcher = new Watcher(source, QUIET_MILLIS, this::changed);
    long start = System.nanoTime();
    rebuild(Set.of(), true, "start", start);
    http.start();
    pings.scheduleAtFixedRate(liveReload::ping, 15, 15, TimeUnit.SECONDS);
    out.println("Serving " + source.toAbsolutePath().normalize() + " at " + url);
    out.println("Watching content/ and templates/ for changes; press Ctrl-C to stop.");
    out.flush();
  }

  /** The address the site is served at, e.g. {@code http://127.0.0.1:8080/}. */
  public URI url() {
    return url;
  }

  /** The number of builds so far, the first one included. */
  public int builds() {
    return builds.get();
  }

  /** The number of browser tabs connected to the live reload stream. */
  public int liveReloadClients() {
    return liveReload.clients();
  }

  /** Blocks until {@link #close} is called, e.g. by the shutdown hook on Ctrl-C. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  private void changed(Watcher.Batch batch) {
    long start = System.nanoTime();
    boolean everything = batch.overflow()
        || batch.paths().stream().anyMatch(Watcher.ROOTS::contains);
    String what = batch.overflow() ? "lost file events"
        : batch.paths().size() <= 3 ? String.join(", ", batch.paths())
        : batch.paths().size() + " files";
    try {
      rebuild(batch.paths(), everything, what, start);
    } catch (RuntimeException e) {
      // e.g. a file removed while it was being read; the events of that change start the next rebuild
      err.println("error: internal error while rebuilding after changes to " + what + ": " + e);
      err.flush();
    }
  }

  private synchronized void rebuild(Set<String> paths, boolean everything, String what, long start) {
    IncrementalBuild.Result result = build.run(paths, everything);
    int n = builds.incrementAndGet();
    String problems = result.ok() ? null : problemText(result);
    boolean problemsChanged = !java.util.Objects.equals(problems, state.problems());
    state = new SiteHandler.State(result.files(), problems);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    if (!result.diagnostics().equals(lastDiagnostics) && !result.diagnostics().isEmpty()) {
      result.diagnostics().forEach(d -> err.println(d.format()));
      err.println(result.summary());
    }
    lastDiagnostics = result.diagnostics();
    if (result.ok()) {
      out.printf(Locale.ROOT, "%s: %d page%s rendered, %d file%s changed in %d ms%n", what, result.rendered(),
          result.rendered() == 1 ? "" : "s", result.changed().size(), result.changed().size() == 1 ? "" : "s",
          millis);
    } else {
      err.println(result.files() == null
          ? "Nothing to serve until the problems above are fixed; the page updates by itself after the next save."
          : "Serving the last good version until the problems above are fixed.");
    }
    out.flush();
    err.flush();
    if (n > 1 && (problemsChanged || !result.changed().isEmpty())) {
      liveReload.reload(n);
    }
  }

  /** The failed build's problems, as the command line prints them: one per line, hints, then the summary. */
  private static String problemText(IncrementalBuild.Result result) {
    StringBuilder text = new StringBuilder();
    result.diagnostics().forEach(d -> text.append(d.format()).append('\n'));
    return text.append(result.summary()).toString();
  }

  /** Stops watching and serving, closes open event streams, removes compiled templates; safe to call twice. */
  @Override
  public void close() {
    if (closed.getCount() == 0) {
      return;
    }
    try {
      if (watcher != null) {
        watcher.close();
      }
    } catch (IOException e) {
      // stopping anyway
    }
    liveReload.closeAll();
    http.stop(0);
    requests.shutdownNow();
    pings.shutdownNow();
    deleteTree(workDir);
    closed.countDown();
  }

  /** Deletes a folder and everything in it, as far as possible. */
  static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder; the system cleans it up eventually
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
