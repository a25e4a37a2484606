package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.TextPage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A stack overflow while Markdown is read becomes an error naming the page, whatever slipped past the limits of its
 * nesting; other failures are passed on as they are.
 */
class StackGuardTest {

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Test
    void anOverflowIsAnAnswerNotAnError() {
        assertEquals(Optional.empty(), StackGuard.run(() -> recurse(0)));
        assertEquals(Optional.of("done"), StackGuard.run(() -> "done"));
    }

    @Test
    void otherFailuresArePassedOn() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> StackGuard.run(() -> {
                    throw new IllegalArgumentException("bad");
                }));
        assertEquals("bad", e.getMessage());
    }

    /**
     * A page whose rendering overflows the stack (here in the link sink, as no Markdown gets that deep past the
     * library's own limits and the checks) is an error at its file, and the build goes on.
     */
    @Test
    void anOverflowWhileRenderingIsAnErrorAtThePagesFile() {
        TextPage page = new TextPage(
                "about",
                "About",
                1,
                null,
                "See [the members](/members/).\n",
                4,
                SourcePos.start("content/pages/about.md"));
        Markdown markdown = new Markdown();
        Diagnostics diagnostics = new Diagnostics();
        Html html = markdown.render(
                page, new Links("about/", "/", false), f -> null, Set.of(), diagnostics, link -> recurse(0));
        assertEquals("", html.value());
        assertEquals(
                List.of("content/pages/about.md:1:1: error: the Markdown is nested too deeply to read\n"
                        + "  hint: look for long runs of '>', '-', '*', '_', '[' or '![' inside each other; a page "
                        + "needs a few "
                        + "levels at most"),
                diagnostics.sorted().stream().map(Diagnostic::format).toList());
        assertTrue(markdown.check(page, new Diagnostics()), "the page itself is fine");
    }
}
