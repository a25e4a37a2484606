package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The site does not depend on the machine's language settings: the real {@code content/} is built in a separate JVM
 * under Turkish (where 'I' lower-cases to a dotless 'ı'), German (decimal comma, '.' grouping), and a C locale with no
 * {@code LANG} (ASCII as the default charset), and each output is byte for byte the build under English. The real
 * pages happen to hold no capital I where text is lower-cased, so the copy built here adds one page with headings and
 * links that do, and calls the partner category "Institutional partner" (its name is lower-cased in sentences).
 */
class LocaleIndependenceTest {
    @TempDir
    static Path tmp;

    static Path source;
    static SortedMap<String, byte[]> english;

    static final String PAGE = """
      ---
      title: Insights
      description: In Istanbul, Izmir and İzmit.
      ---
      Read the [insights](#insights), the [ideas](#ideas-in-italy) and the [İzmit notes](#izmit-notes).

      ## Insights

      ## IDEAS IN ITALY

      ## İzmit notes
      """;

    /** One way a machine can be set up: JVM options and the environment the build starts with. */
    record Machine(String name, List<String> jvmOptions, Map<String, String> environment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Machine> machines() {
        return Stream.of(
                new Machine(
                        "tr_TR",
                        List.of("-Duser.language=tr", "-Duser.country=TR", "-Duser.timezone=Europe/Istanbul"),
                        Map.of("LANG", "tr_TR.UTF-8", "LC_ALL", "tr_TR.UTF-8")),
                new Machine(
                        "de_DE",
                        List.of("-Duser.language=de", "-Duser.country=DE"),
                        Map.of("LANG", "de_DE.UTF-8", "LC_ALL", "de_DE.UTF-8")),
                new Machine("LC_ALL=C without LANG", List.of(), Map.of("LC_ALL", "C")));
    }

    @BeforeAll
    static void buildUnderEnglish() throws Exception {
        source = Cli.copyContent(tmp.resolve("src"));
        Files.writeString(source.resolve("content/pages/insights.md"), PAGE, StandardCharsets.UTF_8);
        Path membership = source.resolve("content/membership.yaml");
        String categories = Files.readString(membership, StandardCharsets.UTF_8);
        assertTrue(categories.contains("\n    name: Partner\n"), "the partner category is still called Partner");
        Files.writeString(
                membership,
                categories.replace("\n    name: Partner\n", "\n    name: Institutional partner\n"),
                StandardCharsets.UTF_8);
        english = build(new Machine(
                "en_US",
                List.of("-Duser.language=en", "-Duser.country=US"),
                Map.of("LANG", "en_US.UTF-8", "LC_ALL", "en_US.UTF-8")));
        assertTrue(english.containsKey("index.html") && english.size() > 200, () -> "built " + english.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("machines")
    void theOutputIsTheSameByteForByte(Machine machine) throws Exception {
        SortedMap<String, byte[]> output = build(machine);
        assertEquals(List.copyOf(english.keySet()), List.copyOf(output.keySet()), "the same files");
        for (Map.Entry<String, byte[]> file : english.entrySet()) {
            assertArrayEquals(
                    file.getValue(),
                    output.get(file.getKey()),
                    () -> file.getKey() + " differs under " + machine + ":\n"
                            + firstDifference(file.getValue(), output.get(file.getKey())));
        }
    }

    /** Builds the content in a new JVM set up as {@code machine}; its files by path. */
    static SortedMap<String, byte[]> build(Machine machine) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(machine.name().replaceAll("[^A-Za-z_]", "-")));
        Path out = dir.resolve("site");
        Path log = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
        command.addAll(machine.jvmOptions());
        command.addAll(List.of(
                Main.class.getName(), "build", "--quiet", "--source", source.toString(), "--out", out.toString()));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet()
                .removeIf(k -> k.equals("LANG")
                        || k.equals("LANGUAGE")
                        || k.startsWith("LC_")
                        || k.equals("JAVA_TOOL_OPTIONS")
                        || k.equals("_JAVA_OPTIONS")
                        || k.equals("JDK_JAVA_OPTIONS"));
        env.putAll(machine.environment());
        Process process = pb.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the build under " + machine + " did not finish in 180 s");
        }
        assertEquals(0, process.exitValue(), () -> "build under " + machine + ": " + read(log));
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The text around the first byte where {@code a} and {@code b} differ. */
    static String firstDifference(byte[] a, byte[] b) {
        int i = 0;
        while (i < a.length && i < b.length && a[i] == b[i]) {
            i++;
        }
        int from = Math.max(0, i - 80);
        return "expected ..." + new String(a, from, Math.min(a.length, i + 80) - from, StandardCharsets.UTF_8)
                + "...\nbut was  ..." + new String(b, from, Math.min(b.length, i + 80) - from, StandardCharsets.UTF_8)
                + "...";
    }
}
