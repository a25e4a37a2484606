package eu.eurocities.site.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import eu.eurocities.site.load.ContentLoader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches {@code content/}, {@code templates/} (with the theme's assets and language files), {@code static/} and
 * {@code i18n/} (the site's own texts) under a source folder,
 * with every folder below them (folders
 * created later too), and hands each burst of changes to a consumer as one {@link Batch}, once no new event has
 * arrived for a quiet period. On Linux the JDK's watch service is backed by inotify, so events arrive within a
 * millisecond or two; there is no polling.
 *
 * <p>Editors' transient files (swap, backup, lock and probe files: {@code .file.swp}, {@code file~}, {@code
 * .#file}, {@code #file#}, {@code 4913}, hidden files) never start a rebuild. An atomic save (write a temporary
 * file, rename it over the original) arrives as a creation of the original and is reported like any other change.
 * The consumer runs on the watcher's own thread, so one batch is handled at a time, and events that arrive during a
 * rebuild form the next batch; whatever it throws, the watcher goes on with the next batch.
 *
 * <p>Links are followed: a folder that is a link (or {@code content/} itself) is watched as the folder it leads to,
 * and for a file that is a link, the folder of the file it leads to is watched too, so that saving the target is
 * reported as a change of the link ({@code content/cities/lodz.yaml}).
 */
final class Watcher implements Closeable {
    /** The folders under the source folder that are watched. */
    static final List<String> ROOTS = List.of("content", "templates", "static", "i18n");

    private static final long MAX_BATCH_MILLIS = 2000;

    private final Path source;
    private final long quietMillis;
    private final Consumer<Batch> consumer;
    private final WatchService service;
    private final Map<WatchKey, Watched> keys = new ConcurrentHashMap<>();
    /** The files that links lead to, by their real path, with the links' paths relative to the source folder. */
    private final Map<Path, Set<String>> linked = new ConcurrentHashMap<>();

    private final Thread thread;

    /**
     * One burst of changes.
     *
     * @param paths the changed files and folders, relative to the source folder with '/' separators
     * @param overflow true when the system dropped events, so any file may have changed
     */
    record Batch(Set<String> paths, boolean overflow) {}

    /**
     * A watched folder.
     *
     * @param paths the paths it was registered under: one normally, more when links lead to it by other paths
     * @param real its real path, where the targets of file links are looked up
     */
    private record Watched(Set<Path> paths, Path real) {}

    /**
     * Starts watching.
     *
     * @param source the source folder
     * @param quietMillis how long no event must arrive before a burst is handed over
     * @param consumer receives each burst, on the watcher's thread
     * @throws IOException when the watch service cannot be created
     */
    Watcher(Path source, long quietMillis, Consumer<Batch> consumer) throws IOException {
        this.source = source.toAbsolutePath().normalize();
        this.quietMillis = quietMillis;
        this.consumer = consumer;
        this.service = this.source.getFileSystem().newWatchService();
        register(this.source);
        for (String root : ROOTS) {
            registerTree(this.source.resolve(root), null);
        }
        thread = new Thread(this::loop, "serve-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** True for names that editors create and remove around a save, which are never content. */
    static boolean isTransient(String name) {
        return ContentLoader.isEditorLeftover(name);
    }

    private void loop() {
        try {
            while (true) {
                Set<String> paths = new TreeSet<>();
                boolean[] overflow = {false};
                WatchKey key = service.take();
                long first = System.nanoTime();
                while (key != null) {
                    drain(key, paths, overflow);
                    if (System.nanoTime() - first > TimeUnit.MILLISECONDS.toNanos(MAX_BATCH_MILLIS)) {
                        break;
                    }
                    key = service.poll(quietMillis, TimeUnit.MILLISECONDS);
                }
                if (!paths.isEmpty() || overflow[0]) {
                    try {
                        consumer.accept(new Batch(paths, overflow[0]));
                    } catch (Throwable e) { // the next save must still be seen, whatever went wrong with this one
                        // the consumer reports its own failures
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private void drain(WatchKey key, Set<String> paths, boolean[] overflow) {
        Watched watched = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                overflow[0] = true;
                continue;
            }
            Path name = (Path) event.context();
            if (watched == null || isTransient(name.toString())) {
                continue;
            }
            for (Path dir : watched.paths()) {
                Path child = dir.resolve(name);
                String rel = relative(child);
                if (!isWatched(rel)) {
                    continue;
                }
                if (event.kind() == ENTRY_CREATE) {
                    if (Files.isDirectory(child)) {
                        registerTree(child, paths);
                    } else if (Files.isSymbolicLink(child)) {
                        watchTarget(child);
                    }
                }
                paths.add(rel);
            }
            Set<String> links = linked.get(watched.real().resolve(name));
            if (links != null) {
                paths.addAll(links);
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
    }

    /**
     * Registers {@code root} and every folder below it, following links to folders; files found are added to {@code
     * found} when not null, and the targets of file links are watched.
     */
    private void registerTree(Path root, Set<String> found) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try {
            Files.walkFileTree(
                    root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            register(dir);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (Files.isSymbolicLink(file)) {
                                watchTarget(file);
                            }
                            if (found != null && !isTransient(file.getFileName().toString())) {
                                found.add(relative(file));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE; // a link in a loop, or a file removed meanwhile
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // a folder removed while walking it: its parent's events cover it
        }
    }

    /** Watches the folder of the file that the link {@code link} leads to, and reports its changes as the link's. */
    private void watchTarget(Path link) {
        try {
            Path target = link.toRealPath();
            linked.computeIfAbsent(target, t -> ConcurrentHashMap.newKeySet()).add(relative(link));
            register(target.getParent());
        } catch (IOException e) {
            // a broken link: the link's own folder reports when it is mended
        }
    }

    private void register(Path dir) {
        try {
            WatchKey key = dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
            Path real = dir.toRealPath();
            keys.computeIfAbsent(key, k -> new Watched(ConcurrentHashMap.newKeySet(), real))
                    .paths()
                    .add(dir);
        } catch (IOException e) {
            // removed before it could be watched
        }
    }

    private String relative(Path p) {
        return source.relativize(p).toString().replace('\\', '/');
    }

    private static boolean isWatched(String rel) {
        for (String root : ROOTS) {
            if (rel.equals(root) || rel.startsWith(root + "/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }
}
