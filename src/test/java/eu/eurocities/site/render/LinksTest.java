package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinksTest {

    @ParameterizedTest(name = "from ''{0}'' to ''{1}'' is ''{2}''")
    @CsvSource({
        "'', members/, members/",
        "'', '', ./",
        "'', style.css, style.css",
        "members/, '', ../",
        "members/, cities/lodz/, ../cities/lodz/",
        "cities/lodz/, countries/pl/, ../../countries/pl/",
        "cities/lodz/, style.css, ../../style.css",
        "cities/lodz/, '', ../../",
    })
    void relativeLinks(String from, String to, String expected) {
        assertEquals(expected, new Links(from, "/eurocities/", false).to(to));
    }

    @ParameterizedTest(name = "404 page under base path ''{0}'' links ''{1}'' as ''{2}''")
    @CsvSource({
        "/, style.css, /style.css",
        "/, '', /",
        "/eurocities/, cities/lodz/, /eurocities/cities/lodz/",
        "/eurocities/, '', /eurocities/",
    })
    void absoluteLinksForPagesServedAnywhere(String basePath, String to, String expected) {
        assertEquals(expected, new Links("404.html", basePath, true).to(to));
    }
}
