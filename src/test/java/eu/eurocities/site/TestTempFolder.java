package eu.eurocities.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Keeps what the tests write out of the system's temporary folder. The build points each test JVM's
 * {@code java.io.tmpdir} at a folder of its own under {@code target/test-tmp/} ({@code TMPDIR}, for Chromium, at
 * that folder) and names it in the system property {@code eurocities.test.tmpdir}; this listener creates it before
 * the first test and deletes it with everything in it after the last. Without the property (a test started from
 * an IDE) it does nothing.
 */
public final class TestTempFolder implements LauncherSessionListener {
    private static final String PROPERTY = "eurocities.test.tmpdir";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        folder().ifPresent(dir -> {
            try {
                deleteTree(dir);
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        folder().ifPresent(dir -> {
            try {
                deleteTree(dir);
                // the folder that holds each test JVM's own (fork-1, fork-2), once the last of them is done
                Files.deleteIfExists(dir.getParent());
            } catch (IOException e) {
                // a browser still shutting down may hold a file, or another test JVM is still at work; what is left
                // stays
                // under target/ and goes with the next run
            }
        });
    }

    private static Optional<Path> folder() {
        return Optional.ofNullable(System.getProperty(PROPERTY))
                .filter(s -> !s.isBlank())
                .map(Path::of);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
