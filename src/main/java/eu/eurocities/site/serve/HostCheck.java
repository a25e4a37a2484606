package eu.eurocities.site.serve;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which names a request may give in its {@code Host} header: a defence against DNS rebinding, where a web page on
 * {@code evil.example} has its name point to 127.0.0.1 and then reads the preview through the visitor's browser. A
 * browser always sends the name it connected to, so a request naming anything but the server's own names is refused.
 *
 * <p>Allowed are IP addresses (no page can rebind those), {@code localhost} and names under {@code .localhost}
 * (which browsers resolve to this computer themselves), the {@code --host} given, and, when the server listens on
 * more than loopback, this computer's own host names. Any port is allowed, so that a forwarded port still works.
 *
 * @param names the allowed names besides addresses and {@code localhost}, in lower case
 */
record HostCheck(Set<String> names) {
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d" + "|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(%[\\w.-]+)?]");

    /**
     * The check for a server listening on {@code address}, which the user named {@code host}.
     *
     * @param host the {@code --host} value as given, e.g. {@code 127.0.0.1}, {@code localhost}, {@code 0.0.0.0}
     * @param address what it resolved to
     */
    static HostCheck of(String host, InetAddress address) {
        Set<String> names = new TreeSet<>();
        names.add(host.toLowerCase(Locale.ROOT));
        if (!address.isLoopbackAddress()) {
            // reachable from the network: the names other computers know this one by
            try {
                InetAddress self = InetAddress.getLocalHost();
                String name = self.getHostName().toLowerCase(Locale.ROOT);
                names.add(name);
                names.add(name + ".local"); // as mDNS announces it
                names.add(self.getCanonicalHostName().toLowerCase(Locale.ROOT));
            } catch (java.io.IOException e) {
                // no name of its own: addresses still work
            }
        }
        return new HostCheck(Set.copyOf(names));
    }

    /** True when a request with this {@code Host} header (null when it sent none) may be answered. */
    boolean allows(String hostHeader) {
        if (hostHeader == null) {
            return true; // HTTP/1.0, which has no Host header, cannot be rebound by a browser
        }
        String name = nameOf(hostHeader.strip()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return IPV4.matcher(name).matches()
                || IPV6.matcher(name).matches()
                || name.equals("localhost")
                || name.endsWith(".localhost")
                || names.contains(name);
    }

    /** The name part of {@code host[:port]} or {@code [v6]:port}. */
    private static String nameOf(String hostHeader) {
        if (hostHeader.startsWith("[")) {
            int end = hostHeader.indexOf(']');
            return end < 0 ? hostHeader : hostHeader.substring(0, end + 1);
        }
        int colon = hostHeader.lastIndexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }
}
