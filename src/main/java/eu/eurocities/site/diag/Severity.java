package eu.eurocities.site.diag;

/** How bad a diagnostic is: an error stops the build, a warning does not (unless {@code --strict}). */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word printed in a diagnostic line: {@code error} or {@code warning}. */
    String label() {
        return label;
    }
}
