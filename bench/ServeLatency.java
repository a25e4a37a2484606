import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Live preview latency: starts {@code serve} (the packaged jar, in its own process) on a copy of a source folder,
 * connects to the live reload stream like a browser tab, then edits a file many times and measures the time from
 * the moment the write returned (file closed) to the moment the {@code reload} event reached the client after which
 * the page shows the edit (a busy machine can split one in-place write into two rebuilds, the first of them on the
 * truncated file).
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * java bench/ServeLatency.java                                  # city edits on the real content
 * java bench/ServeLatency.java --mode template                  # edits of templates/pages/city.jte
 * python3 bench/sitegen.py 10000 --out /tmp/gen10k
 * java bench/ServeLatency.java --source /tmp/gen10k/ours --city SLUG   # a city of the synthetic site
 * </pre>
 *
 * Options: {@code --source DIR} (default {@code .}), {@code --mode city|template}, {@code --city SLUG} (default
 * {@code lodz}), {@code --edits N} (default 50, measured), {@code --warmup N} (default 5, not measured), {@code
 * --pause MS} between edits (default 150), {@code --jar PATH} (default {@code target/eurocities-site.jar}), {@code
 * --launcher PATH} to start {@code serve} with a launcher script such as {@code ./eurocities-site} instead (it picks
 * its own jar and JVM options; {@code --jar} is then ignored).
 */
public class ServeLatency {
  private static final Pattern REBUILD = Pattern.compile(" in (\\d+) ms$");

