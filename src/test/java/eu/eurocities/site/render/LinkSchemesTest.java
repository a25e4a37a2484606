package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses {@link LinkSchemes} lets a page link to, and how it reads them the way a browser does. */
class LinkSchemesTest {

    @ParameterizedTest(name = "allowed: [{0}]")
    @ValueSource(
            strings = {
                "https://eurocities.eu/",
                "http://example.org/a?b=c:d",
                "HTTPS://EXAMPLE.ORG/",
                "mailto:info@example.org",
                "tel:+3225528888",
                "/members/",
                "../cities/oslo/",
                "membership.md",
                "#insights",
                "",
                "//example.org/a.js",
                "search/?q=a:b",
                "cities/oslo/#a:b",
                "java script:alert(1)",
                "%6Aavascript:alert(1)",
                "1javascript:alert(1)",
                "javascript%3Aalert(1)",
                "javascript&amp;#58;alert(1)",
                "\u0131avascript:alert(1)"
            })
    void allowed(String address) {
        assertNull(LinkSchemes.refused(address), () -> "[" + address + "] is allowed");
    }

    @ParameterizedTest(name = "refused: [{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "javascript:alert(1)|javascript",
                "JaVaScRiPt:alert(1)|javascript",
                "\" javascript:alert(1)\"|javascript",
                "\"\u0000\u001f javascript:alert(1)\"|javascript",
                "java\tscript:alert(1)|javascript",
                "\"java\nscript:alert(1)\"|javascript",
                "\"java\rscript:alert(1)\"|javascript",
                "java\u200bscript:alert(1)|javascript",
                "\ufeffjavascript:alert(1)|javascript",
                "javascript&#58;alert(1)|javascript",
                "javascript&#x3A;alert(1)|javascript",
                "javascript&colon;alert(1)|javascript",
                "&#106;avascript:alert(1)|javascript",
                "java&#9;script:alert(1)|javascript",
                "vbscript:msgbox(1)|vbscript",
                "data:text/html,<script>alert(1)</script>|data",
                "data:image/png;base64,AAAA|data",
                "file:///etc/passwd|file",
                "C:\\Windows\\win.ini|c",
                "ftp://example.org/|ftp",
                "blob:https://example.org/x|blob",
                "x-custom+a.b-c:thing|x-custom+a.b-c"
            })
    void refused(String address, String scheme) {
        assertEquals(scheme, LinkSchemes.refused(address));
    }

    @ParameterizedTest(name = "{0} {1}=\"{2}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "a|href|javascript:x|javascript:x",
                "A|HREF|javascript:x|javascript:x",
                "img|src|data:x|data:x",
                "form|action|javascript:x|javascript:x",
                "button|formaction|javascript:x|javascript:x",
                "a|xlink:href|javascript:x|javascript:x",
                "object|data|javascript:x|javascript:x",
                "video|poster|javascript:x|javascript:x",
                "img|srcset|a.png 1x, data:x 2x,b.png|a.png;data:x;b.png",
                "a|ping|/p javascript:x|/p;javascript:x",
                "meta|content|0; url=javascript:x|javascript:x",
                "meta|content|5;URL='javascript:x'|javascript:x",
                "META|content|1 , uRl \t= javascript:x|javascript:x",
                "meta|content|url=javascript:x?a=b|javascript:x?a=b",
                "set|to|javascript:x|javascript:x",
                "animate|values|a;javascript:x|a;javascript:x"
            })
    void addressesOfAnAttribute(String tag, String attribute, String value, String addresses) {
        assertEquals(List.of(addresses.split(";")), LinkSchemes.addresses(tag, attribute, value));
    }

    @ParameterizedTest(name = "no address: {0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a|title|javascript:x",
                "div|data-index|javascript:x",
                "meta|content|width=device-width",
                "meta|content|a url, then=javascript:x",
                "meta|content|0; to=url=javascript:x",
                "rect|to|javascript:x",
                "a|class|javascript:x"
            })
    void attributesWithoutAnAddress(String tag, String attribute, String value) {
        assertEquals(List.of(), LinkSchemes.addresses(tag, attribute, value));
    }
}
