package eu.eurocities.site.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Chooses the template engine for a build. The templates in the jar are precompiled at build time (the default
 * theme). A source folder without {@code templates/}, or with templates identical to the jar's, uses them, so a
 * build compiles nothing; a source folder whose {@code templates/} differ is compiled at run time, so a build never
 * silently uses templates older than the files.
 */
public final class Templates {
  private static final String THEME = "default-theme/templates";

  private Templates() {}

  /** Which templates a build uses and why, for the build report. */
  public record Choice(TemplateEngine engine, String description) {}

  /**
   * Picks the engine for {@code source}.
   *
   * @param source the folder that may hold {@code templates/}
   * @param workDir a folder for run-time compiled classes (created when needed)
   */
  public static Choice forSource(Path source, Path workDir) {
    Path dir = source.resolve("templates");
    if (!Files.isDirectory(dir)) {
      return new Choice(TemplateEngine.createPrecompiled(ContentType.Html), "built-in templates");
    }
    Map<String, byte[]> mine = read(dir);
    Map<String, byte[]> builtIn = builtIn();
    if (sameFiles(mine, builtIn)) {
      return new Choice(TemplateEngine.createPrecompiled(ContentType.Html), "built-in templates");
    }
    TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(dir), workDir, ContentType.Html);
    return new Choice(engine, "templates from " + dir + " (compiled at run time)");
  }

  /** A run-time engine over {@code templates/} that recompiles changed templates (for serve). */
  public static TemplateEngine hotReloading(Path templatesDir, Path workDir) {
    return TemplateEngine.create(new DirectoryCodeResolver(templatesDir), workDir, ContentType.Html);
  }

  private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    return a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
  }

  private static Map<String, byte[]> read(Path dir) {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(p) && p.toString().endsWith(".jte")) {
          out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The default theme's template sources as shipped in the jar (or the classes folder when run from Maven). */
  static Map<String, byte[]> builtIn() {
    try {
      var location = Templates.class.getProtectionDomain().getCodeSource().getLocation();
      Path where = Path.of(location.toURI());
      if (Files.isDirectory(where)) {
        Path dir = where.resolve(THEME);
        return Files.isDirectory(dir) ? read(dir) : Map.of();
      }
      try (FileSystem jar = FileSystems.newFileSystem(where, (ClassLoader) null)) {
        Path dir = jar.getPath(THEME);
        return Files.isDirectory(dir) ? read(dir) : Map.of();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

}
