package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The real content/ built once per test run with the command line, shared by the tests that read the output. */
final class BuiltSite {
    private static Path out;

    private BuiltSite() {}

    /** The output folder of {@code build --source .}, built on first use. */
    static synchronized Path out() {
        if (out == null) {
            try {
                Path dir = Files.createTempDirectory("eurocities-built-site");
                Path site = dir.resolve("site");
                StringWriter err = new StringWriter();
                int code = Main.run(
                        new String[] {"build", "--source", ".", "--out", site.toString(), "--quiet"},
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err));
                assertEquals(0, code, () -> "build failed:\n" + err);
                out = site;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /** A page of the built site, parsed. */
    static Document page(String file) throws IOException {
        return Jsoup.parse(out().resolve(file).toFile(), "UTF-8");
    }
}
