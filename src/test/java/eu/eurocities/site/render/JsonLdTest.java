package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void onlyHomeAndCityPagesCarryStructuredData() {
        assertNull(JsonLd.of(null, null, new eu.eurocities.site.plan.Page.NotFound("404.html", "t", "d")));
    }
}
