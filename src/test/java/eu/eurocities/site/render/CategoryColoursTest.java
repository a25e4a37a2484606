package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.Category;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryColoursTest {
    @Test
    void eachCategoryTakesTheColourOfItsPlaceWhateverItsId() {
        List<Category> categories = new ArrayList<>();
        for (String id : List.of("member", "observer", "c", "d", "e", "f", "seventh")) {
            categories.add(new Category(id, id, id, "", null, null, true, SourcePos.NONE));
        }
        String css = CategoryColours.css(categories);
        assertEquals(7, css.lines().count());
        assertEquals(
                ".cat-member::before { background: var(--c1); } .bar-member, .mk-member { fill: var(--c1); } "
                        + ".mk-ring.mk-member { fill: var(--bg); stroke: var(--c1); }",
                css.lines().findFirst().orElseThrow());
        assertTrue(css.contains(".bar-observer, .mk-observer { fill: var(--c2); }"), css);
        assertTrue(css.contains(".bar-seventh, .mk-seventh { fill: var(--c1); }"), "the seventh wraps round: " + css);
        assertEquals("", CategoryColours.css(List.of()));
    }
}
