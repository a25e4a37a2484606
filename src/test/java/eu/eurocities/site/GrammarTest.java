package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** English that fits its numbers and names: "1 city", "See it", "in the United Kingdom". */
class GrammarTest {
    @TempDir
    Path tmp;

    private static Document page(Path out, String file) throws IOException {
        return Jsoup.parse(out.resolve(file).toFile(), "UTF-8");
    }

    @Test
    void countsAndCountryNamesReadAsEnglish() throws IOException {
        Path source = Cli.baseSite(tmp.resolve("src"));
        // _base.txt: one city in each of three countries, one founding city; Oslo moves to the United Kingdom
        Files.writeString(
                source.resolve("content/cities/oslo.yaml"), "name: Oslo\ncountry: GB\nmembership: associate\n");
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.build(source, out);
        assertEquals(0, r.code(), r.err());

        Document gb = page(out, "countries/gb/index.html");
        assertEquals("Cities in the United Kingdom · Test network", gb.title());
        assertEquals(
                "1 city in the United Kingdom in the Test network.",
                gb.selectFirst("meta[name=description]").attr("content"));
        assertEquals(
                "1 city in the United Kingdom, a country outside the European Union.",
                gb.selectFirst("p.lead").text());
        assertEquals(
                "See it among all cities in the member index, or browse the other countries.",
                gb.selectFirst("p.lead + p").text());
        assertEquals(
                "Cities in the United Kingdom", gb.selectFirst("table caption").text());
        assertEquals(
                "the United Kingdom",
                page(out, "members/index.html").selectFirst("option[value=GB]").attr("data-prose"));

        Document home = page(out, "index.html");
        assertEquals(
                "The mayor of 1 city started the network in 1986:",
                home.selectFirst("#founders-heading + p").text());
        assertEquals(
                "1 full member of the Test network: A city of 250,000 or more inside the EU.",
                page(out, "members/full/index.html")
                        .selectFirst("meta[name=description]")
                        .attr("content"));
    }
}
