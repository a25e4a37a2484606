package eu.eurocities.site.write;

import java.io.IOException;

/** Where a build's files go: a staged folder on disk, or memory for tests, check and serve. Thread-safe. */
public interface Output {

    /**
     * Writes one file.
     *
     * @param path relative to the output root, '/'-separated, e.g. {@code cities/lodz/index.html}
     * @param bytes the complete content
     * @throws IOException when the file cannot be written
     */
    void write(String path, byte[] bytes) throws IOException;

    /**
     * Writes one file as {@code body} makes it, so that a big file (the open data at a million rows) need not be held
     * in memory whole. This default holds it; an output on disk overrides it to write the bytes as they come.
     *
     * @param path as for {@link #write}
     * @param body writes the complete content into the stream it is given, which it must not close
     * @throws IOException when the file cannot be written, or {@code body} fails
     */
    default void write(String path, Body body) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        body.writeTo(bytes);
        write(path, bytes.toByteArray());
    }

    /** The content of a file, written into a stream. */
    interface Body {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /** A write that may fail with an {@link IOException}. */
    interface Write {
        void run() throws IOException;
    }

    /** Runs {@code write}; a failure becomes an unchecked error that names {@code path}, for parallel streams. */
    static void unchecked(String path, Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
