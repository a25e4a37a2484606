package eu.eurocities.site.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real content built with {@code language: fr}: the texts the scripts write (the header search's answers, the
 * member filter's count and explanations) are the French ones of {@code templates/i18n/fr.yaml}, and the header
 * box's placeholder fits on a phone.
 */
@ExtendWith(SiteExtension.class)
class FrenchSiteTest {
    @TempDir
    static Path tmp;

    private static StaticServer server;

    @BeforeAll
    static void buildInFrench() throws IOException {
        Path source = Cli.frenchCopy(tmp.resolve("src"));
        Path out = tmp.resolve("out");
        Cli.Run build = Cli.build(source, out, "--strict");
        assertEquals(0, build.code(), build.err());
        server = new StaticServer(out);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void theHeaderSearchAnswersInFrench(Browser browser) {
        browser.viewport(1280, 900);
        browser.open(server.url("countries/"));
        type(browser, "oslo");
        waitFor(browser, () -> status(browser).startsWith("1 résultat"));
        assertEquals("1 résultat pour « oslo »", status(browser).replace(".", ""));
        assertEquals(
                "Ville · pays : Norvège",
                browser.script("return document.querySelector('#site-search-list [role=option] .kind').textContent"));
        type(browser, "xyz");
        waitFor(browser, () -> status(browser).contains("« xyz »"));
        assertEquals(
                "Aucun résultat pour « xyz ». Vérifiez l’orthographe, ou cherchez la ville dans l’index des membres.",
                status(browser));
    }

    @Test
    void theMemberFilterSpeaksFrench(Browser browser) {
        browser.viewport(390, 900);
        browser.open(server.url("members/?country=gb&category=full"));
        assertEquals(
                "Aucune ville listée ne répond à tous ces critères : pays : Royaume-Uni ; catégorie : Full member.",
                browser.script("return document.getElementById('no-match-why').textContent"));
        assertEquals(
                "Effacer les filtres", browser.script("return document.getElementById('no-match-clear').textContent"));
        browser.script("document.getElementById('no-match-clear').click()");
        assertEquals(
                "Affichage : 202 sur 202 villes",
                browser.script("return document.getElementById('filter-count').textContent"));
    }

    @Test
    void theSearchPlaceholderFitsOnAPhone(Browser browser) throws IOException {
        browser.viewport(390, 900);
        browser.open(server.url(""));
        // the placeholder's width in the box's font against the room inside the box
        Object room = browser.script("var i = document.getElementById('site-search-q'), s = getComputedStyle(i);"
                + "var c = document.createElement('canvas').getContext('2d'); c.font = s.font;"
                + "return [c.measureText(i.placeholder).width,"
                + " i.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight), i.placeholder]");
        @SuppressWarnings("unchecked")
        java.util.List<Object> r = (java.util.List<Object>) room;
        double text = ((Number) r.get(0)).doubleValue();
        double inside = ((Number) r.get(1)).doubleValue();
        Path shot = Path.of("target/screenshots/french-header-390.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.driver().getScreenshotAs(OutputType.BYTES));
        assertTrue(text <= inside, "'" + r.get(2) + "' is " + text + " px wide in a box of " + inside + " px");
    }

    /**
     * Types {@code typed} into the header box as a visitor would: a click gives it focus, which loads the search
     * script (a {@code focus()} called by a script fires no focus event in a window that has none itself, as
     * headless Chromium 150's), then the text arrives as one input.
     */
    private static void type(Browser browser, String typed) {
        browser.driver().findElement(By.id("site-search-q")).click();
        browser.script(
                "var i = document.getElementById('site-search-q'); i.focus(); i.value = arguments[0];"
                        + "i.dispatchEvent(new Event('input'));",
                typed);
    }

    private static String status(Browser browser) {
        return String.valueOf(browser.script(
                "var s = document.querySelector('.search-panel-status');" + " return s ? s.textContent : ''"));
    }

    private static void waitFor(Browser browser, Supplier<Boolean> done) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> done.get());
    }
}
