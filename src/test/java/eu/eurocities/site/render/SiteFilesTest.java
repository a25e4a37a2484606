package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.eurocities.site.TestContent;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.write.Output;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SiteFilesTest {
    static final Path SOURCE = Path.of(".");

    /** Writes the files made from every city of the real site with {@code files}; returns them by path. */
    static Map<String, byte[]> write(SiteFiles files) {
        Map<String, byte[]> written = new TreeMap<>();
        Output sink = (path, bytes) -> {
            synchronized (written) {
                written.put(path, bytes);
            }
        };
        files.writeMadeFromEveryCity(sink, new Markdown()::sections);
        return written;
    }

    @Test
    void aSingleBuildKeepsNoRowNorDocumentOnceWrittenWhileServeKeepsThemForItsNextRebuild() {
        Content content = TestContent.real();
        List<Page> plan = TestContent.realPlan();
        SiteFiles once = new SiteFiles(content, plan, Assets.of(SOURCE), StaticFiles.none());
        SiteFiles.Kept kept = new SiteFiles.Kept();
        SiteFiles served = new SiteFiles(content, plan, Assets.of(SOURCE), StaticFiles.none(), kept);

        Map<String, byte[]> single = write(once);
        Map<String, byte[]> serve = write(served);

        assertEquals(0, once.kept().held(), "a single build holds nothing of what it wrote");
        int cities = content.cities().size();
        // the search documents, the rows of members.csv and members.json, and those of members/rows.json
        assertEquals(4 * cities, kept.held(), "serve keeps each city's document and rows");
        assertEquals(single.keySet(), serve.keySet());
        single.forEach((path, bytes) -> assertArrayEquals(bytes, serve.get(path), path));
        assertEquals(
                List.of("members.csv", "members.json", "members/rows.json", "search-index/core.json"),
                single.keySet().stream()
                        .filter(p -> !p.startsWith("search-index/") || p.endsWith("core.json"))
                        .toList());
    }
}
