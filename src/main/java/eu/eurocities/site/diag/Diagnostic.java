package eu.eurocities.site.diag;

/**
 * One problem found in the content: where, how bad, what, and optionally a hint that tells the editor what to do.
 *
 * @param pos where the problem is; never null
 * @param severity error or warning
 * @param message one sentence, no trailing period, naming the field or value concerned
 * @param hint a short suggestion, or null
 */
public record Diagnostic(SourcePos pos, Severity severity, String message, String hint) {

    /**
     * {@code path:line:column: error: message} ({@code error: message} at {@link SourcePos#NONE}), and the hint on a
     * second, indented line when there is one.
     */
    public String format() {
        String line = (pos.path().isEmpty() ? "" : pos + ": ") + severity.label() + ": " + message;
        return hint == null ? line : line + "\n  hint: " + hint;
    }
}
