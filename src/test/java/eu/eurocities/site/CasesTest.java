package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of editors' mistakes: each {@code src/test/resources/cases/*.txt} is a text archive holding the files
 * that differ from the small valid site in {@code _base.txt} (a {@code -- delete --} section lists files to
 * remove), the command's exit code and its exact stderr. Every case is built with {@link Main#run} into an output
 * folder that already holds a good site; when the build fails, that site must be left byte for byte as it was.
 *
 * <p>Sections: {@code args} (default {@code build --source $SOURCE --out $OUT}), {@code exit}, {@code stderr},
 * {@code delete}, {@code schema} (what the JSON Schemas say of the case, see {@code SchemaTest}), and files under
 * {@code content/}. Run with {@code -Dcases.update=true} to write the actual exit code and stderr into the cases.
 */
class CasesTest {
    static final Path CASES = Path.of("src/test/resources/cases");

    @TempDir
    static Path tmp;

    static Path goodSite;

    @BeforeAll
    static void buildGoodSite() throws IOException {
        Path source = tmp.resolve("good");
        tree(TextArchive.read(CASES.resolve("_base.txt")), source);
        goodSite = tmp.resolve("good-out/site");
        Cli.Run r = Cli.run("build", "--source", source.toString(), "--out", goodSite.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".txt") && !n.startsWith("_"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void theCorpusHasAtLeastFortyCases() throws IOException {
        assertTrue(cases().count() >= 40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void buildReportsExactlyTheExpectedProblems(String name) throws IOException {
        Path file = CASES.resolve(name + ".txt");
        TextArchive archive = TextArchive.read(file);
        Path dir = Files.createDirectory(tmp.resolve(name));
        Path source = dir.resolve("src");
        Path out = dir.resolve("out/site");
        tree(merged(archive), source);
        copyTree(goodSite, out);
        Map<String, byte[]> before = snapshot(out.getParent());

        String[] args = archive.section("args")
                .map(s -> s.text().strip())
                .orElse("build --source $SOURCE --out $OUT")
                .replace("$SOURCE", source.toString())
                .replace("$OUT", out.toString())
                .split(" ");
        Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run(args), "took too long");
        String stderr = r.err().replace(source.toString(), "$SOURCE").replace(out.toString(), "$OUT");

        if (Boolean.getBoolean("cases.update")) {
            Files.writeString(
                    file,
                    archive.with("exit", r.code() + "\n").with("stderr", stderr).format());
            return;
        }
        String expected =
                archive.section("stderr").map(TextArchive.Section::text).orElse("");
        int exit = Integer.parseInt(
                archive.section("exit").map(s -> s.text().strip()).orElse("0"));
        assertEquals(expected, stderr, () -> "stderr of " + name);
        assertEquals(exit, r.code(), () -> "exit code of " + name + "; stderr:\n" + r.err());
        assertTrue(!stderr.contains("\tat ") && !stderr.contains("Exception"), "no stack trace");
        Map<String, byte[]> after = snapshot(out.getParent());
        if (r.code() != 0) {
            assertEquals(names(before), names(after), "the previous output's files are exactly the same");
            for (String p : before.keySet()) {
                assertTrue(Arrays.equals(before.get(p), after.get(p)), () -> p + " was changed by a failed build");
            }
        } else {
            assertTrue(after.containsKey("site/index.html"), "a successful build writes the site");
            assertTrue(
                    after.keySet().stream().allMatch(p -> p.startsWith("site/")),
                    () -> "only site/ is left: " + after.keySet());
        }
    }

    /** The base tree with the case's files laid over it and its deletions applied. */
    static TextArchive merged(TextArchive archive) throws IOException {
        TextArchive base = TextArchive.read(CASES.resolve("_base.txt"));
        List<TextArchive.Section> files = new ArrayList<>();
        List<String> deleted = archive.section("delete")
                .map(s -> s.text().lines().map(String::strip).toList())
                .orElse(List.of());
        for (TextArchive.Section s : base.sections()) {
            if (!deleted.contains(s.path()) && archive.section(s.path()).isEmpty()) {
                files.add(s);
            }
        }
        for (TextArchive.Section s : archive.sections()) {
            if (s.path().startsWith("content/")
                    || s.path().startsWith("templates/")
                    || s.path().startsWith("static/")
                    || s.path().startsWith("i18n/")) {
                files.add(s);
            }
        }
        return new TextArchive("", files);
    }

    /** Writes the archive's file sections under {@code root}. */
    static void tree(TextArchive archive, Path root) throws IOException {
        for (TextArchive.Section s : archive.sections()) {
            if (s.path().startsWith("content/")
                    || s.path().startsWith("templates/")
                    || s.path().startsWith("static/")
                    || s.path().startsWith("i18n/")) {
                Path f = root.resolve(s.path());
                Files.createDirectories(f.getParent());
                Files.write(f, s.bytes());
            }
        }
        Files.createDirectories(root.resolve("content"));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Every file under {@code dir} with its bytes, by '/'-separated relative path. */
    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    static List<String> names(Map<String, byte[]> files) {
        return new ArrayList<>(files.keySet());
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
