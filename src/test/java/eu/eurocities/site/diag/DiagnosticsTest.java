package eu.eurocities.site.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
    private static final SourcePos OSLO_NAME = new SourcePos("content/cities/oslo.yaml", 1, 7);
    private static final SourcePos OSLO_COUNTRY = new SourcePos("content/cities/oslo.yaml", 2, 10);

    @Test
    void answersQuestionsAboutErrorsOnly() {
        Diagnostics d = new Diagnostics();
        d.warning(OSLO_NAME, "local_name has no local_name_lang", null);
        assertFalse(d.hasErrors());
        assertFalse(d.hasErrorAt(OSLO_NAME));
        assertFalse(d.hasErrors("content/cities/oslo.yaml"));
        d.error(OSLO_COUNTRY, "unknown country 'XX'");
        assertTrue(d.hasErrors());
        assertTrue(d.hasErrorAt(OSLO_COUNTRY));
        assertFalse(d.hasErrorAt(OSLO_NAME));
        assertTrue(d.hasErrors("content/cities/oslo.yaml"));
        assertFalse(d.hasErrors("content/cities/bergen.yaml"));
        assertTrue(d.hasErrorsUnder("content/cities/"));
        assertFalse(d.hasErrorsUnder("content/pages/"));
        assertEquals(1, d.count(Severity.ERROR));
        assertEquals(1, d.count(Severity.WARNING));
        assertEquals("1 error, 1 warning", d.summary());
    }

    @Test
    void addOnceKeepsOneDiagnosticPerSeverityAndPlaceWhateverTheOrder() {
        Diagnostics d = new Diagnostics();
        SourcePos layout = new SourcePos("templates/layout/base.jte", 8, 1);
        d.addOnce(new Diagnostic(layout, Severity.ERROR, "template fails on cities/oslo/", null));
        d.addOnce(new Diagnostic(layout, Severity.ERROR, "template fails on cities/bergen/", null));
        d.addOnce(new Diagnostic(layout, Severity.WARNING, "template is slow", null));
        d.addOnce(new Diagnostic(layout, Severity.ERROR, "template fails on cities/porto/", null));
        assertEquals(
                List.of("template fails on cities/bergen/", "template is slow"),
                d.sorted().stream().map(Diagnostic::message).toList());
        assertEquals(1, d.count(Severity.ERROR));
        assertEquals(1, d.count(Severity.WARNING));
    }
}
