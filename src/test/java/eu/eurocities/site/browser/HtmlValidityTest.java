package eu.eurocities.site.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nu.validator.client.EmbeddedValidator;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Every generated page of the real build passes the Nu Html Checker (the checker behind validator.w3.org/nu), run
 * in-process with its full HTML schema and assertion checks. All pages are checked (246 on the current content: every
 * page of the sitemap, and 404.html): with the schema set up once
 * the checker takes about ten milliseconds a page, so there is no reason to sample. Errors fail the test; the
 * checker's warnings are printed.
 */
@ExtendWith(SiteExtension.class)
class HtmlValidityTest {
    static SimpleDocumentValidator checker;
    static final Collector messages = new Collector();

    /** Collects the checker's errors (and, separately, its warnings) for the document being checked. */
    static final class Collector implements ErrorHandler {
        final List<SAXParseException> errors = new ArrayList<>();
        final List<SAXParseException> warnings = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
            warnings.add(e);
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(e);
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(e);
        }

        void clear() {
            errors.clear();
            warnings.clear();
        }
    }

    @BeforeAll
    static void setUpChecker() throws Exception {
        checker = new SimpleDocumentValidator(true, false, false);
        checker.setUpMainSchema(EmbeddedValidator.SCHEMA_URL, messages);
        checker.setUpValidatorAndParsers(messages, false, false);
    }

    /**
     * What the checker said about one document, each as {@code where:line:column: message}.
     *
     * @param errors errors, including fatal parse errors
     * @param warnings the checker's warnings
     */
    record Findings(List<String> errors, List<String> warnings) {}

    /** Checks one document with the checker set up in {@link #setUpChecker}. */
    static Findings check(String where, InputSource source) throws IOException {
        messages.clear();
        try {
            checker.checkHtmlInputSource(source);
        } catch (SAXException e) {
            if (!(e instanceof SAXParseException) || !messages.errors.contains(e)) {
                messages.errors.add(new SAXParseException(e.getMessage(), null, null, -1, -1));
            }
        }
        return new Findings(format(where, messages.errors), format(where, messages.warnings));
    }

    private static List<String> format(String where, List<SAXParseException> list) {
        return list.stream()
                .map(e -> where + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage())
                .toList();
    }

    @Test
    void everyGeneratedPageIsValidHtml(BuiltSite site) throws IOException {
        List<Path> pages = site.htmlFiles();
        assertEquals(
                site.sitemapFiles(),
                pages.stream()
                        .map(p -> site.root().relativize(p).toString().replace('\\', '/'))
                        .filter(f -> !f.equals("404.html"))
                        .collect(Collectors.toCollection(TreeSet::new)),
                "the pages checked are the pages of the sitemap, and 404.html");
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path page : pages) {
            try (InputStream in = Files.newInputStream(page)) {
                Findings found = check(site.root().relativize(page).toString(), new InputSource(in));
                errors.addAll(found.errors());
                warnings.addAll(found.warnings());
            }
        }
        // warnings are the checker's advice, not failures; they are shown so nobody has to look for them
        warnings.forEach(w -> System.out.println("warning: " + w));
        assertTrue(
                errors.isEmpty(),
                () -> errors.size() + " error(s) in " + pages.size() + " pages:\n" + String.join("\n", errors));
    }

    @Test
    void theCheckerReportsWhatIsWrong() throws IOException {
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<title>t</title>\n<p><div>block in a paragraph</div></p>\n"
                + "<img src=\"x.png\">\n</html>\n";
        InputSource source = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                List.of(
                        "broken.html:4:38: No “p” element in scope but a “p” end tag seen.",
                        "broken.html:5:17: An “img” element must have an “alt” attribute, except under certain "
                                + "conditions."
                                + " For details, consult guidance on providing text alternatives for images."),
                check("broken.html", source).errors());
    }
}
