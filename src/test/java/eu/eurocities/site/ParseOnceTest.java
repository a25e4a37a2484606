package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.eurocities.site.render.Markdown;
import eu.eurocities.site.render.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build parses each Markdown body once ({@link Markdown#parses}): the load stage's check keeps the parse, which the
 * render and the search index both walk. A second parser anywhere (as the search text once had) fails this test.
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

        pipeline.run(new Mode.Memory(null));
        assertEquals(2 * bodies, pipeline.markdown().parses(), "parses after a second build of the same folder");
    }
}
