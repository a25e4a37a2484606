package eu.eurocities.site.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live reload channel: browsers connect to {@link #PATH} with server-sent events and receive an event named
 * {@code reload} after every rebuild that changed the site or its problems. The script injected into served pages
 * ({@link #SCRIPT}) reloads the page on that event; {@code EventSource} reconnects by itself after a restart.
 *
 * <p>A stream holds no request thread: {@link #connect} returns once it is open, and events are written by the
 * thread that sends them.
 */
final class LiveReload {
    /** The URL path of the event stream; only this exact path opens one. */
    static final String PATH = "/__livereload";

    /** The script injected into HTML responses in serve mode (never into build output). */
    static final String SCRIPT = "<script>(function(){var s=new EventSource(\"" + PATH + "\");"
            + "s.addEventListener(\"reload\",function(){location.reload();});})();</script>";

    private final Set<HttpExchange> clients = ConcurrentHashMap.newKeySet();

    /** Opens an event stream for one browser tab; it stays open until the tab goes away or the server stops. */
    void connect(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        clients.add(exchange);
        // retry: how soon the browser reconnects when the server restarts
        send(exchange, "retry: 300\n: connected\n\n");
    }

    /** Tells every connected tab to reload; {@code build} numbers the rebuild. */
    void reload(long build) {
        broadcast("event: reload\ndata: " + build + "\n\n");
    }

    /** A comment line that keeps idle connections open and finds the ones that went away. */
    void ping() {
        broadcast(": ping\n\n");
    }

    /** The number of open connections. */
    int clients() {
        return clients.size();
    }

    /** Closes every connection. */
    void closeAll() {
        for (HttpExchange e : clients) {
            clients.remove(e);
            e.close();
        }
    }

    private void broadcast(String message) {
        for (HttpExchange e : clients) {
            send(e, message);
        }
    }

    private void send(HttpExchange exchange, String message) {
        synchronized (exchange) {
            try {
                OutputStream body = exchange.getResponseBody();
                body.write(message.getBytes(StandardCharsets.UTF_8));
                body.flush();
            } catch (IOException e) {
                clients.remove(exchange);
                exchange.close();
            }
        }
    }
}
