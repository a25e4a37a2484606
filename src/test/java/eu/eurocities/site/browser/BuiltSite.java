package eu.eurocities.site.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.eurocities.site.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * The real {@code content/} built with the command line into a temporary folder, as a reader's browser gets it.
 * Built once per test run (see {@link SiteExtension}) and deleted when the run ends.
 *
 * @param root the output folder
 */
record BuiltSite(Path root) implements AutoCloseable {

    /** Builds the repository's content with its templates; fails the test with the build's own messages. */
    static BuiltSite build() {
        try {
            Path dir = Files.createTempDirectory("eurocities-browser-");
            Path out = dir.resolve("site");
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int code = Main.run(
                    new String[] {"build", "--source", ".", "--out", out.toString(), "--quiet"},
                    new PrintWriter(stdout),
                    new PrintWriter(stderr));
            assertEquals(0, code, () -> "build of content/ failed:\n" + stderr + stdout);
            return new BuiltSite(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every generated HTML page, in path order. */
    List<Path> htmlFiles() {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files the sitemap lists, as paths in the output folder: {@code https://host/cities/lodz/} gives
     * {@code cities/lodz/index.html}.
     */
    SortedSet<String> sitemapFiles() {
        try {
            Document sitemap = Jsoup.parse(Files.readString(root.resolve("sitemap.xml")), "", Parser.xmlParser());
            SortedSet<String> files = new TreeSet<>();
            for (String loc : sitemap.select("url > loc").eachText()) {
                String path = URI.create(loc).getPath().substring(1);
                files.add(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        Path dir = root.getParent();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
