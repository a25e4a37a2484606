package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLdTest {

    @Test
    void scriptElementCannotBeClosedByItsData() throws IOException {
        String html = JsonLd.script(Map.of("name", "</script><script>alert(1)</script>"))
                .value();
        String body =
                html.substring("<script type=\"application/ld+json\">".length(), html.length() - "</script>".length());
        assertFalse(body.contains("</"), body);
        assertFalse(body.contains("<") || body.contains(">") || body.contains("&"), body);
        assertEquals("{\"name\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\"}", body);
        assertEquals(
                "</script><script>alert(1)</script>",
                new ObjectMapper().readTree(body).get("name").asText());
    }

    @Test
    void everyMarkupCharacterIsEscapedWhereverItStands() {
        assertEquals("\\u0026a\\u003cb\\u003e\\u0026", JsonLd.escapeMarkup("&a<b>&"));
        assertEquals("{\"é\":\"x\\u003e\"}", JsonLd.escapeMarkup("{\"é\":\"x>\"}"));
        String plain = "{\"name\":\"Łódź\"}";
        assertSame(plain, JsonLd.escapeMarkup(plain), "JSON without markup characters is kept as it is");
    }

    @Test
    void onlyHomeAndCityPagesCarryStructuredData() {
        assertNull(JsonLd.of(null, null, new eu.eurocities.site.plan.Page.NotFound("404.html", "t", "d")));
    }
}
