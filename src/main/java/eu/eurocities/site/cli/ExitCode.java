package eu.eurocities.site.cli;

/** The exit codes of every command: what a script or CI job can tell from a run. */
public final class ExitCode {
    /** The run did what was asked. */
    static final int OK = 0;
    /** The content has errors (or warnings under {@code --strict}), or the output check failed. */
    public static final int CONTENT_ERROR = 1;
    /** A wrong command line, or an output folder that must not be used. */
    public static final int USAGE = 2;

    private ExitCode() {}
}
