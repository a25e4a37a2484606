package eu.eurocities.site.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * The real {@code content/} built with the command line into a temporary folder, as a reader's browser gets it.
 * Built once per test JVM and shared with the tests outside the browser package.
 *
 * @param root the output folder
 */
record BuiltSite(Path root) {

    /** The real site as the other end-to-end tests share it ({@link eu.eurocities.site.BuiltSite#out()}). */
    static BuiltSite build() {
        return new BuiltSite(eu.eurocities.site.BuiltSite.out());
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
}
