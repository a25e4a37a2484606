package eu.eurocities.site.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.eurocities.site.load.Slugs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "Białystok, bialystok",
        "Łódź, lodz",
        "İzmir, izmir",
        "Saint-Étienne Métropole, saint-etienne-metropole",
        "Kadıköy, kadikoy",
        "Beyoğlu, beyoglu",
        "Reykjavík, reykjavik",
        "Zürich, zurich",
        "Timișoara, timisoara",
        "Constanța, constanta",
        "Newcastle upon Tyne, newcastle-upon-tyne",
        "Brighton and Hove, brighton-and-hove",
        "Turkish Cypriot community of Nicosia, turkish-cypriot-community-of-nicosia",
    })
    void transliteratesNamesToAsciiSlugs(String name, String slug) {
        assertEquals(slug, Slugs.of(name));
    }

    /** Every real city file is named by the slug of the name it holds, so the rule and the data agree. */
    @Test
    void everyCityFileIsNamedByItsNamesSlug() throws IOException {
        List<Path> files;
        try (var s = Files.list(Path.of("content/cities"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(202, files.size());
        for (Path file : files) {
            String name = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("name: "))
                    .findFirst()
                    .orElseThrow()
                    .substring("name: ".length());
            assertEquals(file.getFileName().toString(), Slugs.of(name) + ".yaml", "name " + name);
        }
    }
}
