package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's own templates are compiled once and their classes kept for the next build with the same templates. */
class TemplateCacheTest {
    @TempDir
    Path tmp;

    private Path site(String text) throws IOException {
        Path source = tmp.resolve("src");
        Path notFound = source.resolve("templates/pages/notfound.jte");
        Files.createDirectories(notFound.getParent());
        Files.writeString(
                notFound,
                Files.readString(Path.of("templates/pages/notfound.jte")).replace("${ctx.t(\"notfound.lead\")}", text));
        return source;
    }

    /** What a build does with the engine: compile the templates its pages use, then close the choice. */
    private static String build(Path source, Path cache, String tool) {
        try (Templates.Choice choice = Templates.forSource(source, cache, () -> tool)) {
            choice.engine().prepareForRendering("pages/notfound.jte");
            return choice.description();
        }
    }

    private static List<Path> kept(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aSecondBuildWithTheSameTemplatesAndToolCompilesNothing() throws IOException {
        Path source = site("Nothing lives here any more.");
        Path cache = tmp.resolve("cache");
        assertTrue(build(source, cache, "tool 1").endsWith("(compiled at run time)"));
        assertEquals(1, kept(cache).size());
        assertTrue(
                Files.exists(kept(cache).get(0).resolve("gg/jte/generated/ondemand/pages/JtetextGenerated.class")),
                "a template no page used is compiled before the classes are kept");
        assertTrue(
                Files.exists(kept(cache).get(0).resolve("gg/jte/generated/ondemand/pages/JtenotfoundGenerated.bin")),
                "a template's static text, which its class reads when loaded, is kept beside it");
        assertTrue(build(source, cache, "tool 1").endsWith("(compiled by an earlier build)"));
        try (Templates.Choice again = Templates.forSource(source, cache, () -> "tool 1")) {
            assertTrue(again.engine().hasTemplate("pages/notfound.jte"));
            assertTrue(again.engine().hasTemplate("layout/base.jte"));
        }

        // another tool, or a changed template, compiles again, and keeps its classes beside the others
        assertTrue(build(source, cache, "tool 2").endsWith("(compiled at run time)"));
        site("Gone.");
        assertTrue(build(source, cache, "tool 2").endsWith("(compiled at run time)"));
        assertEquals(3, kept(cache).size());
    }

    @Test
    void nothingIsKeptWithoutAToolIdentityOrWhenATemplateDoesNotCompile() throws IOException {
        Path source = site("Nothing lives here any more.");
        Path cache = tmp.resolve("cache");
        assertTrue(build(source, cache, null).endsWith("(compiled at run time)"));
        assertEquals(List.of(), kept(cache));

        Files.writeString(source.resolve("templates/pages/text.jte"), "@param String x\n${x.nope()}\n");
        assertTrue(build(source, cache, "tool 1").endsWith("(compiled at run time)"));
        assertEquals(List.of(), kept(cache));
        assertFalse(build(source, cache, "tool 1").endsWith("(compiled by an earlier build)"));
    }
}
