package eu.eurocities.site.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Cli;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.render.Links;
import eu.eurocities.site.render.Markdown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * Clicking a link of the site never runs a script. Chromium is the judge: it reads each address with its own URL
 * parser, and a click on a link whose address runs script is seen by hooks on {@code alert}, {@code confirm},
 * {@code prompt}, {@code print} and {@code onerror}, or by a dialog. Both judges are first shown to catch a script
 * link that a theme template writes (built without the check), which the output check then refuses; then a page of
 * Markdown script links is refused by the build, and even rendered without that check its links run nothing; then
 * every page of the real site is read and the links of its Markdown pages are clicked.
 */
@ExtendWith(SiteExtension.class)
class LinkSchemeBrowserTest {
    /** Records, in the page, every sign of script a click may give. */
    static final String HOOKS = "window.__ran = [];"
            + "for (const f of ['alert', 'confirm', 'prompt', 'print']) {"
            + "  window[f] = (...a) => { window.__ran.push(f + '(' + a.join(',') + ')'); }; }"
            + "window.addEventListener('error', e => window.__ran.push('error: ' + e.message));";

    /**
     * Every address in an address attribute of {@code doc} whose scheme, as the browser parses it against
     * {@code base}, is not http, https, mailto or tel, as {@code tag attribute="value" (scheme:)}.
     */
    static final String SCAN = "function scan(doc, base) {"
            + "  const single = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'cite',"
            + "    'background', 'longdesc', 'codebase', 'icon', 'manifest'];"
            + "  const bad = [];"
            + "  for (const el of doc.querySelectorAll('*')) {"
            + "    for (const a of el.attributes) {"
            + "      const name = a.name.toLowerCase();"
            + "      const values = single.includes(name) ? [a.value]"
            + "        : name === 'srcset' ? a.value.split(',').map(s => s.trim().split(/\\s+/)[0]) : [];"
            + "      for (const v of values) {"
            + "        let scheme;"
            + "        try { scheme = new URL(v, base).protocol; } catch (e) { continue; }"
            + "        if (!['http:', 'https:', 'mailto:', 'tel:'].includes(scheme)) {"
            + "          bad.push(el.tagName.toLowerCase() + ' ' + name + '=\"' + v + '\" (' + scheme + ')'); } } } }"
            + "  return bad; }";

    @TempDir
    Path tmp;

    @Test
    void aScriptLinkFromATemplateRunsWhenClickedSoTheCheckRefusesIt(Browser browser) throws IOException {
        Path source = Cli.copyContent(tmp.resolve("src"));
        Files.createDirectories(source.resolve("templates/pages"));
        Files.writeString(source.resolve("templates/pages/notfound.jte"), """
        @import eu.eurocities.site.render.PageContext
        @import eu.eurocities.site.plan.Page
        @param PageContext<Page.NotFound> ctx
        !{var page = ctx.page();}
        @template.layout.base(ctx = ctx, content = @`
        <h1>${page.title()}</h1>
        <p><a id="plain" href="javascript:alert('plain')">plain</a>
        <a id="entity" href="JaVaScRiPt&#58;alert('entity')">entity</a>
        <a id="tab" href="java&#9;script:alert('tab')">tab</a></p>
        `)
        """);
        Path out = tmp.resolve("site");
        Cli.Run build =
                Cli.run("build", "--source", source.toString(), "--out", out.toString(), "--no-check", "--quiet");
        assertEquals(0, build.code(), build.err());

        try (StaticServer server = new StaticServer(out)) {
            String page = server.url("404.html");
            for (String id : List.of("plain", "entity", "tab")) {
                assertEquals(
                        List.of("alert(" + id + ")"),
                        clickAndWatch(browser, page, By.id(id)),
                        "the click on #" + id + " runs its script, so the hooks see a script link");
            }
            browser.open(page);
            assertEquals(
                    List.of(
                            "a href=\"javascript:alert('plain')\" (javascript:)",
                            "a href=\"JaVaScRiPt:alert('entity')\" (javascript:)",
                            "a href=\"java\tscript:alert('tab')\" (javascript:)"),
                    browser.script(SCAN + "return scan(document, location.href);"),
                    "the scan sees them too");
        }

        Cli.Run check = Cli.run("check", "--source", source.toString(), "--out", out.toString());
        assertEquals(1, check.code(), check.err());
        String unsafe =
                "404.html: error: unsafe link: <a href> uses the scheme 'javascript:', which is not allowed; a link "
                        + "may use http:, https:, mailto:, tel: or a relative address";
        assertEquals(
                List.of(
                        unsafe + " (href=\"javascript:alert('plain')\")",
                        unsafe + " (href=\"JaVaScRiPt:alert('entity')\")",
                        unsafe + " (href=\"java\tscript:alert('tab')\")",
                        "3 problems in the output"),
                check.errLines());
    }

    static final String SCRIPT_LINKS = """
      ---
      title: Script links
      ---
      [inline](javascript:alert('inline')) [capitals](JaVaScRiPt:alert('capitals'))
      [entity](javascript&#58;alert('entity')) [tab](java&#9;script:alert('tab'))
      [spaced](< javascript:alert('spaced')>) <javascript:alert('autolink')> [reference][r]
      ![image](data:image/svg+xml;base64,PHN2Zy8+) <a href="javascript:alert('raw')">raw</a>

      | Where | Link |
      |-------|------|
      | cell  | [cell](javascript:alert('cell')) |

      [r]: javascript:alert('reference')
      """;

