package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import eu.eurocities.site.Cli;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serve watches the language files of a source folder like content: a text changed in {@code i18n/<language>.yaml}
 * or in the theme's {@code templates/i18n/<language>.yaml}, also when the folder is made while serving, reaches the
 * served pages without a restart.
 */
class LanguageFilesServeTest {
    @TempDir
    Path tmp;

    /** The text of the home page's skip link, after reload events, once it is {@code expected}; fails after 60 s. */
    private static void awaitSkipLink(ServeFixture serve, ServeFixture.Events events, String expected)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String shown = null;
        while (System.nanoTime() < end) {
            if (events.reloadWithin(Duration.ofSeconds(5))) {
                HttpResponse<String> r = serve.get("/");
                shown = Jsoup.parse(r.body()).selectFirst("a.skip-link").text();
                if (shown.equals(expected)) {
                    return;
                }
            }
        }
        fail("the skip link says '" + shown + "', not '" + expected + "'\n" + serve.out + serve.err);
    }

    private static void write(Path file, String text) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void editedLanguageFilesReachThePages() throws Exception {
        Path source = Cli.baseSite(tmp.resolve("src"));
        try (ServeFixture serve = new ServeFixture(source, false, b -> b)) {
            assertEquals(
                    "Skip to content",
                    Jsoup.parse(serve.get("/").body())
                            .selectFirst("a.skip-link")
                            .text());
            ServeFixture.Events events = serve.events();

            write(source.resolve("templates/i18n/en.yaml"), "messages:\n  skip-link: Skip to the theme's text\n");
            awaitSkipLink(serve, events, "Skip to the theme's text");

            write(source.resolve("i18n/en.yaml"), "messages:\n  skip-link: Skip to the text\n");
            awaitSkipLink(serve, events, "Skip to the text");

            write(source.resolve("i18n/en.yaml"), "messages:\n  skip-link: Skip to the main text\n");
            awaitSkipLink(serve, events, "Skip to the main text");

            Files.delete(source.resolve("i18n/en.yaml"));
            awaitSkipLink(serve, events, "Skip to the theme's text");
        }
    }
}
