package eu.eurocities.site.serve;

import eu.eurocities.site.render.Templates;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The templates of a running {@code serve}. It starts with the engine a build would use ({@link
 * Templates#forSource}: the precompiled built-in templates when {@code templates/} matches them). After a template
 * changes, every template of the theme (those of {@code templates/}, and the built-in ones it does not override) is
 * compiled again at run time (one compiler run for all of them) and served from a fresh class loader, so an edit
 * needs no {@code mvn package}.
 *
 * <p>Compiling all templates at once costs one compiler run whichever template changed; letting jte recompile on
 * demand would run the compiler once per page template after an edit of the shared layout.
 */
final class LiveTemplates {
    /** A package of its own, so that the jar's precompiled classes never stand in for freshly compiled ones. */
    private static final String PACKAGE = "gg.jte.generated.serve";

    private final Path source;
    private final Path workDir;
    private TemplateEngine engine;
    private Path classes;
    private int generation;

    /**
     * @param source the folder that may hold {@code templates/}
     * @param workDir an empty folder for compiled templates, owned by this object
     */
    LiveTemplates(Path source, Path workDir) {
        this.source = source;
        this.workDir = workDir;
        this.engine = Templates.forSource(source, folder()).engine();
    }

    /** The engine to render with. */
    TemplateEngine engine() {
        return engine;
    }

    /**
     * Compiles every template in {@code templates/} again and switches to the result.
     *
     * @param changed the templates that changed, as jte names them ({@code pages/city.jte})
     * @return the templates whose output may differ: the changed ones and every template that calls one of them
     * @throws gg.jte.TemplateException when a template does not compile; the previous engine stays in use
     */
    Set<String> recompile(Set<String> changed) {
        Path dir = source.resolve("templates");
        if (!Files.isDirectory(dir)) {
            engine = Templates.precompiled();
            return changed;
        }
        Path previous = classes;
        Path next = folder();
        TemplateEngine compiler = Templates.compiling(TemplateEngine.create(
                Templates.theme(dir), next, ContentType.Html, LiveTemplates.class.getClassLoader(), PACKAGE));
        try {
            compiler.precompileAll();
        } catch (RuntimeException e) {
            DevServer.deleteTree(next);
            classes = previous;
            throw e;
        }
        Set<String> affected = new HashSet<>(changed);
        for (String t : changed) {
            affected.addAll(compiler.getTemplatesUsing(t));
        }
        engine =
                TemplateEngine.createPrecompiled(next, ContentType.Html, LiveTemplates.class.getClassLoader(), PACKAGE);
        if (previous != null) {
            DevServer.deleteTree(previous);
        }
        return affected;
    }

    /**
     * Switches to the engine a build would use ({@link Templates#forSource}), which compiles each template when a
     * page first needs it: after {@link #recompile} failed, the run renders with it so that what does not compile is
     * reported as a build reports it, at the pages it breaks.
     */
    void compileAsBuild() {
        Path previous = classes;
        engine = Templates.forSource(source, folder()).engine();
        if (previous != null) {
            DevServer.deleteTree(previous);
        }
    }

    private Path folder() {
        try {
            classes = Files.createDirectories(workDir.resolve("templates-" + ++generation));
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
