package eu.eurocities.site.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Reporter;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.write.Trees;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The live preview behind {@code serve}: builds the site into memory, serves it over HTTP, watches {@code content/},
 * {@code templates/} and {@code static/}, rebuilds what a change affects and tells open browser tabs to reload.
 *
 * <p>Templates are compiled at run time from {@code templates/} with jte's directory resolver, so a template edit
 * shows up without {@code mvn package}; a source folder without {@code templates/} uses the built-in precompiled
 * ones. While the content has errors the last good site stays online, with the errors over every page and on the
 * terminal, until a save fixes them. A rebuild that fails in any other way (a bug, a stack overflow on hostile
 * input) is shown the same way, naming the files changed since the last good build, and the next save is rebuilt
 * from scratch.
 *
 * <p>Requests must name the server in their {@code Host} header ({@link HostCheck}), so that a web page cannot read
 * the preview through DNS rebinding. The HTTP server is the JDK's, set up by {@link PreviewHttp}.
 *
 * <pre>{@code
 * try (DevServer server = DevServer.start(Path.of("."), "127.0.0.1", 8080, "/", out, err)) {
 *   server.awaitClose();
 * }
 * }</pre>
 */
public final class DevServer implements Closeable {
    /** How long the watcher waits for a burst of file events to end before rebuilding. */
    static final long QUIET_MILLIS = 15;

    /** One rebuild after changes: {@link IncrementalBuild#run}, which tests wrap to make it fail. */
    interface Builds {
        /** As {@link IncrementalBuild#run}. */
        IncrementalBuild.Result run(Set<String> changed, boolean everything);
    }

    /**
     * How to start: what {@link #start(Path, String, int, String, PrintWriter, PrintWriter)} takes, plus what tests
     * change.
     *
     * @param source the folder holding {@code content/} and optionally {@code templates/}
     * @param host the address to listen on, as the user gave it
     * @param port the port, or 0 for any free port
     * @param basePath the path the site is served under, starting and ending with '/'
     * @param wrap wraps the rebuilds ({@code b -> b} normally)
     */
    record Setup(Path source, String host, int port, String basePath, UnaryOperator<Builds> wrap) {}

    private final Path source;
    private final PrintWriter out;
    private final PrintWriter err;
    private final HttpServer http;
    private final URI url;
    private final HostCheck hosts;
    private final LiveReload liveReload = new LiveReload();
    private final ScheduledExecutorService pings;
    private final Path workDir;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger builds = new AtomicInteger();
    private final SiteHandler site;
    private volatile SiteHandler.State state = new SiteHandler.State(null, "building");
    private Builds build;
    private List<Diagnostic> lastDiagnostics = List.of();
    /** The files changed since the last good build. */
    private final Set<String> unsettled = new TreeSet<>();
    /** True after a rebuild failed with an exception: its state is unknown, so the next one starts afresh. */
    private boolean crashed;

    private Watcher watcher;

