package eu.eurocities.site.diag;

/**
 * A place in a source file: the path relative to the source folder (with '/' separators), and a 1-based line and
 * column. A line or column of 0 means "the whole file" or "the whole line".
 */
public record SourcePos(String path, int line, int column) {
    /** No place: a problem with how the tool was run or with the machine, printed as {@code error: message}. */
    public static final SourcePos NONE = new SourcePos("", 0, 0);

    /** A position that names only a file. */
    public static SourcePos file(String path) {
        return new SourcePos(path, 0, 0);
    }

    /**
     * The start of a file, for a problem that concerns the file as a whole (empty, not UTF-8 throughout, in the wrong
     * folder): line 1, column 1, so that every diagnostic about a file matches {@code path:line:column}.
     */
    public static SourcePos start(String path) {
        return new SourcePos(path, 1, 1);
    }

    /** {@code path:line:column}, leaving out the parts that are 0. */
    @Override
    public String toString() {
        if (line <= 0) {
            return path;
        }
        return column <= 0 ? path + ":" + line : path + ":" + line + ":" + column;
    }
}
