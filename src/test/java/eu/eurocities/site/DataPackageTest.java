package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The real site's {@code datapackage.json} describes its {@code members.csv} truthfully, by the rules of the
 * Frictionless Table Schema: the fields in the file's order, every value of its field's type, required values
 * present, the primary key unique; and it credits GeoNames, whose columns the CSV carries.
 */
class DataPackageTest {
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    @Test
    void theSchemaFitsEveryRowOfTheCsv() throws IOException {
        Path out = BuiltSite.out();
        JsonNode pkg =
                new ObjectMapper().readTree(out.resolve("datapackage.json").toFile());
        assertEquals("tabular-data-package", pkg.get("profile").asText());
        JsonNode resource = pkg.get("resources").get(0);
        assertEquals("members.csv", resource.get("path").asText());
        assertTrue(Files.isRegularFile(
                out.resolve(pkg.get("resources").get(1).get("path").asText())));
        JsonNode fields = resource.get("schema").get("fields");
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.get("name").asText()));

        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(out.resolve("members.csv"))))
                .getRecords();
        assertEquals(names, rows.get(0).getParser().getHeaderNames(), "the fields in the file's order");
        assertEquals(202, rows.size());
        List<String> wrong = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (CSVRecord row : rows) {
            assertTrue(keys.add(row.get(resource.get("schema").get("primaryKey").asText())), "slugs are unique");
            for (JsonNode f : fields) {
                String value = row.get(f.get("name").asText());
                boolean required = f.has("constraints")
                        && f.get("constraints").get("required").asBoolean();
                if (value.isEmpty()) {
                    if (required) {
                        wrong.add(row.get("slug") + ": " + f.get("name").asText() + " is required");
                    }
                    continue;
                }
                if (!fits(f.get("type").asText(), value)) {
                    wrong.add(row.get("slug") + ": " + f.get("name").asText() + " '" + value + "' is not a "
                            + f.get("type").asText());
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals("CC-BY-4.0", pkg.get("licenses").get(0).get("name").asText());
        assertEquals(
                "GeoNames (places and populations, data of 18 March 2020)",
                pkg.get("sources").get(1).get("title").asText());
    }

    @Test
    void aValueOfTheWrongTypeIsCaughtByTheseRules() {
        assertTrue(fits("integer", "128624") && !fits("integer", "128,624"));
        assertTrue(fits("date", "2020-03-18") && !fits("date", "18 March 2020"));
        assertTrue(fits("boolean", "true") && !fits("boolean", "yes"));
        assertTrue(fits("number", "43.29695") && !fits("number", "43,29695"));
        assertTrue(fits("year", "2011") && !fits("year", "11"));
    }

    private static boolean fits(String type, String value) {
        switch (type) {
            case "string":
                return true;
            case "integer":
                return INTEGER.matcher(value).matches();
            case "number":
                return NUMBER.matcher(value).matches();
            case "boolean":
                return value.equals("true") || value.equals("false");
            case "year":
                return YEAR.matcher(value).matches();
            case "date":
                try {
                    LocalDate.parse(value);
                    return true;
                } catch (java.time.format.DateTimeParseException e) {
                    return false;
                }
            default:
                return false;
        }
    }
}
