package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.eurocities.site.plan.Page;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/themes.md names every template of the built-in theme, its parameter, and every field of its page. */
class ThemeGuideTest {
    private static final Path GUIDE = Path.of("docs/themes.md");

    @Test
    void theGuideNamesEveryTemplateWithItsParameter() throws IOException {
        String guide = Files.readString(GUIDE);
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".jte")).sorted().toList()) {
                String name = Path.of("templates").relativize(p).toString().replace('\\', '/');
                String param = Files.readString(p)
                        .lines()
                        .filter(l -> l.startsWith("@param "))
                        .findFirst()
                        .orElseThrow()
                        .substring("@param ".length())
                        .replace(" ctx", "");
                if (!guide.contains("`" + name + "`") || !guide.contains(param)) {
                    missing.add(name + " (" + param + ")");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theGuideNamesEveryFieldOfEveryKindOfPage() throws IOException {
        String guide = Files.readString(GUIDE);
        List<String> missing = new ArrayList<>();
        List<Class<?>> kinds = new ArrayList<>(List.of(Page.class.getPermittedSubclasses()));
        for (int i = 0; i < kinds.size(); i++) {
            Class<?> kind = kinds.get(i);
            if (!kind.isRecord()) { // a sealed interface such as Page.CityTable: its records are checked
                kinds.addAll(List.of(kind.getPermittedSubclasses()));
                continue;
            }
            for (RecordComponent c : kind.getRecordComponents()) {
                if (!guide.contains("`" + c.getName() + "`") && !guide.contains(c.getName() + "()")) {
                    missing.add(kind.getSimpleName() + "." + c.getName());
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
