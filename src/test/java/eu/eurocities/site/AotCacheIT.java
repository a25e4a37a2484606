package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher on JDK 25 or later with the ahead-of-time cache: a build of the real content from the cache gives
 * byte for byte the site that a plain {@code java -jar} gives on that JDK, and on the JVM running the tests (JDK 17
 * in the usual build). Runs after {@code package} (maven-failsafe-plugin), on the finished jar, copied with the
 * launcher into a folder of its own whose cache this test trains as {@code ./mvnw package} does on JDK 25.
 *
 * <p>The JDK 25 is the one named by the system property {@code eurocities.jdk25} (a JDK's home folder), else the
 * newest JDK 25 or later in {@code /usr/lib/jvm} (where Debian and Ubuntu install JDKs); without one the test is
 * skipped and says why. The launcher's choice of compiler by the number of city records is tested here too, as it
 * needs the packaged jar.
 */
class AotCacheIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Path JAR = REPO.resolve("target/eurocities-site.jar");

    @TempDir
    Path tmp;

    private static Path jdk;
    private static String version;

    @BeforeAll
    static void findJdk() throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by the package phase, before this test");
        jdk = jdk25().orElse(null);
        version = jdk == null ? null : release(jdk, "JAVA_RUNTIME_VERSION").orElseThrow();
    }

    private static void assumeJdk25() {
        Assumptions.assumeTrue(
                jdk != null,
                "no JDK 25 or later: none named by -Deurocities.jdk25 and none in /usr/lib/jvm,"
                        + " so the ahead-of-time cache is not tested");
    }

    @Test
    void aBuildFromTheCacheOnJdk25GivesTheSiteOfAPlainRun() throws Exception {
        assumeJdk25();
        Path checkout = copyTool();
        Path cache = checkout.resolve("target/eurocities-site-" + version + ".aot");
        // as the aot-cache profile of pom.xml trains it
        Run training = run(List.of(
                jdk.resolve("bin/java").toString(),
                "-XX:AOTCacheOutput=" + cache,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseParallelGC",
                "-Xmx768m",
                "-jar",
                checkout.resolve("target/eurocities-site.jar").toString(),
                "build",
                "--quiet",
                "--source",
                REPO.toString(),
                "--out",
                tmp.resolve("training").toString()));
        assertEquals(0, training.code(), training.out());
        assertTrue(Files.isRegularFile(cache), training.out());

        // AOTMode=on: the JVM stops instead of running without a cache it cannot use
        Run fromCache = launcher(
                checkout,
                jdk,
                "-XX:AOTMode=on",
                "--verbose",
                "build",
                "--source",
                REPO.toString(),
                "--out",
                tmp.resolve("from-cache").toString());
        assertEquals(0, fromCache.code(), fromCache.out());
        List<String> lines = fromCache.out().lines().toList();
        assertEquals(
                "eurocities-site: JVM " + jdk.resolve("bin/java") + " (" + version + ") with the ahead-of-time cache "
                        + cache,
                lines.get(0));
        assertTrue(
                lines.get(1)
                        .startsWith(
                                "eurocities-site: running " + jdk.resolve("bin/java") + " -XX:AOTCache=" + cache + " "),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("Built "), fromCache.out());
        assertEquals(3, lines.size(), "no warning of the JVM about the cache: " + fromCache.out());

        Run plain25 = run(List.of(
                jdk.resolve("bin/java").toString(),
                "-jar",
                JAR.toString(),
                "build",
                "--source",
                REPO.toString(),
                "--out",
                tmp.resolve("plain-25").toString()));
        assertEquals(0, plain25.code(), plain25.out());
        Run plain = run(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "build",
                "--source",
                REPO.toString(),
                "--out",
                tmp.resolve("plain").toString()));
        assertEquals(0, plain.code(), plain.out());

        Map<String, byte[]> cached = CasesTest.snapshot(tmp.resolve("from-cache"));
        assertTrue(cached.size() > 240, "every page and asset compared: " + cached.size());
        assertEquals(
                List.of(),
                differences(CasesTest.snapshot(tmp.resolve("plain-25")), cached),
                "files that differ between a plain run on " + version + " and one from its cache");
        assertEquals(
                List.of(),
                differences(CasesTest.snapshot(tmp.resolve("plain")), cached),
                "files that differ between a plain run on " + System.getProperty("java.runtime.version")
                        + " and one on " + version + " from its cache");
    }

    /** The files that are in only one of {@code a} and {@code b}, or differ, each with how. */
    private static List<String> differences(Map<String, byte[]> a, Map<String, byte[]> b) {
        List<String> different = new ArrayList<>();
        java.util.SortedSet<String> names = new java.util.TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String f : names) {
            if (!b.containsKey(f) || !a.containsKey(f)) {
                different.add(f + (a.containsKey(f) ? " (only in the first)" : " (only in the second)"));
            } else if (!Arrays.equals(a.get(f), b.get(f))) {
                different.add(f);
            }
        }
        return different;
    }

    @Test
    void aCacheOlderThanTheJarIsNotUsed() throws Exception {
        assumeJdk25();
        Path checkout = copyTool();
        Path cache = checkout.resolve("target/eurocities-site-" + version + ".aot");
        Path jar = checkout.resolve("target/eurocities-site.jar");
        Files.write(cache, new byte[] {1});
        Files.setLastModifiedTime(
                cache, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        Run r = launcher(checkout, jdk, null, "--verbose", "--version");
        assertEquals(0, r.code(), r.out());
        assertTrue(
                r.out()
                        .startsWith("eurocities-site: JVM " + jdk.resolve("bin/java") + " (" + version + ") with no"
                                + " class-data archive (" + checkout.resolve("target/eurocities-site.jsa")
                                + " is missing): no ahead-of-time"
                                + " cache for this JVM (" + cache
                                + " is missing or older than the jar; './mvnw package' run on this JVM"
                                + " makes it)\n"),
                r.out());
    }

    @Test
    void belowJdk25TheLauncherSaysItUsesTheClassDataArchive() throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        Assumptions.assumeTrue(feature(home) < 25, "the tests run on JDK 25 or later");
        Path checkout = copyTool();
        Files.write(checkout.resolve("target/eurocities-site.jsa"), new byte[] {1}); // not an archive: the JVM skips it
        Run r = launcher(checkout, home, null, "--version", "--verbose");
        assertEquals(0, r.code(), r.out());
        assertTrue(
                r.out()
                        .startsWith("eurocities-site: JVM " + home.resolve("bin/java") + " ("
                                + release(home, "JAVA_RUNTIME_VERSION").orElseThrow() + ") with the class-data archive "
                                + checkout.resolve("target/eurocities-site.jsa")
                                + " (an ahead-of-time cache needs JDK 25 or later)\n"),
                r.out());
    }

    @Test
    void theLauncherKeepsTheQuickCompilerForSitesUpTo20000Cities() throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        Path checkout = copyTool();
        Path cities = Files.createDirectories(tmp.resolve("site/content/cities"));
        for (int i = 0; i < 20_000; i++) {
            Files.createFile(cities.resolve("c" + i + ".yaml"));
        }
        String small = launcher(
                        checkout,
                        home,
                        null,
                        "--verbose",
                        "--version",
                        "--source",
                        tmp.resolve("site").toString())
                .out();
        assertTrue(small.contains(" -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmx768m -jar "), small);
        Files.createFile(cities.resolve("c20000.yaml"));
        String large = launcher(checkout, home, null, "--verbose", "--source=" + tmp.resolve("site"), "--version")
                .out();
        assertTrue(large.contains(" -XX:+UseParallelGC -Xmx768m -jar "), large);
        assertFalse(large.contains("TieredStopAtLevel"), large);
    }

    @Test
    void serveKeepsBothCompilersAtAnySize() throws Exception {
        Path checkout = copyTool();
        Files.createDirectories(tmp.resolve("site/content/cities"));
        String site = tmp.resolve("site").toString();
        Path home = Path.of(System.getProperty("java.home"));
        String serve = launcher(checkout, home, null, "--verbose", "serve", "--help", "--source", site)
                .out();
        assertTrue(serve.contains(" -XX:+UseParallelGC -Xmx768m -jar "), serve);
        assertFalse(serve.contains("TieredStopAtLevel"), serve);
        String build = launcher(checkout, home, null, "--verbose", "build", "--help", "--source", site)
                .out();
        assertTrue(build.contains(" -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmx768m -jar "), build);
    }

    /** The launcher and a copy of the jar (same modification time) in a folder laid out as the repository. */
    private Path copyTool() throws IOException {
        Path checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.createDirectories(checkout.resolve("target"));
        Files.copy(REPO.resolve("eurocities-site"), checkout.resolve("eurocities-site"));
        Files.copy(JAR, checkout.resolve("target/eurocities-site.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        return checkout;
    }

    /**
     * Runs the launcher in {@code checkout} with JAVA_HOME={@code home}, and {@code javaOpts} in EUROCITIES_JAVA_OPTS.
     */
    private Run launcher(Path checkout, Path home, String javaOpts, String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of("sh", checkout.resolve("eurocities-site").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", home.toString());
        pb.environment().remove("EUROCITIES_JAVA_OPTS");
        if (javaOpts != null) {
            pb.environment().put("EUROCITIES_JAVA_OPTS", javaOpts);
        }
        return finish(pb);
    }

    private Run run(List<String> command) throws Exception {
        return finish(new ProcessBuilder(command));
    }

    /** What a process printed on stdout and stderr together, and its exit code; at most five minutes. */
    private Run finish(ProcessBuilder pb) throws Exception {
        Path log = Files.createTempFile(tmp, "run", ".log");
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("still running after five minutes: " + pb.command());
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Run(int code, String out) {}

    /** The JDK 25 or later to test with: {@code -Deurocities.jdk25}, else the newest one in /usr/lib/jvm. */
    static Optional<Path> jdk25() throws IOException {
        String named = System.getProperty("eurocities.jdk25", "");
        if (!named.isBlank()) {
            return Optional.of(Path.of(named));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && feature(h) >= 25)
                    .max(java.util.Comparator.comparingInt(AotCacheIT::feature).thenComparing(Path::toString));
        }
    }

    private static int feature(Path home) {
        return release(home, "JAVA_VERSION")
                .map(v -> v.split("[^0-9]", 2)[0])
                .filter(v -> !v.isEmpty())
                .map(Integer::parseInt)
                .orElse(0);
    }

    /** A value of the JDK's {@code release} file, without its quotes. */
    private static Optional<String> release(Path home, String key) {
        try (Stream<String> lines = Files.lines(home.resolve("release"), StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.startsWith(key + "="))
                    .findFirst()
                    .map(l -> l.substring(key.length() + 1).replace("\"", ""));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
