package eu.eurocities.site.render;

import gg.jte.CodeResolver;
import gg.jte.resolve.DirectoryCodeResolver;
import gg.jte.resolve.ResourceCodeResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Resolves a template from a source folder's {@code templates/} when the file is there, and from the built-in
 * theme in the jar otherwise, so a site can override one template (or only its stylesheet) and keep the rest.
 */
final class ThemeCodeResolver implements CodeResolver {
    private final Path dir;
    private final DirectoryCodeResolver own;
    private final ResourceCodeResolver builtIn;

    /**
     * @param dir the source folder's {@code templates/}
     * @param builtInRoot the class path folder of the built-in templates, e.g. {@code default-theme/templates}
     */
    ThemeCodeResolver(Path dir, String builtInRoot) {
        this.dir = dir;
        this.own = new DirectoryCodeResolver(dir);
        this.builtIn = new ResourceCodeResolver(builtInRoot, ThemeCodeResolver.class.getClassLoader());
    }

    @Override
    public String resolve(String name) {
        return overridden(name) ? own.resolve(name) : builtIn.resolve(name);
    }

    @Override
    public long getLastModified(String name) {
        return overridden(name) ? own.getLastModified(name) : builtIn.getLastModified(name);
    }

    @Override
    public boolean exists(String name) {
        return overridden(name) || builtIn.exists(name);
    }

    /** Every template of the theme: the folder's own and the built-in ones it does not override, by name. */
    @Override
    public List<String> resolveAllTemplateNames() {
        SortedSet<String> names = new TreeSet<>(Templates.builtIn().keySet());
        names.addAll(Templates.read(dir, name -> name.endsWith(".jte")).keySet());
        return List.copyOf(names);
    }

    private boolean overridden(String name) {
        return Files.isRegularFile(dir.resolve(name));
    }
}
