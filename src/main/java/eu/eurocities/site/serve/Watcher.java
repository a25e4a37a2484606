package eu.eurocities.site.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import eu.eurocities.site.load.ContentLoader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches {@code content/} and {@code templates/} under a source folder, with every folder below them (folders
 * created later too), and hands each burst of changes to a consumer as one {@link Batch}, once no new event has
 * arrived for a quiet period. On Linux the JDK's watch service is backed by inotify, so events arrive within a
 * millisecond or two; there is no polling.
 *
 * <p>Editors' transient files (swap, backup, lock and probe files: {@code .file.swp}, {@code file~}, {@code
 * .#file}, {@code #file#}, {@code 4913}, hidden files) never start a rebuild. An atomic save (write a temporary
 * file, rename it over the original) arrives as a creation of the original and is reported like any other change.
 * The consumer runs on the watcher's own thread, so one batch is handled at a time, and events that arrive during a
 * rebuild form the next batch; it must not throw.
 */
final class Watcher implements Closeable {
  /** The folders under the source folder that are watched. */
  static final List<String> ROOTS = List.of("content", "templates");

  private static final long MAX_BATCH_MILLIS = 2000;

  private final Path source;
  private final long quietMillis;
  private final Consumer<Batch> consumer;
  private final WatchService service;
  private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
  private final Thread thread;

  /**
   * One burst of changes.
   *
   * @param paths the changed files and folders, relative to the source folder with '/' separators
   * @param overflow true when the system dropped events, so any file may have changed
   */
  record Batch(Set<String> paths, boolean overflow) {}

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
          consumer.accept(new Batch(paths, overflow[0]));
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: stop watching
    }
  }

  private void drain(WatchKey key, Set<String> paths, boolean[] overflow) {
    Path dir = dirs.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        overflow[0] = true;
        continue;
      }
      if (dir == null) {
        continue;
      }
      Path child = dir.resolve((Path) event.context());
      String rel = relative(child);
      if (!isWatched(rel) || isTransient(child.getFileName().toString())) {
        continue;
      }
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
        registerTree(child, paths);
      }
      paths.add(rel);
    }
    if (!key.reset()) {
      dirs.remove(key);
    }
  }

  /** Registers {@code root} and every folder below it; files found are added to {@code found} when not null. */
  private void registerTree(Path root, Set<String> found) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isDirectory(p)) {
          register(p);
        } else if (found != null && !isTransient(p.getFileName().toString())) {
          found.add(relative(p));
        }
      }
    } catch (IOException | RuntimeException e) {
      // a folder removed while walking it: its parent's events cover it
    }
  }

  private void register(Path dir) {
    try {
      dirs.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
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
