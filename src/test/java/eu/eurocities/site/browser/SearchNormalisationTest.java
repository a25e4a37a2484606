package eu.eurocities.site.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.eurocities.site.plan.Fold;
import eu.eurocities.site.render.SearchIndex;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one normalisation of the site search, on both sides: the browser's {@code search.js} folds, cuts into words
 * and picks shard keys exactly as the build does ({@link Fold#query}, {@link SearchIndex#terms}, {@link
 * SearchIndex#key}), or a word indexed at build time would not be found by the same word typed.
 */
@ExtendWith(SiteExtension.class)
class SearchNormalisationTest {
    static final List<String> INPUTS = List.of(
            "Łódź",
            "Straße",
            "Saint-Étienne",
            "Київ",
            "İzmir",
            "ÆRØ",
            "Ħamrun",
            "Þórshöfn",
            "Œuvre  d'art",
            "Αθήνα",
            "São Paulo",
            "Kadıköy",
            "B40 Balkan Cities!",
            "Đakovo",
            "Großenhain",
            "ŁÓDŹ",
            "Zürich",
            "Cluj-Napoca",
            "Mönchengladbach",
            "Dún Laoghaire",
            "Sankt\u00a0Pölten",
            "a\u0308b",
            "ﬁre",
            "ǅemal",
            "Tbilisi / თბილისი",
            "x—y (z)");

    @Test
    void theBrowserFoldsCutsAndKeysAsTheBuildDoes(Browser browser, StaticServer server) {
        browser.open(server.url("search/"));
        for (String input : INPUTS) {
            String folded = Fold.query(input);
            assertEquals(
                    folded, browser.script("return eurocitiesSearch.fold(arguments[0])", input), "fold of " + input);
            List<String> terms = SearchIndex.terms(input);
            assertEquals(
                    terms, browser.script("return eurocitiesSearch.terms(arguments[0])", input), "words of " + input);
            for (String term : terms) {
                for (int letters = 1; letters <= 3; letters++) {
                    assertEquals(
                            SearchIndex.key(term, letters),
                            browser.script("return eurocitiesSearch.key(arguments[0], arguments[1])", term, letters),
                            "key of " + term);
                }
            }
        }
    }
}
