package eu.eurocities.site.serve;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live reload channel: browsers connect to {@link #PATH} with server-sent events and receive an event named
 * {@code reload} after every rebuild that changed the site or its problems. The script injected into served pages
 * ({@link #SCRIPT}) reloads the page on that event; {@code EventSource} reconnects by itself after a restart.
 */
final class LiveReload {
  /** The URL path of the event stream; only this exact path opens one. */
  static final String PATH = "/__livereload";

  /** The script injected into HTML responses in serve mode (never into build output). */
  static final String SCRIPT = "<script>(function(){var s=new EventSource(\"" + PATH + "\");"
      + "s.addEventListener(\"reload\",function(){location.reload();});})();</script>";

  private final Set<Http1Server.EventStream> clients = ConcurrentHashMap.newKeySet();

  /** The response that opens an event stream for one browser tab; it stays open until the tab goes away. */
  Http1Server.Response connect() {
    return Http1Server.Response.events(stream -> {
      clients.add(stream);
      // retry: how soon the browser reconnects when the server restarts
      stream.send("retry: 300\n: connected\n\n");
    });
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
    clients.removeIf(s -> !s.isOpen());
    return clients.size();
  }

  /** Closes every connection. */
  void closeAll() {
    for (Http1Server.EventStream s : clients) {
      clients.remove(s);
      s.close();
    }
  }

  private void broadcast(String message) {
    for (Http1Server.EventStream s : clients) {
      if (!s.send(message)) {
        clients.remove(s);
      }
    }
  }
}
