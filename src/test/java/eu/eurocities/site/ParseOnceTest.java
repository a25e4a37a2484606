package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.eurocities.site.render.Markdown;
import eu.eurocities.site.render.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build parses each Markdown body once ({@link Markdown#parses}): the load stage's check keeps the parse, which the
 * render and the search index both walk. A second parser anywhere (as the search text once had) fails this test. A
 * later build with the same pipeline (as {@code serve} runs it) parses only the bodies whose text changed, and still
 * reports the problems of the others.
 */
class ParseOnceTest {

    @Test
    void eachBodyIsParsedOncePerBuild(@TempDir Path source) throws IOException {
        CasesTest.tree(TextArchive.read(CasesTest.CASES.resolve("_base.txt")), source);
        Files.writeString(source.resolve("content/cities/oslo.md"), "## History\n\nOslo joined in 1990.\n");
        long bodies;
        try (var pages = Files.list(source.resolve("content/pages"))) {
            bodies = pages.count() + 1; // and Oslo's narrative
        }
        Pipeline pipeline = new Pipeline(source, null, Templates::precompiled, true, false);

        Outcome first = pipeline.run(new Mode.Memory(null));
        assertEquals(Outcome.Status.OK, first.status(), first.diagnostics().toString());
        assertEquals(bodies, pipeline.markdown().parses(), "parses in the first build");

        Outcome second = pipeline.run(new Mode.Memory(null));
        assertEquals(Outcome.Status.OK, second.status(), second.diagnostics().toString());
        assertEquals(bodies, pipeline.markdown().parses(), "parses after a second build of the same folder");

        // one body changed, with a heading of level 1, which is an error; the next build reports it again unparsed
        Files.writeString(source.resolve("content/cities/oslo.md"), "# Oslo\n\nOslo joined in 1990.\n");
        Outcome third = pipeline.run(new Mode.Memory(null));
        assertEquals(bodies + 1, pipeline.markdown().parses(), "parses after one body changed");
        Outcome fourth = pipeline.run(new Mode.Memory(null));
        assertEquals(bodies + 1, pipeline.markdown().parses(), "parses after a build of the same folder");
        for (Outcome o : List.of(third, fourth)) {
            assertEquals(Outcome.Status.FAILED, o.status());
            assertEquals(
                    List.of("content/cities/oslo.md:1:1"),
                    o.diagnostics().stream()
                            .map(d -> d.pos().path() + ":" + d.pos().line() + ":"
                                    + d.pos().column())
                            .toList());
        }
        assertEquals(third.diagnostics(), fourth.diagnostics());
    }
}
