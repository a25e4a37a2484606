package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conventions of the command line: short options for the common flags, and usage errors (exit code 2, one
 * message with a hint) for a source that is not a folder and a timeout that cannot be waited.
 */
class CommandLineTest {
    @TempDir
    Path tmp;

    Path source;

    @BeforeEach
    void baseSite() throws IOException {
        source = Cli.baseSite(tmp.resolve("src"));
    }

    @Test
    void buildAndCheckTakeShortOptionsForSourceAndOut() {
        Path out = tmp.resolve("out");
        Cli.Run build = Cli.run("build", "-s", source.toString(), "-o", out.toString());
        assertEquals(0, build.code(), build.err());
        assertTrue(Files.isRegularFile(out.resolve("index.html")), "-o names the output folder");
        assertTrue(build.out().startsWith("Built "), build.out());

        Cli.Run check = Cli.run("check", "-s", source.toString(), "-o", out.toString());
        assertEquals(0, check.code(), check.err());
        assertTrue(
                check.out().startsWith("Checked ") && check.out().contains(" in " + out + ": no problems"),
                check.out());
    }

    /**
     * One declaration of {@code --source} serves every command that reads a source folder; the commands that only
     * write into content/ say so in their help.
     */
    @Test
    void everyCommandThatReadsASourceFolderTakesSourceWithItsHelp() {
        String withTemplates = "-s, --source=DIR Folder holding content/ and optionally templates/ (default: .).";
        String contentOnly = "-s, --source=DIR Folder holding content/ (default: .).";
        for (String[] command : new String[][] {
            {"build", withTemplates},
            {"check", withTemplates},
            {"serve", withTemplates},
            {"new city", contentOnly},
            {"new page", contentOnly}
        }) {
            Cli.Run help = Cli.run((command[0] + " --help").split(" "));
            assertEquals(0, help.code(), help.err());
            assertTrue(help.out().replaceAll("\\s+", " ").contains(command[1]), command[0] + ":\n" + help.out());
        }
    }

    @Test
    void aSourceFolderThatDoesNotExistIsAUsageError() {
        Path missing = tmp.resolve("no-such-folder");
        for (String command : new String[] {"build", "check"}) {
            Cli.Run r = Cli.run(command, "--source", missing.toString());
            assertEquals(ExitCode.USAGE, r.code(), command + ": " + r.err());
            assertEquals(
                    "--source: error: there is no folder " + missing + "\n"
                            + "  hint: name the folder that holds content/, or run the command in it without"
                            + " --source\n",
                    r.err(),
                    command);
        }
        Cli.Run r = Cli.run(
                "new", "city", "Příkladov", "--country", "CZ", "--membership", "partner", "-s", missing.toString());
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertEquals(
                "--source: error: there is no folder " + missing + "\n"
                        + "  hint: name the folder that holds content/, or run the command in it without --source\n",
                r.err());
        assertTrue(Files.notExists(missing), "nothing was made");
    }

    @Test
    void aSourceThatIsAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(tmp.resolve("site.yaml"), "title: x\n");
        Cli.Run r =
                Cli.run("build", "-s", file.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertEquals(
                "--source: error: " + file + " is a file, not a folder\n"
                        + "  hint: name the folder that holds content/, or run the command in it without --source\n",
                r.err());
    }

    @Test
    void aFolderWithoutContentIsStillAContentError() {
        Cli.Run r = Cli.run(
                "build", "--source", tmp.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(ExitCode.CONTENT_ERROR, r.code(), r.err());
        assertTrue(r.err().startsWith("content:1:1: error: no content folder in "), r.err());
    }

    @Test
    void aTimeoutBelowOneSecondIsAUsageError() {
        for (String timeout : new String[] {"-1", "0"}) {
            Cli.Run r = Cli.run("check", "--source", source.toString(), "--external", "--timeout", timeout);
            assertEquals(ExitCode.USAGE, r.code(), r.err());
            assertEquals(
                    "--timeout: error: the time to wait for each site must be at least 1 second, not " + timeout
                            + "\n  hint: give it in whole seconds, e.g. --timeout 15\n",
                    r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void aCommandLineThatCannotBeParsedIsOneUsageErrorWithAHint() {
        Cli.Run unknown = Cli.run("build", "--sorce", source.toString());
        assertEquals(ExitCode.USAGE, unknown.code(), unknown.err());
        assertEquals(
                "error: Unknown options: '--sorce', '" + source + "'\n  hint: did you mean --source?\n", unknown.err());
        Cli.Run none = Cli.run();
        assertEquals(ExitCode.USAGE, none.code(), none.err());
        assertEquals(
                "error: name a command, e.g. 'build'\n  hint: 'eurocities-site --help' lists what it takes\n",
                none.err());
        Cli.Run missing = Cli.run("new", "city", "Příkladov");
        assertEquals(ExitCode.USAGE, missing.code(), missing.err());
        assertEquals(
                "error: Missing required option: '--country=XX'\n"
                        + "  hint: 'eurocities-site new city --help' lists what it takes\n",
                missing.err());
        assertEquals("", unknown.out() + none.out() + missing.out());
    }

    /**
     * The README's synopsis ("Command line") names every option of each command, and only options the command has:
     * it once left out --source of new city and new page, and --debug.
     */
    @Test
    void theReadmeSynopsisNamesEveryOptionOfEachCommand() throws IOException {
        String readme = Files.readString(Path.of("README.md"), java.nio.charset.StandardCharsets.UTF_8);
        String block = readme.substring(readme.indexOf("## Command line"));
        block = block.substring(block.indexOf("```\n") + 4, block.indexOf("\n```", block.indexOf("```\n") + 4));
        picocli.CommandLine root = new picocli.CommandLine(new Main());
        int checked = 0;
        for (String line : block.lines().toList()) {
            String args = line.replace("java -jar target/eurocities-site.jar ", "");
            String[] words = args.split(" ");
            picocli.CommandLine command = root;
            for (String word : words) {
                if (command.getSubcommands().containsKey(word)) {
                    command = command.getSubcommands().get(word);
                }
            }
            if (command == root) {
                continue; // --version
            }
            java.util.Set<String> written = new java.util.TreeSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\w-])(--?[a-z][a-z-]*)")
                    .matcher(args);
            while (m.find()) {
                written.add(m.group(1));
            }
            for (picocli.CommandLine.Model.OptionSpec option :
                    command.getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                assertTrue(
                        java.util.Arrays.stream(option.names()).anyMatch(written::contains),
                        "the synopsis '" + line + "' names " + String.join("/", option.names()));
            }
            for (String name : written) {
                assertTrue(
                        command.getCommandSpec().findOption(name) != null,
                        "'" + command.getCommandName() + "' has the option " + name + " of '" + line + "'");
            }
            checked++;
        }
        assertEquals(7, checked, block);
    }
}
