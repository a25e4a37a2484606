package eu.eurocities.site.cli;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Reporter;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import java.io.PrintWriter;
import java.util.List;

/** What {@code new city} and {@code new page} share: how they refuse, and how they write a YAML text. */
final class NewFiles {
    private NewFiles() {}

    static final String MEMBERSHIP = "content/membership.yaml";

    /**
     * Reports the errors of {@code diagnostics} in {@code content/} itself and in the files named by {@code files} (a
     * path, or a folder ending in {@code /}), and says that nothing was written; false when there are none. A file
     * with an error is not read, so what it holds could not be checked against the new file.
     */
    static boolean refusedForErrors(Diagnostics diagnostics, PrintWriter err, String... files) {
        List<Diagnostic> broken = diagnostics.sorted().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .filter(d -> d.pos().path().equals("content")
                        || java.util.Arrays.stream(files)
                                .anyMatch(f -> f.endsWith("/")
                                        ? d.pos().path().startsWith(f)
                                        : d.pos().path().equals(f)))
                .toList();
        if (broken.isEmpty()) {
            return false;
        }
        new Reporter(err).report(broken, false);
        if (broken.stream().noneMatch(d -> d.pos().path().equals("content"))) {
            new Reporter(err)
                    .error(
                            "nothing was written: a file with an error cannot be checked against the new one",
                            "correct the error" + (broken.size() == 1 ? "" : "s") + " above, then run the command "
                                    + "again");
        }
        return true;
    }

    /** Prints a usage error about {@code argument} (an option or parameter) and returns its exit code. */
    static int usage(PrintWriter err, String argument, String message, String hint) {
        return usage(err, new Diagnostic(SourcePos.file(argument), Severity.ERROR, message, hint));
    }

    static int usage(PrintWriter err, Diagnostic d) {
        new Reporter(err).print(d);
        return ExitCode.USAGE;
    }

    /** {@code s} as a YAML double-quoted scalar. */
    static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
