package eu.eurocities.site.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Refuses output folders that a build must never replace: the source folder or one that contains it, a folder
 * inside {@code content/} or {@code templates/}, the user's home, a file system root, and a non-empty folder this
 * tool did not create (no {@value StagedDiskOutput#MARKER} marker), and a folder it created that now also holds
 * files its last build did not write (which a build would delete), unless forced.
 */
public final class OutputGuard {
  private OutputGuard() {}

  /**
   * Checks {@code out} against {@code source}.
   *
   * @return a message saying why the folder is refused, or empty when it is safe
   */
  public static Optional<String> refuse(Path source, Path out, boolean force) {
    return refuse(source, out, force, Path.of(System.getProperty("user.home")));
  }

  /** {@link #refuse(Path, Path, boolean)} with the user's home folder given. */
  public static Optional<String> refuse(Path source, Path out, boolean force, Path userHome) {
    Path src = real(source);
    Path dst = real(out);
    Path home = real(userHome);
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
    if (!force && Files.isDirectory(dst)) {
      List<String> foreign = foreignFiles(dst);
      if (!foreign.isEmpty()) {
        return Optional.of("the output folder " + dst + " holds " + foreign.size() + " file"
            + (foreign.size() == 1 ? "" : "s") + " that this tool did not write (" + String.join(", ",
                foreign.subList(0, Math.min(3, foreign.size()))) + (foreign.size() > 3 ? ", ..." : "")
            + "); a build would delete them. Move them out of the folder, or pass --force to delete them");
      }
    }
    return Optional.empty();
  }

  /** Files in a folder made by this tool that its last build did not write, in path order. */
  private static List<String> foreignFiles(Path dir) {
    try {
      Set<String> written = StagedDiskOutput.previousFiles(dir);
      if (written == null || !Files.exists(dir.resolve(StagedDiskOutput.MARKER))) {
        return List.of();
      }
      try (Stream<Path> s = Files.walk(dir)) {
        return s.filter(Files::isRegularFile)
            .map(p -> dir.relativize(p).toString().replace('\\', '/'))
            .filter(p -> !p.equals(StagedDiskOutput.MARKER) && !written.contains(p))
            .sorted()
            .toList();
      }
    } catch (IOException e) {
      return List.of();
    }
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
