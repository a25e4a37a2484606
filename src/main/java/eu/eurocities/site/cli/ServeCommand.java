package eu.eurocities.site.cli;

import eu.eurocities.site.Main;
import eu.eurocities.site.Pipeline;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.serve.DevServer;
import java.awt.Desktop;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code serve}: a live preview for editors. Builds the site into memory, serves it on loopback, and rebuilds and
 * reloads open pages on every save; content errors are shown in the page and on the terminal. Runs until Ctrl-C.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Preview the site at http://127.0.0.1:8080/, rebuilding and reloading the page on every save.")
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--source", paramLabel = "DIR", defaultValue = ".",
      description = "Folder holding content/ and optionally templates/ (default: ${DEFAULT-VALUE}).")
  Path source;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, reachable only from this computer).")
  String host;

  @Option(names = "--open", description = "Open the site in the default browser.")
  boolean open;

  @Option(names = "--debug", description = "Show a stack trace on internal errors.")
  boolean debug;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(source.resolve("content"))) {
      Diagnostics diagnostics = new Diagnostics();
      Pipeline.load(source, null, diagnostics);
      Report.diagnostics(diagnostics, err);
      return Main.CONTENT_ERROR;
    }
    if (port < 0 || port > 65535) {
      err.println("error: --port " + port + " is not a port number");
      err.println("  hint: use a number from 1024 to 65535, or 0 for any free port");
      err.flush();
      return Main.USAGE;
    }
    // the hook is in place before the server starts, and waits for the start to finish, so that a Ctrl-C at any
    // moment stops the server cleanly
    AtomicReference<DevServer> running = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    Thread stop = new Thread(() -> {
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
    }, "serve-shutdown");
    Runtime.getRuntime().addShutdownHook(stop);
    DevServer server;
    try {
      server = DevServer.start(source, host, port, out, err);
      running.set(server);
    } catch (BindException e) {
      Runtime.getRuntime().removeShutdownHook(stop);
      err.println("error: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      err.println("  hint: another program (perhaps another serve) uses this port; stop it, or pick another port"
          + " with --port " + (port == 65535 ? 8081 : port + 1) + " (--port 0 picks a free one)");
      err.flush();
      return Main.USAGE;
    } finally {
      started.countDown();
    }
    if (open) {
      open(server.url(), err);
    }
    server.awaitClose();
    return Main.OK;
  }

  private static void open(URI url, PrintWriter err) {
    try {
      if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
        Desktop.getDesktop().browse(url);
        return;
      }
      String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
      String[] command = os.contains("mac") ? new String[] {"open", url.toString()}
          : os.contains("win") ? new String[] {"rundll32", "url.dll,FileProtocolHandler", url.toString()}
          : new String[] {"xdg-open", url.toString()};
      new ProcessBuilder(command).inheritIO().start();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      err.println("warning: could not open a browser (" + e.getMessage() + "); open " + url + " yourself");
      err.flush();
    }
  }
}
