package eu.eurocities.site.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * When the content last changed, as the site's footer says it: the date of the last commit that touched {@code
 * content/}, when the source folder is in a git work tree and git is installed. Like Hugo's git info, this is the
 * same for every build of one commit, where a file's time would be the time of the checkout.
 */
public final class LastChange {
    private LastChange() {}

    /**
     * {@link #of} for {@code source}, asked on first use and then remembered: asking git on every rebuild of {@code
     * serve} would be slow. Thread-safe.
     */
    public static Supplier<LocalDate> once(Path source) {
        return new Supplier<>() {
            private Optional<LocalDate> known;

            @Override
            public synchronized LocalDate get() {
                if (known == null) {
                    known = Optional.ofNullable(of(source));
                }
                return known.orElse(null);
            }
        };
    }

    /**
     * The date of the last commit that changed {@code source/content}.
     *
     * @return the date, or null when the folder is not under git, git is missing or slow, or the content was never
     *     committed
     */
    public static LocalDate of(Path source) {
        if (!Files.isDirectory(source.resolve("content"))) {
            return null;
        }
        try {
            Process git = new ProcessBuilder("git", "log", "-1", "--format=%cs", "--", "content")
                    .directory(source.toFile())
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            git.getOutputStream().close();
            byte[] out = git.getInputStream().readNBytes(64);
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            String date = new String(out, StandardCharsets.US_ASCII).strip();
            return git.exitValue() == 0 && !date.isEmpty() ? LocalDate.parse(date) : null;
        } catch (IOException | DateTimeParseException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
