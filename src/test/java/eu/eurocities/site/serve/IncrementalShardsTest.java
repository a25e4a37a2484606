package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds of a site big enough for the search index to cut its shards (the real cities and 1,500 generated ones,
 * all with words starting "synth"), where a rebuild takes over the search shards and open data rows of the cities
 * that did not change: after each edit of a city's name, country, category, population or file name, every file is
 * byte for byte what a fresh build of the same files gives.
 */
class IncrementalShardsTest {
    static final int CITIES = 1_500;
    static final List<String> COUNTRIES = List.of("AT", "BE", "DE", "FR", "IT", "PL", "SE");

    @TempDir
    Path tmp;

    Path source;
    IncrementalBuild build;

    @Test
    void cityEditsInAShardedSiteGiveTheFilesOfAFreshBuild() throws IOException {
        source = tmp.resolve("source");
        eu.eurocities.site.Cli.copyContent(source);
        for (int i = 1; i <= CITIES; i++) {
            write("content/cities/synthcity-" + i + ".yaml", city("Synthcity " + i, COUNTRIES.get(i % 7), 250_000 + i));
        }
        build = new IncrementalBuild(source, IncrementalBuildTest.URL, Files.createDirectories(tmp.resolve("work")));
        IncrementalBuild.Result first = build.run(Set.of(), true);
        assertTrue(first.ok(), errors(first));
        assertTrue(first.files().containsKey("search-index/synthcity.json"), "the shards are cut down to words");

        // a small city becomes the biggest: it enters the inner shards' files of the biggest cities
        edit("content/cities/synthcity-7.yaml", city("Synthcity 7", "AT", 9_000_000));
        // a new name: the city leaves the "s" shards for the "z" ones
        edit("content/cities/synthcity-8.yaml", city("Zephyr 8", "BE", 250_008));
        // another country: its words of the country's names change
        edit("content/cities/synthcity-9.yaml", city("Synthcity 9", "PL", 250_009));
        // another category, with a population under the full members' threshold
        write(
                "content/cities/synthcity-10.yaml",
                city("Synthcity 10", "DE", 120_000).replace("full", "partner"));
        rebuild("content/cities/synthcity-10.yaml");
        // another file name: another slug and address, in another place of the plan
        String moved = read("content/cities/synthcity-11.yaml");
        Files.delete(source.resolve("content/cities/synthcity-11.yaml"));
        write("content/cities/aaa-synthcity-11.yaml", moved);
        rebuild("content/cities/synthcity-11.yaml", "content/cities/aaa-synthcity-11.yaml");
        // a city gone, and one added
        Files.delete(source.resolve("content/cities/synthcity-12.yaml"));
        write("content/cities/zz-new.yaml", city("Synthcity New", "SE", 3_000_000));
        rebuild("content/cities/synthcity-12.yaml", "content/cities/zz-new.yaml");
        // back to the first name, with a population that ties with another city's
        edit("content/cities/synthcity-8.yaml", city("Synthcity 8", "BE", 250_100));
    }

    static String errors(IncrementalBuild.Result r) {
        return r.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .map(Diagnostic::format)
                .toList()
                .toString();
    }

    static String city(String name, String country, long population) {
        return "name: " + name + "\ncountry: " + country + "\nmembership: full\npopulation: " + population
                + "\npopulation_source: Test figure\npopulation_year: 2020\n";
    }

    void write(String file, String text) throws IOException {
        Files.writeString(source.resolve(file), text, StandardCharsets.UTF_8);
    }

    String read(String file) throws IOException {
        return Files.readString(source.resolve(file), StandardCharsets.UTF_8);
    }

    void edit(String file, String text) throws IOException {
        write(file, text);
        rebuild(file);
    }

    void rebuild(String... changed) throws IOException {
        IncrementalBuild.Result r = build.run(Set.of(changed), false);
        assertTrue(r.ok(), errors(r));
        Map<String, byte[]> fresh = new IncrementalBuild(
                        source, IncrementalBuildTest.URL, Files.createTempDirectory(tmp, "fresh"))
                .run(Set.of(), true)
                .files();
        assertEquals(new TreeSet<>(fresh.keySet()), new TreeSet<>(r.files().keySet()));
        List<String> differ = new ArrayList<>();
        fresh.forEach((path, bytes) -> {
            if (!Arrays.equals(bytes, r.files().get(path))) {
                differ.add(path);
            }
        });
        assertEquals(List.of(), differ, "files that differ from a fresh build after editing " + List.of(changed));
    }
}
