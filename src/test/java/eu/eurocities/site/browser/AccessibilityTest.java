package eu.eurocities.site.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Rule;
import eu.eurocities.site.browser.Browser.Scheme;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * WCAG 2.2 AA in a real browser: axe-core finds no violation on any page type, in the light and the dark colour
 * scheme, and a keyboard user reaches the skip link first, lands in the main content with it, and sees a focus
 * ring on every Tab stop.
 */
@ExtendWith(SiteExtension.class)
class AccessibilityTest {
    /** How many Tab stops from the top of a page are checked for a focus ring: header, main content, footer. */
    static final int TAB_STOPS = 40;

    static Browser browser;
    static StaticServer server;

    @BeforeAll
    static void open(Browser b, StaticServer s) {
        browser = b;
        server = s;
    }

    /** Each page type at desktop width in both schemes, and at phone width, where layout-bound rules differ. */
    @TestFactory
    Stream<DynamicTest> noWcagViolations(BuiltSite site) {
        return PageType.in(site).stream()
                .flatMap(p -> Stream.of(
                        check(p, Scheme.LIGHT, 1280), check(p, Scheme.DARK, 1280), check(p, Scheme.LIGHT, 390)));
    }

    private static DynamicTest check(PageType page, Scheme scheme, int width) {
        return DynamicTest.dynamicTest(
                page + ", " + scheme.cssValue() + ", " + width + " px", () -> noWcagViolations(page, scheme, width));
    }

    private static void noWcagViolations(PageType page, Scheme scheme, int width) {
        browser.viewport(width, 900);
        browser.colorScheme(scheme);
        browser.open(server.url(page.path()));
        assertEquals(
                scheme == Scheme.DARK,
                browser.script("return matchMedia('(prefers-color-scheme: dark)').matches"),
                "the emulated colour scheme reaches the page");
        List<Rule> violations = AxeReport.violations(browser.driver());
        assertTrue(
                violations.isEmpty(),
                () -> violations.size() + " WCAG 2.2 AA rule(s) violated on /" + page.path()
                        + " in the " + scheme.cssValue() + " scheme at " + width + " px, "
                        + AxeReport.nodeCount(violations)
                        + " node(s):"
                        + AxeReport.describe(violations));
    }

    @Test
    void axeReportsAViolationWhereThereIsOne() {
        String bad = "<!DOCTYPE html><html lang=en><title>t</title><main><h1>t</h1>"
                + "<p style='color:#999;background:#fff'>faint text</p><img src='x.png'></main></html>";
        browser.colorScheme(Scheme.LIGHT);
        browser.open("data:text/html;charset=utf-8,"
                + URLEncoder.encode(bad, StandardCharsets.UTF_8).replace("+", "%20"));
        List<Rule> violations = AxeReport.violations(browser.driver());
        assertEquals(
                List.of("color-contrast", "image-alt"),
                violations.stream().map(Rule::getId).sorted().toList(),
                AxeReport.describe(violations));
        String text = AxeReport.describe(violations);
        assertTrue(text.contains("<img src=\"x.png\">"), text);
    }

    @TestFactory
    Stream<DynamicTest> tabReachesTheSkipLinkFirstAndItMovesFocusToMain(BuiltSite site) {
        return PageType.in(site).stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> skipLink(p)));
    }

    private static void skipLink(PageType page) {
        browser.viewport(1280, 900);
        browser.colorScheme(Scheme.LIGHT);
        browser.open(server.url(page.path()));
        Actions keys = new Actions(browser.driver());
        keys.sendKeys(Keys.TAB).perform();
        assertTrue(
                focusedMatches("a.skip-link[href='#main']"), "first Tab stop on /" + page.path() + " is " + focused());
        assertEquals(
                Boolean.TRUE,
                browser.script("const r = document.activeElement.getBoundingClientRect();"
                        + " return r.top >= 0 && r.bottom <= innerHeight && r.width > 0"),
                "the focused skip link is visible");
        keys.sendKeys(Keys.ENTER).perform();
        assertTrue(focusedMatches("main#main"), "Enter on the skip link moves focus to main, not to " + focused());
        keys.sendKeys(Keys.TAB).perform();
        assertEquals(
                Boolean.TRUE,
                browser.script("return document.querySelector('main').contains(document.activeElement)"
                        + " && document.activeElement !== document.querySelector('main')"),
                "the next Tab stop is inside main, not " + focused());
    }

    @TestFactory
    Stream<DynamicTest> everyTabStopShowsAFocusRing(BuiltSite site) {
        return PageType.in(site).stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> focusRings(p)));
    }

    private static void focusRings(PageType page) {
        browser.viewport(1280, 900);
        browser.colorScheme(Scheme.LIGHT);
        browser.open(server.url(page.path()));
        List<String> unmarked = new ArrayList<>();
        Actions keys = new Actions(browser.driver());
        for (int stop = 0; stop < TAB_STOPS; stop++) {
            keys.sendKeys(Keys.TAB).perform();
            if (focusedMatches("body")) {
                break;
            }
            if (!Boolean.TRUE.equals(browser.script("const s = getComputedStyle(document.activeElement);"
                    + " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2"))) {
                unmarked.add(focused());
            }
        }
        assertEquals(List.of(), unmarked, "Tab stops on /" + page.path() + " without a visible focus outline");
    }

    private static boolean focusedMatches(String selector) {
        return (Boolean) browser.script("return document.activeElement.matches(arguments[0])", selector);
    }

    /** The focused element as {@code tag#id.class "text"}, for messages. */
    private static String focused() {
        return (String) browser.script("const e = document.activeElement;"
                + " return e.localName + (e.id ? '#' + e.id : '') + (e.getAttribute('class') ? '.' + "
                + "e.getAttribute('class').split(' ').join('.') : '')"
                + " + (e.innerText ? ' \"' + e.innerText.trim().replace(/\\s+/g, ' ').slice(0, 40) + '\"' : '')");
    }
}
