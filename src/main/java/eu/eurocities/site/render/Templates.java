package eu.eurocities.site.render;

import gg.jte.CodeResolver;
import gg.jte.ContentType;
import gg.jte.TemplateConfig;
import gg.jte.TemplateEngine;
import gg.jte.compiler.TemplateCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Chooses the template engine for a build. The templates in the jar are precompiled at build time (the default
 * theme). A source folder without {@code templates/}, or whose templates are the same files as the jar's, uses
 * them, so a build compiles nothing; a source folder with a template that differs is compiled at run time, so a build
 * never silently uses templates older than the files. A source folder may hold only some templates (or only {@code
 * assets/}): the others come from the built-in theme.
 */
public final class Templates {
    private static final String THEME = "default-theme/templates";
    private static final String BUILT_IN = "built-in templates";

    private Templates() {}

    /**
     * Which templates a build uses and why, for the build report. Closing it keeps the run-time compiled classes in
     * {@code cache} when every template compiled (so that the next build with the same templates compiles nothing),
     * then deletes the folder of run-time compiled classes when {@link #forSource(Path)} made one.
     *
     * @param engine the engine to render with
     * @param description {@code built-in templates}, or where the templates come from
     * @param scratch a folder to delete on close, or null
     * @param cache where to keep the classes compiled in {@code scratch}, or null
     * @param templates the names of all the templates the classes must hold before they are kept
     */
    public record Choice(TemplateEngine engine, String description, Path scratch, Path cache, List<String> templates)
            implements AutoCloseable {
        /** A choice with nothing to clean up. */
        Choice(TemplateEngine engine, String description) {
            this(engine, description, null, null, List.of());
        }

        @Override
        public void close() {
            if (scratch == null || !Files.exists(scratch)) {
                return;
            }
            if (cache != null) {
                TemplateCache.keep(engine, scratch, cache, templates, PACKAGE);
            }
            TemplateCache.delete(scratch);
        }
    }

    /** The package of run-time compiled templates (jte's default), also of the classes kept between builds. */
    static final String PACKAGE = "gg.jte.generated.ondemand";

    /**
     * As {@link #forSource(Path, Path)}, compiling into a fresh folder in the system's temp folder that is made only
     * when templates are compiled, and deleted when the returned choice is closed.
     */
    public static Choice forSource(Path source) {
        return forSource(source, TemplateCache.root(), TemplateCache::toolId);
    }

