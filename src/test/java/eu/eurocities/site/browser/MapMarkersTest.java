package eu.eurocities.site.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The members' markers on the maps of the home page, a country page and a city page: on a 375 px phone they are at
 * least 9.5 px across (they shrank with the map to about 5 px), on a wide screen as drawn, unscaled.
 */
@ExtendWith(SiteExtension.class)
class MapMarkersTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "countries/de/", "cities/lodz/"})
    void markersCanBeSeenAndTappedOnAPhone(String page, Browser browser, StaticServer server) {
        browser.viewport(375, 812);
        browser.open(server.url(page));
        List<Number> phone = sizes(browser);
        assertTrue(
                phone.get(0).doubleValue() >= 9.5,
                () -> "the smallest marker on /" + page + " is " + phone.get(0) + " px across at 375 px");
        browser.viewport(1280, 900);
        browser.open(server.url(page));
        assertEquals(0L, ((Number) sizes(browser).get(1)).longValue(), "markers scaled on a wide screen");
    }

    /** The smallest marker's width on screen, and how many markers have a transform. */
    @SuppressWarnings("unchecked")
    private static List<Number> sizes(Browser browser) {
        return (List<Number>) browser.script("var c = [...document.querySelectorAll('svg.map .mk circle')];"
                + "return [Math.min(...c.map(e => e.getBoundingClientRect().width)),"
                + " c.filter(e => getComputedStyle(e).transform !== 'none').length]");
    }
}
