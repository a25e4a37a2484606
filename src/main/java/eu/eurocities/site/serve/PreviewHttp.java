package eu.eurocities.site.serve;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The preview's HTTP server: the JDK's {@link HttpServer}, set up for a local preview.
 *
 * <p>The JDK server takes its settings from system properties, which it reads once per JVM, when its first server is
 * made. This class puts {@link #SETTINGS} into the system properties when it is initialised, before it touches any
 * class of the server, leaving alone those the user set (e.g. {@code -Dsun.net.httpserver.maxReqTime=30}); so every
 * preview server in a JVM has the same settings. With them, sockets have {@code TCP_NODELAY} set (a kept-open
 * connection is answered at once, not after the 40 ms of Nagle's algorithm meeting a delayed acknowledgement), and
 * a request whose line and headers have not all arrived 10 seconds after its first byte is dropped.
 *
 * <p>Requests run on {@link #THREADS} threads, with at most {@link #QUEUED} more waiting; the server closes the
 * connection of any request beyond that. The JDK reads a request on the thread that answers it, so a client that
 * sends half a request holds one of these threads until the request timeout closes its connection. The live reload
 * stream holds none: its handler returns once the stream is open, and later events are written by the rebuild.
 * For that reason there is no response timeout ({@code sun.net.httpserver.maxRspTime}): the JDK counts an open
 * event stream as a response still being sent, and would cut every stream after it.
 */
final class PreviewHttp {
    /** The threads that read and answer requests. */
    static final int THREADS = 8;

    /** How many requests may wait for a thread. */
    static final int QUEUED = 100;

    /** The JDK server's settings, by system property; seconds, except where the name says otherwise. */
    static final Map<String, String> SETTINGS = Map.of(
            "sun.net.httpserver.nodelay", "true",
            "sun.net.httpserver.maxReqTime", "10", // for a request's line and headers, from its first byte
            "sun.net.httpserver.idleInterval", "30", // a kept-open connection between requests
            "sun.net.httpserver.clockTick", "1000", // milliseconds between the checks for idle connections
            "sun.net.httpserver.maxIdleConnections", "32",
            "sun.net.httpserver.maxReqHeaders", "100",
            "sun.net.httpserver.maxReqHeaderSize", "65536", // bytes
            "jdk.httpserver.maxConnections", "512"); // more are closed as soon as they are accepted

    static {
        putAbsent(System.getProperties());
    }

    private PreviewHttp() {}

    /** Puts each of {@link #SETTINGS} into {@code properties}, unless it holds that property already. */
    static void putAbsent(Properties properties) {
        SETTINGS.forEach(properties::putIfAbsent);
    }

    /**
     * A server bound to {@code address} that answers every request with {@code handler}; not yet started.
     *
     * @throws java.net.BindException when the port is in use or the address is not one of this computer
     * @throws IOException when the socket cannot be opened
     */
    static HttpServer create(InetSocketAddress address, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(address, 128);
        server.createContext("/", handler);
        AtomicInteger count = new AtomicInteger();
        server.setExecutor(new ThreadPoolExecutor(
                THREADS, THREADS, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED), r -> {
                    Thread t = new Thread(r, "serve-http-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }));
        return server;
    }

    /** Stops {@code server} (made by {@link #create}), closing every connection, and its threads. */
    static void stop(HttpServer server) {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
