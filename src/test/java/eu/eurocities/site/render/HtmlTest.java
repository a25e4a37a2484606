package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A script element is only made from text that cannot end it, with a type that needs no quoting. */
class HtmlTest {

    @Test
    void scriptElementHoldsItsText() {
        Html script = Html.script("application/ld+json", "{\"name\":\"\\u003c/script\\u003e\"}");
        assertEquals(
                "<script type=\"application/ld+json\">{\"name\":\"\\u003c/script\\u003e\"}</script>", script.value());
    }

    @Test
    void scriptTextWithALessThanSignIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Html.script("application/ld+json", "{\"name\":\"</script>\"}"));
        assertEquals("script text holds '<'", e.getMessage());
    }

    @Test
    void scriptTypeThatNeedsQuotingIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Html.script("text/x\" onload=\"x", "{}"));
        assertEquals("script type 'text/x\" onload=\"x' needs quoting", e.getMessage());
    }
}