    /**
     * As {@link #forSource(Path)}, keeping compiled templates under {@code cacheRoot} keyed by {@code toolId} and the
     * templates' content: a build whose templates were compiled by an earlier build with the same tool loads those
     * classes instead of running javac. No cache is used when either is null. The tool's identity is asked for only
     * when the site has templates of its own: it hashes the whole jar.
     */
    static Choice forSource(Path source, Path cacheRoot, Supplier<String> toolId) {
        Path scratch = Path.of(
                System.getProperty("java.io.tmpdir"),
                "eurocities-site-jte-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Choice choice = forSource(source, scratch);
        String tool = choice.description().equals(BUILT_IN) || cacheRoot == null ? null : toolId.get();
        if (tool == null) {
            return new Choice(choice.engine(), choice.description(), scratch, null, List.of());
        }
        Map<String, byte[]> effective = new TreeMap<>(builtIn());
        effective.putAll(read(source.resolve("templates")));
        Path cache = cacheRoot.resolve(TemplateCache.key(tool, effective));
        List<String> names = List.copyOf(effective.keySet());
        if (TemplateCache.complete(cache)) {
            TemplateEngine kept = TemplateEngine.createPrecompiled(
                    cache, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);
            return new Choice(
                    kept,
                    choice.description().replace("(compiled at run time)", "(compiled by an earlier build)"),
                    scratch,
                    null,
                    List.of());
        }
        return new Choice(choice.engine(), choice.description(), scratch, cache, names);
    }

    /**
     * Picks the engine for {@code source}.
     *
     * @param source the folder that may hold {@code templates/}
     * @param workDir a folder for run-time compiled classes (created when needed)
     */
    public static Choice forSource(Path source, Path workDir) {
        Path dir = source.resolve("templates");
        if (!Files.isDirectory(dir)) {
            return new Choice(precompiled(), BUILT_IN);
        }
        Map<String, byte[]> mine = read(dir);
        Map<String, byte[]> builtIn = builtIn();
        if (sameAsBuiltIn(mine, builtIn)) {
            return new Choice(precompiled(), BUILT_IN);
        }
        TemplateEngine engine =
                compiling(TemplateEngine.create(new ThemeCodeResolver(dir, THEME), workDir, ContentType.Html));
        return new Choice(engine, "templates from " + dir + " (compiled at run time)");
    }

    /**
     * {@code engine}, set to compile templates as the jte-maven-plugin compiles the built-in ones (pom.xml): lines that
     * hold only a control structure ({@code @if}, {@code @for} ...) and its indentation leave nothing in the output,
     * and their static text is encoded to UTF-8 once, when compiled, for {@link Renderer#render}.
     */
    public static TemplateEngine compiling(TemplateEngine engine) {
        engine.setTrimControlStructures(true);
        engine.setBinaryStaticContent(true);
        return engine;
    }

    /**
     * A compiler of the templates {@code resolver} finds into {@code classes}, in package {@code packageName}, set as
     * {@link #compiling} sets an engine; unlike an engine it compiles a chosen few templates (with the ones they call).
     */
    public static TemplateCompiler compiler(
            CodeResolver resolver, Path classes, ClassLoader parent, String packageName) {
        TemplateConfig config = new TemplateConfig(ContentType.Html, packageName);
        config.trimControlStructures = true;
        config.binaryStaticContent = true;
        return new TemplateCompiler(config, resolver, classes, parent);
    }

    /**
     * The templates of a source folder's {@code templates/} {@code dir}, each one it lacks taken from the built-in
     * theme, as a build resolves them; {@link CodeResolver#resolveAllTemplateNames} lists both.
     */
    public static CodeResolver theme(Path dir) {
        return new ThemeCodeResolver(dir, THEME);
    }

    /** The engine of the built-in, precompiled templates. */
    public static TemplateEngine precompiled() {
        return TemplateEngine.createPrecompiled(ContentType.Html);
    }

    /** True when every template in the source folder is a byte-for-byte copy of the built-in one of that name. */
    private static boolean sameAsBuiltIn(Map<String, byte[]> mine, Map<String, byte[]> builtIn) {
        return mine.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), builtIn.get(e.getKey())));
    }

    private static Map<String, byte[]> read(Path dir) {
        return read(dir, name -> name.endsWith(".jte"));
    }

    /**
     * The files under {@code dir} whose '/'-separated relative path {@code which} accepts, by that path; empty when
     * there is no folder.
     */
    static SortedMap<String, byte[]> read(Path dir, Predicate<String> which) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (Files.isRegularFile(p) && which.test(name)) {
                    out.put(name, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The default theme's template sources as shipped in the jar (or the classes folder when run from Maven). */
    public static Map<String, byte[]> builtIn() {
        return inBuiltInTheme(Templates::read);
    }

    /**
     * What {@code reading} makes of the built-in theme's {@code templates/} folder, in the jar or, when run from Maven,
     * the classes folder; {@code reading} gets the path even when the folder is missing.
     */
    static <T> T inBuiltInTheme(java.util.function.Function<Path, T> reading) {
        try {
            Path where = CodeRoot.of(Templates.class);
            if (Files.isDirectory(where)) {
                return reading.apply(where.resolve(THEME));
            }
            try (FileSystem jar = FileSystems.newFileSystem(where, (ClassLoader) null)) {
                return reading.apply(jar.getPath(THEME));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
