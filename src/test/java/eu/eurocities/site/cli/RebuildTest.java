package eu.eurocities.site.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.BuiltSite;
import eu.eurocities.site.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds rewrite only files whose bytes change, so sync-based deploys upload only those; the summary line and
 * {@code --report} JSON say the same. Files are identified by inode and modification time.
 */
class RebuildTest {
    @TempDir
    static Path tmp;

    static Path source;
    static Path out;
    static SortedMap<String, String> first;
    /** The files of the site: every file of the output folder but its own marker. */
    static int files;

    @BeforeAll
    static void firstBuild() throws IOException {
        source = Cli.copyContent(tmp.resolve("src"));
        out = tmp.resolve("site");
        Cli.Run run = build("first.json");
        assertEquals(0, run.code(), run.err());
        try (Stream<Path> s = Files.walk(out)) {
            files = (int) s.filter(p -> Files.isRegularFile(p)
                            && !p.getFileName().toString().startsWith("."))
                    .count();
        }
        assertTrue(
                run.out()
                        .matches("Built " + BuiltSite.pages() + " pages into \\S+ in \\d+\\.\\d\\d s: " + files
                                + " files written, 0 unchanged, 0 removed; 0 warnings\n"),
                run.out());
        BuildReport report = read(tmp.resolve("first.json"));
        assertEquals(new BuildReport.Writes(files, 0, 0), report.files());
        first = identities();
    }

    static Cli.Run build(String report) {
        return Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                out.toString(),
                "--report",
                tmp.resolve(report).toString());
    }

    /** Every output file (with the tool's marker file) with its inode and modification time. */
    static SortedMap<String, String> identities() throws IOException {
        SortedMap<String, String> ids = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                ids.put(
                        out.relativize(p).toString(),
                        Files.getAttribute(p, "unix:ino") + " "
                                + Files.getLastModifiedTime(p).toInstant());
            }
        }
        return ids;
    }

    @Test
    void reportCountsPagesPerKindAndTimesEachStage() throws IOException {
        BuildReport report = read(tmp.resolve("first.json"));
        assertTrue(report.succeeded());
        assertEquals(BuiltSite.pages(), report.pages());
        assertEquals(BuiltSite.cities(), report.kinds().get("city").pages());
        assertEquals(BuiltSite.countries(), report.kinds().get("country").pages());
        assertEquals(1, report.kinds().get("notfound").pages());
        assertEquals(0, report.kinds().get("other").pages());
        long onDisk = 0;
        for (String file : first.keySet()) {
            onDisk += file.startsWith(".") ? 0 : Files.size(out.resolve(file));
        }
        assertEquals(onDisk, report.bytes());
        assertEquals(
                onDisk,
                report.kinds().values().stream()
                        .mapToLong(BuildReport.Kind::bytes)
                        .sum());
        assertEquals(
                Files.size(out.resolve("cities/rijeka/index.html"))
                        <= report.kinds().get("city").bytes(),
                true);
        assertEquals(
                List.of("templates", "load", "validate", "plan", "render", "check", "commit", "total"),
                List.copyOf(report.timingsMs().keySet()));
        assertEquals(0, report.warnings());
    }

    @Test
    void unchangedRebuildRewritesNothingOneCityRewritesItsPagesARemovedCityIsRemoved() throws IOException {
        Cli.Run again = build("again.json");
        assertEquals(0, again.code(), again.err());
        assertTrue(
                again.out().contains(": 0 files written, " + files + " unchanged, 0 removed; 0 warnings"), again.out());
        assertEquals(
                new BuildReport.Writes(0, files, 0),
                read(tmp.resolve("again.json")).files());
        assertEquals(first, identities(), "nothing rewritten");

        Path rijeka = source.resolve("content/cities/rijeka.yaml");
        Files.writeString(rijeka, Files.readString(rijeka).replace("population: 128624", "population: 130000"));
        Cli.Run changed = build("changed.json");
        assertEquals(0, changed.code(), changed.err());
        SortedMap<String, String> now = identities();
        List<String> rewritten = now.keySet().stream()
                .filter(f -> !f.startsWith(".") && !now.get(f).equals(first.get(f)))
                .toList();
        // the city's own page, the three tables that show its population, the two open data downloads and the rows
        // the member filter reads
        assertEquals(
                List.of(
                        "cities/rijeka/index.html",
                        "countries/hr/index.html",
                        "members.csv",
                        "members.json",
                        "members/index.html",
                        "members/partner/index.html",
                        "members/rows.json"),
                rewritten);
        assertEquals(
                new BuildReport.Writes(7, 302, 0),
                read(tmp.resolve("changed.json")).files());
        assertTrue(changed.out().contains(": 7 files written, 302 unchanged, 0 removed; 0 warnings"), changed.out());
        for (Map.Entry<String, String> e : first.entrySet()) {
            assertTrue(now.containsKey(e.getKey()), e.getKey());
        }

        Files.delete(source.resolve("content/cities/zaragoza.yaml"));
        Cli.Run removed = build("removed.json");
        assertEquals(0, removed.code(), removed.err());
        assertTrue(removed.out().startsWith("Built 249 pages"), removed.out());
        assertEquals(1, read(tmp.resolve("removed.json")).files().removed());
        assertTrue(removed.out().contains(" 1 removed; 0 warnings"), removed.out());
        assertTrue(Files.notExists(out.resolve("cities/zaragoza/index.html")));
    }

    @Test
    void quietPrintsNothingWhenAllIsWell() {
        Cli.Run quiet = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("quiet").toString(),
                "--quiet");
        assertEquals(0, quiet.code(), quiet.err());
        assertEquals("", quiet.out());
        assertEquals("", quiet.err());
    }

    /** A report written by {@code build --report}, read back with Jackson's object mapper (records by component). */
    private static BuildReport read(Path file) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(Files.readAllBytes(file), BuildReport.class);
    }
}
