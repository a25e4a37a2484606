package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.render.SiteFiles;
import eu.eurocities.site.render.Templates;
import eu.eurocities.site.write.MemoryOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At 100,000 cities no file a visitor downloads for the site search or the member index is over 2 MB compressed
 * (gzip): the search index is cut into shards by first letters, the member index into pages. The real cities plus
 * 100,000 generated ones (names as bench/sitegen.py makes them: two in three "Synthcity N", the others accented
 * names) are loaded and planned; the search index and the member index's pages are made in memory. Left out of the
 * fast loop (about a minute).
 */
class ScaleTest {
    static final int CITIES = 100_000;
    static final long LIMIT = 2L << 20;
    static final List<String> ACCENTED = List.of(
            "Łódź",
            "Zürich",
            "Malmö",
            "Gdańsk",
            "Constanța",
            "İzmir",
            "Saint-Étienne",
            "Klaipėda",
            "Großenhain",
            "Málaga",
            "Düsseldorf",
            "Guimarães");
    static final List<String> COUNTRIES = List.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    @TempDir
    Path tmp;

    @Test
    void noSearchOrMemberIndexFileIsOver2MbCompressedAt100000Cities() throws IOException {
        Path source = Cli.copyContent(tmp);
        Path cities = source.resolve("content/cities");
        for (int i = 1; i <= CITIES; i++) {
            String name = i % 3 == 0 ? ACCENTED.get(i % ACCENTED.size()) + "-" + i : "Synthcity " + i;
            Files.writeString(
                    cities.resolve("synth-" + i + ".yaml"),
                    "name: " + name + "\ncountry: "
                            + COUNTRIES.get(i % COUNTRIES.size()) + "\nmembership: full\npopulation: " + (250_000 + i)
                            + "\npopulation_source: Test figure\npopulation_year: 2020\n");
        }
        MemoryOutput output = new MemoryOutput();
        Pipeline pipeline = new Pipeline(source, null, Templates::precompiled, false, false);
        Outcome result = pipeline.run(new Mode.Incremental(
                output,
                null,
                content -> p -> p instanceof Page.Members,
                pipeline.markdown()::sections,
                new SiteFiles.Kept()));
        assertEquals(Outcome.Status.OK, result.status(), result.diagnostics().toString());
        Map<String, Long> compressed = new TreeMap<>();
        output.files().forEach((path, bytes) -> {
            if (path.startsWith("search-index/") || path.startsWith("members/")) {
                compressed.put(path, gzip(bytes));
            }
        });
        assertEquals(
                21,
                compressed.keySet().stream()
                        .filter(p -> p.startsWith("members/") && p.endsWith(".html"))
                        .count(),
                "the member index: 21 pages of at most 5,000 cities");
        List<String> over = new ArrayList<>();
        compressed.forEach((path, size) -> {
            if (size > LIMIT) {
                over.add(path + ": " + size);
            }
        });
        assertEquals(List.of(), over);
        assertTrue(compressed.containsKey("members/rows.json"), "the filters' rows, in one file");
        ObjectMapper json = new ObjectMapper();
        List<String> big = new ArrayList<>();
        for (var file : output.files().entrySet()) {
            if (file.getKey().startsWith("search-index/") && !file.getKey().endsWith("/core.json")) {
                int docs = json.readTree(file.getValue()).get("docs").size();
                if (docs > 1_000) {
                    big.add(file.getKey() + ": " + docs);
                }
            }
        }
        assertEquals(List.of(), big, "no shard the browser indexes holds more than 1,000 cities");
        String biggest = compressed.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        System.out.println("at " + CITIES + " cities: " + compressed.size() + " files, the biggest " + biggest + " "
                + compressed.get(biggest) + " bytes gzip; search-index/core.json "
                + compressed.get("search-index/core.json")
                + ", members/index.html " + compressed.get("members/index.html"));
        assertTrue(compressed.get("search-index/core.json") < 64 * 1024, "the part every query loads stays small");
    }

    private static long gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }
}
