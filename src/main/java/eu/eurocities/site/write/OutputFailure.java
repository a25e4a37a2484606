package eu.eurocities.site.write;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.Optional;

/**
 * The output could not be written or swapped in, said for an editor: a message naming the file and the folder, and
 * a hint. The previous output is as it was whenever this is thrown.
 */
public class OutputFailure extends IOException {
    private final String hint;

    /**
     * @param message one sentence, without {@code error:}
     * @param hint what to do; never null
     */
    OutputFailure(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** The failure that {@code e} wraps, however deep; empty when it wraps none. */
    public static Optional<OutputFailure> in(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof OutputFailure f) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** What to do about it. */
    public String hint() {
        return hint;
    }

    /**
     * What went wrong with a file, in plain words and without the path: {@code permission denied}, {@code no space
     * left on device}.
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        String text = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (text == null || text.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
