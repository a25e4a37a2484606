package eu.eurocities.site.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves the site held in memory the way a static host serves the built folder: {@code /cities/lodz/} gives {@code
 * cities/lodz/index.html}, {@code /cities/lodz} redirects to the form with the slash, a missing path gives {@code
 * 404.html} with status 404. A site with a sub-path base URL is served under that path, and the server's root
 * redirects there. Text types are sent as UTF-8; nothing is cached by the browser. HTML responses get the live
 * reload script and, while the content has errors, the error overlay.
 */
final class SiteHandler {
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
    private final String basePath;

    /**
     * @param state what is served right now
     * @param basePath the path the site is served under, starting and ending with '/': {@code /}, or {@code
     *     /eurocities/} for a site published under a sub-path
     */
    SiteHandler(Supplier<State> state, String basePath) {
        this.state = state;
        this.basePath = basePath;
    }

    /** Answers {@code exchange}, a request for any path but the live reload stream's. */
    void handle(HttpExchange exchange) throws IOException {
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
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String query = rawQuery == null ? "" : "?" + rawQuery;
        if (!path.startsWith(basePath)) {
            if (path.equals("/") || path.equals(basePath.substring(0, basePath.length() - 1))) {
                redirect(exchange, basePath + query); // the site's home, from the server's root
            } else {
                notFound(exchange, now);
            }
            return;
        }
        String file = path.substring(basePath.length());
        if (file.isEmpty() || file.endsWith("/")) {
            file = file + "index.html";
        }
        byte[] body = file.contains("..") ? null : now.files().get(file);
        if (body == null && now.files().containsKey(file + "/index.html")) {
            redirect(exchange, exchange.getRequestURI().getRawPath() + "/" + query);
        } else if (body == null) {
            notFound(exchange, now);
        } else {
            String ext = extension(file);
            send(exchange, 200, ext, ext.equals("html") ? withLiveReload(body, now.problems()) : body);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, 302, "txt", new byte[0]);
    }

    /** The site's own 404 page, with status 404. */
    private static void notFound(HttpExchange exchange, State now) throws IOException {
        byte[] page = now.files().get("404.html");
        if (page == null) {
            send(exchange, 404, "txt", "not found\n".getBytes(StandardCharsets.UTF_8));
        } else {
            send(exchange, 404, "html", withLiveReload(page, now.problems()));
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

    /**
     * Sends {@code body} as a whole with the type its file extension {@code ext} gives, not to be cached, and ends the
     * exchange; a {@code HEAD} request gets the headers only.
     */
    static void send(HttpExchange exchange, int status, String ext, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (exchange.getRequestMethod().equals("HEAD") || body.length == 0) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
