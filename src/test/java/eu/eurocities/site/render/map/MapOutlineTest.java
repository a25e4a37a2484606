package eu.eurocities.site.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MapOutlineTest {
    /** Two squares, one with a hole, written once absolute and once relative. */
    private static final String SVG =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\" data-transform=\"0.001 -4000 3300\">"
                    + "<path id=\"AA\" d=\"M10,10L30,10L30,30L10,30Z M15,15 L25,15 L25,25 L15,25 Z\"/>"
                    + "<path id=\"BB\" d=\"m50 10 h20 v20 h-20 z\"/>"
                    + "<path d=\"M0,0L1,1L0,1Z\"/></svg>";

    @Test
    void readsTheFrameAndEachCountrysBox() {
        MapOutline outline = MapOutline.parse(SVG);
        assertEquals(new Box(0, 0, 100, 50), outline.frame());
        assertEquals(new Box(10, 10, 20, 20), outline.bounds("AA"));
        assertEquals(new Box(50, 10, 20, 20), outline.bounds("BB"));
        assertFalse(outline.has("CC"));
    }

    @Test
    void aPointInAHoleIsOutside() {
        MapOutline outline = MapOutline.parse(SVG);
        assertTrue(outline.contains("AA", 12, 12));
        assertFalse(outline.contains("AA", 20, 20));
        assertTrue(outline.contains("BB", 60, 20));
        assertFalse(outline.contains("BB", 20, 20));
    }

    @Test
    void placesAProjectedPointWithTheFilesTransform() {
        MapOutline outline = MapOutline.parse(SVG);
        double[] en = Laea.project(41.38879, 2.15899);
        double[] xy = outline.place(41.38879, 2.15899);
        assertEquals(0.001 * en[0] - 4000, xy[0], 1e-9);
        assertEquals(3300 - 0.001 * en[1], xy[1], 1e-9);
    }

    @Test
    void refusesWhatItCannotRead() {
        assertEquals(
                "the <svg> element has no data-transform",
                assertThrows(IllegalArgumentException.class, () -> MapOutline.parse("<svg viewBox=\"0 0 1 1\"></svg>"))
                        .getMessage());
        assertEquals(
                "path AA uses the command 'C'; only M, L, H, V, Z",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> MapOutline.parse(
                                        "<svg viewBox=\"0 0 1 1\" data-transform=\"1 0 0\"><path id=\"AA\" "
                                                + "d=\"M0,0C1,1 2,2 3,3Z\"/></svg>"))
                        .getMessage());
    }

    @Test
    void drawsOnlyTheMarkersInsideTheFrameAndEscapesNames() {
        MapOutline outline = MapOutline.parse(SVG);
        double[] inFrame = {41.38879, 2.15899};
        double[] xy = outline.place(inFrame[0], inFrame[1]);
        Box frame = new Box(xy[0] - 10, xy[1] - 10, 20, 20);
        String svg = MapSvg.draw(
                outline,
                "../europe.svg",
                new MapSvg.View(
                        frame,
                        "Map of \"two\" members",
                        null,
                        null,
                        List.of(
                                new Marker(inFrame[0], inFrame[1], "A & B", "../cities/a/", "full", false),
                                new Marker(64.1, -21.9, "Far", "../cities/far/", "partner", true)),
                        800));
        assertTrue(svg.contains("aria-label=\"Map of &quot;two&quot; members\""), svg);
        assertTrue(
                svg.contains("<g class=\"mk mk-full\"><a href=\"../cities/a/\" tabindex=\"-1\"><title>A &amp; "
                        + "B</title><circle "),
                svg);
        assertFalse(svg.contains("cities/far"), svg);
    }
}
