package eu.eurocities.site;

import eu.eurocities.site.cli.BuildCommand;
import eu.eurocities.site.cli.CheckCommand;
import eu.eurocities.site.cli.NewCommand;
import eu.eurocities.site.cli.ServeCommand;
import eu.eurocities.site.cli.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code eurocities-site build|check|new}. Exit codes: 0 success, 1 content errors (or a failed
 * check), 2 usage errors.
 */
@Command(
    name = "eurocities-site",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Builds the Eurocities website from content/ (YAML records and Markdown) and templates/.",
    subcommands = {BuildCommand.class, CheckCommand.class, NewCommand.class, ServeCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Exit code for a successful run. */
  public static final int OK = 0;
  /** Exit code when the content has errors or the output check failed. */
  public static final int CONTENT_ERROR = 1;
  /** Exit code for a wrong command line or an output folder that must not be used. */
  public static final int USAGE = 2;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'build'");
  }

  /** Runs the command line and returns its exit code, printing to the given writers. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean debug = parseResult.originalArgs().contains("--debug");
          commandLine.getErr().println("error: internal error: " + e);
          if (debug) {
            e.printStackTrace(commandLine.getErr());
          } else {
            commandLine.getErr().println("  hint: run again with --debug to see where it happened");
          }
          commandLine.getErr().flush();
          return CONTENT_ERROR;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Entry point. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }
}
