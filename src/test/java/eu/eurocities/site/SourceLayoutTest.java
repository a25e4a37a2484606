package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout rule the formatter cannot keep: no line of Java code is longer than 120 characters. The formatter
 * (Spotless with palantir-java-format, run by {@code mvn verify}) wraps code but leaves long string literals and
 * comments as they are.
 */
class SourceLayoutTest {
    static final int COLUMNS = 120;

    @Test
    void noLineOfJavaCodeIsLongerThan120Characters() throws IOException {
        List<String> over = new ArrayList<>();
        int files = 0;
        for (String root : List.of("src/main/java", "src/test/java", "bench", "tools")) {
            if (!Files.isDirectory(Path.of(root))) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".java"))
                        .sorted()
                        .toList()) {
                    files++;
                    List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        int length = lines.get(i).codePointCount(0, lines.get(i).length());
                        if (length > COLUMNS) {
                            over.add(p + ":" + (i + 1) + ": " + length + " characters");
                        }
                    }
                }
            }
        }
        assertTrue(files > 100, "the Java sources were found: " + files);
        assertEquals(List.of(), over);
    }
}
