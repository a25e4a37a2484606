package eu.eurocities.site.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.diag.SourcePos;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A record's compact positions answer as the map they were made from, in its order. */
class PositionsTest {
    private static final String FILE = "content/cities/lodz.yaml";

    @Test
    void compactPositionsEqualTheMapTheyWereMadeFrom() {
        Map<String, SourcePos> given = new LinkedHashMap<>();
        given.put("", SourcePos.start(FILE));
        given.put("name", new SourcePos(FILE, 1, 7));
        given.put("population", new SourcePos(FILE, 4, 13));
        Map<String, SourcePos> compact = Positions.of(FILE, given);

        assertTrue(compact instanceof Positions);
        assertEquals(given, compact);
        assertEquals(given.hashCode(), compact.hashCode());
        assertEquals(new SourcePos(FILE, 4, 13), compact.get("population"));
        assertEquals(List.of("", "name", "population"), List.copyOf(compact.keySet()));
        assertTrue(compact.containsKey("name"));
        assertFalse(compact.containsKey("country"));
        assertNull(compact.get("country"));
    }

    @Test
    void positionsInAnotherFileKeepAnOrdinaryMap() {
        Map<String, SourcePos> given = new LinkedHashMap<>();
        given.put("", SourcePos.start(FILE));
        given.put("name", new SourcePos("content/cities/other.yaml", 1, 7));
        Map<String, SourcePos> kept = Positions.of(FILE, given);

        assertFalse(kept instanceof Positions);
        assertEquals(given, kept);
    }
}
