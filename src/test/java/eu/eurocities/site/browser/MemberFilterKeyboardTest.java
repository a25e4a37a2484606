package eu.eurocities.site.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.browser.Browser.Scheme;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The member index's filter and sort, used with the keyboard alone: Tab reaches the name field, typing filters and
 * the count says how many cities are left, the country list answers to typed letters, and a column header sorts
 * with Enter.
 */
@ExtendWith(SiteExtension.class)
class MemberFilterKeyboardTest {

    @Test
    void filterAndSortWithTheKeyboardAlone(Browser browser, StaticServer server) {
        browser.viewport(1280, 900);
        browser.colorScheme(Scheme.LIGHT);
        browser.open(server.url("members/"));
        assertTrue(
                Boolean.TRUE.equals(browser.script("return !!document.getElementById('filters')")),
                "the member index has its filter form (#filters)");
        Actions keys = new Actions(browser.driver());

        int tabs = 0;
        while (!focusedIs(browser, "#filter-q") && tabs++ < 30) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertTrue(focusedIs(browser, "#filter-q"), "Tab from the top reaches the name field");

        keys.sendKeys("lodz").perform();
        waitForCount(browser, "1 of 202 cities shown");
        assertEquals(List.of("Łódź"), visibleCities(browser));
        assertEquals("1 of the 202 cities of the network, in alphabetical order", caption(browser));

        keys.keyDown(Keys.CONTROL)
                .sendKeys("a")
                .keyUp(Keys.CONTROL)
                .sendKeys(Keys.BACK_SPACE)
                .perform();
        waitForCount(browser, "202 of 202 cities shown");
        assertEquals("All 202 cities of the network, in alphabetical order", caption(browser));

        keys.sendKeys(Keys.TAB).perform();
        assertTrue(focusedIs(browser, "#filter-country"), "Tab goes on to the country list");
        keys.sendKeys("pol").perform();
        waitForCount(browser, "10 of 202 cities shown");
        assertEquals("Białystok", visibleCities(browser).get(0));

        keys.sendKeys(Keys.TAB, Keys.TAB).perform();
        assertTrue(focusedIs(browser, "#filter-clear"), "after the filters, Tab reaches the button that clears them");
        keys.sendKeys(Keys.TAB).perform();
        assertTrue(focusedIs(browser, "th button.sort"), "then the first sort button");
        keys.sendKeys(Keys.ENTER).perform();
        assertEquals(
                "descending", browser.script("return document.activeElement.closest('th').getAttribute('aria-sort')"));
        assertEquals(
                List.of(
                        "Wrocław",
                        "Warsaw",
                        "Rzeszów",
                        "Poznań",
                        "Lublin",
                        "Łódź",
                        "Katowice",
                        "Gdańsk",
                        "Bydgoszcz",
                        "Białystok"),
                visibleCities(browser));
        assertEquals("10 of the 202 cities of the network, by name, descending", caption(browser));
        assertTrue(focusedIs(browser, "th button.sort"), "focus stays on the sort button");
    }

    @Test
    void aFilterInTheAddressIsCountedAndCaptionedAtOnce(Browser browser, StaticServer server) {
        browser.viewport(390, 900);
        browser.open(server.url("members/?country=PL"));
        // read straight after load: no waiting for the pause that typing gets
        assertEquals(
                "10 of 202 cities shown", browser.script("return document.getElementById('filter-count').textContent"));
        assertEquals("10 of the 202 cities of the network, in alphabetical order", caption(browser));
        assertEquals(10, visibleCities(browser).size());
    }

    private static String caption(Browser browser) {
        return (String) browser.script("return document.querySelector('#cities caption').textContent");
    }

    private static boolean focusedIs(Browser browser, String selector) {
        return (Boolean) browser.script("return document.activeElement.matches(arguments[0])", selector);
    }

    private static void waitForCount(Browser browser, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .withMessage(() -> "the count never said \"" + text + "\"")
                .until(d -> text.equals(browser.script("return document.getElementById('filter-count').textContent")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> visibleCities(Browser browser) {
        return (List<String>) browser.script("return [...document.querySelectorAll('#cities tbody tr')]"
                + ".filter(r => !r.hidden).map(r => r.querySelector('th a').textContent)");
    }
}
