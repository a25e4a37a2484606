package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template classes of {@code serve} after edits: those an edit cannot change stay the very classes already loaded
 * (and compiled to machine code by the JVM), those it may change are loaded anew; a long run of edits starts again
 * from classes all loaded afresh and leaves no folder of classes behind that no loader can use.
 */
class LiveTemplatesTest {
    private static final String LAYOUT = "gg.jte.generated.serve.layout.JtebaseGenerated";
    private static final String CITY = "gg.jte.generated.serve.pages.JtecityGenerated";
    private static final String TABLE = "gg.jte.generated.serve.partial.JtecitytableGenerated";
    private static final String H1 = "<h1>${page.city().name()}</h1>";

    @TempDir
    Path tmp;

    Path source;
    Path work;
    LiveTemplates templates;
    String city;

    @BeforeEach
    void start() throws IOException {
        source = tmp.resolve("source");
        Cli.copyTree(Path.of("templates"), source.resolve("templates"));
        work = Files.createDirectories(tmp.resolve("work"));
        templates = new LiveTemplates(source, work);
        city = Files.readString(source.resolve("templates/pages/city.jte"), StandardCharsets.UTF_8);
    }

    /** Saves {@code text} as the city template and compiles what it affects. */
    private Set<String> editCity(String text) throws IOException {
        Files.writeString(source.resolve("templates/pages/city.jte"), text, StandardCharsets.UTF_8);
        return templates.recompile(Set.of("pages/city.jte"));
    }

    private Class<?> loaded(String name) throws ClassNotFoundException {
        return Class.forName(name, false, templates.loader());
    }

    @Test
    void anEditReloadsWhatItMayChangeAndKeepsTheRest() throws Exception {
        editCity(city.replace(H1, H1 + "<p>one</p>")); // the first edit compiles and loads every template
        Class<?> layout = loaded(LAYOUT);
        Class<?> table = loaded(TABLE);
        Class<?> page = loaded(CITY);

        assertEquals(Set.of("pages/city.jte"), editCity(city.replace(H1, H1 + "<p>two</p>")));
        assertSame(layout, loaded(LAYOUT), "the layout the city page calls is the one loaded before");
        assertSame(table, loaded(TABLE));
        assertNotSame(page, loaded(CITY));

        // the layout changes: it and every page template that calls it are loaded anew, the partial is kept
        Path base = source.resolve("templates/layout/base.jte");
        Files.writeString(
                base,
                Files.readString(base, StandardCharsets.UTF_8).replace("<main", "<main data-x=\"1\""),
                StandardCharsets.UTF_8);
        Set<String> affected = templates.recompile(Set.of("layout/base.jte"));
        assertTrue(
                affected.containsAll(Set.of("layout/base.jte", "pages/city.jte", "pages/home.jte")),
                affected::toString);
        assertNotSame(layout, loaded(LAYOUT));
        Class<?> cityAfterLayout = loaded(CITY);
        assertNotSame(page, cityAfterLayout);
        assertSame(table, loaded(TABLE));
        assertSame(
                loaded(LAYOUT),
                cityAfterLayout.getClassLoader().loadClass(LAYOUT),
                "the new page calls the new layout");
    }

    @Test
    void aLongRunOfEditsStartsAgainAndKeepsOnlyTheFoldersInUse() throws Exception {
        editCity(city.replace(H1, H1 + "<p>0</p>"));
        Class<?> layout = loaded(LAYOUT);
        int edits = 0;
        while (loaded(LAYOUT) == layout) {
            edits++;
            editCity(city.replace(H1, H1 + "<p>" + edits + "</p>"));
            assertTrue(edits <= 100, "the chain of class loaders never started again");
        }
        // every folder of classes a loader of the chain may still read is kept, and no other
        try (Stream<Path> folders = Files.list(work)) {
            assertEquals(1, folders.count(), "a new chain holds one folder");
        }
        assertTrue(edits > 10, "the chain started again after " + edits + " edits");
        editCity(city.replace(H1, H1 + "<p>again</p>"));
        try (Stream<Path> folders = Files.list(work)) {
            assertEquals(2, folders.count());
        }
        assertSame(loaded(LAYOUT), loaded(LAYOUT));
    }
}