    private DevServer(Setup setup, InetAddress address, PrintWriter out, PrintWriter err) throws IOException {
        this.source = setup.source();
        this.out = out;
        this.err = err;
        this.hosts = HostCheck.of(setup.host(), address);
        this.site = new SiteHandler(() -> state, setup.basePath());
        this.http = PreviewHttp.create(new InetSocketAddress(address, setup.port()), this::route);
        String host = address.getHostAddress();
        this.url = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + http.getAddress().getPort() + setup.basePath());
        this.pings = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "serve-ping");
            t.setDaemon(true);
            return t;
        });
        Path work;
        try {
            work = Files.createTempDirectory("eurocities-serve-jte");
        } catch (IOException e) {
            PreviewHttp.stop(http);
            throw e;
        }
        this.workDir = work;
    }

    /**
     * Binds the port, builds the site, starts serving and watching.
     *
     * @param source the folder holding {@code content/} and optionally {@code templates/}
     * @param host the address to listen on, normally {@code 127.0.0.1}
     * @param port the port, or 0 for any free port
     * @param basePath the path the site is served under, starting and ending with '/': {@code /}, or the path of a
     *     sub-path base URL such as {@code /eurocities/}
     * @param out receives the URL and one line per rebuild
     * @param err receives content problems, as the command line prints them
     * @return the running server
     * @throws java.net.UnknownHostException when {@code host} is not a known name or address
     * @throws java.net.BindException when the port is in use, or the address is not one of this computer
     * @throws IOException when the server or the watcher cannot start
     */
    public static DevServer start(Path source, String host, int port, String basePath, PrintWriter out, PrintWriter err)
            throws IOException {
        return start(new Setup(source, host, port, basePath, b -> b), out, err);
    }

    /** As {@link #start(Path, String, int, String, PrintWriter, PrintWriter)}, serving the site at the root. */
    public static DevServer start(Path source, String host, int port, PrintWriter out, PrintWriter err)
            throws IOException {
        return start(source, host, port, "/", out, err);
    }

    /** As {@link #start(Path, String, int, String, PrintWriter, PrintWriter)}, with everything a test may change. */
    static DevServer start(Setup setup, PrintWriter out, PrintWriter err) throws IOException {
        DevServer server = new DevServer(setup, InetAddress.getByName(setup.host()), out, err);
        try {
            server.begin(setup.wrap());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void begin(UnaryOperator<Builds> wrap) throws IOException {
        build = wrap.apply(new IncrementalBuild(source, url, workDir)::run);
        watcher = new Watcher(source, QUIET_MILLIS, this::changed);
        long start = System.nanoTime();
        rebuild(Set.of(), true, "start", start);
        http.start();
        pings.scheduleAtFixedRate(liveReload::ping, 15, 15, TimeUnit.SECONDS);
        out.println("Serving " + source.toAbsolutePath().normalize() + " at " + url);
        out.println("Watching content/, templates/ and static/ for changes; press Ctrl-C to stop.");
        out.flush();
    }

    /** Answers one request: the live reload stream at its exact path, the site everywhere else. */
    private void route(HttpExchange exchange) throws IOException {
        List<String> host = exchange.getRequestHeaders().getOrDefault("Host", List.of());
        if (host.size() > 1) {
            SiteHandler.send(exchange, 400, "txt", "more than one Host header\n".getBytes(StandardCharsets.UTF_8));
        } else if (!hosts.allows(host.isEmpty() ? null : host.get(0))) {
            SiteHandler.send(
                    exchange,
                    403,
                    "txt",
                    ("This preview does not answer requests for the host '" + host.get(0) + "'. Open " + url
                                    + " instead.\n")
                            .getBytes(StandardCharsets.UTF_8));
        } else if (!exchange.getRequestURI().getPath().equals(LiveReload.PATH)) {
            site.handle(exchange);
        } else if (exchange.getRequestMethod().equals("GET")) {
            liveReload.connect(exchange);
        } else {
            exchange.getResponseHeaders().set("Allow", "GET");
            SiteHandler.send(exchange, 405, "txt", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The address the site is served at, e.g. {@code http://127.0.0.1:8080/}. */
    public URI url() {
        return url;
    }

    /** The number of builds so far, the first one included. */
    int builds() {
        return builds.get();
    }

    /** The number of browser tabs connected to the live reload stream. */
    int liveReloadClients() {
        return liveReload.clients();
    }

    /** Blocks until {@link #close} is called, e.g. by the shutdown hook on Ctrl-C. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    private void changed(Watcher.Batch batch) {
        long start = System.nanoTime();
        boolean everything = batch.overflow() || batch.paths().stream().anyMatch(Watcher.ROOTS::contains);
        String what = batch.overflow()
                ? "lost file events"
                : batch.paths().size() <= 3
                        ? String.join(", ", batch.paths())
                        : batch.paths().size() + " files";
        rebuild(batch.paths(), everything, what, start);
    }

    private synchronized void rebuild(Set<String> paths, boolean everything, String what, long start) {
        unsettled.addAll(paths);
        IncrementalBuild.Result result;
        try {
            result = build.run(paths, everything || crashed);
            crashed = false;
        } catch (Throwable e) { // a bug or a stack overflow must not stop the preview: the next save is built afresh
            crashed = true;
            result = crash(e);
        }
        if (result.ok()) {
            unsettled.clear();
        }
        int n = builds.incrementAndGet();
        String problems = result.ok() ? null : problemText(result);
        boolean problemsChanged = !Objects.equals(problems, state.problems());
        state = new SiteHandler.State(result.files(), problems);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        List<Diagnostic> said = new ArrayList<>(result.diagnostics());
        said.addAll(result.findings());
        if (!said.equals(lastDiagnostics) && !said.isEmpty()) {
            new Reporter(err).report(result.diagnostics(), result.findings(), false, "");
        }
        lastDiagnostics = said;
        if (result.ok()) {
            out.printf(
                    Locale.ROOT,
                    "%s: %d page%s rendered, %d file%s changed in %d ms%n",
                    what,
                    result.rendered().size(),
                    result.rendered().size() == 1 ? "" : "s",
                    result.changed().size(),
                    result.changed().size() == 1 ? "" : "s",
                    millis);
        } else {
            err.println(
                    result.files() == null
                            ? "Nothing to serve until the problems above are fixed; the page updates by itself after "
                                    + "the next save."
                            : "Serving the last good version until the problems above are fixed.");
        }
        out.flush();
        err.flush();
        if (n > 1 && (problemsChanged || !result.changed().isEmpty())) {
            liveReload.reload(n);
        }
    }

    /** A rebuild that threw {@code e}, as a failed build naming the files changed since the last good one. */
    private IncrementalBuild.Result crash(Throwable e) {
        String hint = "the last good site stays online; undo the change, or run 'build --debug' on it to see where it"
                + " fails";
        Diagnostic d;
        if (unsettled.isEmpty()) {
            d = new Diagnostic(
                    SourcePos.file("content"),
                    Severity.ERROR,
                    "internal error while building: " + e,
                    "run 'build --debug' to see where it fails");
        } else {
            int others = unsettled.size() - 1;
            d = new Diagnostic(
                    SourcePos.start(unsettled.iterator().next()),
                    Severity.ERROR,
                    "internal error while rebuilding after "
                            + (others == 0
                                    ? "this change"
                                    : "changes to this file and " + others + " other" + (others == 1 ? "" : "s"))
                            + ": " + e,
                    hint);
        }
        return new IncrementalBuild.Result(
                state.files(), false, List.of(d), List.of(), "1 error, 0 warnings", Set.of(), Set.of(), 0, Map.of());
    }

    /** The failed build's problems, as the command line prints them: one per line, hints, then the summary. */
    private static String problemText(IncrementalBuild.Result result) {
        StringBuilder text = new StringBuilder();
        result.diagnostics().forEach(d -> text.append(d.format()).append('\n'));
        result.findings().forEach(d -> text.append(d.format()).append('\n'));
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
        PreviewHttp.stop(http);
        pings.shutdownNow();
        deleteTree(workDir);
        closed.countDown();
    }

    /** Deletes a folder and everything in it, as far as possible: a temporary folder, which the system cleans up. */
    static void deleteTree(Path dir) {
        Trees.delete(dir);
    }
}
