package eu.eurocities.site.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The readers of a {@link Fields}' nested values: lists of texts, mappings and lists of mappings, each problem
 * reported at its item as {@link Fields} reports those of single values.
 */
final class NestedFields {
    private NestedFields() {}

    static List<Fields.Located<String>> texts(Fields f, String key) {
        Node node = f.value(key);
        List<Fields.Located<String>> out = new ArrayList<>();
        if (node == null
                || f.writtenEmpty(
                        key,
                        "list the items on the lines below '" + key
                                + ":', each as '- ' and a value, or remove the line")) {
            return out;
        }
        if (node instanceof ScalarNode scalar) {
            if (scalar.getValue().isBlank()) {
                f.empty(key, "write a value after '" + key + ":', or remove the line");
            } else {
                out.add(new Fields.Located<>(scalar.getValue().strip(), f.at(node)));
            }
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            f.typeError(key, node, "a list of texts");
            return out;
        }
        int i = 0;
        for (Node item : seq.getValue()) {
            i++;
            if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                out.add(new Fields.Located<>(s.getValue().strip(), f.at(item)));
            } else {
                f.diagnostics()
                        .error(
                                f.at(item),
                                "item " + i + " of '" + f.qualified(key) + "' must be text, found "
                                        + FieldHints.describe(item),
                                "write each item as '- ' and a value on one line, all at the same indentation");
            }
        }
        return out;
    }

    static Optional<Fields> mapping(Fields f, String key) {
        Node node = f.value(key);
        if (node == null
                || f.writtenEmpty(
                        key, "write its fields on the lines below '" + key + ":', indented, or remove the line")) {
            return Optional.empty();
        }
        if (!(node instanceof MappingNode m)) {
            f.typeError(key, node, "a mapping of 'field: value' lines");
            return Optional.empty();
        }
        return Optional.of(f.nested(m, f.qualified(key)));
    }

    static List<Fields> mappings(Fields f, String key) {
        Node node = f.value(key);
        List<Fields> out = new ArrayList<>();
        if (node == null
                || f.writtenEmpty(
                        key,
                        "list the items on the lines below '" + key
                                + ":', each starting with '- ', or remove the line")) {
            return out;
        }
        if (!(node instanceof SequenceNode seq)) {
            f.typeError(key, node, "a list");
            return out;
        }
        int i = 0;
        for (Node item : seq.getValue()) {
            i++;
            if (item instanceof MappingNode m) {
                out.add(f.nested(m, f.qualified(key) + "[" + i + "]"));
            } else {
                f.diagnostics()
                        .error(
                                f.at(item),
                                "item " + i + " of '" + f.qualified(key)
                                        + "' must be a mapping of 'field: value' lines, found "
                                        + FieldHints.describe(item),
                                "write the item's fields after its '- ', one per line, lined up with the first one");
            }
        }
        return out;
    }
}