    @Test
    void markdownScriptLinksAreRefusedAndRenderedWithoutTheCheckTheyRunNothing(Browser browser) throws IOException {
        Path source = Cli.copyContent(tmp.resolve("src"));
        Files.writeString(source.resolve("content/pages/script-links.md"), SCRIPT_LINKS, StandardCharsets.UTF_8);
        Path refused = tmp.resolve("refused");
        Cli.Run build = Cli.run("build", "--source", source.toString(), "--out", refused.toString());
        assertEquals(1, build.code(), build.err());
        List<String> positions = build.errLines().stream()
                .filter(l -> l.contains(": error: "))
                .map(l -> l.substring(0, l.indexOf(": error: ")))
                .toList();
        assertEquals(
                List.of("4:1", "4:38", "5:1", "5:42", "6:1", "6:41", "7:1", "7:49", "11:11", "13:1").stream()
                        .map(p -> "content/pages/script-links.md:" + p)
                        .toList(),
                positions);
        assertEquals(
                "10 errors, 0 warnings", build.errLines().get(build.errLines().size() - 1));
        assertFalse(Files.exists(refused.resolve("index.html")), "nothing is written");

        // the same Markdown rendered without the check, as a second line behind it
        TextPage text = new TextPage(
                "script-links",
                "Script links",
                100,
                null,
                SCRIPT_LINKS.substring(SCRIPT_LINKS.indexOf("---\n", 4) + 4),
                4,
                SourcePos.start("script-links.md"));
        Diagnostics diagnostics = new Diagnostics();
        String body = new Markdown()
                .render(text, new Links("", "/", false), f -> null, Set.of(), diagnostics, link -> {})
                .value();
        Path out = Files.createDirectories(tmp.resolve("unchecked"));
        Files.writeString(
                out.resolve("index.html"),
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<title>Script links</title></head><body><main>" + body + "</main></body></html>",
                StandardCharsets.UTF_8);
        Files.writeString(out.resolve("404.html"), "<!DOCTYPE html><title>Not found</title>", StandardCharsets.UTF_8);
        try (StaticServer server = new StaticServer(out)) {
            String page = server.url("");
            browser.open(page);
            assertEquals(List.of(), browser.script(SCAN + "return scan(document, location.href);"));
            int links = browser.driver().findElements(By.cssSelector("main a")).size();
            assertEquals(8, links, body);
            for (int i = 0; i < links; i++) {
                assertEquals(List.of(), clickAndWatch(browser, page, By.cssSelector("main a"), i), "link " + i);
            }
        }
    }

    @Test
    void noAddressOnAnyPageOfTheRealSiteRunsScript(Browser browser, StaticServer server, BuiltSite site) {
        List<String> pages = new ArrayList<>(site.sitemapFiles());
        pages.add("404.html");
        browser.open(server.url(""));
        @SuppressWarnings("unchecked")
        List<String> bad = (List<String>) browser.driver()
                .executeAsyncScript(
                        SCAN
                                + "const done = arguments[arguments.length - 1];"
                                + "(async () => {"
                                + "  const bad = [];"
                                + "  for (const file of arguments[0]) {"
                                + "    const url = new URL(file, location.href).href;"
                                + "    const html = await (await fetch(url)).text();"
                                + "    for (const b of scan(new DOMParser().parseFromString(html, 'text/html'), "
                                + "url)) bad.push(file + ': ' + b);"
                                + "  }"
                                + "  return bad; })().then(done, e => done(['failed: ' + e]));",
                        pages);
        assertEquals(List.of(), bad, "pages read: " + pages.size());
        assertTrue(pages.size() > 200, "every page of the sitemap is read");

        for (String file : List.of("index.html", "membership/index.html", "strategy-and-activities/index.html")) {
            String page = server.url(file.replace("index.html", ""));
            browser.open(page);
            @SuppressWarnings("unchecked")
            // the links of a map are the same as the list beside it, and their href is an SVG string, not a URL
            List<Long> sameSite = (List<Long>) browser.script("return [...document.querySelectorAll('main a[href]')]"
                    + ".map((a, i) => [a, i]).filter(([a]) => !a.closest('svg')"
                    + " && new URL(a.href).origin === location.origin).map(([a, i]) => i)");
            assertFalse(sameSite.isEmpty(), file + " has links to click");
            for (long i : sameSite) {
                assertEquals(
                        List.of(),
                        clickAndWatch(browser, page, By.cssSelector("main a[href]"), (int) i),
                        file + ", link " + i);
            }
        }
    }

    private static List<String> clickAndWatch(Browser browser, String page, By link) {
        return clickAndWatch(browser, page, link, 0);
    }

    /**
     * Opens {@code page}, installs {@link #HOOKS}, clicks the {@code index}th element {@code link} finds as a reader
     * would, and watches for a second: the signs of script the hooks saw, or that a dialog opened; empty when the
     * click ran nothing (also when it led to another page, where no script of the link can run).
     */
    private static List<String> clickAndWatch(Browser browser, String page, By link, int index) {
        browser.open(page);
        browser.script(HOOKS);
        WebElement element = browser.driver().findElements(link).get(index);
        browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
        try {
            element.click();
        } catch (WebDriverException notClickable) {
            browser.script("arguments[0].click()", element);
        }
        long end = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                String dialog = browser.driver().switchTo().alert().getText();
                browser.driver().switchTo().alert().dismiss();
                return List.of("dialog: " + dialog);
            } catch (NoAlertPresentException none) {
                // no dialog: look at the hooks
            }
            Object ran;
            try {
                ran = browser.script("return window.__ran === undefined ? null : window.__ran");
            } catch (UnhandledAlertException dialog) {
                return List.of("dialog");
            } catch (JavascriptException navigating) {
                ran = List.of();
            }
            if (ran == null) {
                return List.of(); // another document: the click navigated
            }
            if (!((List<?>) ran).isEmpty()) {
                return ((List<?>) ran).stream().map(String::valueOf).toList();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return List.of();
    }
}
