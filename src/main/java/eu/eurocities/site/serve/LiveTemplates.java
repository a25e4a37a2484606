package eu.eurocities.site.serve;

import eu.eurocities.site.render.Templates;
import gg.jte.CodeResolver;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.compiler.TemplateCompiler;
import gg.jte.runtime.ClassInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The templates of a running {@code serve}. It starts with the engine a build would use ({@link
 * Templates#forSource}: the precompiled built-in templates when {@code templates/} matches them). After a template
 * changes, the templates of the theme (those of {@code templates/}, and the built-in ones it does not override) are
 * compiled again at run time and served from a fresh class loader, so an edit needs no {@code mvn package}.
 *
 * <p>The first edit compiles every template in one compiler run (letting jte compile on demand would run the
 * compiler once per page template after an edit of the shared layout). Later edits compile only the templates whose
 * output may differ, the edited ones and those that call them, and take the classes of the others from the last
 * compilation: an edit of a page's template then compiles that page's template and the ones it calls, in half the
 * time of the whole theme. The classes compiled anew are loaded by a class loader that takes every other template
 * class from the last one ({@link Kept}), so that the layout and partials a page calls stay loaded and compiled to
 * machine code: loaded afresh, the JVM would interpret and compile them again at every edit, which at 10,000 cities
 * cost more CPU than the render itself.
 */
final class LiveTemplates {
    /** A package of its own, so that the jar's precompiled classes never stand in for freshly compiled ones. */
    private static final String PACKAGE = "gg.jte.generated.serve";

    private final Path source;
    private final Path workDir;
    private TemplateEngine engine;
    private Path classes;
    private int generation;
    /** Whether {@link #classes} holds every template of the theme, compiled by {@link #recompile}. */
    private boolean whole;
    /** The loader of the template classes in use when they were compiled at run time, else null. */
    private ClassLoader loader;
    /**
     * The folders of {@link #loader} and of the loaders it takes classes from through {@link Kept}, oldest first: each
     * stays while a later loader may still load from it a class no page asked for yet.
     */
    private final List<Path> chain = new ArrayList<>();

    /**
     * A chain longer than this starts again from classes all loaded afresh: each link holds the classes it replaced,
     * which are never unloaded while the chain lasts.
     */
    private static final int LONGEST_CHAIN = 24;

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

    /** The loader of the template classes compiled at run time that are in use, or null while there are none. */
    ClassLoader loader() {
        return loader;
    }

    /**
     * Compiles the templates in {@code templates/} again and switches to the result.
     *
     * @param changed the templates that changed, as jte names them ({@code pages/city.jte}), or folders of them
     *     ({@code partial}; the empty name for the whole {@code templates/} folder)
     * @return the templates whose output may differ: the changed ones and every template that calls one of them;
     *     every template when a folder changed
     * @throws gg.jte.TemplateException when a template does not compile; the previous engine stays in use
     */
    Set<String> recompile(Set<String> changed) {
        Path dir = source.resolve("templates");
        if (!Files.isDirectory(dir)) { // the built-in theme, whose output may differ from the one before in any page
            engine = Templates.precompiled();
            whole = false;
            dropChain(null);
            Set<String> all = new TreeSet<>(changed);
            all.addAll(Templates.builtIn().keySet());
            return all;
        }
        CodeResolver theme = Templates.theme(dir);
        Set<String> names = new TreeSet<>(theme.resolveAllTemplateNames());
        // a folder that came or went (a name without .jte) may have held any template, and jte gives two templates
        // whose names differ only in characters a class name cannot hold one class: everything is compiled
        boolean everything = changed.stream().anyMatch(name -> !name.endsWith(".jte")) || sharedClass(names);
        Set<String> affected = new TreeSet<>(changed);
        if (everything) {
            affected.addAll(names);
        } else {
            affected = callers(changed, users(theme, names));
        }
        Set<String> compile = new TreeSet<>(affected);
        compile.retainAll(names); // a deleted template is compiled no more
        boolean partial = whole && !everything && !compile.equals(names);
        Path previous = classes;
        Path next = folder();
        TemplateCompiler compiler = Templates.compiler(theme, next, LiveTemplates.class.getClassLoader(), PACKAGE);
        Set<String> fresh = null; // the classes of the templates compiled because they may differ
        try {
            if (partial) {
                compiler.precompile(List.copyOf(compile));
                copyOthers(previous, next);
                // jte compiles the templates these call too, unchanged: the loaded ones serve
                fresh = new HashSet<>();
                for (String name : compile) {
                    fresh.add(new ClassInfo(name, PACKAGE).fullName);
                }
            } else {
                compiler.precompileAll();
            }
        } catch (RuntimeException e) {
            DevServer.deleteTree(next);
            classes = previous;
            throw e;
        }
        whole = true;
        boolean keep = fresh != null && loader != null && chain.size() < LONGEST_CHAIN;
        ClassLoader parent = keep ? new Kept(loader, fresh) : LiveTemplates.class.getClassLoader();
        if (!keep) {
            dropChain(previous);
        }
        chain.add(next);
        try {
            loader = new URLClassLoader(new URL[] {next.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e); // a folder's URI is a URL
        }
        // jte puts a loader of the same folder on top of this one, which finds every class through it
        engine = TemplateEngine.createPrecompiled(next, ContentType.Html, loader, PACKAGE);
        return affected;
    }

    /**
     * A call of another template in a template's source: {@code @template.partial.city-table(}; jte also reads the name
     * with white space around its dots, and with any letters.
     */
    private static final Pattern CALL = Pattern.compile("@template((?:\\s*\\.\\s*[^\\s.(]+)+)\\s*\\(");

    /** Whether two of {@code names} are compiled into classes of the same name. */
    private static boolean sharedClass(Set<String> names) {
        Set<String> classes = new HashSet<>();
        return !names.stream().allMatch(name -> classes.add(new ClassInfo(name, PACKAGE).fullName));
    }

    /**
     * For each of {@code names}, the templates whose source calls it, read from the sources as they are now (jte's own
     * record of who calls whom misses a template reached through a partial that another page reached first). A call in
     * a comment counts too, which at worst compiles and renders more than needed.
     */
    private static Map<String, Set<String>> users(CodeResolver theme, Set<String> names) {
        Map<String, Set<String>> users = new HashMap<>();
        for (String name : names) {
            String code = theme.resolve(name);
            Matcher call = CALL.matcher(code == null ? "" : code);
            while (call.find()) {
                String callee = call.group(1).replaceAll("\\s", "").substring(1).replace('.', '/') + ".jte";
                users.computeIfAbsent(callee, c -> new TreeSet<>()).add(name);
            }
        }
        return users;
    }

    /** {@code changed} and every template that calls one of them, directly or through others, by {@code users}. */
    private static Set<String> callers(Set<String> changed, Map<String, Set<String>> users) {
        Set<String> all = new TreeSet<>(changed);
        Deque<String> todo = new ArrayDeque<>(changed);
        while (!todo.isEmpty()) {
            for (String user : users.getOrDefault(todo.pop(), Set.of())) {
                if (all.add(user)) {
                    todo.push(user);
                }
            }
        }
        return all;
    }

    /**
     * Copies into {@code next} the files of each template class that {@code previous} holds and {@code next} does not
     * (a class, its inner classes, its static text and its Java source share the name before the first '$' or '.').
     */
    private static void copyOthers(Path previous, Path next) {
        try (Stream<Path> made = Files.walk(next);
                Stream<Path> before = Files.walk(previous)) {
            Set<String> compiled = new TreeSet<>();
            made.filter(Files::isRegularFile).forEach(f -> compiled.add(group(next.relativize(f))));
            for (Path f : (Iterable<Path>) before.filter(Files::isRegularFile)::iterator) {
                Path relative = previous.relativize(f);
                if (!compiled.contains(group(relative))) {
                    Path target = next.resolve(relative.toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class a file of compiled templates belongs to: {@code .../JtecityGenerated} for {@code ...$1.class}. */
    private static String group(Path relative) {
        String path = relative.toString().replace('\\', '/');
        int slash = path.lastIndexOf('/');
        int end = path.length();
        for (int i = slash + 1; i < path.length(); i++) {
            if (path.charAt(i) == '$' || path.charAt(i) == '.') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }

    /**
     * Switches to the engine a build would use ({@link Templates#forSource}), which compiles each template when a
     * page first needs it: after {@link #recompile} failed, the run renders with it so that what does not compile is
     * reported as a build reports it, at the pages it breaks.
     */
    void compileAsBuild() {
        Path previous = classes;
        engine = Templates.forSource(source, folder()).engine();
        whole = false;
        dropChain(previous);
    }

    /**
     * Forgets the loaders of compiled classes and deletes their folders and {@code previous} (the classes in use until
     * now, or null to keep them), but never the one {@link #classes} names.
     */
    private void dropChain(Path previous) {
        Set<Path> folders = new HashSet<>(chain);
        if (previous != null) {
            folders.add(previous);
        }
        folders.remove(classes);
        folders.forEach(DevServer::deleteTree);
        chain.clear();
        loader = null;
    }

    /**
     * The parent of the loader of a partial compilation's classes: it gives every template class that compilation did
     * not make from the last loader (the same class, already compiled to machine code), refuses those it made so that
     * they are loaded from its folder, and gives any other class from the application. A template class taken from the
     * last loader calls none of the new ones: whatever calls an edited template is compiled with it.
     */
    private static final class Kept extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final ClassLoader last;
        private final Set<String> fresh;

        Kept(ClassLoader last, Set<String> fresh) {
            super(LiveTemplates.class.getClassLoader());
            this.last = last;
            this.fresh = fresh;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PACKAGE + ".")) {
                return super.loadClass(name, resolve);
            }
            int inner = name.indexOf('$');
            if (fresh.contains(inner < 0 ? name : name.substring(0, inner))) {
                throw new ClassNotFoundException(name);
            }
            return last.loadClass(name);
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
