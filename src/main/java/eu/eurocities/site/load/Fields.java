package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.NearMiss;
import eu.eurocities.site.diag.SourcePos;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the fields of one YAML mapping into Java values, recording a diagnostic with the field's line and column
 * for every problem instead of throwing. Values are read from the text typed, never from YAML's implicit typing:
 * a text field keeps exactly what was written ({@code NO}, {@code 1986}, {@code yes} and {@code 0x1F} stay text),
 * a number field accepts only digits, a flag only {@code true} or {@code false}.
 *
 * <p>Call {@link #finish} after reading, to report fields that were never asked for (unknown or misspelt): the
 * fields a mapping may have are exactly those read, so each field is named once, where it is read.
 */
public final class Fields {
    private final String path;
    private final String what;
    private final Diagnostics diagnostics;
    private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();
    private final List<String> asked = new ArrayList<>();
    /** Every field read in this mapping and the ones nested in it, shared with them: {@code leaders[].role}. */
    private final List<String> paths;

    private final SourcePos pos;

    /**
     * @param mapping the mapping to read
     * @param path file path for messages
     * @param what how messages name the mapping's owner when it is not the whole file, e.g. {@code leaders[1]}; empty
     *     for the top level
     * @param diagnostics receives duplicate keys now, and field problems as they are read
     */
    public Fields(MappingNode mapping, String path, String what, Diagnostics diagnostics) {
        this(mapping, path, what, diagnostics, new ArrayList<>());
    }

    private Fields(MappingNode mapping, String path, String what, Diagnostics diagnostics, List<String> paths) {
        this.paths = paths;
        this.path = path;
        this.what = what;
        this.diagnostics = diagnostics;
        this.pos = Positions.at(path, mapping.getStartMark());
        for (NodeTuple t : mapping.getValue()) {
            Node keyNode = t.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                diagnostics.error(
                        at(keyNode),
                        "a field name must be plain text, found " + FieldHints.describe(keyNode),
                        "write the field name, a colon and a space, then the value, e.g. 'name: Oslo'");
                continue;
            }
            NodeTuple first = byKey.putIfAbsent(key.getValue(), t);
            if (first != null) {
                diagnostics.error(
                        at(keyNode),
                        "duplicate field '" + qualified(key.getValue()) + "' (first given on line "
                                + line(first.getKeyNode()) + ")",
                        what.endsWith("]")
                                ? "keep one of the two; if the second starts another item of the list, "
                                        + "begin it with '- '"
                                : "keep one of the two; YAML does not allow a field twice in one mapping");
            }
        }
    }

    /** Where the mapping starts. */
    public SourcePos pos() {
        return pos;
    }

    /** Where a field's value was written, or the mapping's position when absent. */
    public SourcePos pos(String key) {
        NodeTuple t = byKey.get(key);
        return t == null ? pos : at(t.getValueNode());
    }

    /** True when the field's line is written, whatever its value. */
    boolean written(String key) {
        return byKey.containsKey(key);
    }

    /** True when the field is present with a non-empty value. */
    public boolean has(String key) {
        NodeTuple t = byKey.get(key);
        return t != null && !isEmpty(t.getValueNode());
    }

    /** A required text field; records "missing", "empty" or a type error and returns null when there is none. */
    String requiredText(String key) {
        return required(key, optionalText(key));
    }

    /**
     * An optional text field, exactly as typed (surrounding spaces removed); null when absent. A field written with
     * nothing after the colon, or with {@code ""}, is an error ("is empty"), as for a required field: an editor who
     * wrote the line meant a value, and the schemas reject it too. Returns null then.
     */
    public String text(String key) {
        if (value(key) != null && blank(key)) {
            empty(key, "write a value after '" + key + ":', or remove the line");
            return null;
        }
        return optionalText(key);
    }

    /** Like {@link #text}, but an empty value is read as absent, for a required field that reports it itself. */
    private String optionalText(String key) {
        return scalar(key, "text", v -> {
            Node node = value(key);
            if (v.length() >= 2
                    && ((ScalarNode) node).getScalarStyle().getChar() == null
                    && "“”„«»‘’‚\"".indexOf(v.charAt(0)) >= 0
                    && "“”«»‘’\"".indexOf(v.charAt(v.length() - 1)) >= 0) {
                diagnostics.warning(
                        at(node),
                        "field '" + qualified(key)
                                + "' is wrapped in typographic quotes, which become part of the text: " + v,
                        "remove them, or use straight quotes (\") if the value needs quoting");
            }
            return v.isEmpty() ? null : v;
        });
    }

    /** A required whole number; see {@link #wholeNumber}. */
    Long requiredWholeNumber(String key) {
        return required(key, scalar(key, "a whole number", raw -> Numerals.wholeNumber(key, raw, wrong(key))));
    }

    /**
     * An optional whole number written with digits only; see {@link Numerals#wholeNumber}. Written with nothing
     * after the colon it is an error ("is empty"), as an optional text is.
     */
    Long wholeNumber(String key) {
        return writtenEmpty(key, after(key, "a whole number"))
                ? null
                : scalar(key, "a whole number", raw -> Numerals.wholeNumber(key, raw, wrong(key)));
    }

    /** A required number with an optional fraction, such as {@code -9.1393}; see {@link #decimal}. */
    Double requiredDecimal(String key) {
        return required(key, scalar(key, "a number", raw -> Numerals.decimal(key, raw, wrong(key))));
    }

    /** An optional number with an optional fraction and sign, written with digits and a point ({@code 43.29695}). */
    Double decimal(String key) {
        return writtenEmpty(key, after(key, "a number"))
                ? null
                : scalar(key, "a number", raw -> Numerals.decimal(key, raw, wrong(key)));
    }

    /** An optional date written as {@code YYYY-MM-DD}; written with nothing after the colon, an error. */
    LocalDate date(String key) {
        return writtenEmpty(key, after(key, "a date (YYYY-MM-DD)"))
                ? null
                : scalar(key, "a date", raw -> Numerals.date(key, raw, wrong(key)));
    }

    /**
     * True, after reporting "is empty" with {@code hint}, when an optional field is written with nothing after the
     * colon: an editor who wrote the line meant a value, and the schemas reject it too.
     */
    boolean writtenEmpty(String key, String hint) {
        Node node = value(key);
        if (node == null || !isEmpty(node)) {
            return false;
        }
        empty(key, hint);
        return true;
    }

    /** The hint for a field written empty that takes {@code what} after its colon. */
    private static String after(String key, String what) {
        return "write " + what + " after '" + key + ":', or remove the line";
    }

    /**
     * A scalar field's text, stripped, as {@code read} takes it; null when absent or empty, or when not a scalar
     * (then reported as not {@code expected}).
     */
    private <T> T scalar(String key, String expected, Function<String, T> read) {
        Node node = value(key);
        if (node == null || isEmpty(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            typeError(key, node, expected);
            return null;
        }
        return read.apply(scalar.getValue().strip());
    }

    /** Records that the field's value is wrong ({@code message} follows its name); returns null. */
    private <T> T wrong(String key, String message, String hint) {
        wrong(key).accept(message, hint);
        return null;
    }

    /** What records that the field's value is wrong, given a message that follows its name and a hint. */
    private BiConsumer<String, String> wrong(String key) {
        return (message, hint) -> diagnostics.error(pos(key), "field '" + qualified(key) + "' " + message, hint);
    }

    /** {@code value}, a required field's; when null, reports it missing or empty unless already reported. */
    private <T> T required(String key, T value) {
        if (value == null) {
            requireDiagnosed(key);
        }
        return value;
    }

    /** An optional flag: {@code true} or {@code false} only; absent means false, written empty is an error. */
    boolean flag(String key) {
        if (writtenEmpty(key, after(key, "true or false"))) {
            return false;
        }
        Boolean value = scalar(
                key,
                "true or false",
                raw -> raw.equals("true") || raw.equals("false")
                        ? Boolean.valueOf(raw)
                        : wrong(
                                key,
                                "must be true or false, not '" + raw + "'",
                                "write true or false in lower case, or leave the field out for false"));
        return value != null && value;
    }

    /**
     * An optional list of texts (block or flow style); a single text is accepted as a list of one. Written with
     * nothing after the colon it is an error ("is empty"), as every optional field is; {@code []} is an empty list.
     */
    public List<Located<String>> texts(String key) {
        return NestedFields.texts(this, key);
    }

    /** An optional nested mapping, read with its own {@link Fields}; empty when absent or written empty (an error). */
    Optional<Fields> mapping(String key) {
        return NestedFields.mapping(this, key);
    }

    /** An optional list of mappings, each read with its own {@link Fields}; written empty it is an error. */
    List<Fields> mappings(String key) {
        return NestedFields.mappings(this, key);
    }

    /** The {@link Fields} of a mapping nested in this one's field {@code key}; {@code what} names it in messages. */
    Fields nested(MappingNode m, String what) {
        return new Fields(m, path, what, diagnostics, paths);
    }

    /** Records an error at a field's value. */
    public void error(String key, String message, String hint) {
        diagnostics.error(pos(key), message, hint);
    }

    /** Reports every field of the mapping that was not read, with a "did you mean" hint for near misses. */
    public void finish() {
        List<String> known = asked;
        for (Map.Entry<String, NodeTuple> e : byKey.entrySet()) {
            if (known.contains(e.getKey())) {
                continue;
            }
            String key = e.getKey();
            String bare = key.replaceAll("^[\\p{Z}\\s\\p{Cf}]+|[\\p{Z}\\s\\p{Cf}]+$", "");
            if (!bare.equals(key) && known.contains(bare)) {
                diagnostics.error(
                        at(e.getValue().getKeyNode()),
                        "field name '" + bare
                                + "' has an invisible character before or after it (such as a no-break space)",
                        "delete the spaces around '" + bare + "' and type them again as ordinary spaces, or none");
                continue;
            }
            String hint = NearMiss.nearest(key, known)
                    .map(best -> "did you mean '" + best + "'?")
                    .orElse("known fields here: " + String.join(", ", known));
            diagnostics.error(at(e.getValue().getKeyNode()), "unknown field '" + qualified(key) + "'", hint);
        }
    }

    /** The fields read so far, in the order they were first read. */
    List<String> read() {
        return List.copyOf(asked);
    }

    /** Every field read in this mapping and those nested in it, e.g. {@code leaders[].role}, in reading order. */
    List<String> paths() {
        return List.copyOf(paths);
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    Node value(String key) {
        if (!asked.contains(key)) {
            asked.add(key);
            String qualified = qualified(key).replaceAll("\\[[0-9]+]", "[]");
            if (!paths.contains(qualified)) {
                paths.add(qualified);
            }
        }
        NodeTuple t = byKey.get(key);
        return t == null ? null : t.getValueNode();
    }

    /** After a required field read as null: reports it missing or empty, unless its value was already reported. */
    private void requireDiagnosed(String key) {
        NodeTuple t = byKey.get(key);
        if (t == null) {
            missing(key);
        } else if (blank(key)) {
            empty(key, "write a value after '" + key + ":'");
        }
    }

    /** True when the field is written with a scalar of only spaces: nothing after the colon, or {@code ""}. */
    private boolean blank(String key) {
        NodeTuple t = byKey.get(key);
        return t != null
                && t.getValueNode() instanceof ScalarNode s
                && s.getValue().isBlank();
    }

    void empty(String key, String hint) {
        diagnostics.error(pos(key), "field '" + qualified(key) + "' is empty", hint);
    }

    private void missing(String key) {
        for (String written : byKey.keySet()) {
            int distance = NearMiss.edits(written, key);
            if (!written.equals(key) && written.length() >= 4 && distance >= 0 && distance <= 2) {
                return; // a misspelling of this field: finish() reports it as unknown, with 'did you mean'
            }
        }
        diagnostics.error(
                pos, "missing required field '" + qualified(key) + "'", "add a line '" + key + ": ...'" + where());
    }

    private String where() {
        return what.isEmpty() ? "" : " to " + what;
    }

    void typeError(String key, Node node, String expected) {
        diagnostics.error(
                at(node),
                "field '" + qualified(key) + "' must be " + expected + ", found " + FieldHints.describe(node),
                FieldHints.type(key, node, expected));
    }

    String qualified(String key) {
        return what.isEmpty() ? key : what + "." + key;
    }

    SourcePos at(Node node) {
        return Positions.at(path, node.getStartMark());
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static boolean isEmpty(Node node) {
        return node instanceof ScalarNode s
                && s.getValue().isBlank()
                && s.getScalarStyle().getChar() == null;
    }

    /** A value and where it was written. */
    public record Located<T>(T value, SourcePos pos) {}
}
