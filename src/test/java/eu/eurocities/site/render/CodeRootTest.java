package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding the jar or folder a class came from, also for a class without a code source location, as classes mapped
 * from JDK 25's ahead-of-time cache may be (a build from the cache failed on a null location).
 */
class CodeRootTest {
    private static final String ENTRY = Probe.class.getName().replace('.', '/') + ".class";

    @TempDir
    Path tmp;

    /** Loaded from a jar by a loader that gives it no code source location. */
    static final class Probe {}

    @Test
    void aClassWithoutCodeSourceLocationIsFoundInItsJar() throws Exception {
        Path jar = Files.createDirectories(tmp.resolve("a folder, named józef")).resolve("probe.jar");
        writeJar(jar);
        try (URLClassLoader resources =
                        new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                var loader = new NoCodeSourceLoader(resources)) {
            Class<?> probe = loader.loadClass(Probe.class.getName());
            assertNotSame(Probe.class, probe);
            assertNull(probe.getProtectionDomain().getCodeSource().getLocation(), "the case that failed");
            assertEquals(jar, CodeRoot.of(probe));
        }
    }

    @Test
    void aClassFromAFolderIsFoundInThatFolder() {
        Path root = CodeRoot.of(Probe.class);
        assertTrue(Files.isRegularFile(root.resolve(ENTRY)), root.toString());
        assertEquals("test-classes", root.getFileName().toString());
    }

    @Test
    void theClassPathIsTheLastResort() throws IOException {
        Path jar = tmp.resolve("probe.jar");
        writeJar(jar);
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        String classPath = String.join(
                java.io.File.pathSeparator,
                tmp.resolve("missing.jar").toString(),
                empty.toString(),
                "",
                jar.toString());
        assertEquals(Optional.of(jar), CodeRoot.fromClassPath(classPath, ENTRY));
        assertEquals(Optional.empty(), CodeRoot.fromClassPath(empty.toString(), ENTRY));
        assertEquals(Optional.empty(), CodeRoot.fromResource(null, ENTRY));
    }

    private static void writeJar(Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                InputStream in = Probe.class.getResourceAsStream("/" + ENTRY)) {
            out.putNextEntry(new JarEntry(ENTRY));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    /** Defines classes from {@code resources} with the default protection domain, whose code source has no location. */
    private static final class NoCodeSourceLoader extends ClassLoader implements AutoCloseable {
        private final URLClassLoader resources;

        NoCodeSourceLoader(URLClassLoader resources) {
            super(null);
            this.resources = resources;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            try (InputStream in = resources.getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }

        @Override
        protected URL findResource(String name) {
            return resources.findResource(name);
        }

        @Override
        public void close() {}
    }
}
