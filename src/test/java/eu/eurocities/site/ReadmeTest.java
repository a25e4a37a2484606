package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.load.Slugs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The README's examples run as written: the {@code new city} example on a copy of the real content, and every
 * command of the tool in its {@code sh} code blocks is one the command line accepts.
 */
class ReadmeTest {
    static final Path README = Path.of("README.md");
    /** How the README runs the tool: the launcher or the jar. */
    static final Pattern TOOL = Pattern.compile("^(?:\\./eurocities-site|java -jar target/eurocities-site\\.jar) ");

    /** The code blocks of the README of one kind ({@code sh}, {@code yaml}), in order, each as its text. */
    static List<String> blocks(String kind) throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^```" + kind + "\\n(.*?)^```$", Pattern.DOTALL)
                .matcher(Files.readString(README, StandardCharsets.UTF_8));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** Every run of the tool in the README's sh blocks, as its arguments (after {@code &&}, before a comment). */
    static Stream<List<String>> commands() throws IOException {
        List<List<String>> commands = new ArrayList<>();
        for (String block : blocks("sh")) {
            for (String line : block.lines().toList()) {
                for (String part : line.replaceAll("\\s+#.*$", "").split("&&")) {
                    Matcher m = TOOL.matcher(part.strip());
                    if (m.find()) {
                        commands.add(words(part.strip().substring(m.end())));
                    }
                }
            }
        }
        return commands.stream();
    }

    /** A command line split into words as sh splits it, for the quoting the README uses (double quotes). */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words;
    }

    @Test
    void theReadmeRunsTheTool() throws IOException {
        assertTrue(commands().count() >= 2, "the README shows how to build and how to start a city");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyCommandIsAccepted(List<String> args) {
        CommandLine cli = new CommandLine(new Main());
        CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
        assertTrue(parsed.hasSubcommand(), () -> args + " names a command");
    }

    @Test
    void newCityExampleRunsOnACopyOfTheContent(@TempDir Path tmp) throws IOException {
        String block = blocks("sh").stream()
                .filter(b -> b.contains(" new city "))
                .findFirst()
                .orElseThrow();
        List<String> lines = block.lines().toList();
        assertEquals("mkdir -p scratch && cp -r content scratch/", lines.get(0), "the example works on a copy");
        Path scratch = tmp.resolve("scratch");
        Cli.copyContent(scratch);

        List<String> args = words(lines.get(1).substring("./eurocities-site ".length()));
        int source = args.indexOf("--source");
        assertEquals("scratch", args.get(source + 1));
        args.set(source + 1, scratch.toString());
        String name = args.get(2);
        assertFalse(
                Files.exists(Path.of("content/cities", Slugs.of(name) + ".yaml")),
                () -> name + " must not be a city of the real content");

        Cli.Run r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        Matcher written = Pattern.compile("It writes `scratch/(content/cities/[a-z0-9-]+\\.yaml)`")
                .matcher(Files.readString(README, StandardCharsets.UTF_8));
        assertTrue(written.find(), "the README names the file the example writes");
        assertEquals(
                "Wrote " + scratch.resolve(written.group(1)),
                r.out().lines().findFirst().orElse(""));
        String record = blocks("yaml").stream()
                .filter(b -> b.contains("name: \"" + name + "\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the README shows the record of " + name));
        assertEquals(record, Files.readString(scratch.resolve(written.group(1)), StandardCharsets.UTF_8));

        Cli.Run build = Cli.run("build", "--quiet", "--strict", "--source", scratch.toString());
        assertEquals(0, build.code(), build.err());
        assertEquals("", build.err());
        assertTrue(
                Files.isRegularFile(scratch.resolve("site/cities/" + Slugs.of(name) + "/index.html")),
                "the built copy has the new city's page");
    }
}
