package eu.eurocities.site;

import eu.eurocities.site.cli.BuildCommand;
import eu.eurocities.site.cli.CheckCommand;
import eu.eurocities.site.cli.CompletionCommand;
import eu.eurocities.site.cli.ExitCode;
import eu.eurocities.site.cli.InitCommand;
import eu.eurocities.site.cli.NewCommand;
import eu.eurocities.site.cli.PathArgument;
import eu.eurocities.site.cli.ServeCommand;
import eu.eurocities.site.cli.Version;
import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Reporter;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code eurocities-site build|check|new|serve|completion}; exit codes as {@link ExitCode}: 0
 * success, 1 content errors (or a failed check), 2 usage errors.
 */
@Command(
        name = "eurocities-site",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Builds the Eurocities website from content/ (YAML records and Markdown) and templates/.",
        subcommands = {
            InitCommand.class,
            BuildCommand.class,
            CheckCommand.class,
            NewCommand.class,
            ServeCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'build'");
    }

    /** Runs the command line and returns its exit code, printing to the given writers. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(new Main(), args, out, err);
    }

    /**
     * Runs {@code root} (a picocli command) as {@link #run(String[], PrintWriter, PrintWriter)} runs this one: an
     * exception that escapes a command is one line ({@code error: cannot read or write files: ...} for file system
     * failures, {@code error: out of memory: ...} when the heap is too small, {@code error: internal error: ...} for
     * anything else), with a stack trace only under {@code --debug}.
     */
    static int run(Object root, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(root);
        cli.registerConverter(java.nio.file.Path.class, new PathArgument());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, given) -> usageError(e));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) ->
                failed(e, parseResult.originalArgs().contains("--debug"), commandLine.getErr()));
        int code;
        try {
            code = cli.execute(args);
        } catch (Error e) {
            // picocli hands only exceptions to the handler above; an error such as StackOverflowError gets the same
            // report
            code = failed(e, List.of(args).contains("--debug"), err);
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Reports a command line that picocli cannot parse (an unknown option, a missing or wrong value) as every other
     * usage error is reported, with picocli's "did you mean" when it has one.
     */
    private static int usageError(CommandLine.ParameterException e) {
        CommandLine command = e.getCommandLine();
        List<String> near = e instanceof CommandLine.UnmatchedArgumentException u ? u.getSuggestions() : List.of();
        String hint = near.isEmpty()
                ? "'" + command.getCommandSpec().qualifiedName() + " --help' lists what it takes"
                : "did you mean " + String.join(" or ", near) + "?";
        new Reporter(command.getErr()).print(new Diagnostic(SourcePos.NONE, Severity.ERROR, e.getMessage(), hint));
        return ExitCode.USAGE;
    }

    /**
     * Reports a failure that escaped a command in one line and a hint, or under {@code --debug} with the stack trace
     * instead of the hint: a file system failure in plain words, running out of heap with the heap's size and how to
     * raise it, anything else as an internal error.
     */
    private static int failed(Throwable e, boolean debug, PrintWriter err) {
        Throwable io = e instanceof java.io.UncheckedIOException ? e.getCause() : e;
        if (io instanceof java.io.IOException f) {
            return internalError(
                    "cannot read or write files: " + plain(f),
                    "check that the path exists, is a folder where one is needed, and can be written; --debug shows"
                            + " where it happened",
                    e,
                    debug,
                    err);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                // a parallel stage may hand the error on wrapped; the heap's limit is this JVM's own
                long heap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
                return internalError(
                        "out of memory: this run needs more than the " + heap + " MiB of heap that Java was given",
                        "run it again with more heap, e.g. EUROCITIES_JAVA_OPTS=-Xmx2g ./eurocities-site build, or"
                                + " java -Xmx2g -jar target/eurocities-site.jar build",
                        e,
                        debug,
                        err);
            }
        }
        return internalError("internal error: " + e, "run again with --debug to see where it happened", e, debug, err);
    }

    private static int internalError(String message, String hint, Throwable e, boolean debug, PrintWriter err) {
        new Reporter(err).error(message, debug ? null : hint);
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.CONTENT_ERROR;
    }

    /** A file system failure in plain words: the path and what is wrong with it, without Java's class names. */
    static String plain(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            String what;
            if (f instanceof java.nio.file.NoSuchFileException) {
                what = "no such file or folder";
            } else if (f instanceof java.nio.file.AccessDeniedException) {
                what = "permission denied";
            } else if (f instanceof java.nio.file.FileAlreadyExistsException) {
                what = "already exists, and is not a folder";
            } else if (f instanceof java.nio.file.DirectoryNotEmptyException) {
                what = "the folder is not empty";
            } else {
                what = f.getReason() == null ? "cannot be read or written" : f.getReason();
            }
            return f.getFile() + ": " + what;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Entry point. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }
}
