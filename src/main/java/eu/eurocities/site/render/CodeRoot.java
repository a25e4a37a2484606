package eu.eurocities.site.render;

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * Where a class of this tool was loaded from: the jar, or the classes folder when run from Maven or an IDE.
 *
 * <p>The class's own {@code .class} resource is asked first, as the class loader finds it on the class path. The
 * code source comes second: classes mapped from a JDK's ahead-of-time cache or class-data archive, or defined by a
 * loader without a protection domain, may have none. The class path ({@code java.class.path}) is the last resort.
 */
final class CodeRoot {
    private CodeRoot() {}

    /**
     * The jar file or classes folder that holds {@code type}.
     *
     * @throws IllegalStateException when none of the three ways finds it (e.g. a class made at run time)
     */
    static Path of(Class<?> type) {
        String entry = type.getName().replace('.', '/') + ".class";
        return fromResource(type.getResource("/" + entry), entry)
                .or(() -> fromCodeSource(type.getProtectionDomain().getCodeSource()))
                .or(() -> fromClassPath(System.getProperty("java.class.path", ""), entry))
                .orElseThrow(() -> new IllegalStateException("cannot tell which jar or folder holds " + type.getName()
                        + ": it has no class file resource, no code source, and no entry of the class path holds "
                        + entry));
    }

    /** The jar of a {@code jar:} URL or the folder a {@code file:} URL of {@code entry} lies in; empty otherwise. */
    static Optional<Path> fromResource(URL url, String entry) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            if (url.getProtocol().equals("jar")) {
                // parses the URL only; nothing is opened before connect()
                URL jar = ((JarURLConnection) url.openConnection()).getJarFileURL();
                return jar.getProtocol().equals("file") ? Optional.of(Path.of(jar.toURI())) : Optional.empty();
            }
            if (url.getProtocol().equals("file")) {
                Path file = Path.of(url.toURI());
                Path root = file;
                for (int i = entry.split("/").length; i > 0 && root != null; i--) {
                    root = root.getParent();
                }
                return Optional.ofNullable(root).filter(r -> r.resolve(entry).equals(file));
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            // a URL this method cannot read as a local path: the next way is tried
        }
        return Optional.empty();
    }

    private static Optional<Path> fromCodeSource(CodeSource source) {
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The first entry of {@code classPath} (a jar or a folder) that holds {@code entry}. */
    static Optional<Path> fromClassPath(String classPath, String entry) {
        for (String element : classPath.split(File.pathSeparator)) {
            if (element.isEmpty()) {
                continue;
            }
            Path p;
            try {
                p = Path.of(element).toAbsolutePath();
            } catch (InvalidPathException e) {
                continue;
            }
            if (Files.isDirectory(p) ? Files.isRegularFile(p.resolve(entry)) : holds(p, entry)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean holds(Path jar, String entry) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry(entry) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
