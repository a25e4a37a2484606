package eu.eurocities.site.cli;

import eu.eurocities.site.render.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * What one build did, written by {@code build --report FILE} as JSON for CI to keep. The same numbers as the
 * summary line the build prints.
 *
 * @param succeeded whether the build swapped in a new output folder
 * @param output the output folder
 * @param pages the number of HTML pages
 * @param kinds pages and bytes per page kind ({@code city}, {@code country} ...); files copied from {@code static/}
 *     under {@code static}, redirect pages under {@code redirect}, other files under {@code other}
 * @param files what the write did: files written, unchanged (kept as they were, same modification time), removed
 * @param bytes the size of the whole output
 * @param warnings warnings about the content
 * @param errors errors about the content
 * @param outputProblems problems the output check found
 * @param timingsMs milliseconds per stage, in the order they ran ({@code templates} picks the template engine,
 *     {@code load} reads the content, {@code validate} checks it, {@code plan} lays out every output, {@code render}
 *     renders and stages the files, {@code check} verifies them), and {@code total}
 * @param redirects each old address ({@code aliases:}) that got a redirect page, with the address it leads to
 */
record BuildReport(
        boolean succeeded,
        String output,
        int pages,
        SortedMap<String, Kind> kinds,
        Writes files,
        long bytes,
        int warnings,
        int errors,
        int outputProblems,
        Map<String, Long> timingsMs,
        SortedMap<String, String> redirects) {

    /** Pages of one kind and their size. */
    record Kind(int pages, long bytes) {}

    /** What the staged write did. */
    record Writes(int written, int unchanged, int removed) {}

    /** Writes this report to {@code file} as JSON, creating its folder. */
    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, Json.bytes(json(), true));
    }

    /** The report as a tree of plain values, fields in the order of the record's components. */
    private Map<String, Object> json() {
        Map<String, Object> kindsJson = new LinkedHashMap<>();
        kinds.forEach((k, v) -> kindsJson.put(k, ordered("pages", v.pages(), "bytes", v.bytes())));
        return ordered(
                "succeeded", succeeded,
                "output", output,
                "pages", pages,
                "kinds", kindsJson,
                "files",
                        ordered("written", files.written(), "unchanged", files.unchanged(), "removed", files.removed()),
                "bytes", bytes,
                "warnings", warnings,
                "errors", errors,
                "outputProblems", outputProblems,
                "timingsMs", timingsMs,
                "redirects", redirects);
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
