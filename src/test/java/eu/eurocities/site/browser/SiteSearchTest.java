package eu.eurocities.site.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.browser.Browser.Scheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site search as a visitor uses it: the header box on any page answers as they type (typos, accents, country
 * names, facts of the home page), the keyboard works it ("/" and Ctrl-K focus it, the arrows pick a result, Enter
 * goes there, Escape closes the panel), and the search page answers a shared {@code ?q=} link.
 */
@ExtendWith(SiteExtension.class)
class SiteSearchTest {

    @Test
    void theHeaderBoxFindsWhatVisitorsType(Browser browser, StaticServer server) {
        browser.viewport(1280, 900);
        browser.colorScheme(Scheme.LIGHT);
        browser.open(server.url("countries/"));
        assertEquals("Barcelona", first(browser, "barcelna"), "one typo in a word of 5+ letters");
        assertEquals("Łódź", first(browser, "lodz"));
        assertEquals("Munich", first(browser, "münchen"));
        assertEquals("Kyiv", first(browser, "kiev"), "an alternative name from the record");
        assertEquals("Brussels", first(browser, "bruxelles"));
        assertEquals("Warsaw", first(browser, "warschau"));
        assertEquals("Saint-Étienne Métropole", first(browser, "st etienne"), "Saint written short");
        assertEquals("Metropolitan area in France", option(browser, 0).get("kind"));
        assertEquals("Utrecht", first(browser, "utrecht"));
        assertEquals("City in the Netherlands", option(browser, 0).get("kind"), "the country as a sentence says it");
        assertEquals("Norway", first(browser, "norway"));
        assertEquals("Country", option(browser, 0).get("kind"));
        assertTrue(
                titles(browser).containsAll(List.of("Oslo", "Bergen", "Stavanger")),
                titles(browser).toString());
        assertEquals("City in Norway", option(browser, 1).get("kind"));
        assertEquals("United Kingdom", first(browser, "uk"), "UK, reserved in ISO 3166-1 for the United Kingdom");
        assertEquals("Country", option(browser, 0).get("kind"));
        assertEquals("United Kingdom", first(browser, "gb"), "the country's code");
        assertEquals("Germany", first(browser, "de"), "the country's code");
        assertEquals("BrabantStad", first(browser, "brabantstad"));
        assertEquals(
                "Grouping in the Netherlands", option(browser, 0).get("kind"), "the kind of place its record says");
        assertEquals("Norway", first(browser, "norge"), "the country's own name");
        assertTrue(titles(browser).contains("Oslo"), "the country's own name finds its cities too");
        assertEquals("Key facts", first(browser, "burkhard jung"));
        assertEquals(
                "Section of A network of Europe's cities", option(browser, 0).get("kind"));
        assertEquals(
                "../#facts-heading", option(browser, 0).get("href"), "from the countries page, the home page's anchor");
        assertEquals("Burkhard Jung", option(browser, 0).get("marked"), "the typed words are marked in the snippet");
        assertEquals("Related networks", first(browser, "b40"), "the heading the home page shows");
        assertEquals(List.of(), titles(browser, "md"), "no link target is indexed");
        type(browser, "xyz");
        assertEquals(
                "Nothing found for “xyz”. Check the spelling, or look for the city in the member index.",
                status(browser));
        type(browser, "zzzzzzzzzz");
        assertEquals("Nothing found for “zzzzzzzzzz”. Try the first few letters of the name.", status(browser));
    }

    @Test
    void theKeyboardWorksTheHeaderPanel(Browser browser, StaticServer server) {
        browser.viewport(390, 900);
        browser.open(server.url("membership/"));
        Actions keys = new Actions(browser.driver());
        keys.sendKeys("/").perform();
        assertTrue(focusedIs(browser, "#site-search-q"), "'/' focuses the search box");
        browser.script("document.activeElement.blur()");
        keys.keyDown(Keys.CONTROL).sendKeys("k").keyUp(Keys.CONTROL).perform();
        assertTrue(focusedIs(browser, "#site-search-q"), "Ctrl-K focuses the search box");
        keys.sendKeys("oslo").perform();
        waitFor(browser, () -> "Oslo".equals(option(browser, 0).get("title")));
        assertEquals(
                "true",
                browser.script("return document.getElementById('site-search-q').getAttribute('aria-expanded')"));
        keys.sendKeys(Keys.ARROW_DOWN).perform();
        assertEquals(
                "site-search-option-0",
                browser.script(
                        "return document.getElementById('site-search-q').getAttribute('aria-activedescendant')"));
        keys.sendKeys(Keys.ESCAPE).perform();
        assertEquals(Boolean.TRUE, browser.script("return document.querySelector('.search-panel').hidden"));
        assertEquals(
                "false",
                browser.script("return document.getElementById('site-search-q').getAttribute('aria-expanded')"));
        keys.sendKeys(Keys.ARROW_DOWN).perform();
        waitFor(
                browser,
                () -> Boolean.FALSE.equals(browser.script("return document.querySelector('.search-panel').hidden")));
        keys.sendKeys(Keys.ARROW_DOWN, Keys.ENTER).perform();
        waitFor(browser, () -> browser.driver().getCurrentUrl().endsWith("/cities/oslo/"));
    }

