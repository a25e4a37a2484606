package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.Cli;
import eu.eurocities.site.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds that take the entries of the record folders from the last load and look again only at the names the watcher
 * reports: after each change to what a folder holds (a folder put in it, one reported by a file in it alone, a record
 * replaced by a folder of its name, a record whose name is not ASCII, a link to a record), the messages and files are a
 * fresh build's, and after the change is undone, the files are a fresh build's again.
 */
class IncrementalListingTest {
    @TempDir
    Path tmp;

    Path source;
    IncrementalBuild build;

    @Test
    void changesToWhatTheRecordFoldersHoldGiveWhatAFreshBuildGives() throws IOException {
        source = Cli.copyContent(tmp.resolve("source"));
        build = new IncrementalBuild(source, IncrementalBuildTest.URL, Files.createDirectories(tmp.resolve("work")));
        assertTrue(build.run(Set.of(), true).ok());

        // a folder in the cities' folder is an error; removed, the site is whole again
        Files.createDirectories(source.resolve("content/cities/old"));
        assertEquals(
                List.of("content/cities/old:1:1: error: folders inside content/cities/ are not read; its files would"
                        + " be left out"),
                rebuild(false, "content/cities/old"));
        Files.delete(source.resolve("content/cities/old"));
        rebuild(true, "content/cities/old");
        // a folder with a record in it, reported by the record's path alone
        write("content/cities/poland/warsaw.yaml", "name: Warsaw\n");
        assertEquals(
                List.of("content/cities/poland:1:1: error: folders inside content/cities/ are not read; its files"
                        + " would be left out"),
                rebuild(false, "content/cities/poland/warsaw.yaml"));
        Files.delete(source.resolve("content/cities/poland/warsaw.yaml"));
        Files.delete(source.resolve("content/cities/poland"));
        rebuild(true, "content/cities/poland/warsaw.yaml", "content/cities/poland");

        // a record replaced by a folder of its name: the city is gone, and the folder is reported
        String lodz = read("content/cities/lodz.yaml");
        Files.delete(source.resolve("content/cities/lodz.yaml"));
        Files.createDirectories(source.resolve("content/cities/lodz.yaml"));
        assertTrue(rebuild(false, "content/cities/lodz.yaml")
                .contains("content/cities/lodz.yaml:1:1: error: folders"
                        + " inside content/cities/ are not read; its files would be left out"));
        Files.delete(source.resolve("content/cities/lodz.yaml"));
        write("content/cities/lodz.yaml", lodz);
        rebuild(true, "content/cities/lodz.yaml");

        // a record whose file name is not ASCII, in the decomposed form macOS writes: the folder is listed again
        String zurich = "content/cities/zu\u0308rich.yaml";
        write(zurich, lodz.replace("Łódź", "Zürich").replace("PL", "CH"));
        assertTrue(rebuild(false, zurich).stream().anyMatch(d -> d.contains("'zürich.yaml' is not a valid slug")));
        Files.delete(source.resolve(zurich));
        rebuild(true, zurich);

        // problems with the entries themselves (a folder, one name in two Unicode forms) are reported again after an
        // edit of another record, which takes the folder's entries as the last load read them
        Files.createDirectories(source.resolve("content/cities/old"));
        write("content/cities/z\u00fcrich.yaml", lodz.replace("Łódź", "Zürich").replace("PL", "CH"));
        write(zurich, lodz.replace("Łódź", "Zürich").replace("PL", "CH"));
        List<String> twice = rebuild(false, "content/cities/old", zurich, "content/cities/z\u00fcrich.yaml");
        assertTrue(twice.stream().anyMatch(d -> d.contains("two files have this name")), twice.toString());
        write("content/cities/lodz.yaml", lodz.replace("population: 768755", "population: 768756"));
        assertEquals(twice, rebuild(false, "content/cities/lodz.yaml"));
        Files.delete(source.resolve("content/cities/old"));
        Files.delete(source.resolve(zurich));
        Files.delete(source.resolve("content/cities/z\u00fcrich.yaml"));
        write("content/cities/lodz.yaml", lodz);
        rebuild(true, "content/cities/old", zurich, "content/cities/z\u00fcrich.yaml", "content/cities/lodz.yaml");

        // a link to a record kept elsewhere in the source folder, then the record it leads to gone
        write("kept/synth-link.yaml", lodz.replace("Łódź", "Synth Link"));
        Files.createSymbolicLink(
                source.resolve("content/cities/synth-link.yaml"), Path.of("../../kept/synth-link.yaml"));
        rebuild(true, "content/cities/synth-link.yaml");
        assertTrue(build.run(Set.of(), false).files().containsKey("cities/synth-link/index.html"));
        Files.delete(source.resolve("kept/synth-link.yaml"));
        assertFalse(rebuild(false, "content/cities/synth-link.yaml").isEmpty());
        Files.delete(source.resolve("content/cities/synth-link.yaml"));
        rebuild(true, "content/cities/synth-link.yaml");
    }

    /**
     * Rebuilds after {@code changed} and checks the messages against a fresh build's, and when {@code ok}, every
     * file too.
     *
     * @return the errors, first lines only
     */
    List<String> rebuild(boolean ok, String... changed) throws IOException {
        IncrementalBuild.Result r = build.run(Set.of(changed), false);
        IncrementalBuild.Result fresh = new IncrementalBuild(
                        source, IncrementalBuildTest.URL, Files.createTempDirectory(tmp, "fresh"))
                .run(Set.of(), true);
        assertEquals(ok, fresh.ok(), "a fresh build after " + List.of(changed));
        assertEquals(ok, r.ok(), "the rebuild after " + List.of(changed));
        assertEquals(
                fresh.diagnostics().stream().map(Diagnostic::format).toList(),
                r.diagnostics().stream().map(Diagnostic::format).toList(),
                "messages after " + List.of(changed));
        if (ok) {
            assertEquals(
                    new TreeSet<>(fresh.files().keySet()),
                    new TreeSet<>(r.files().keySet()));
            List<String> differ = new ArrayList<>();
            fresh.files().forEach((path, bytes) -> {
                if (!Arrays.equals(bytes, r.files().get(path))) {
                    differ.add(path);
                }
            });
            assertEquals(List.of(), differ, "files that differ from a fresh build after " + List.of(changed));
        }
        return r.diagnostics().stream()
                .filter(d -> d.severity() == eu.eurocities.site.diag.Severity.ERROR)
                .map(d -> d.format().lines().findFirst().orElseThrow())
                .toList();
    }

    String read(String file) throws IOException {
        return Files.readString(source.resolve(file), StandardCharsets.UTF_8);
    }

    void write(String file, String text) throws IOException {
        Files.createDirectories(source.resolve(file).getParent());
        Files.writeString(source.resolve(file), text, StandardCharsets.UTF_8);
    }
}
