package eu.eurocities.site.render;

import gg.jte.CodeResolver;
import gg.jte.resolve.DirectoryCodeResolver;
import gg.jte.resolve.ResourceCodeResolver;
import java.nio.file.Files;
import java.nio.file.Path;

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

    private boolean overridden(String name) {
        return Files.isRegularFile(dir.resolve(name));
    }
}
