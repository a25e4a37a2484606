package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Cli;
import eu.eurocities.site.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The precompiled templates are used only when the source folder's templates are the same files. */
class TemplatesTest {
    @TempDir
    Path tmp;

    @Test
    void sourceWithoutTemplatesUsesTheBuiltInOnes() {
        assertEquals(
                "built-in templates",
                Templates.forSource(tmp, tmp.resolve("work")).description());
    }

    @Test
    void sourceWithIdenticalTemplatesUsesThePrecompiledOnes() throws IOException {
        Cli.copyTree(Path.of("templates"), tmp.resolve("templates"));
        assertEquals(
                "built-in templates",
                Templates.forSource(tmp, tmp.resolve("work")).description());
    }

    @Test
    void changedTemplatesAreCompiledAtRunTimeAndUsed() throws IOException {
        Path source = tmp.resolve("src");
        Cli.copyContent(source);
        Cli.copyTree(Path.of("templates"), source.resolve("templates"));
        Path notFound = source.resolve("templates/pages/notfound.jte");
        Files.writeString(
                notFound,
                Files.readString(notFound).replace("${ctx.t(\"notfound.lead\")}", "Nothing lives here any more."));
        assertTrue(
                Templates.forSource(source, tmp.resolve("work")).description().contains("compiled at run time"));

        StringWriter err = new StringWriter();
        int code = Main.run(
                new String[] {
                    "build",
                    "--source",
                    source.toString(),
                    "--out",
                    tmp.resolve("out").toString()
                },
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(0, code, err::toString);
        String html = Files.readString(tmp.resolve("out/404.html"));
        assertTrue(html.contains("Nothing lives here any more."), html);
    }

    @Test
    void aSourceMayOverrideOneTemplateAndKeepTheRest() throws IOException {
        Path source = tmp.resolve("src");
        Cli.copyContent(source);
        Files.createDirectories(source.resolve("templates/pages"));
        Files.writeString(
                source.resolve("templates/pages/notfound.jte"),
                Files.readString(Path.of("templates/pages/notfound.jte"))
                        .replace("${ctx.t(\"notfound.lead\")}", "This address leads nowhere."));
        StringWriter err = new StringWriter();
        int code = Main.run(
                new String[] {
                    "build",
                    "--source",
                    source.toString(),
                    "--out",
                    tmp.resolve("out").toString()
                },
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(0, code, err::toString);
        assertTrue(Files.readString(tmp.resolve("out/404.html")).contains("This address leads nowhere."));
        assertTrue(Files.readString(tmp.resolve("out/cities/bergen/index.html")).contains("<h1>Bergen</h1>"));
    }

    @Test
    void aSourceWithOnlyItsOwnStylesheetUsesThePrecompiledTemplates() throws IOException {
        Path source = tmp.resolve("src");
        Cli.copyContent(source);
        Files.createDirectories(source.resolve("templates/assets"));
        Files.writeString(source.resolve("templates/assets/style.css"), "body { color: rebeccapurple; }\n");
        assertEquals(
                "built-in templates",
                Templates.forSource(source, tmp.resolve("work")).description());
        StringWriter err = new StringWriter();
        int code = Main.run(
                new String[] {
                    "build",
                    "--source",
                    source.toString(),
                    "--out",
                    tmp.resolve("out").toString()
                },
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(0, code, err::toString);
        assertTrue(Files.readString(tmp.resolve("out/style.css"))
                .startsWith("body { color: rebeccapurple; }\n.cat-full::before { background: var(--c1); }"));
    }
}
