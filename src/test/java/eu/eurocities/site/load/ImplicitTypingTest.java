package eu.eurocities.site.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * YAML 1.1, which SnakeYAML's default resolver follows, turns many plain values into booleans, numbers, dates or
 * null. Content files are read from the text typed instead: each surprise below stays the exact string in a text
 * field, and number and flag fields accept only what an editor would mean.
 */
class ImplicitTypingTest {

    private static Fields fields(String yaml, Diagnostics d) {
        return new Fields(
                YamlTree.parseMapping(yaml, "content/cities/x.yaml", d).orElseThrow(), "content/cities/x.yaml", "", d);
    }

    private static String text(String raw) {
        Diagnostics d = new Diagnostics();
        String value = fields("value: " + raw + "\n", d).text("value");
        assertEquals(List.of(), d.sorted(), () -> "no problem reading " + raw);
        return value;
    }

    @ParameterizedTest(name = "{0} stays text")
    @ValueSource(
            strings = {
                "NO",
                "no",
                "No",
                "yes",
                "Yes",
                "YES",
                "on",
                "off",
                "On",
                "OFF",
                "y",
                "n",
                "Y",
                "N",
                "true",
                "False",
                "1986",
                "0x1F",
                "0o17",
                "012",
                "1e3",
                "1.5e5",
                "-.5",
                "~",
                "null",
                "Null",
                "NULL",
                "2024-01-01",
                "2024-01-01T10:00:00Z",
                "1_000",
                ".inf",
                "-.Inf",
                ".NaN",
                "12:30",
                "1:20:30",
                "+1",
                "0b101",
                "a:b",
                "http://example.org/a",
                "=",
                "<<"
            })
    void aPlainValueKeepsTheExactTextTyped(String raw) {
        assertEquals(raw, text(raw));
    }

    @Test
    void norwayStaysNorway() {
        Diagnostics d = new Diagnostics();
        Fields f = fields("name: Oslo\ncountry: NO\nmembership: associate\n", d);
        assertEquals("NO", f.requiredText("country"));
        assertEquals(List.of(), d.sorted());
    }

    @Test
    void quotedValuesKeepTheirTextToo() {
        assertEquals("Home: the start", text("\"Home: the start\""));
        assertEquals("yes", text("'yes'"));
        assertEquals("C:\\docs", text("'C:\\docs'"));
    }

    @ParameterizedTest(name = "population: {0} -> {1}")
    @CsvSource({"128624, 128624", "012, 12", "+5, 5", "0, 0"})
    void wholeNumbersAreDecimalDigits(String raw, long expected) {
        Diagnostics d = new Diagnostics();
        assertEquals(expected, fields("population: " + raw + "\n", d).wholeNumber("population"));
        assertEquals(List.of(), d.sorted());
    }

    @ParameterizedTest(name = "population: {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0x1F | field 'population' must be a whole number, not '0x1F' | write the number with digits only, "
                        + "e.g. population: 250000",
                "1e3 | field 'population' must be a whole number, not '1e3' | write population: 1000",
                "1_000 | field 'population' must be a whole number written with digits only, not '1_000' | write "
                        + "population: 1000",
                "128,624 | field 'population' must be a whole number written with digits only, not '128,624' | write "
                        + "population: 128624",
                "'128 624' | field 'population' must be a whole number written with digits only, not '128 624' | "
                        + "write population: 128624",
                ".inf | field 'population' must be a whole number, not '.inf' | write the number with digits only, "
                        + "e.g. population: 250000",
                "~ | field 'population' must be a whole number, not '~' | write the number with digits only, e.g. "
                        + "population: 250000",
                "12:30 | field 'population' must be a whole number, not '12:30' | write the number with digits only, "
                        + "e.g. population: 250000",
                "2024-01-01 | field 'population' must be a whole number, not '2024-01-01' | write the number with "
                        + "digits only, e.g. population: 250000"
            })
    void otherNumberSpellingsAreErrorsWithAHint(String raw, String message, String hint) {
        Diagnostics d = new Diagnostics();
        assertNull(fields("population: " + raw + "\n", d).wholeNumber("population"));
        Diagnostic only = d.sorted().get(0);
        assertEquals(1, d.sorted().size());
        assertEquals("content/cities/x.yaml:1:13", only.pos().toString());
        assertEquals(message, only.message());
        assertEquals(hint, only.hint());
    }

    @ParameterizedTest(name = "founding_member: {0}")
    @ValueSource(strings = {"yes", "no", "on", "off", "True", "FALSE", "1", "0", "y"})
    void flagsAreOnlyTrueOrFalse(String raw) {
        Diagnostics d = new Diagnostics();
        assertFalse(fields("founding_member: " + raw + "\n", d).flag("founding_member"));
        assertEquals(
                "field 'founding_member' must be true or false, not '" + raw + "'",
                d.sorted().get(0).message());
    }

    @Test
    void trueAndFalseAreFlags() {
        Diagnostics d = new Diagnostics();
        Fields f = fields("a: true\nb: false\n", d);
        assertTrue(f.flag("a"));
        assertFalse(f.flag("b"));
        assertEquals(List.of(), d.sorted());
    }
}
