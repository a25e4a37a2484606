package eu.eurocities.site.diag;

import java.io.PrintWriter;
import java.util.List;

/**
 * Prints problems the same way for every command and {@code Main}: one {@link Diagnostic#format} each, in the order
 * given, then, after a run that read the content or checked the output, one summary line that counts them all. A
 * refused command line or output folder is only its error and hint ({@link #print}, {@link #error}): nothing was
 * read to count.
 */
public final class Reporter {
    private final PrintWriter err;

    /** @param err where problems go */
    public Reporter(PrintWriter err) {
        this.err = err;
    }

    /** Prints one problem. */
    public void print(Diagnostic d) {
        err.println(d.format());
        err.flush();
    }

    /** Prints an error about how the tool was run or the machine, at no source position; {@code hint} may be null. */
    public void error(String message, String hint) {
        print(new Diagnostic(SourcePos.NONE, Severity.ERROR, message, hint));
    }

    /** Prints a warning at no source position; {@code hint} may be null. */
    public void warning(String message, String hint) {
        print(new Diagnostic(SourcePos.NONE, Severity.WARNING, message, hint));
    }

    /**
     * Prints {@code diagnostics} and, when there are any, the summary line ({@code 1 error, 2 warnings}); under {@code
     * --strict} a run that fails on warnings alone says so ({@code 0 errors, 1 warning (--strict counts warnings as
     * errors)}).
     */
    public void report(List<Diagnostic> diagnostics, boolean strict) {
        report(diagnostics, List.of(), strict, "");
    }

    /**
     * Prints {@code diagnostics}, then what verify found in the output ({@code findings}), then one summary line that
     * counts them all: {@code 0 errors, 1 warning, 2 problems in the output} and {@code tail}, or, without findings,
     * the line of {@link #report(List, boolean)}; without diagnostics, {@code 2 problems in the output} and {@code
     * tail}. Nothing is printed when both lists are empty.
     */
    public void report(List<Diagnostic> diagnostics, List<Diagnostic> findings, boolean strict, String tail) {
        diagnostics.forEach(this::print);
        findings.forEach(this::print);
        String line = summary(diagnostics, findings, strict, tail);
        if (!line.isEmpty()) {
            err.println(line);
        }
        err.flush();
    }

    /**
     * The summary line {@link #report(List, List, boolean, String)} prints, or empty text when both lists are empty.
     */
    public static String summary(List<Diagnostic> diagnostics, List<Diagnostic> findings, boolean strict, String tail) {
        long errors =
                diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = diagnostics.size() - errors;
        String counted = diagnostics.isEmpty() ? "" : summary(errors, warnings);
        if (!findings.isEmpty()) {
            return (counted.isEmpty() ? "" : counted + ", ") + findings.size() + " problem"
                    + (findings.size() == 1 ? "" : "s") + " in the output" + tail;
        }
        return counted.isEmpty()
                ? ""
                : counted + (strict && errors == 0 ? " (--strict counts warnings as errors)" : "");
    }

    /** The closing line of a report: {@code 2 errors, 1 warning}, or {@code no problems}. */
    static String summary(long errors, long warnings) {
        if (errors == 0 && warnings == 0) {
            return "no problems";
        }
        return plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
