package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import eu.eurocities.site.load.Countries;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas in {@code content/schemas/} that editors' IDEs use, checked with networknt's validator: every
 * content file validates, the schemas' closed sets match the build's, and on every case of the corpus the schemas
 * reject exactly when the case says they do (a rejection by the schema is always a failed build too; where the
 * build rejects and the schema cannot, the case says why).
 *
 * <p>YAML is read as the YAML language server in IDEs reads it, by YAML 1.2's core schema: {@code NO} is text,
 * {@code 1986} a number, {@code true} a flag, {@code ~} and an empty value null.
 */
class SchemaTest {
    static final Path SCHEMAS = Path.of("content/schemas");
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    static final Map<String, Schema> BY_KIND = new TreeMap<>();

    static Schema schema(String kind) {
        return BY_KIND.computeIfAbsent(kind, k -> {
            try {
                return REGISTRY.getSchema(Files.readString(SCHEMAS.resolve(k + ".schema.json")));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The schema a content file is checked against, by its place; null for files that are not records. */
    static String kind(String path) {
        if (path.equals("content/site.yaml")
                || path.equals("content/network.yaml")
                || path.equals("content/membership.yaml")) {
            return path.substring("content/".length(), path.length() - ".yaml".length());
        }
        if (path.matches("content/cities/[^/]+\\.yaml")) {
            return "city";
        }
        if (path.matches("content/pages/[^/]+\\.md")) {
            return "page";
        }
        return null;
    }

    /** The schema's complaints about one file; a file that cannot be read as YAML gives one complaint. */
    static List<String> problems(String path, byte[] bytes) {
        String kind = kind(path);
        if (kind == null) {
            return List.of();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return List.of("not UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n");
        if (kind.equals("page")) {
            text = text.replaceAll("(?m)^---[ \t]+$", "---"); // the build accepts markers with trailing spaces and tabs
            if (!text.startsWith("---\n")) {
                return List.of("no front matter");
            }
            int end = text.indexOf("\n---\n", 3);
            if (end < 0) {
                return List.of("front matter not closed");
            }
            text = text.substring(4, end + 1);
        }
        JsonNode node;
        try {
            node = Yaml12.read(text);
        } catch (RuntimeException e) {
            return List.of(
                    "unreadable YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return schema(kind).validate(node).stream().map(Error::toString).toList();
    }

    @Test
    void everyContentFileValidatesAgainstItsSchema() throws IOException {
        Map<String, List<String>> problems = new TreeMap<>();
        int checked = 0;
        try (Stream<Path> s = Files.walk(Path.of("content"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String path = p.toString().replace('\\', '/');
                if (kind(path) != null) {
                    checked++;
                    List<String> found = problems(path, Files.readAllBytes(p));
                    if (!found.isEmpty()) {
                        problems.put(path, found);
                    }
                }
            }
        }
        assertEquals(Map.of(), problems);
        assertEquals(3 + 202 + 3, checked, "site, network, membership, every city and every page");
    }

    @Test
    void everyYamlFileNamesItsSchemaForTheIde() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("content"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String path = p.toString().replace('\\', '/');
                String expected = "# yaml-language-server: $schema=" + (path.startsWith("content/cities/") ? "../" : "")
                        + "schemas/" + kind(path) + ".schema.json";
                if (!Files.readString(p).startsWith(expected + "\n")) {
                    missing.add(path);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void closedSetsMatchTheBuild() throws IOException {
        JsonNode city =
                new ObjectMapper().readTree(SCHEMAS.resolve("city.schema.json").toFile());
        Set<String> countries = new TreeSet<>();
        city.at("/properties/country/enum").forEach(n -> countries.add(n.asText()));
        assertEquals(new TreeSet<>(Countries.all().keySet()), countries);

        Set<String> memberships = new TreeSet<>();
        city.at("/properties/membership/enum").forEach(n -> memberships.add(n.asText()));
        Set<String> listed = new TreeSet<>();
        for (JsonNode c : Yaml12.read(Files.readString(Path.of("content/membership.yaml")))
                .get("categories")) {
            if (!c.has("lists_cities") || c.get("lists_cities").asBoolean()) {
                listed.add(c.get("id").asText());
            }
        }
        assertEquals(Set.of("full", "associate", "partner"), listed);
        assertEquals(listed, memberships);
    }

    @Test
    void theBaseSiteOfTheCorpusValidates() throws IOException {
        for (TextArchive.Section s :
                TextArchive.read(CasesTest.CASES.resolve("_base.txt")).sections()) {
            assertEquals(List.of(), problems(s.path(), s.bytes()), s.path());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eu.eurocities.site.CasesTest#cases")
    void schemaAndBuildAgreeOnTheCorpus(String name) throws IOException {
        TextArchive archive = TextArchive.read(CasesTest.CASES.resolve(name + ".txt"));
        String declared = archive.section("schema")
                .map(s -> s.text().strip())
                .orElseThrow(() -> new AssertionError(name + " has no schema section"));
        List<String> found = new ArrayList<>();
        for (TextArchive.Section s : CasesTest.merged(archive).sections()) {
            problems(s.path(), s.bytes()).forEach(p -> found.add(s.path() + ": " + p));
        }
        int exit = Integer.parseInt(archive.section("exit").orElseThrow().text().strip());
        if (declared.equals("rejects")) {
            assertTrue(!found.isEmpty(), name + ": the schema should reject this case");
            assertTrue(exit != 0, name + ": the schema rejects it, so the build must fail too");
        } else {
            assertTrue(declared.startsWith("accepts"), declared);
            assertEquals(List.of(), found, name + ": the schema accepts this case");
        }
    }

    /** Reads YAML into JSON by the YAML 1.2 core schema, as IDEs' YAML language server does. */
    static final class Yaml12 {
        private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
        private static final Pattern OCT = Pattern.compile("0o[0-7]+");
        private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
        private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
        private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

        static JsonNode read(String text) {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
            return root == null ? JSON.nullNode() : json(root);
        }

        private static JsonNode json(Node node) {
            if (node instanceof MappingNode m) {
                ObjectNode o = JSON.objectNode();
                Set<String> seen = new HashSet<>();
                for (NodeTuple t : m.getValue()) {
                    String key = ((ScalarNode) t.getKeyNode()).getValue();
                    if (!seen.add(key)) {
                        throw new IllegalArgumentException("duplicate key " + key);
                    }
                    o.set(key, json(t.getValueNode()));
                }
                return o;
            }
            if (node instanceof SequenceNode s) {
                ArrayNode a = JSON.arrayNode();
                s.getValue().forEach(item -> a.add(json(item)));
                return a;
            }
            ScalarNode s = (ScalarNode) node;
            String v = s.getValue();
            String tag = node.getTag().getValue();
            // YAML 1.1's timestamps (2020-03-18) are plain text in YAML 1.2, which has no such type
            if (!node.getTag().startsWith(Tag.PREFIX)
                    || !Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP)
                            .contains(node.getTag())) {
                throw new IllegalArgumentException("unsupported tag " + tag);
            }
            if (s.getScalarStyle().getChar() != null || node.getTag().equals(Tag.STR) && !s.isPlain()) {
                return JSON.textNode(v);
            }
            if (v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL")) {
                return JSON.nullNode();
            }
            if (v.equals("true") || v.equals("True") || v.equals("TRUE")) {
                return JSON.booleanNode(true);
            }
            if (v.equals("false") || v.equals("False") || v.equals("FALSE")) {
                return JSON.booleanNode(false);
            }
            if (INT.matcher(v).matches()) {
                return JSON.numberNode(new BigInteger(v.startsWith("+") ? v.substring(1) : v));
            }
            if (OCT.matcher(v).matches() || HEX.matcher(v).matches()) {
                return JSON.numberNode(new BigInteger(v.substring(2), v.charAt(1) == 'o' ? 8 : 16));
            }
            if (FLOAT.matcher(v).matches()) {
                return JSON.numberNode(new BigDecimal(v));
            }
            return JSON.textNode(v);
        }
    }
}
