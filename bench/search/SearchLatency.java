import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Time to the first result of the header's search box, as a visitor on a slow device sees it: serves a built site
 * on 127.0.0.1, opens each query's page afresh in headless Chromium (browser cache off, CPU slowed down by the
 * DevTools protocol's {@code Emulation.setCPUThrottlingRate}), types the query into the header box and measures in
 * the page, from the input event of the query's last letter to the moment the results list first shows an option
 * for that query (so the box's pause after typing is included). The default queries fit {@code bench/sitegen.py}'s
 * cities: "dusseldrf" is the typo (the generated names have no Barcelona), "zurich norway" two words. Run by
 * {@code bench/search/run.sh}, which builds the site and puts Selenium on the class path:
 *
 * <pre>
 * java -cp CLASSPATH bench/search/SearchLatency.java --site DIR [--runs 5] [--throttle 4] [--page members/]
 *     [--filter] [query ...]
 * </pre>
 *
 * With {@code --filter} it times the member index instead: from choosing a country in the filter of a freshly
 * opened {@code members/} page to the first row of that country shown. Prints one line per run and a table of
 * medians (milliseconds).
 */
public class SearchLatency {
    static final List<String> QUERIES =
            List.of("gdansk", "norway", "malmo 1", "synthcity 12", "dusseldrf", "zurich norway", "synthcity");

    public static void main(String[] args) throws Exception {
        Path site = Path.of(option(args, "--site", null));
        int runs = Integer.parseInt(option(args, "--runs", "5"));
        double throttle = Double.parseDouble(option(args, "--throttle", "4"));
        String page = option(args, "--page", "");
        boolean filter = Arrays.asList(args).contains("--filter");
        List<String> queries = positional(args);
        if (queries.isEmpty()) {
            queries = filter ? List.of("NO", "PL") : QUERIES;
        }
        HttpServer server = serve(site);
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        ChromeDriver driver = browser();
        Map<String, List<Long>> times = new LinkedHashMap<>();
        try {
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            for (int run = 0; run <= runs; run++) { // run 0 warms the server and the browser, not counted
                for (String q : queries) {
                    driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", throttle));
                    long ms;
                    try {
                        ms = filter ? filterOnce(driver, base, q) : searchOnce(driver, base + page, q);
                    } catch (TimeoutException e) {
                        ms = -1; // nothing shown within the wait: printed as -1, a median below 0 says so
                    }
                    System.out.printf("run %d  %-16s %6d ms%n", run, q, ms);
                    if (run > 0) {
                        times.computeIfAbsent(q, k -> new ArrayList<>()).add(ms);
                    }
                }
            }
        } finally {
            driver.quit();
            server.stop(0);
        }
        System.out.printf("%n| %s | median of %d, ms (CPU throttled %sx) | all runs |%n", filter ? "country" : "query",
                runs, throttle);
        System.out.println("|---|---|---|");
        times.forEach((q, list) -> {
            List<Long> sorted = list.stream().sorted().toList();
            System.out.printf("| `%s` | %d | %s |%n", q, sorted.get(sorted.size() / 2), list);
        });
    }

    /** Opens {@code url} afresh, types {@code q} into the header box; the milliseconds to its first result. */
    static long searchOnce(ChromeDriver driver, String url, String q) {
        driver.get("about:blank");
        driver.get(url);
        driver.executeScript(
                """
                var form = document.querySelector('form.site-search'), input = form.elements.q, q = arguments[0];
                window.benchT = {};
                input.addEventListener('input', function () {
                  if (input.value === q) { benchT.typed = performance.now(); }
                });
                new MutationObserver(function () {
                  var list = document.getElementById('site-search-list');
                  if (benchT.typed && !benchT.shown && list && list.querySelector('[role=option]')
                      && input.value === q && form.querySelector('[role=status]').textContent.indexOf(q) >= 0) {
                    benchT.shown = performance.now();
                  }
                }).observe(form, {subtree: true, childList: true, characterData: true});
                """,
                q);
        driver.findElement(By.cssSelector("form.site-search input[name=q]")).sendKeys(q);
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> driver.executeScript("return window.benchT.shown || null") != null);
        Number ms = (Number) driver.executeScript("return benchT.shown - benchT.typed");
        return Math.round(ms.doubleValue());
    }

    /** Opens the member index afresh, picks {@code country}; the milliseconds to its first row. */
    static long filterOnce(ChromeDriver driver, String base, String country) {
        driver.get("about:blank");
        driver.get(base + "members/");
        driver.executeScript(
                """
                var select = document.getElementById('filters').elements.country, c = arguments[0];
                var body = document.getElementById('cities').tBodies[0];
                window.benchT = {};
                new MutationObserver(function () {
                  var row = body.rows[0];
                  if (benchT.picked && !benchT.shown && row && row.dataset.country === c) {
                    benchT.shown = performance.now();
                  }
                }).observe(body, {childList: true});
                benchT.picked = performance.now();
                select.value = c;
                select.dispatchEvent(new Event('change'));
                """,
                country);
        new WebDriverWait(driver, Duration.ofSeconds(300))
                .until(d -> driver.executeScript("return window.benchT.shown || null") != null);
        Number ms = (Number) driver.executeScript("return benchT.shown - benchT.picked");
        return Math.round(ms.doubleValue());
    }

    static ChromeDriver browser() throws IOException {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("search-latency-"));
        return new ChromeDriver(service, options);
    }

    /** A plain static server of {@code root} (folders answer with their index.html), without compression. */
    static HttpServer serve(Path root) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", (HttpExchange x) -> {
            String path = x.getRequestURI().getPath();
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                x.sendResponseHeaders(404, -1);
                x.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript" : name.endsWith(".json") ? "application/json"
                    : name.endsWith(".css") ? "text/css" : name.endsWith(".svg") ? "image/svg+xml"
                    : "application/octet-stream";
            x.getResponseHeaders().set("Content-Type", type);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true); // so that the JVM ends with main
            return t;
        }));
        server.start();
        return server;
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException("missing " + name);
        }
        return fallback;
    }

    static List<String> positional(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (!args[i].equals("--filter")) {
                    i++;
                }
            } else {
                out.add(args[i]);
            }
        }
        return out;
    }
}
