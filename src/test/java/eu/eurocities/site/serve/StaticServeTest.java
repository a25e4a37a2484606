package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import eu.eurocities.site.Cli;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serve watches {@code static/} and the theme's {@code templates/assets/} like content: a file added, changed or
 * deleted there, also in a folder made while serving, reaches the served site and reloads open tabs, and a page
 * that shows a changed image is made again with the image's new size.
 */
class StaticServeTest {
    @TempDir
    Path tmp;

    /** Waits for reload events until {@code path} answers as {@code ready} expects; fails after 60 s. */
    private static HttpResponse<String> await(
            ServeFixture serve, ServeFixture.Events events, String path, Predicate<HttpResponse<String>> ready)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            if (events.reloadWithin(Duration.ofSeconds(5))) {
                HttpResponse<String> r = serve.get(path);
                if (ready.test(r)) {
                    return r;
                }
            }
        }
        HttpResponse<String> r = serve.get(path);
        fail(path + " answered " + r.statusCode() + " " + r.body() + "\n" + serve.out + serve.err);
        return r;
    }

    private static void png(Path file, int width, int height) throws IOException {
        Files.createDirectories(file.getParent());
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    }

    @Test
    void addedChangedAndDeletedStaticFilesReachTheSiteAndReloadTabs() throws Exception {
        Path source = Cli.baseSite(tmp.resolve("src"));
        png(source.resolve("static/img/dot.png"), 1, 1);
        Files.writeString(
                source.resolve("content/pages/home.md"),
                "---\ntitle: Home\norder: 1\n---\nWelcome.\n\n![A dot](img/dot.png)\n");
        try (ServeFixture serve = new ServeFixture(source, false, b -> b)) {
            assertEquals(
                    "1",
                    Jsoup.parse(serve.get("/").body()).selectFirst("main img").attr("width"));

            ServeFixture.Events events = serve.events();
            Path note = source.resolve("static/docs/note.txt"); // in a folder made while serving
            Files.createDirectories(note.getParent());
            Files.writeString(note, "first\n");
            await(
                    serve,
                    events,
                    "/docs/note.txt",
                    r -> r.statusCode() == 200 && r.body().equals("first\n"));

            Files.writeString(note, "second\n");
            await(serve, events, "/docs/note.txt", r -> r.body().equals("second\n"));

            Files.delete(note);
            await(serve, events, "/docs/note.txt", r -> r.statusCode() == 404);

            png(source.resolve("static/img/dot.png"), 3, 2);
            await(
                    serve,
                    events,
                    "/",
                    r -> Jsoup.parse(r.body())
                            .selectFirst("main img")
                            .attr("width")
                            .equals("3"));

            Path asset = source.resolve("templates/assets/theme-note.txt");
            Files.createDirectories(asset.getParent());
            Files.writeString(asset, "theme\n");
            await(
                    serve,
                    events,
                    "/theme-note.txt",
                    r -> r.statusCode() == 200 && r.body().equals("theme\n"));
            Files.writeString(asset, "theme, changed\n");
            await(serve, events, "/theme-note.txt", r -> r.body().equals("theme, changed\n"));
            Files.delete(asset);
            await(serve, events, "/theme-note.txt", r -> r.statusCode() == 404);
        }
    }
}
