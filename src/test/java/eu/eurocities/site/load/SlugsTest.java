package eu.eurocities.site.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** File-name slugs do not depend on the JVM's default locale. */
class SlugsTest {
    @Test
    void aTurkishDefaultLocaleKeepsTheDotOnTheI() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("istanbul", Slugs.of("Istanbul"));
            assertEquals("izmir", Slugs.of("İzmir"));
            assertEquals("lodz", Slugs.of("Łódź"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
