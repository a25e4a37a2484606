package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The real content/ built once per test run with the command line, shared by the tests that only read the output;
 * and what such a build makes, counted from the content itself, so that a new page kind changes one number here.
 */
public final class BuiltSite {
    /** The pages every site makes whatever its content: the member index, the countries overview, search, 404. */
    static final int MADE_PAGES = 4;

    private static Path out;
    private static String stdout;

    private BuiltSite() {}

    /** The output folder of {@code build --source .}, built on first use. */
    public static synchronized Path out() {
        if (out == null) {
            try {
                Path dir = Files.createTempDirectory("eurocities-built-site");
                Path site = dir.resolve("site");
                StringWriter o = new StringWriter();
                StringWriter err = new StringWriter();
                int code = Main.run(
                        new String[] {"build", "--source", ".", "--out", site.toString()},
                        new PrintWriter(o),
                        new PrintWriter(err));
                assertEquals(0, code, () -> "build failed:\n" + err);
                stdout = o.toString();
                out = site;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** What the build printed. */
    static String stdout() {
        out();
        return stdout;
    }

    /** A page of the built site, parsed. */
    static Document page(String file) throws IOException {
        return Jsoup.parse(out().resolve(file).toFile(), "UTF-8");
    }

    /** The city records of content/cities/. */
    public static long cities() {
        return cityRecords().size();
    }

    /** The countries the city records name, each once. */
    public static long countries() {
        return cityRecords().stream()
                .map(text -> field(text, "country"))
                .distinct()
                .count();
    }

    /** The HTML files of the built real site ({@link #out}), in path order. */
    public static List<Path> htmlFiles() throws IOException {
        try (Stream<Path> s = Files.walk(out())) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /**
     * The pages a build of content/ makes: one per city, per country, per category that lists cities and per
     * Markdown page, and the pages every site makes.
     */
    public static long pages() {
        try (Stream<Path> md = Files.list(Path.of("content/pages"))) {
            String membership = Files.readString(Path.of("content/membership.yaml"));
            long categories = Pattern.compile("\\n  - id: ")
                            .split(membership.substring(membership.indexOf("\ncategories:")))
                            .length
                    - 1
                    - Pattern.compile("lists_cities: false")
                            .matcher(membership)
                            .results()
                            .count();
            return cities()
                    + countries()
                    + categories
                    + md.filter(p -> p.toString().endsWith(".md")).count()
                    + MADE_PAGES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> cityRecords() {
        try (Stream<Path> s = Files.list(Path.of("content/cities"))) {
            return s.filter(p -> p.toString().endsWith(".yaml"))
                    .map(p -> {
                        try {
                            return Files.readString(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .filter(text -> !text.contains("\ndraft: true"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(String record, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + ": *(\\S+)").matcher(record);
        return m.find() ? m.group(1) : "";
    }
}
