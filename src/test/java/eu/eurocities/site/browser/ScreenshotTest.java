package eu.eurocities.site.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.browser.Browser.Scheme;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Full-page screenshots of every page type at a phone width (390 px) and a desktop width (1280 px), in the light
 * and the dark scheme, saved as {@code target/screenshots/<page>-<width>-<scheme>.png} for people to look at.
 * Each one also checks what a picture shows at a glance: the page does not scroll sideways (down to 320 px, the
 * narrowest width WCAG's reflow criterion asks for), the footer ends the page even when the content is short, the
 * dark scheme really is dark, and nothing moves while the page loads (no layout shift).
 */
@ExtendWith(SiteExtension.class)
class ScreenshotTest {
    static final Path FOLDER = Path.of(System.getProperty("basedir", "."), "target", "screenshots");
    /** Sums the layout shifts the page recorded while it loaded (the browser hands them over asynchronously). */
    static final String LAYOUT_SHIFT = "return new Promise(done => { let sum = 0;"
            + " const seen = new PerformanceObserver(list => list.getEntries().forEach(e => sum += e.value));"
            + " seen.observe({type: 'layout-shift', buffered: true});"
            + " setTimeout(() => { seen.disconnect(); done(sum); }, 100); })";

    /**
     * The largest cumulative layout shift taken as none: a hundredth of the 0.1 that Core Web Vitals calls good. A
     * heavily loaded machine has recorded shifts of about 0.00001 (a sub-pixel move as the page settles) that no
     * visitor can see; content pushed down by a late element scores hundreds of times more.
     */
    static final double NO_VISIBLE_SHIFT = 0.001;

    static Browser browser;
    static StaticServer server;

    @BeforeAll
    static void open(Browser b, StaticServer s) throws IOException {
        browser = b;
        server = s;
        Files.createDirectories(FOLDER);
    }

    @TestFactory
    Stream<DynamicTest> screenshots(BuiltSite site) {
        return PageType.in(site).stream()
                .flatMap(p -> Stream.of(390, 1280)
                        .flatMap(w -> Stream.of(Scheme.values())
                                .map(s -> DynamicTest.dynamicTest(
                                        p + " at " + w + " px, " + s.cssValue(), () -> screenshot(p, w, s)))));
    }

    private static void screenshot(PageType page, int width, Scheme scheme) throws IOException {
        show(page, width, scheme);
        assertEquals(
                scheme == Scheme.DARK ? "rgb(15, 20, 25)" : "rgb(255, 255, 255)",
                browser.script("return getComputedStyle(document.body).backgroundColor"),
                "page background");
        assertEquals(
                Boolean.TRUE,
                browser.script("return Math.abs(document.querySelector('footer').getBoundingClientRect()"
                        + ".bottom + scrollY - Math.max(innerHeight, document.documentElement.scrollHeight)) < 1"),
                "the footer ends the page, with no bare background below it");
        double shift = ((Number) browser.script(LAYOUT_SHIFT)).doubleValue();
        assertTrue(shift < NO_VISIBLE_SHIFT, "cumulative layout shift while loading: " + shift);
        byte[] png = browser.fullPageScreenshot();
        Path file = FOLDER.resolve(page.name() + "-" + width + "-" + scheme.cssValue() + ".png");
        Files.write(file, png);
        int height = ((Number) browser.script("return document.documentElement.scrollHeight")).intValue();
        assertEquals(List.of(width, height), pngSize(png), "screenshot covers the whole page: " + file);
    }

    @TestFactory
    Stream<DynamicTest> noSidewaysScrollingAt320Pixels(BuiltSite site) {
        return PageType.in(site).stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> show(p, 320, Scheme.LIGHT)));
    }

    @Test
    void theLayoutShiftMeasureSeesContentPushedDown() throws InterruptedException {
        browser.viewport(390, 900);
        String html = "<!DOCTYPE html><html lang=en><title>t</title><p>first</p><p>second</p><script>"
                // late enough to come after the first paint on a busy machine: a change before it is no shift
                + "setTimeout(() => document.body.insertAdjacentHTML('afterbegin', '<div "
                + "style=\\'height:300px\\'></div>'), 500)"
                + "</script>";
        browser.open("data:text/html;charset=utf-8,"
                + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
        double shift = 0;
        for (int tries = 0; tries < 40 && shift < NO_VISIBLE_SHIFT; tries++) {
            Thread.sleep(100);
            shift = ((Number) browser.script(LAYOUT_SHIFT)).doubleValue();
        }
        assertTrue(shift >= NO_VISIBLE_SHIFT, "layout shift measured: " + shift);
    }

    /** Opens the page at the given width and scheme and checks that nothing makes it wider than the viewport. */
    private static void show(PageType page, int width, Scheme scheme) {
        browser.viewport(width, 900);
        browser.colorScheme(scheme);
        browser.open(server.url(page.path()));
        @SuppressWarnings("unchecked")
        List<Object> wide = (List<Object>) browser.script("const w = document.documentElement.clientWidth;"
                + " return [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect();"
                + " return r.right > w + 0.5 && getComputedStyle(e).position !== 'absolute'"
                + " && !e.closest('.table-scroll > *') && !e.parentElement.closest('svg'); })"
                + ".map(e => e.localName + (e.getAttribute('class') ? '.' + e.getAttribute('class') : '')"
                + " + ' ends at ' + Math.round(e.getBoundingClientRect().right))");
        Number scrollWidth = (Number) browser.script("return document.documentElement.scrollWidth");
        assertTrue(
                scrollWidth.intValue() <= width && wide.isEmpty(),
                () -> "/" + page.path() + " is " + scrollWidth + " px wide in a " + width + " px viewport; too wide: "
                        + wide);
    }

    /** Width and height from a PNG's header. */
    private static List<Integer> pngSize(byte[] png) {
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
        return List.of(header.getInt(), header.getInt());
    }
}
