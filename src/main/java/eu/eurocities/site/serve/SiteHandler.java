package eu.eurocities.site.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves the site held in memory the way a static host serves the built folder: {@code /cities/lodz/} gives {@code
 * cities/lodz/index.html}, {@code /cities/lodz} redirects to the form with the slash, a missing path gives {@code
 * 404.html} with status 404. Text types are sent as UTF-8; nothing is cached by the browser. HTML responses get the
 * live reload script and, while the content has errors, the error overlay.
 */
final class SiteHandler implements HttpHandler {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json; charset=utf-8"),
      Map.entry("xml", "application/xml; charset=utf-8"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("csv", "text/csv; charset=utf-8"),
      Map.entry("svg", "image/svg+xml; charset=utf-8"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("webp", "image/webp"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("woff2", "font/woff2"));

  /**
   * What is served right now.
   *
   * @param files the last good site by output path, or null before the first good build
   * @param problems the errors of the latest build as the command line prints them, or null when it succeeded
   */
  record State(Map<String, byte[]> files, String problems) {}

  private final Supplier<State> state;

  SiteHandler(Supplier<State> state) {
    this.state = state;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "txt", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      State now = state.get();
      if (now.files() == null) {
        String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Site not built</title>"
            + "</head><body></body></html>";
        send(exchange, 500, "html", withLiveReload(page.getBytes(StandardCharsets.UTF_8), now.problems()));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String file = path.substring(1);
      if (file.isEmpty() || file.endsWith("/")) {
        file = file + "index.html";
      }
      byte[] body = file.contains("..") ? null : now.files().get(file);
      if (body == null && now.files().containsKey(file + "/index.html")) {
        String query = exchange.getRequestURI().getRawQuery();
        exchange.getResponseHeaders().set("Location",
            exchange.getRequestURI().getRawPath() + "/" + (query == null ? "" : "?" + query));
        send(exchange, 302, "txt", new byte[0]);
        return;
      }
      int status = 200;
      if (body == null) {
        status = 404;
        file = "404.html";
        body = now.files().getOrDefault(file, "not found\n".getBytes(StandardCharsets.UTF_8));
      }
      String ext = extension(file);
      if (ext.equals("html")) {
        body = withLiveReload(body, now.problems());
      }
      send(exchange, status, ext, body);
    }
  }

  /** The page with the live reload script, and the error overlay when {@code problems} is not null. */
  static byte[] withLiveReload(byte[] html, String problems) {
    String page = new String(html, StandardCharsets.UTF_8);
    String insert = (problems == null ? "" : Overlay.html(problems)) + LiveReload.SCRIPT;
    int end = page.lastIndexOf("</body>");
    String out = end < 0 ? page + insert : page.substring(0, end) + insert + page.substring(end);
    return out.getBytes(StandardCharsets.UTF_8);
  }

  private static String extension(String file) {
    String base = file.substring(file.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    return dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static void send(HttpExchange exchange, int status, String ext, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    if (head || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
