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
}
