package eu.eurocities.site.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a build into a staging folder beside the output folder ({@code .site.staging}) and swaps it in only on
 * {@link #commit}, so a failed or killed build never leaves a half-written site and the previous output stays as it
 * was. A file whose bytes equal the previous output's is hard-linked from it instead of written, so it keeps its
 * modification time and sync-based deploys skip it. The output folder gets a marker file, {@value #MARKER}, listing
 * every file the build wrote, by which later builds know the folder and those files are theirs to replace.
 */
public final class StagedDiskOutput implements Output, AutoCloseable {
  /** The marker file name written into every output folder this tool creates. */
  public static final String MARKER = ".eurocities-site";

  private final Path out;
  private final Path staging;
  private final Path old;
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private final AtomicInteger changed = new AtomicInteger();
  private final AtomicInteger unchanged = new AtomicInteger();
  private boolean committed;

  /** What a commit did, for the build report. */
  public record Summary(int written, int unchanged, int removed) {}

  /**
   * Prepares an empty staging folder beside {@code out} (removing one a killed build left behind) and restores
   * the previous output if a killed build left it renamed.
   */
  public StagedDiskOutput(Path out) throws IOException {
    this.out = out.toAbsolutePath().normalize();
    Path parent = this.out.getParent();
    String name = this.out.getFileName().toString();
    this.staging = parent.resolve("." + name + ".staging");
    this.old = parent.resolve("." + name + ".old");
    Files.createDirectories(parent);
    recover(this.out);
    deleteTree(staging);
    deleteTree(old);
    Files.createDirectories(staging);
  }

  /**
   * Puts the previous output back when a build was killed between the two renames of {@link #commit} (the output
   * renamed aside, the staging folder not yet in its place), so that even a build that then fails leaves the
   * previous site where it was.
   *
   * @param out the output folder
   * @return true when the previous output was put back
   */
  public static boolean recover(Path out) throws IOException {
    Path abs = out.toAbsolutePath().normalize();
    Path old = abs.resolveSibling("." + abs.getFileName() + ".old");
    if (!Files.exists(abs) && Files.isDirectory(old)) {
      Files.move(old, abs);
      return true;
    }
    return false;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IOException also when {@code path} would name a file outside the output folder ({@code ../x})
   */
  @Override
  public void write(String path, byte[] bytes) throws IOException {
    Path target = staging.resolve(path);
    if (path.isEmpty() || path.contains("..") || !target.startsWith(staging)) { // the usual path needs no more
      target = target.normalize();
      if (!target.startsWith(staging) || target.equals(staging)) {
        throw new IOException("refused to write " + path + ": it is not a file inside the output folder");
      }
    }
    Files.createDirectories(target.getParent());
    Path previous = out.resolve(path);
    if (sameBytes(previous, bytes)) {
      try {
        Files.createLink(target, previous);
        unchanged.incrementAndGet();
        written.add(path);
        return;
      } catch (UnsupportedOperationException | IOException e) {
        // hard links not possible here (another file system): fall through and write
      }
    }
    Files.write(target, bytes);
    changed.incrementAndGet();
    written.add(path);
  }

  /**
   * Swaps the staged build in as the output folder: the previous output is renamed aside, the staging folder takes
   * its name, then the previous output is deleted.
   *
   * @return counts of written, unchanged (linked) and removed files
   */
  public Summary commit() throws IOException {
    Summary counts = new Summary(changed.get(), unchanged.get(), 0);
    write(MARKER, manifest()); // linked like any unchanged file, so it keeps its modification time too
    written.remove(MARKER);
    boolean hadOutput = Files.isDirectory(out);
    if (hadOutput) {
      Files.move(out, old);
    } else if (Files.exists(out)) {
      throw new FileAlreadyExistsException(out.toString(), null, "is a file, not a folder");
    }
    Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
    int removed = 0;
    if (hadOutput) {
      for (String file : deleteTreeListing(old)) {
        if (!file.equals(MARKER) && !written.contains(file)) {
          removed++;
        }
      }
    }
    committed = true;
    return new Summary(counts.written(), counts.unchanged(), removed);
  }

  /** Deletes the staging folder unless the build was committed; the previous output is left as it was. */
  @Override
  public void close() {
    if (!committed) {
      try {
        deleteTree(staging);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private byte[] manifest() {
    StringBuilder b = new StringBuilder(MANIFEST_HEADER);
    written.stream().sorted().forEachOrdered(p -> b.append(p).append('\n'));
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The files a previous build wrote into {@code out}, from its marker; empty when there is no marker, and null when
   * the marker predates the list (so every file counts as the tool's).
   */
  public static Set<String> previousFiles(Path out) throws IOException {
    Path marker = out.resolve(MARKER);
    if (!Files.isRegularFile(marker)) {
      return Set.of();
    }
    String text = Files.readString(marker, StandardCharsets.UTF_8);
    if (!text.startsWith(MANIFEST_HEADER)) {
      return null;
    }
    return new HashSet<>(text.substring(MANIFEST_HEADER.length()).lines().filter(l -> !l.isBlank()).toList());
  }

  private static final String MANIFEST_HEADER = "# files written by eurocities-site; do not edit\n";

  private static boolean sameBytes(Path previous, byte[] bytes) {
    try {
      return Files.isRegularFile(previous)
          && Files.size(previous) == bytes.length
          && Arrays.equals(Files.readAllBytes(previous), bytes);
    } catch (IOException e) {
      return false;
    }
  }

  static void deleteTree(Path dir) throws IOException {
    deleteTreeListing(dir);
  }

  /**
   * Deletes {@code dir} and everything in it, in one walk, the files on all cores; nothing when it does not exist.
   *
   * @return the regular files that were in it, relative to it, with '/' between names
   */
  private static List<String> deleteTreeListing(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    List<String> regular = new ArrayList<>();
    List<Path> folders = new ArrayList<>(); // each after everything in it
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        files.add(file);
        if (attributes.isRegularFile()) {
          regular.add(dir.relativize(file).toString().replace('\\', '/'));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        folders.add(folder);
        return FileVisitResult.CONTINUE;
      }
    });
    try {
      files.parallelStream().forEach(file -> {
        try {
          Files.delete(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Path folder : folders) {
      Files.delete(folder);
    }
    return regular;
  }
}
