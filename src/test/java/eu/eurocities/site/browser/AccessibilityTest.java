package eu.eurocities.site.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Rule;
import eu.eurocities.site.browser.Browser.Scheme;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * WCAG 2.2 AA in a real browser: axe-core finds no violation on any page type, in the light and the dark colour
 * scheme, and a keyboard user reaches the skip link first and lands in the main content with it.
 */
@ExtendWith(SiteExtension.class)
class AccessibilityTest {
  static Browser browser;
  static StaticServer server;

  @BeforeAll
  static void open(Browser b, StaticServer s) {
    browser = b;
    server = s;
  }

  static Stream<Arguments> pagesInBothSchemes() {
    return PageType.ALL.stream().flatMap(p -> Stream.of(Scheme.values()).map(s -> Arguments.of(p, s)));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("pagesInBothSchemes")
  void noWcagViolations(PageType page, Scheme scheme) {
    browser.viewport(1280, 900);
    browser.colorScheme(scheme);
    browser.open(server.url(page.path()));
    assertEquals(scheme == Scheme.DARK, browser.script("return matchMedia('(prefers-color-scheme: dark)').matches"),
        "the emulated colour scheme reaches the page");
    List<Rule> violations = AxeReport.violations(browser.driver());
    assertTrue(violations.isEmpty(), () -> violations.size() + " WCAG 2.2 AA rule(s) violated on /" + page.path()
        + " in the " + scheme.cssValue() + " scheme, " + AxeReport.nodeCount(violations) + " node(s):"
        + AxeReport.describe(violations));
  }

  @Test
  void axeReportsAViolationWhereThereIsOne() {
    String bad = "<!DOCTYPE html><html lang=en><title>t</title><main><h1>t</h1>"
        + "<p style='color:#999;background:#fff'>faint text</p><img src='x.png'></main></html>";
    browser.colorScheme(Scheme.LIGHT);
    browser.open("data:text/html;charset=utf-8," + URLEncoder.encode(bad, StandardCharsets.UTF_8).replace("+", "%20"));
    List<Rule> violations = AxeReport.violations(browser.driver());
    assertEquals(List.of("color-contrast", "image-alt"), violations.stream().map(Rule::getId).sorted().toList(),
        AxeReport.describe(violations));
    String text = AxeReport.describe(violations);
    assertTrue(text.contains("<img src=\"x.png\">"), text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eu.eurocities.site.browser.PageType#all")
  void tabReachesTheSkipLinkFirstAndItMovesFocusToMain(PageType page) {
    browser.viewport(1280, 900);
    browser.colorScheme(Scheme.LIGHT);
    browser.open(server.url(page.path()));
    Actions keys = new Actions(browser.driver());
    keys.sendKeys(Keys.TAB).perform();
    assertTrue(focusedMatches("a.skip-link[href='#main']"), "first Tab stop on /" + page.path() + " is " + focused());
    assertEquals(Boolean.TRUE, browser.script("const r = document.activeElement.getBoundingClientRect();"
        + " return r.top >= 0 && r.bottom <= innerHeight && r.width > 0"), "the focused skip link is visible");
    keys.sendKeys(Keys.ENTER).perform();
    assertTrue(focusedMatches("main#main"), "Enter on the skip link moves focus to main, not to " + focused());
    keys.sendKeys(Keys.TAB).perform();
    assertEquals(Boolean.TRUE, browser.script("return document.querySelector('main').contains(document.activeElement)"
        + " && document.activeElement !== document.querySelector('main')"),
        "the next Tab stop is inside main, not " + focused());
  }

  private static boolean focusedMatches(String selector) {
    return (Boolean) browser.script("return document.activeElement.matches(arguments[0])", selector);
  }

  private static String focused() {
    return (String) browser.script("const e = document.activeElement; return e.localName"
        + " + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className.split(' ').join('.') : '')");
  }
}