  public static void main(String[] args) throws Exception {
    Path source = Path.of(option(args, "--source", "."));
    String mode = option(args, "--mode", "city");
    String city = option(args, "--city", "lodz");
    int edits = Integer.parseInt(option(args, "--edits", "50"));
    int warmup = Integer.parseInt(option(args, "--warmup", "5"));
    long pause = Long.parseLong(option(args, "--pause", "150"));
    Path jar = Path.of(option(args, "--jar", "target/eurocities-site.jar"));
    String launcher = option(args, "--launcher", null);

    Path copy = Files.createTempDirectory("serve-latency");
    copyTree(source.resolve("content"), copy.resolve("content"));
    if (Files.isDirectory(source.resolve("templates"))) {
      copyTree(source.resolve("templates"), copy.resolve("templates"));
    }
    long cities;
    try (Stream<Path> s = Files.list(copy.resolve("content/cities"))) {
      cities = s.count();
    }

    Path file = mode.equals("template") ? copy.resolve("templates/pages/city.jte")
        : copy.resolve("content/cities/" + city + ".yaml");
    String original = Files.readString(file, StandardCharsets.UTF_8);

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    long startedAt = System.nanoTime();
    List<String> command = launcher == null
        ? new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()))
        : new ArrayList<>(List.of(launcher));
    command.addAll(List.of("serve", "--source", copy.toString(), "--port", "0"));
    Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
    BlockingQueue<String> log = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          log.add(line);
        }
      } catch (IOException e) {
        // server stopped
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      URI url = null;
      String startLine = null;
      while (url == null) {
        String line = log.poll(300, TimeUnit.SECONDS);
        if (line == null) {
          throw new IllegalStateException("serve did not start");
        }
        if (line.startsWith("start: ")) {
          startLine = line;
        }
        Matcher m = Pattern.compile("Serving .* at (http://\\S+)$").matcher(line);
        if (m.find()) {
          url = URI.create(m.group(1));
        }
      }
      double startup = (System.nanoTime() - startedAt) / 1e9;

      BlockingQueue<Long> reloads = new LinkedBlockingQueue<>();
      BlockingQueue<String> connected = new LinkedBlockingQueue<>();
      URI events = url.resolve("/__livereload");
      Thread client = new Thread(() -> {
        try {
          HttpClient.newHttpClient().send(HttpRequest.newBuilder(events).build(),
              HttpResponse.BodyHandlers.ofLines()).body().forEach(line -> {
                if (line.equals("event: reload")) {
                  reloads.add(System.nanoTime());
                } else if (line.equals(": connected")) {
                  connected.add(line);
                }
              });
        } catch (IOException | InterruptedException | java.io.UncheckedIOException e) {
          // the server stopped
        }
      });
      client.setDaemon(true);
      client.start();
      if (connected.poll(30, TimeUnit.SECONDS) == null) {
        throw new IllegalStateException("no live reload connection");
      }
      log.clear();

      List<Double> millis = new ArrayList<>();
      List<Double> rebuilds = new ArrayList<>();
      int split = 0;
      HttpClient http = HttpClient.newHttpClient();
      URI page = url.resolve("/cities/" + city + "/");
      if (http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
        throw new IllegalStateException(
            "the site has no page " + page.getPath() + ": pass --city with one of its cities");
      }
      for (int i = 0; i < warmup + edits; i++) {
        String text = mode.equals("template")
            ? original.replace("<h1>${page.city().name()}</h1>",
                "<h1>${page.city().name()}</h1><p class=\"edit\">edit " + i + "</p>")
            : original.replaceAll("(?m)^population: .*\\n", "") + "population: " + (500000 + i) + "\n";
        String expected = mode.equals("template") ? "<p class=\"edit\">edit " + i + "</p>"
            : String.format(Locale.ENGLISH, "%,d", 500000 + i);
        Thread.sleep(pause);
        reloads.clear();
        Files.writeString(file, text, StandardCharsets.UTF_8);
        long written = System.nanoTime();
        // the edit has arrived when a reload shows the new text without the error overlay; an in-place write is a
        // truncation and a write, and a machine busy enough to separate them by more than the quiet period makes
        // serve rebuild twice (first on the empty file, which is an error): then the second reload counts
        long reloaded;
        while (true) {
          Long at = reloads.poll(120, TimeUnit.SECONDS);
          if (at == null) {
            throw new IllegalStateException("no reload event after edit " + i + "; server said: " + log);
          }
          String body = http.send(HttpRequest.newBuilder(page).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
          if (body.contains(expected) && !body.contains("eurocities-serve-problems")) {
            reloaded = at;
            break;
          }
          if (i >= warmup) {
            split++;
          }
        }
        if (i >= warmup) {
          millis.add((reloaded - written) / 1e6);
        }
        for (String line; (line = log.poll()) != null; ) {
          Matcher m = REBUILD.matcher(line);
          if (m.find() && i >= warmup) {
            rebuilds.add(Double.parseDouble(m.group(1)));
          }
        }
      }
      Files.writeString(file, original, StandardCharsets.UTF_8);

      System.out.printf(Locale.ROOT, "serve latency, %s edits of %s (%d city files, %d cores, load average %s)%n",
          mode, copy.relativize(file), cities, Runtime.getRuntime().availableProcessors(), loadAverage());
      System.out.printf(Locale.ROOT, "  startup to first page served: %.1f s (%s)%n", startup, startLine);
      System.out.printf(Locale.ROOT, "  write -> reload event, %d edits after %d warm-up: median %.1f ms, p95 %.1f ms,"
          + " min %.1f ms, max %.1f ms%n", millis.size(), warmup, percentile(millis, 50), percentile(millis, 95),
          percentile(millis, 0), percentile(millis, 100));
      System.out.printf(Locale.ROOT, "  reloads that did not show the edit yet (write split in two rebuilds): %d%n",
          split);
      if (!rebuilds.isEmpty()) {
        System.out.printf(Locale.ROOT, "  of which the rebuild (server's own timing, after the %s): median %.0f ms,"
            + " p95 %.0f ms%n", "15 ms quiet period", percentile(rebuilds, 50), percentile(rebuilds, 95));
      }
    } finally {
      server.toHandle().destroy();
      server.waitFor(30, TimeUnit.SECONDS);
      deleteTree(copy);
    }
  }

  /** Nearest-rank percentile: the smallest value with at least p percent of the values at or below it. */
  static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
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
