package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The early stages name no later one: {@code diag}, {@code model} and {@code load} use none of {@code validate},
 * {@code plan}, {@code render}, {@code verify}, {@code write}, {@code serve} or {@code cli}, by import or by a full
 * name in the code, so that each stage can be read and tested without the ones after it.
 */
class StageOrderTest {
    private static final Path MAIN = Path.of("src/main/java/eu/eurocities/site");
    private static final Pattern LATER =
            Pattern.compile("eu\\.eurocities\\.site\\.(validate|plan|render|verify|write|serve|cli)\\.");

    @Test
    void loadModelAndDiagUseNoLaterStage() throws IOException {
        List<String> found = new ArrayList<>();
        for (String stage : List.of("diag", "model", "load")) {
            try (Stream<Path> files = Files.list(MAIN.resolve(stage))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                        .sorted()
                        .toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = LATER.matcher(lines.get(i));
                        if (m.find()) {
                            found.add(stage + "/" + file.getFileName() + ":" + (i + 1) + " uses " + m.group(1));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
