package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.load.ContentLoader;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.render.OpenData;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text and file names are in Unicode's composed form (NFC) after loading, whatever form the editor's system wrote:
 * macOS writes file names, and some input methods write text, decomposed (NFD: "u" and U+0308 for "ü").
 */
class UnicodeNormalisationTest {
    /** "Zürich" composed: the ü is U+00FC. */
    static final String NFC = "Z\u00fcrich";
    /** "Zürich" decomposed: u followed by U+0308, the combining diaeresis. */
    static final String NFD = "Zu\u0308rich";

    @TempDir
    Path tmp;

    Path source;

    @BeforeEach
    void baseSite() throws IOException {
        source = Cli.baseSite(tmp.resolve("src"));
    }

    /**
     * A path in {@code dir} whose name has {@code name}'s UTF-8 bytes, in any locale: under {@code LC_ALL=C} Java
     * cannot make such a path from a string, but it can from a file URI, whose %XX escapes are bytes.
     */
    static Path named(Path dir, String name) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            escaped.append(String.format("%%%02X", b & 0xFF));
        }
        return Path.of(URI.create(dir.toAbsolutePath().toUri() + escaped.toString()));
    }

    @Test
    void decomposedTextIsComposedInRecordsPagesAndOpenData() throws IOException {
        Files.writeString(
                source.resolve("content/cities/zurich.yaml"),
                "name: " + NFD + "\ncountry: CH\n" + "membership: associate\nlocal_name: " + NFD
                        + "\nlocal_name_lang: de\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                source.resolve("content/pages/about.md"),
                "---\ntitle: " + NFD + " and us\n---\nIn " + NFD + ".\n",
                StandardCharsets.UTF_8);
        Diagnostics diagnostics = new Diagnostics();
        Content content = ContentLoader.load(source, diagnostics).content().orElseThrow();
        assertEquals(NFC, content.cities().get("zurich").name());
        assertEquals(NFC, content.cities().get("zurich").localName());
        assertEquals(NFC + " and us", content.pages().get("about").title());
        assertEquals("In " + NFC + ".\n", content.pages().get("about").markdown());
        String csv = new String(OpenData.csv(content), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\nzurich," + NFC + "," + NFC + ",CH,Switzerland,false,associate,"), csv);
        String json = new String(OpenData.json(content), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"name\" : \"" + NFC + "\""), json);
        assertFalse(csv.contains("\u0308") || json.contains("\u0308"), "no combining mark is left");
    }

    @Test
    void twoCitiesWhoseNamesDifferOnlyInUnicodeFormAreOneCityTwice() throws IOException {
        Files.writeString(
                source.resolve("content/cities/zurich.yaml"),
                "name: " + NFC + "\ncountry: CH\n" + "membership: associate\n",
                StandardCharsets.UTF_8);
        Files.writeString(
                source.resolve("content/cities/zurich-2.yaml"),
                "name: " + NFD + "\ncountry: CH\n" + "membership: associate\n",
                StandardCharsets.UTF_8);
        Cli.Run r = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("site").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(
                r.err()
                        .startsWith("content/cities/zurich-2.yaml:1:7: error: city name '" + NFC
                                + "' is also used by content/cities/zurich.yaml\n"
                                + "  hint: each city has one record; remove or rename one of them\n"),
                r.err());
    }

    @Test
    void twoFilesWhoseNamesDifferOnlyInUnicodeFormAreAnErrorNamingBoth() throws IOException {
        String record = "name: Zurich\ncountry: CH\nmembership: associate\n";
        Files.writeString(named(source.resolve("content/cities"), "zu\u0308rich.yaml"), record);
        Files.writeString(named(source.resolve("content/cities"), "z\u00fcrich.yaml"), record);
        try (Stream<Path> files = Files.list(source.resolve("content/cities"))) {
            assertEquals(5, files.count(), "two files, one name");
        }
        Cli.Run r = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("site").toString());
        assertEquals(1, r.code(), r.err());
        String file = "content/cities/z\u00fcrich.yaml:1:1: ";
        assertEquals(
                file + "error: file name 'z\u00fcrich.yaml' is not a valid slug\n"
                        + "  hint: rename the file to zurich.yaml (lower-case ASCII letters, digits and single "
                        + "hyphens)\n"
                        + file
                        + "error: two files have this name, spelt in two Unicode forms: 'z<U+00FC>rich.yaml' "
                        + "(composed) and "
                        + "'zu<U+0308>rich.yaml' (decomposed, as macOS writes names); only the first is read\n"
                        + "  hint: keep one of them: delete the other, or merge what differs into the one you keep\n"
                        + "2 errors, 0 warnings\n",
                r.err());
    }

    @Test
    void aDecomposedFileNameAloneIsNamedComposed() throws IOException {
        Files.writeString(
                named(source.resolve("content/cities"), "zu\u0308rich.yaml"),
                "name: Zurich\ncountry: CH\nmembership: associate\n");
        Cli.Run r = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("site").toString());
        assertEquals(
                "content/cities/z\u00fcrich.yaml:1:1: error: file name 'z\u00fcrich.yaml' is not a valid slug\n"
                        + "  hint: rename the file to zurich.yaml (lower-case ASCII letters, digits and single "
                        + "hyphens)\n"
                        + "1 error, 0 warnings\n",
                r.err());
    }

    @Test
    void aFileNameThatIsNotUtf8IsAnErrorAndLeftOut() throws IOException {
        // "zürich" in Latin-1: the ü is the single byte FC, which is not UTF-8
        Path latin1 = Path.of(
                URI.create(source.resolve("content/cities").toAbsolutePath().toUri() + "z%FCrich.yaml"));
        Files.writeString(latin1, "name: Zurich\ncountry: CH\nmembership: associate\n");
        Cli.Run r = Cli.run(
                "build",
                "--source",
                source.toString(),
                "--out",
                tmp.resolve("site").toString());
        assertEquals(
                "content/cities/z?rich.yaml:1:1: error: the file name is not UTF-8 text, so it cannot be read as a "
                        + "name\n  hint: rename the file, using lower-case ASCII letters, digits and hyphens\n1 "
                        + "error, 0 warnings\n",
                r.err());
    }

    @Test
    void newCityWritesTheNameComposed() throws IOException {
        Cli.Run r = Cli.run(
                "new", "city", NFD, "--country", "CH", "--membership", "associate", "--source", source.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "Wrote " + source + "/content/cities/zurich.yaml\n",
                r.out().lines().findFirst().orElseThrow() + "\n");
        assertEquals(
                "# yaml-language-server: $schema=../schemas/city.schema.json\nname: \"" + NFC + "\"\n"
                        + "country: CH\nmembership: associate\n",
                Files.readString(source.resolve("content/cities/zurich.yaml"), StandardCharsets.UTF_8));

        // the same city typed the other way on another machine is found among the records, which are composed
        Files.delete(source.resolve("content/cities/zurich.yaml"));
        Files.writeString(
                source.resolve("content/cities/zuerich.yaml"),
                "name: " + NFD + "\ncountry: CH\n" + "membership: associate\n",
                StandardCharsets.UTF_8);
        Cli.Run again = Cli.run(
                "new", "city", NFC, "--country", "CH", "--membership", "associate", "--source", source.toString());
        assertEquals(1, again.code());
        assertEquals(
                "error: " + source + "/content/cities/zuerich.yaml already holds the city '" + NFC + "'\n"
                        + "  hint: edit that file instead\n",
                again.err());
        assertFalse(Files.exists(source.resolve("content/cities/zurich.yaml")));
    }
}
