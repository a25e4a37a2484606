package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Markdown that makes a parser work hard (as commonmark-java's own {@code PathologicalTest}): a 500 kB page of one
 * pattern, built as a whole site (the small site of the corpus plus that page) within {@value #SECONDS} seconds, or
 * refused within that time. With commonmark-java 0.27, a run of {@code <} or {@code <a } did not finish in 150 s at
 * 500 kB; since 0.32 each of these builds takes about a second. The limit leaves room for a slow, busy CI machine.
 */
class PathologicalTest {
    /** The time one build of a 500 kB page may take. */
    static final int SECONDS = 15;

    static final int SIZE = 500 * 1024;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void warmUp() throws IOException {
        build("warm-up", "Some text.\n");
    }

    static Stream<Arguments> patterns() {
        return Stream.of(
                repeated("<"),
                repeated("<?"),
                repeated("<![CDATA["),
                repeated("<!"),
                repeated("</"),
                repeated("<a "),
                repeated("`"),
                repeated("["),
                repeated("*"),
                repeated("_"),
                repeated("!"),
                repeated("!["),
                repeated("*a_ "),
                repeated("[a"),
                repeated("a]"),
                repeated("[a](<b"),
                repeated("[]("),
                Arguments.of("nested brackets", "[".repeat(SIZE / 2) + "a" + "]".repeat(SIZE / 2)),
                Arguments.of("nested strong emphasis", "*a **a ".repeat(SIZE / 14) + "b" + " a** a*".repeat(SIZE / 14)),
                Arguments.of("backticks of growing length", growingBackticks()),
                repeated("<\n"),
                repeated("a\n=\n"),
                repeated("- a\n"),
                repeated("| a | b |\n"));
    }

    private static Arguments repeated(String pattern) {
        String name = "'" + pattern.replace("\n", "\\n") + "' repeated";
        return Arguments.of(name, pattern.repeat(SIZE / pattern.length()));
    }

    private static String growingBackticks() {
        StringBuilder s = new StringBuilder();
        for (int n = 1; s.length() < SIZE; n++) {
            s.append('e').append("`".repeat(n));
        }
        return s.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patterns")
    void aPathologicalPageIsBuiltOrRefusedInTime(String name, String body) throws IOException {
        Cli.Run run = assertTimeoutPreemptively(
                Duration.ofSeconds(SECONDS),
                () -> build(name, body),
                () -> "a 500 kB page of " + name + " took more than " + SECONDS + " s");
        assertTrue(run.code() == 0 || run.code() == 1, () -> "exit " + run.code() + ": " + run.err());
        assertTrue(!run.err().contains("internal error"), run::err);
    }

    private static Cli.Run build(String name, String body) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(Integer.toHexString(name.hashCode())));
        Path source = dir.resolve("src");
        CasesTest.tree(CasesTest.merged(new TextArchive("", java.util.List.of())), source);
        Files.writeString(
                source.resolve("content/pages/about.md"),
                "---\ntitle: About\n---\n" + body + "\n",
                StandardCharsets.UTF_8);
        return Cli.run(
                "build",
                "--quiet",
                "--source",
                source.toString(),
                "--out",
                dir.resolve("site").toString());
    }
}
