package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build run as a real process under {@code LC_ALL=C} and with no locale at all (a Debian CI container), where
 * Java reads file names, arguments and the current folder's name as ASCII: a non-ASCII file name in content/ is
 * read by its own bytes and reported like any other mistake, and a folder on the command line that the locale
 * cannot spell is a usage error that says what to do.
 */
class AsciiLocaleTest {
    @TempDir
    Path tmp;

    /** The stderr and exit code of a finished process. */
    record Result(int code, String err) {}

    private static final String EXPECTED =
            "content/cities/lyon-2.yaml:2:10: error: 'XX' is not an ISO 3166-1 alpha-2 country code\n"
                    + "  hint: use the two-letter ISO 3166-1 alpha-2 code, e.g. PL for Poland\n"
                    + "content/cities/\u0142\u00f3d\u017a.yaml:1:1: error: file name '\u0142\u00f3d\u017a.yaml' is "
                    + "not a valid slug\n"
                    + "  hint: rename the file to lodz.yaml (lower-case ASCII letters, digits and single hyphens)\n"
                    + "2 errors, 0 warnings\n";

    private Path siteWithANonAsciiFileName() throws IOException {
        Path source = Cli.baseSite(tmp.resolve("src"));
        Files.writeString(
                UnicodeNormalisationTest.named(source.resolve("content/cities"), "\u0142\u00f3d\u017a.yaml"),
                "name: Lodz\ncountry: PL\nmembership: full\n");
        Files.writeString(
                source.resolve("content/cities/lyon-2.yaml"), "name: Lyon 2\ncountry: XX\nmembership: full\n");
        return source;
    }

    @Test
    void aNonAsciiFileNameUnderLcAllCIsReportedWithEveryOtherError() throws Exception {
        Path source = siteWithANonAsciiFileName();
        Result r = run(
                Map.of("LC_ALL", "C"),
                null,
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("out").toString());
        assertEquals(new Result(1, EXPECTED), r);
    }

    @Test
    void aNonAsciiFileNameWithoutAnyLocaleIsReportedWithEveryOtherError() throws Exception {
        Path source = siteWithANonAsciiFileName();
        Result r = run(
                Map.of(),
                null,
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("out").toString());
        assertEquals(new Result(1, EXPECTED), r);
    }

    @Test
    void aSourceFolderTheLocaleCannotSpellIsAUsageErrorThatSaysWhatToDo() throws Exception {
        Path source = UnicodeNormalisationTest.named(tmp, "j\u00f3zef");
        CasesTest.tree(TextArchive.read(CasesTest.CASES.resolve("_base.txt")), source);
        // the argument's bytes are spelt by printf, since this JVM may not be able to pass them on itself
        String folder = tmp.toAbsolutePath() + "/j\\303\\263zef";
        Result r = run(
                Map.of("LC_ALL", "C"),
                "\"$(printf '" + folder + "')\"",
                "build",
                "--source",
                "FOLDER",
                "--out",
                tmp.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(
                "error: Invalid value for option '--source': '" + tmp.toAbsolutePath() + "/j??zef' has letters that "
                        + "Java cannot read with this system's locale (character set ANSI_X3.4-1968); run the "
                        + "command with a UTF-8 "
                        + "locale, e.g. LC_ALL=C.UTF-8 java -jar ..., or with ./eurocities-site, which sets one",
                r.err().lines().findFirst().orElseThrow());
    }

    @Test
    void aCurrentFolderTheLocaleCannotSpellIsAUsageErrorThatSaysWhatToDo() throws Exception {
        Path source = UnicodeNormalisationTest.named(tmp, "j\u00f3zef");
        CasesTest.tree(TextArchive.read(CasesTest.CASES.resolve("_base.txt")), source);
        String folder = tmp.toAbsolutePath() + "/j\\303\\263zef";
        Result r = run(
                Map.of("LC_ALL", "C"),
                "cd \"$(printf '" + folder + "')\" &&",
                "build",
                "--out",
                tmp.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(
                "error: Invalid value for option '--source': the current folder '" + tmp.toAbsolutePath()
                        + "/j??zef' has letters that Java cannot read with this system's locale (character set "
                        + "ANSI_X3.4-1968); "
                        + "run the command with a UTF-8 locale, e.g. LC_ALL=C.UTF-8 java -jar ..., or with "
                        + "./eurocities-site, "
                        + "which sets one",
                r.err().lines().findFirst().orElseThrow());
    }

    /**
     * Runs the command line in a new JVM through {@code sh}, with only {@code PATH} and {@code env} in its
     * environment.
     *
     * @param shell null, or shell text: a prefix ending in {@code &&}, or what replaces the argument {@code FOLDER}
     */
    private Result run(Map<String, String> env, String shell, String... args) throws Exception {
        List<String> words = new ArrayList<>();
        for (String word : OutputSafetyTest.javaCommand(args)) {
            words.add(shell != null && word.equals("FOLDER") ? shell : "'" + word.replace("'", "'\\''") + "'");
        }
        String script = (shell != null && shell.endsWith("&&") ? shell + " " : "") + "exec " + String.join(" ", words);
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(tmp.resolve("stderr").toFile());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv("PATH"));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the build finished");
        return new Result(p.exitValue(), Files.readString(tmp.resolve("stderr"), StandardCharsets.UTF_8));
    }
}
