package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The streaming writer gives the bytes Jackson's object mapper gives for the same tree, compact and indented. */
class JsonTest {
    public record Name(String name, String language) {}

    private static Object tree() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", "Łódź \"quoted\" </script> \u2028 tab\t");
        row.put("population", 658_444L);
        row.put("year", 2023);
        row.put("eu", true);
        row.put("local_name", null);
        row.put("lat", 51.7592);
        row.put("ratio", 0.1f);
        row.put("big", new BigDecimal("12345678901234567890.5"));
        row.put("empty", List.of());
        row.put("names", List.of(new Name("Marsella", "es"), new Name("Marseille", null)));
        row.put("nested", new TreeMap<>(Map.of("b", List.of(1, 2, "x"), "a", Map.of())));
        List<Object> rows = new ArrayList<>();
        rows.add(row);
        rows.add(Map.of());
        rows.add(List.of(List.of(), 3.0, -0.0, 1e21));
        return rows;
    }

    @Test
    void writesWhatTheObjectMapperWrites() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        ObjectMapper indented = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        assertEquals(plain.writeValueAsString(tree()), Json.text(tree()));
        assertArrayEquals(plain.writeValueAsBytes(tree()), Json.bytes(tree(), false));
        assertArrayEquals(indented.writeValueAsBytes(tree()), Json.bytes(tree(), true));
        assertEquals(
                "{\n  \"a\" : [ 1, \"b\" ]\n}",
                new String(Json.bytes(Map.of("a", List.of(1, "b")), true), StandardCharsets.UTF_8));
    }

    @Test
    void refusesWhatIsNotAPlainValue() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Json.text(List.of(new StringBuilder("x"))));
        assertEquals("no JSON for a java.lang.StringBuilder", e.getMessage());
    }
}
