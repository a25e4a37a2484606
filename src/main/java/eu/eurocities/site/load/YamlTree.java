package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import java.io.StringReader;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses YAML text into SnakeYAML's node tree, never into objects: no type is ever instantiated, every node keeps
 * its line and column, and each scalar keeps the exact text typed (so {@code NO} stays {@code "NO"} and a name like
 * {@code Null} stays a name). Refuses what content files never need and attackers use: explicit tags other than
 * YAML's core ones, anchors and aliases, deep nesting, huge files.
 */
final class YamlTree {

    private static final Set<String> CORE_TAGS = Set.of(
            Tag.STR.getValue(),
            Tag.INT.getValue(),
            Tag.FLOAT.getValue(),
            Tag.BOOL.getValue(),
            Tag.NULL.getValue(),
            Tag.MAP.getValue(),
            Tag.SEQ.getValue(),
            Tag.TIMESTAMP.getValue(),
            Tag.MERGE.getValue());

    /** Shared by every parse: read only after construction. */
    private static final LoaderOptions OPTIONS = options();

    /** YAML 1.1's implicit types (int, bool, null ...); read only after construction, so shared across threads. */
    private static final Resolver RESOLVER = new Resolver();

    private YamlTree() {}

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // duplicates are reported by Fields, with both positions
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(YamlErrors.MAX_DEPTH * 2);
        options.setCodePointLimit(TextFile.MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return options;
    }

    /**
     * Parses one YAML document whose top level must be a mapping.
     *
     * @param text file text as returned by {@link TextFile}
     * @param path path for messages, relative to the source folder
     * @param diagnostics receives syntax errors and refusals, each with line and column
     * @return the top-level mapping, or empty after an error
     */
    static Optional<MappingNode> parseMapping(String text, String path, Diagnostics diagnostics) {
        Node root;
        try {
            // what Yaml.compose does, without building a Yaml (constructor, representer, dumper) for every file
            root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), OPTIONS), RESOLVER, OPTIONS)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            diagnostics.add(YamlErrors.describe(e, path, text));
            return Optional.empty();
        } catch (YAMLException e) {
            diagnostics.add(YamlErrors.describe(e, path));
            return Optional.empty();
        }
        if (root == null) {
            diagnostics.error(
                    SourcePos.start(path), "file holds only comments", "write the record's fields, or delete the file");
            return Optional.empty();
        }
        if (!refuseUnsafe(root, path, diagnostics, new IdentityHashMap<>(), 0)) {
            return Optional.empty();
        }
        if (!(root instanceof MappingNode mapping)) {
            diagnostics.error(
                    Positions.at(path, root.getStartMark()),
                    "expected 'field: value' lines at the top level, found " + FieldHints.describe(root),
                    root instanceof SequenceNode
                            ? "remove the '- ' in front of the fields; a record is one set of 'field: value' lines"
                            : "write each field as its name, a colon and a space, then the value, e.g. 'name: Oslo'");
            return Optional.empty();
        }
        return Optional.of(mapping);
    }

    private static boolean refuseUnsafe(
            Node node, String path, Diagnostics diagnostics, Map<Node, Boolean> seen, int depth) {
        if (seen.put(node, Boolean.TRUE) != null) {
            diagnostics.add(YamlErrors.aliases(Positions.at(path, node.getStartMark())));
            return false;
        }
        if (node.getAnchor() != null) {
            diagnostics.add(YamlErrors.anchor(Positions.at(path, node.getStartMark())));
            return false;
        }
        if (depth > YamlErrors.MAX_DEPTH) {
            diagnostics.add(YamlErrors.nested(Positions.at(path, node.getStartMark())));
            return false;
        }
        String tag = node.getTag().getValue();
        if (!CORE_TAGS.contains(tag)) {
            diagnostics.add(YamlErrors.unsafeTag(Positions.at(path, node.getStartMark()), tag));
            return false;
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (!refuseUnsafe(t.getKeyNode(), path, diagnostics, seen, depth + 1)
                        || !refuseUnsafe(t.getValueNode(), path, diagnostics, seen, depth + 1)) {
                    return false;
                }
            }
        } else if (node instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                if (!refuseUnsafe(item, path, diagnostics, seen, depth + 1)) {
                    return false;
                }
            }
        }
        return true;
    }
}
