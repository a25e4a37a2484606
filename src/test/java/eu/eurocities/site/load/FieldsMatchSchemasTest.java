package eu.eurocities.site.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.eurocities.site.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas of {@code content/schemas/} declare exactly the fields the readers read, nested ones included
 * ({@code leaders[].role}): a field added to a reader but not to its schema (or the other way round) fails here.
 * Each reader is given a record built from its schema with every property present, and the fields it read are
 * compared with the schema's properties.
 */
class FieldsMatchSchemasTest {
    private static final Map<String, Consumer<Fields>> READERS = Map.of(
            "site", f -> SiteReader.read(f, java.nio.file.Path.of("no-such-folder"), null),
            "network", NetworkReader::read,
            "membership", MembershipReader::read,
            "city", f -> CityReader.read("content/cities/x.yaml", f),
            "page", PageReader::head);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"site", "network", "membership", "city", "page"})
    void theSchemaDeclaresTheFieldsTheReaderReads(String kind) throws IOException {
        JsonNode schema = new ObjectMapper()
                .readTree(Path.of("content/schemas", kind + ".schema.json").toFile());
        Set<String> declared = new TreeSet<>();
        String sample = sample(schema, "", declared).toString();
        Diagnostics diagnostics = new Diagnostics();
        Fields fields = new Fields(
                YamlTree.parseMapping(sample, "x.yaml", diagnostics).orElseThrow(), "x.yaml", "", diagnostics);
        READERS.get(kind).accept(fields);
        assertEquals(declared, new TreeSet<>(fields.paths()), kind + ".schema.json against what the reader reads");
    }

    /** A record with every property of {@code schema}, whose paths are added to {@code paths}. */
    private static ObjectNode sample(JsonNode schema, String prefix, Set<String> paths) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> p : schema.get("properties").properties()) {
            String path = prefix + p.getKey();
            paths.add(path);
            JsonNode property = p.getValue();
            if (property.has("properties")) {
                out.set(p.getKey(), sample(property, path + ".", paths));
            } else if (property.has("items") && property.get("items").has("properties")) {
                ArrayNode list = out.putArray(p.getKey());
                list.add(sample(property.get("items"), path + "[].", paths));
            } else {
                out.put(p.getKey(), "1");
            }
        }
        return out;
    }
}
