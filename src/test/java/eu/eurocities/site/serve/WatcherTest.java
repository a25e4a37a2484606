package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The watcher on real folders: which file names count as editors' transient files (which never start a rebuild),
 * edits made through links, and a consumer that fails.
 */
class WatcherTest {
    @TempDir
    Path tmp;

    final BlockingQueue<Watcher.Batch> batches = new LinkedBlockingQueue<>();

    /** Waits for a batch that contains {@code path}, skipping others. */
    void awaitChange(String path) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            Watcher.Batch b = batches.poll(100, TimeUnit.MILLISECONDS);
            if (b != null && b.paths().contains(path)) {
                return;
            }
        }
        fail("no change of " + path + " reported");
    }

    @Test
    void anEditOfTheFileARecordLinksToIsAChangeOfTheRecord() throws Exception {
        Path source = tmp.resolve("site");
        Files.createDirectories(source.resolve("content/cities"));
        Path shared = Files.createDirectories(tmp.resolve("shared-records"));
        Files.writeString(shared.resolve("lodz.yaml"), "name: Łódź\n");
        Files.createSymbolicLink(source.resolve("content/cities/lodz.yaml"), shared.resolve("lodz.yaml"));
        // a link inside the folder too: saving its target is a change of both
        Files.writeString(source.resolve("content/cities/oslo.yaml"), "name: Oslo\n");
        Files.createSymbolicLink(source.resolve("content/cities/kristiania.yaml"), Path.of("oslo.yaml"));
        try (Watcher w = new Watcher(source, 15, batches::add)) {
            Files.writeString(shared.resolve("lodz.yaml"), "name: Łódź City\n");
            awaitChange("content/cities/lodz.yaml");
            // an atomic save of the target: a new file renamed over it
            Path temp = Files.writeString(shared.resolve(".lodz.yaml.tmp"), "name: Łódź\n");
            Files.move(
                    temp,
                    shared.resolve("lodz.yaml"),
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            awaitChange("content/cities/lodz.yaml");
            Files.writeString(source.resolve("content/cities/oslo.yaml"), "name: Oslo City\n");
            awaitChange("content/cities/kristiania.yaml");
        }
    }

    @Test
    void anEditInsideAContentFolderThatIsALinkIsSeen() throws Exception {
        Path source = Files.createDirectories(tmp.resolve("site"));
        Path real = Files.createDirectories(tmp.resolve("checkout/content/cities"));
        Files.writeString(real.resolve("oslo.yaml"), "name: Oslo\n");
        Files.createSymbolicLink(source.resolve("content"), tmp.resolve("checkout/content"));
        try (Watcher w = new Watcher(source, 15, batches::add)) {
            Files.writeString(real.resolve("oslo.yaml"), "name: Oslo City\n");
            awaitChange("content/cities/oslo.yaml");
            // a folder created later inside the linked one is watched as well
            Files.createDirectories(tmp.resolve("checkout/content/pages"));
            awaitChange("content/pages");
            Thread.sleep(100);
            Files.writeString(tmp.resolve("checkout/content/pages/history.md"), "---\ntitle: History\n---\n");
            awaitChange("content/pages/history.md");
        }
    }

    @Test
    void aConsumerThatFailsDoesNotStopTheWatcher() throws Exception {
        Path source = Files.createDirectories(tmp.resolve("site/content/cities"));
        try (Watcher w = new Watcher(source.getParent().getParent(), 15, batch -> {
            batches.add(batch);
            if (batch.paths().contains("content/cities/a.yaml")) {
                throw new StackOverflowError();
            }
        })) {
            Files.writeString(source.resolve("a.yaml"), "name: A\n");
            awaitChange("content/cities/a.yaml");
            Thread.sleep(100);
            Files.writeString(source.resolve("b.yaml"), "name: B\n");
            awaitChange("content/cities/b.yaml");
        }
        assertTrue(batches.stream().noneMatch(b -> b.paths().equals(Set.of())));
    }

    @ParameterizedTest(name = "{0} -> transient {1}")
    @CsvSource({
        ".lodz.yaml.swp, true", // vim swap
        ".lodz.yaml.swx, true",
        ".lodz.yaml.swo, true",
        "lodz.yaml~, true", // backup (vim, emacs, gedit)
        "4913, true", // vim's probe for a writable folder
        ".#lodz.yaml, true", // emacs lock
        "#lodz.yaml#, true", // emacs auto-save
        ".goutputstream-7S2VX2, true", // gedit's temporary file before the rename
        "lodz.yaml___jb_tmp___, true", // JetBrains safe write
        "lodz.yaml___jb_old___, true",
        ".lodz.yaml.kate-swp, true",
        "lodz.yaml, false",
        "city.jte, false",
        "style.css, false",
        "strategy-and-activities.md, false",
        "4914, false"
    })
    void editorsTransientFilesAreRecognised(String name, boolean expected) {
        assertEquals(expected, Watcher.isTransient(name));
    }
}
