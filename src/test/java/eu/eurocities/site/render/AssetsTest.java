package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A theme's assets/ folder is published as it is: every file in it, beside the built-in theme's. */
class AssetsTest {
    @TempDir
    Path tmp;

    @Test
    void aThemesExtraAssetIsCopiedAndItsOwnFileReplacesTheBuiltInOne() throws IOException {
        Path source = Cli.copyContent(tmp.resolve("src"));
        Path assets = Files.createDirectories(source.resolve("templates/assets/img"));
        byte[] logo = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".getBytes();
        Files.write(assets.resolve("logo.svg"), logo);
        Files.writeString(assets.resolve("../.DS_Store"), "Finder's notes");
        Files.writeString(source.resolve("templates/assets/search.js"), "// a theme's own search\n");
        Path out = tmp.resolve("site");

        Cli.Run run = Cli.build(source, out, "--quiet");

        assertEquals(0, run.code(), run.err());
        assertArrayEquals(logo, Files.readAllBytes(out.resolve("img/logo.svg")));
        assertEquals("// a theme's own search\n", Files.readString(out.resolve("search.js")));
        // the built-in stylesheet, followed by the colour of each category of the content
        String css = Files.readString(out.resolve("style.css"));
        assertTrue(css.startsWith(Files.readString(Path.of("templates/assets/style.css"))));
        assertTrue(
                css.endsWith(".cat-business::before { background: var(--c4); } .bar-business, .mk-business { fill: "
                        + "var(--c4); } .mk-ring.mk-business { fill: var(--bg); stroke: var(--c4); }\n"),
                css);
        assertFalse(Files.exists(out.resolve(".DS_Store")));
    }
}