    @Test
    void theOpenPanelHasNoAccessibilityViolation(Browser browser, StaticServer server) throws IOException {
        for (Scheme scheme : Scheme.values()) {
            for (int width : new int[] {390, 1280}) {
                browser.viewport(width, 900);
                browser.colorScheme(scheme);
                browser.open(server.url(""));
                type(browser, "berlin");
                new Actions(browser.driver()).sendKeys(Keys.ARROW_DOWN).perform();
                List<com.deque.html.axecore.results.Rule> violations = AxeReport.violations(browser.driver());
                assertEquals(0, violations.size(), scheme + " at " + width + " px: " + AxeReport.describe(violations));
                Path shot = Path.of("target/screenshots/search-panel-" + width + "-" + scheme.cssValue() + ".png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, browser.driver().getScreenshotAs(OutputType.BYTES));
            }
        }
    }

    @Test
    void theSearchPageAnswersASharedLink(Browser browser, StaticServer server) {
        browser.viewport(1280, 900);
        browser.open(server.url("search/?q=st%C3%A4vanger"));
        waitFor(
                browser,
                () -> !((String) browser.script("return document.getElementById('search-status').textContent"))
                        .startsWith("Search"));
        assertEquals("Stavanger", browser.script("return document.querySelector('#search-results a').textContent"));
        assertEquals(
                "1 result for “stävanger”.",
                browser.script("return document.getElementById('search-status').textContent"));
        assertEquals(
                1L,
                browser.script("return document.querySelectorAll('form.site-search').length"),
                "the header box is on the search page too");
    }

    @Test
    void theSearchPagesExamplesFindWhatTheySay(Browser browser, StaticServer server) {
        browser.viewport(1280, 900);
        browser.open(server.url("search/"));
        String hint = (String) browser.script("return document.getElementById('search-hint').textContent");
        java.util.regex.Matcher example =
                java.util.regex.Pattern.compile("([^ :,]+) finds ([^,.]+)").matcher(hint);
        List<String> found = new java.util.ArrayList<>();
        while (example.find()) {
            assertEquals(example.group(2), first(browser, example.group(1)), hint);
            found.add(example.group(1));
        }
        assertEquals(List.of("izmir", "roma", "istanul"), found, "accents, the own language, a typo: " + hint);
    }

    private static String first(Browser browser, String typed) {
        List<String> titles = titles(browser, typed);
        return titles.isEmpty() ? null : titles.get(0);
    }

    private static List<String> titles(Browser browser, String typed) {
        type(browser, typed);
        return titles(browser);
    }

    /** Types {@code typed} into the header box and waits until the panel answers it. */
    private static void type(Browser browser, String typed) {
        browser.script(
                "var i = document.getElementById('site-search-q'); i.focus(); i.value = arguments[0];"
                        + "i.dispatchEvent(new Event('input'));",
                typed);
        waitFor(
                browser,
                () -> String.valueOf(browser.script("return document.querySelector('.search-panel-status') && "
                                + "document.querySelector('.search-panel-status')"
                                + ".textContent"))
                        .contains("“" + typed + "”"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles(Browser browser) {
        return (List<String>) browser.script("return [...document.querySelectorAll('#site-search-list [role=option] "
                + ".result-title')].map(a => a.textContent)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> option(Browser browser, int i) {
        return (Map<String, String>) browser.script(
                "var o = document.querySelectorAll('#site-search-list [role=option]')"
                        + "[arguments[0]]; return o ? {title: o.querySelector('.result-title').textContent, href: "
                        + "o.dataset.href,"
                        + " kind: o.querySelector('.kind').textContent,"
                        + " marked: [...o.querySelectorAll('mark')].map(m => m.textContent).join(' ')} : {}",
                i);
    }

    private static String status(Browser browser) {
        return (String) browser.script("return document.querySelector('.search-panel-status').textContent");
    }

    private static boolean focusedIs(Browser browser, String selector) {
        return (Boolean) browser.script("return document.activeElement.matches(arguments[0])", selector);
    }

    private static void waitFor(Browser browser, java.util.function.Supplier<Boolean> done) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> done.get());
    }
}
