package eu.eurocities.site.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

class LaeaTest {
    private static final CoordinateTransform PROJ4J = new CoordinateTransformFactory()
            .createTransform(
                    new CRSFactory().createFromParameters("wgs84", "+proj=longlat +datum=WGS84 +no_defs"),
                    new CRSFactory()
                            .createFromParameters(
                                    "laea",
                                    "+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +units=m "
                                            + "+no_defs"));

    /** Places at the corners of the network's frame and in its middle, where an error would show first. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "centre, 52, 10",
        "Reykjavik, 64.13548, -21.89541",
        "Lisbon, 38.71667, -9.13333",
        "Yerevan, 40.18111, 44.51361",
        "Tbilisi, 41.69411, 44.83368",
        "Gaziantep, 37.05944, 37.3825",
        "Nicosia, 35.17531, 33.3642",
        "Kharkiv, 49.98081, 36.25272",
        "Barcelona, 41.38879, 2.15899",
        "Tromso, 69.6489, 18.95508"
    })
    void agreesWithProj4jWithinACentimetre(String place, double latitude, double longitude) {
        ProjCoordinate expected = new ProjCoordinate();
        PROJ4J.transform(new ProjCoordinate(longitude, latitude), expected);
        double[] actual = Laea.project(latitude, longitude);
        assertEquals(expected.x, actual[0], 0.01, place + " easting");
        assertEquals(expected.y, actual[1], 0.01, place + " northing");
    }

    @org.junit.jupiter.api.Test
    void theCentreIsTheFalseOrigin() {
        double[] centre = Laea.project(52, 10);
        assertEquals(4_321_000, centre[0], 1e-6);
        assertEquals(3_210_000, centre[1], 1e-6);
    }
}
