package eu.eurocities.site.cli;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Reporter;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.load.BaseUrl;
import eu.eurocities.site.load.ContentLoader;
import eu.eurocities.site.serve.DevServer;
import java.awt.Desktop;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: a live preview for editors. Builds the site into memory, serves it on loopback, and rebuilds and
 * reloads open pages on every save; content errors are shown in the page and on the terminal. Runs until Ctrl-C.
 *
 * <p>Without {@code --port}, a busy 8080 makes it take the next free port (as {@code hugo server} does) and say so;
 * a port given with {@code --port} that is busy is a usage error (exit 2). A {@code --host} that is not a name or
 * address of this computer is a usage error; one that is reachable from other computers gets a warning.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Preview the site at http://127.0.0.1:8080/, rebuilding and reloading the page on every save.")
public final class ServeCommand implements Callable<Integer> {
    /** The port used when none is given. */
    public static final int DEFAULT_PORT = 8080;
    /** How many ports after the default one are tried before any free port is taken. */
    private static final int FALLBACK_PORTS = 10;

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOption sourceOption;

    @Option(
            names = {"-p", "--port"},
            paramLabel = "N",
            defaultValue = "" + DEFAULT_PORT,
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}, or the next free port when"
                    + " it is in use).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, reachable only from this computer).")
    String host;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            description = "Serve the site under the path of this URL, e.g. http://127.0.0.1:8080/eurocities/ serves it "
                    + "under /eurocities/, as a project site on GitHub Pages is (default: the server's root).")
    String baseUrl;

    @Option(names = "--open", description = "Open the site in the default browser.")
    boolean open;

    @Option(names = "--debug", description = "Show a stack trace on internal errors.")
    boolean debug;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path source = sourceOption.source;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Reporter reporter = new Reporter(err);
        Optional<Diagnostic> badSource = sourceOption.notAFolder();
        if (badSource.isPresent()) {
            reporter.print(badSource.get());
            return ExitCode.USAGE;
        }
        if (!Files.isDirectory(source.resolve("content"))) {
            Diagnostics diagnostics = new Diagnostics();
            ContentLoader.load(source, diagnostics);
            reporter.report(diagnostics.sorted(), false);
            return ExitCode.CONTENT_ERROR;
        }
        if (port < 0 || port > 65535) {
            reporter.error(
                    "--port " + port + " is not a port number",
                    "use a number from 1024 to 65535, or 0 for any free port");
            return ExitCode.USAGE;
        }
        String basePath = "/";
        if (baseUrl != null) {
            Diagnostics diagnostics = new Diagnostics();
            URI uri = BaseUrl.parse(baseUrl, SourcePos.file("--base-url"), diagnostics);
            if (uri == null) {
                diagnostics.sorted().forEach(reporter::print);
                return ExitCode.USAGE;
            }
            basePath = uri.getRawPath();
        }
        if (listenAddress(host, err) == null) {
            return ExitCode.USAGE;
        }
        boolean portGiven = spec.commandLine().getParseResult().hasMatchedOption("--port");
        // the hook is in place before the server starts, and waits for the start to finish, so that a Ctrl-C at any
        // moment stops the server cleanly
        AtomicReference<DevServer> running = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread stop = new Thread(
                () -> {
                    try {
                        started.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    DevServer server = running.get();
                    if (server != null) {
                        server.close();
                        out.println("Stopped.");
                        out.flush();
                    }
                },
                "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(stop);
        DevServer server = null;
        try {
            int tryPort = port;
            while (server == null) {
                try {
                    server = DevServer.start(source, host, tryPort, basePath, out, err);
                    running.set(server);
                } catch (BindException e) {
                    boolean lastTry = portGiven || tryPort == 0;
                    if (lastTry) {
                        Runtime.getRuntime().removeShutdownHook(stop);
                        reporter.error(
                                "cannot listen on " + host + ":" + tryPort + ": " + e.getMessage(),
                                "another program (perhaps another serve) uses this port; stop it, pick another port "
                                        + "with --port "
                                        + (tryPort == 65535 ? 8081 : tryPort + 1)
                                        + ", or leave --port out to take a free one");
                        return ExitCode.USAGE;
                    }
                    if (tryPort == port) {
                        out.println(
                                "Port " + port + " is in use (perhaps by another serve); taking the next free port.");
                        out.flush();
                    }
                    tryPort = tryPort < Math.min(65535, port + FALLBACK_PORTS) ? tryPort + 1 : 0;
                }
            }
        } finally {
            started.countDown();
        }
        if (open) {
            open(server.url(), err);
        }
        server.awaitClose();
        return ExitCode.OK;
    }

    /**
     * The address {@code host} names, after an error on {@code err} when it is not one of this computer's (then
     * null), or a warning when other computers can reach it.
     */
    public static InetAddress listenAddress(String host, PrintWriter err) {
        Reporter reporter = new Reporter(err);
        String hint = "use 127.0.0.1 (this computer only, the default), or 0.0.0.0 to let other computers on"
                + " the network see the preview";
        InetAddress address;
        try {
            address = host.isBlank() ? null : InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            address = null;
        }
        if (address == null) {
            reporter.error("--host '" + host + "' is not a known host name or IP address", hint);
            return null;
        }
        boolean local;
        try {
            local = address.isAnyLocalAddress()
                    || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            local = true; // cannot tell: listening will say
        }
        if (!local) {
            reporter.error(
                    "--host " + host + " is not an address of this computer"
                            + (host.equals(address.getHostAddress())
                                    ? ""
                                    : " (it is " + address.getHostAddress() + ")"),
                    hint);
            return null;
        }
        if (!address.isLoopbackAddress()) {
            reporter.warning(
                    "--host " + host + " lets other computers on the network see the preview, and every"
                            + " file of the site with it; leave --host out to keep it on this computer",
                    null);
        }
        return address;
    }

    private static void open(URI url, PrintWriter err) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(url);
                return;
            }
            String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
            String[] command = os.contains("mac")
                    ? new String[] {"open", url.toString()}
                    : os.contains("win")
                            ? new String[] {"rundll32", "url.dll,FileProtocolHandler", url.toString()}
                            : new String[] {"xdg-open", url.toString()};
            new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            new Reporter(err)
                    .warning("could not open a browser (" + e.getMessage() + "); open " + url + " yourself", null);
        }
    }
}
