package eu.eurocities.site.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FoldTest {

    @ParameterizedTest(name = "{0} -> ascii \"{1}\", query \"{2}\"")
    @CsvSource({
        "Łódź, lodz, lodz",
        "Zürich, zurich, zurich",
        "München, munchen, munchen",
        "Київ, kiyiv, киів",
        "İstanbul, istanbul, istanbul",
        "Αθήνα, athena, αθηνα",
        "København, kobenhavn, kobenhavn",
        "Straße, strasse, strasse",
        "'  Baile   Átha Cliath ', baile atha cliath, baile atha cliath"
    })
    void foldsNamesTheWayReadersTypeThem(String name, String ascii, String query) {
        assertEquals(ascii, Fold.ascii(name));
        assertEquals(query, Fold.query(name));
    }

    @Test
    void keyHoldsBothFormsOfEveryNameOnce() {
        assertEquals("munich munchen germany", Fold.key("Munich", "München", "Germany"));
        assertEquals("kyiv kiyiv киів ukraine", Fold.key("Kyiv", "Київ", "Ukraine"));
        assertEquals("lodz poland", Fold.key("Łódź", null, "Poland"));
    }

    @Test
    void typedWordsMatchWithOrWithoutDiacriticsAndInTheLocalScript() {
        String munich = Fold.key("Munich", "München", "Germany");
        for (String typed : new String[] {"munchen", "münchen", "MÜNCHEN", "mun ger", "Munich"}) {
            assertTrue(Fold.matches(munich, typed), typed);
        }
        assertFalse(Fold.matches(munich, "munchen poland"));
        assertTrue(Fold.matches(Fold.key("Łódź", null, "Poland"), "łódź"));
        assertTrue(Fold.matches(Fold.key("Łódź", null, "Poland"), "lodz"));
        assertTrue(Fold.matches(Fold.key("Zürich", null, "Switzerland"), "zurich"));
        assertTrue(Fold.matches(Fold.key("Kyiv", "Київ", "Ukraine"), "київ"));
    }
}
