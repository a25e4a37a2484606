package eu.eurocities.site.load;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The words of {@link Fields}' messages: how a value is named, and how to write what was expected instead. */
final class FieldHints {
    private FieldHints() {}

    /** How a node is named in messages: "a list", "a mapping", or "text". */
    static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return "text";
    }

    /** The hint for a field {@code key} that holds {@code node} where {@code expected} was wanted. */
    static String type(String key, Node node, String expected) {
        boolean wantsMapping = expected.startsWith("a mapping");
        boolean wantsList = expected.startsWith("a list");
        if (wantsMapping && node instanceof ScalarNode) {
            return "write the fields on their own lines below '" + key + ":', indented by two spaces";
        } else if (wantsMapping) {
            return "remove the '- ' in front of the fields below '" + key + ":'";
        } else if (wantsList && node instanceof ScalarNode) {
            return "write the items on their own lines below '" + key + ":', each starting with '- '";
        } else if (wantsList) {
            return "start each item below '" + key + ":' with '- '";
        } else if (node instanceof SequenceNode) {
            return "write one value after '" + key + ":', without '[ ]' or '- '";
        }
        return "write the value on the same line as '" + key + ":'; lines indented below it make a mapping";
    }
}
