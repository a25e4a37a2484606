package eu.eurocities.site.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Refuses output folders that a build must never replace: the source folder or one that contains it, a folder
 * inside {@code content/} or {@code templates/}, the user's home, a file system root, and a non-empty folder this
 * tool did not create (no {@value StagedDiskOutput#MARKER} marker) unless forced.
 */
public final class OutputGuard {
  private OutputGuard() {}

  /**
   * Checks {@code out} against {@code source}.
   *
   * @return a message saying why the folder is refused, or empty when it is safe
   */
  public static Optional<String> refuse(Path source, Path out, boolean force) {
    Path src = real(source);
    Path dst = real(out);
    Path home = real(Path.of(System.getProperty("user.home")));
    if (dst.getParent() == null) {
      return Optional.of("refusing to write the site into the file system root " + dst);
    }
    if (dst.equals(home)) {
      return Optional.of("refusing to write the site into your home folder " + dst + "; choose --out site");
    }
    if (dst.equals(src)) {
      return Optional.of("the output folder " + dst + " is the source folder; choose another --out, e.g. site");
    }
    if (src.startsWith(dst)) {
      return Optional.of("the output folder " + dst + " contains the source folder " + src
          + "; choose another --out, e.g. site");
    }
    for (String inner : new String[] {"content", "templates"}) {
      if (dst.startsWith(src.resolve(inner))) {
        return Optional.of("the output folder " + dst + " is inside " + inner + "/; choose another --out, e.g. site");
      }
    }
    if (!force && Files.isDirectory(dst) && !Files.exists(dst.resolve(StagedDiskOutput.MARKER)) && !isEmpty(dst)) {
      return Optional.of("the output folder " + dst + " is not empty and was not made by this tool; "
          + "its files would be replaced. Choose another --out, or pass --force to replace it");
    }
    if (Files.exists(dst) && !Files.isDirectory(dst)) {
      return Optional.of("the output path " + dst + " is a file, not a folder");
    }
    return Optional.empty();
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** The absolute, normalised path with symbolic links resolved as far as the path exists. */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    Path rest = Path.of("");
    while (existing != null && !Files.exists(existing)) {
      rest = existing.getFileName().resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(rest).normalize();
    } catch (IOException e) {
      return abs;
    }
  }
}
