package eu.eurocities.site.write;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps every written file in memory, by path; for tests, {@code check} and {@code serve}. */
public final class MemoryOutput implements Output {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public void write(String path, byte[] bytes) {
        files.put(path, bytes);
    }

    /** All files by path, in path order. */
    public SortedMap<String, byte[]> files() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** One file as UTF-8 text, or null when absent. */
    String text(String path) {
        byte[] b = files.get(path);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
