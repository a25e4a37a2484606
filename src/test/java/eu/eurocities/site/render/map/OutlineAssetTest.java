package eu.eurocities.site.render.map;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The theme's outline places known cities inside their own country, with the build's projection. */
class OutlineAssetTest {
    private static final MapOutline OUTLINE = read();

    private static MapOutline read() {
        try {
            return MapOutline.parse(Files.readString(Path.of("templates/assets/europe.svg")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "Berlin, DE, 52.52437, 13.41053",
        "Reykjavik, IS, 64.13548, -21.89541",
        "Madrid, ES, 40.4165, -3.70256",
        "Yerevan, AM, 40.18111, 44.51361",
        "Tbilisi, GE, 41.69411, 44.83368",
        "Gaziantep, TR, 37.05944, 37.3825",
        "Nicosia, CY, 35.17531, 33.3642",
        "Kharkiv, UA, 49.98081, 36.25272",
        "Simferopol, UA, 44.95719, 34.11079",
        "Oslo, NO, 59.91273, 10.74609",
        "Paris, FR, 48.85341, 2.3488",
        "Pristina, XK, 42.67272, 21.16688",
        "Luxembourg, LU, 49.61167, 6.13",
        "Kyiv, UA, 50.45466, 30.5238",
        "Istanbul, TR, 41.01384, 28.94966"
    })
    void aKnownCityFallsInsideItsCountry(String city, String country, double latitude, double longitude) {
        double[] p = OUTLINE.place(latitude, longitude);
        assertTrue(OUTLINE.frame().contains(p[0], p[1]), city + " is outside the frame at " + p[0] + "," + p[1]);
        assertTrue(OUTLINE.contains(country, p[0], p[1]), city + " is outside " + country + " at " + p[0] + "," + p[1]);
    }
}
