package eu.eurocities.site.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.eurocities.site.diag.Diagnostics;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** serve's cache of city records forgets a file whichever Unicode form the file watcher spells its name in. */
class CityCacheTest {
    @Test
    void aDecomposedNameFromTheWatcherForgetsTheComposedEntry() {
        CityCache cache = new CityCache();
        AtomicInteger reads = new AtomicInteger();
        String composed = "content/cities/z\u00fcrich.yaml";
        for (int i = 0; i < 2; i++) {
            cache.city(composed, new Diagnostics(), own -> {
                reads.incrementAndGet();
                return Optional.empty();
            });
        }
        assertEquals(1, reads.get(), "read once, then cached");
        cache.forget("content/cities/zu\u0308rich.yaml");
        cache.city(composed, new Diagnostics(), own -> {
            reads.incrementAndGet();
            return Optional.empty();
        });
        assertEquals(2, reads.get(), "read again after the change");
    }
}
