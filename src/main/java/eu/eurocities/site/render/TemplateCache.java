package eu.eurocities.site.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keeps the classes of run-time compiled templates between builds, in a folder named by a hash of the tool (the
 * jar's bytes) and of every template's source, so that a site with its own templates runs javac once, not on every
 * build. A folder is complete when it holds the file {@code complete}, written last; it is filled under another
 * name and then renamed, so two builds at once never load half a folder.
 */
final class TemplateCache {
    private static final String COMPLETE = "complete";

    private TemplateCache() {}

    /** {@code $XDG_CACHE_HOME/eurocities-site/templates}, else {@code ~/.cache/eurocities-site/templates}. */
    static Path root() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "eurocities-site", "templates");
        }
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "eurocities-site", "templates");
    }

    /**
     * The identity of the running tool: a hash of its jar; null when it runs from a classes folder (while developing
     * the tool, when classes change without a new jar and kept templates could call methods that no longer exist).
     */
    static String toolId() {
        try {
            Path where = Path.of(TemplateCache.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (!Files.isRegularFile(where)) {
                return null;
            }
            MessageDigest sha = sha256();
            try (InputStream in = Files.newInputStream(where)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                }
            }
            return hex(sha.digest());
        } catch (IOException | URISyntaxException | SecurityException e) {
            return null; // without an identity, nothing is kept: the templates are compiled as before
        }
    }

    /** The folder name for templates {@code sources} (name to bytes, in name order) compiled by tool {@code toolId}. */
    static String key(String toolId, Map<String, byte[]> sources) {
        MessageDigest sha = sha256();
        sha.update(toolId.getBytes(StandardCharsets.UTF_8));
        sources.forEach((name, bytes) -> {
            sha.update((byte) 0);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
        });
        return hex(sha.digest()).substring(0, 32);
    }

    /** True when {@code dir} holds the complete classes of a set of templates. */
    static boolean complete(Path dir) {
        return Files.isRegularFile(dir.resolve(COMPLETE));
    }

    /**
     * Copies the classes compiled in {@code scratch} to {@code cache} once they hold every one of {@code templates}:
     * {@code engine}, the run-time engine that compiled them, first compiles the templates no page used. Nothing is
     * kept when a template does not compile. Failures are ignored: the next build compiles again.
     */
    static void keep(TemplateEngine engine, Path scratch, Path cache, List<String> templates, String pkg) {
        if (complete(cache)) {
            return;
        }
        Path temp = cache.resolveSibling(
                cache.getFileName() + ".part-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            TemplateEngine check = TemplateEngine.createPrecompiled(
                    scratch, ContentType.Html, TemplateCache.class.getClassLoader(), pkg);
            List<String> missing =
                    templates.stream().filter(t -> !check.hasTemplate(t)).toList();
            if (!missing.isEmpty()) { // templates no page of this site used: compiled now, once
                missing.forEach(engine::prepareForRendering);
                TemplateEngine again = TemplateEngine.createPrecompiled(
                        scratch, ContentType.Html, TemplateCache.class.getClassLoader(), pkg);
                if (!templates.stream().allMatch(again::hasTemplate)) {
                    return;
                }
            }
            Files.createDirectories(cache.getParent());
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path to = temp.resolve(scratch.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else if (p.toString().endsWith(".class") || p.toString().endsWith(".bin")) {
                        // a template's static text is in a .bin file beside its class (binaryStaticContent)
                        Files.copy(p, to);
                    }
                }
            }
            Files.writeString(temp.resolve(COMPLETE), "");
            Files.move(temp, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // another build kept the same templates first, or the folder cannot be renamed at once: nothing is kept
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written only means compiling again next time
        } finally {
            delete(temp);
        }
    }

    /** Deletes {@code dir} with everything in it; what cannot be deleted is left (the build never depends on it). */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover folder is harmless
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
