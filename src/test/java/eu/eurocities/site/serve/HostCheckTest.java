package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which Host headers the preview answers when it listens on 127.0.0.1 (as given with {@code --host}). */
class HostCheckTest {
    static final HostCheck LOOPBACK = HostCheck.of("127.0.0.1", InetAddress.getLoopbackAddress());

    @ParameterizedTest(name = "Host: {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "127.0.0.1:8080 | true",
                "127.0.0.1 | true",
                "localhost:8080 | true",
                "LOCALHOST | true",
                "localhost. | true",
                "preview.localhost:8080 | true",
                "[::1]:8080 | true",
                "[fe80::1%eth0]:8080 | true",
                "192.168.1.20:8080 | true", // an address cannot be rebound
                "evil.example | false",
                "evil.example:8080 | false",
                "evil.example. | false",
                "127.0.0.1.nip.io | false",
                "localhost.evil.example | false",
                "256.1.1.1 | false",
                "'' | false"
            })
    void onlyAddressesLocalhostAndTheGivenHostAreAnswered(String host, boolean allowed) {
        assertEquals(allowed, LOOPBACK.allows(host));
    }

    @Test
    void theHostGivenIsAllowedAndARequestWithoutHostHeaderToo() {
        HostCheck named = HostCheck.of("Preview.Test", InetAddress.getLoopbackAddress());
        assertTrue(named.allows("preview.test:8080"));
        assertTrue(named.allows(null), "HTTP/1.0 sends no Host; a browser always does");
    }
}
