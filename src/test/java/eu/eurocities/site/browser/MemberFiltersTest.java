package eu.eurocities.site.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The member index's filters as a shared link gives them: values read without regard to case, an unknown one said,
 * the sort order kept, a combination without cities explained, the menus counting what the other filters leave,
 * and one control that clears them all.
 */
@ExtendWith(SiteExtension.class)
class MemberFiltersTest {

    @Test
    void filtersAndSortComeFromTheAddressInAnyCase(Browser browser, StaticServer server) {
        browser.viewport(1280, 900);
        browser.open(server.url("members/?country=pl&category=FULL&sort=Name-desc"));
        assertEquals("PL", js(browser, "return document.getElementById('filter-country').value"));
        assertEquals("full", js(browser, "return document.getElementById('filter-category').value"));
        assertEquals(
                "10 of 202 cities shown", js(browser, "return document.getElementById('filter-count').textContent"));
        assertEquals(
                "descending",
                js(browser, "return document.querySelector('th[data-sort=name]')" + ".getAttribute('aria-sort')"));
        assertEquals(List.of("Wrocław", "Warsaw"), visibleCities(browser).subList(0, 2));
        assertEquals("?country=pl&category=full&sort=name-desc", js(browser, "return location.search"));
        assertEquals(
                "Full member (10)",
                js(browser, "return document.querySelector('#filter-category option[value=full]').textContent"));
        assertEquals(
                "Partner (0)",
                js(browser, "return document.querySelector('#filter-category option[value=partner]').textContent"),
                "the category menu counts Poland's cities");
        assertEquals(
                "United Kingdom (0)",
                js(browser, "return document.querySelector('#filter-country option[value=GB]').textContent"));
    }

    @Test
    void aCombinationWithoutCitiesIsExplainedAndClearedInOneClick(Browser browser, StaticServer server) {
        browser.viewport(390, 900);
        browser.open(server.url("members/?country=gb&category=full&sort=country"));
        assertEquals(Boolean.FALSE, js(browser, "return document.getElementById('no-match').hidden"));
        assertEquals(
                "No listed city is in the United Kingdom and is in the category Full member.",
                js(browser, "return document.getElementById('no-match-why').textContent"));
        js(browser, "document.getElementById('no-match-clear').click()");
        assertEquals(
                "202 of 202 cities shown", js(browser, "return document.getElementById('filter-count').textContent"));
        assertEquals("?sort=country", js(browser, "return location.search"), "clearing the filters keeps the order");
        assertEquals(Boolean.TRUE, js(browser, "return document.getElementById('filter-clear').hidden"));
    }

    @Test
    void anUnknownValueIsSaidAndNothingTypedIsNotBlamed(Browser browser, StaticServer server) {
        browser.viewport(1280, 900);
        browser.open(server.url("members/?country=xx&sort=size"));
        assertEquals(
                "The link asks for no country “xx” and no sort order “size” (name, country, category or population, "
                        + "with -desc); all are shown instead.",
                js(browser, "return document.getElementById('filter-unknown').textContent"));
        assertEquals(
                "202 of 202 cities shown", js(browser, "return document.getElementById('filter-count').textContent"));
        browser.open(server.url("members/?country=ch&category=partner"));
        String why = (String) js(browser, "return document.getElementById('no-match-why').textContent");
        assertEquals(
                "No listed city is in Switzerland and is in the category Partner.",
                why,
                "nothing typed, no letters blamed");
        browser.open(server.url("members/?q=zzz"));
        assertEquals(
                "No listed city has “zzz” in its name.",
                js(browser, "return document.getElementById('no-match-why').textContent"));
    }

    private static Object js(Browser browser, String script) {
        return browser.script(script);
    }

    @SuppressWarnings("unchecked")
    private static List<String> visibleCities(Browser browser) {
        return (List<String>) browser.script("return [...document.querySelectorAll('#cities tbody tr')]"
                + ".filter(r => !r.hidden).map(r => r.querySelector('th a').textContent)");
    }
}
