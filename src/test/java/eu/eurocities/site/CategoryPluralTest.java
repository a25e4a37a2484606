package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A category's page is titled with its {@code plural:}, which no rule of English can make for every language (without
 * the field the name takes an s), and counts in running text use the name for one and the plural for more.
 */
class CategoryPluralTest {
    @Test
    void theCategoryPageTakesItsTitleFromPlural(@TempDir Path tmp) throws IOException {
        Path source = Cli.baseSite(tmp.resolve("src"));
        Path membership = source.resolve("content/membership.yaml");
        String yaml = Files.readString(membership, StandardCharsets.UTF_8);
        Files.writeString(
                membership,
                yaml.replace("    name: Partner\n", "    name: Città partner\n    plural: Città partner\n")
                        .replace("    name: Full member\n", "    name: EU city\n    plural: EU cities\n"),
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("site");
        Cli.Run r = Cli.build(source, out, "--strict");
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "Città partner",
                Jsoup.parse(out.resolve("members/partner/index.html").toFile(), "UTF-8")
                        .selectFirst("h1")
                        .text());
        assertEquals(
                "EU cities",
                Jsoup.parse(out.resolve("members/full/index.html").toFile(), "UTF-8")
                        .selectFirst("h1")
                        .text());
        assertEquals(
                "3 cities in 3 countries: 1 EU city, 1 associate member, 1 città partner.",
                Jsoup.parse(out.resolve("members/index.html").toFile(), "UTF-8")
                        .selectFirst("p.lead")
                        .text(),
                "inside a sentence a name keeps its acronym and loses only a capital first letter");
    }
}
