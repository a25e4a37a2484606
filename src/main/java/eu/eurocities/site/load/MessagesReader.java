package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.NearMiss;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the language files into {@link Messages}. For a site in language {@code L}, each file overrides single keys of
 * the one before: the built-in theme's {@code templates/i18n/en.yaml}, the source folder's {@code
 * templates/i18n/en.yaml}, then (for another language than English) the built-in and the source folder's {@code
 * templates/i18n/L.yaml}, and last the source folder's {@code i18n/L.yaml}.
 *
 * <p>A language no file has falls back to English with a warning at {@code site.yaml}'s {@code language}; a key
 * that a translation lacks falls back to English with a warning naming the file and the key; a file that is not YAML
 * or has a wrong shape is an error at its line.
 */
public final class MessagesReader {
    static final String ENGLISH = "en";
    private static final String BUILT_IN = "default-theme/templates/i18n/";
    private static final String THEME_ENGLISH = "templates/i18n/" + ENGLISH + ".yaml";
    /**
     * Where an editor finds the theme's texts: the built-in theme is inside the tool, so its file is named in the
     * tool's repository, not in the editor's folder.
     */
    public static final String THEME_TEXTS =
            "templates/i18n/en.yaml of the eurocities-site repository (docs/themes.md: Languages)";

    private MessagesReader() {}

    /**
     * One language file's contents.
     *
     * @param texts the texts that have no error, by key
     * @param at where each key is given, with an error or not
     */
    private record Layer(
            String file, Map<String, Messages.Message> texts, Map<String, SourcePos> at, Set<Long> one, String date) {}

    /**
     * The texts of a site.
     *
     * @param source the source folder
     * @param language the site's language tag
     * @param languageAt where {@code site.yaml} names it
     */
    static Messages read(Path source, String language, SourcePos languageAt, Diagnostics diagnostics) {
        List<String> files = files(language);
        List<Layer> english = new ArrayList<>();
        builtIn(ENGLISH, diagnostics).ifPresent(english::add);
        Optional<Layer> ownEnglish = own(source, files.get(0), diagnostics);
        ownEnglish.ifPresent(english::add);
        String base = language.toLowerCase(java.util.Locale.ROOT);
        List<Layer> translation = new ArrayList<>();
        if (!base.equals(ENGLISH)) {
            builtIn(base, diagnostics).ifPresent(translation::add);
            own(source, files.get(1), diagnostics).ifPresent(translation::add);
        }
        Optional<Layer> override = own(source, files.get(2), diagnostics);
        boolean known = base.equals(ENGLISH) || !translation.isEmpty() || override.isPresent();
        if (!known) {
            diagnostics.warning(
                    languageAt,
                    "no language file for '" + language + "': the theme's texts are in English",
                    "use a language the theme has (" + String.join(", ", shipped()) + "), or translate the theme's "
                            + "texts into i18n/" + base + ".yaml: they are listed in " + THEME_TEXTS);
        }
        override.ifPresent(translation::add);
        Map<String, Messages.Message> theme =
                english.isEmpty() || !english.get(0).file().equals(THEME_ENGLISH)
                        ? Map.of()
                        : english.get(0).texts();
        ownEnglish.ifPresent(l -> Placeholders.check(l.texts(), l.at(), theme, diagnostics));
        Map<String, Messages.Message> texts = new LinkedHashMap<>();
        Set<Long> one = Set.of(1L);
        String date = "d MMMM yyyy";
        for (Layer l : english) {
            texts.putAll(l.texts());
            one = l.one() != null ? l.one() : one;
            date = l.date() != null ? l.date() : date;
        }
        Map<String, Messages.Message> translated = new LinkedHashMap<>();
        String named = null;
        for (Layer l : translation) {
            for (var e : l.texts().entrySet()) {
                Messages.Message en = texts.get(e.getKey());
                if (en == null) {
                    diagnostics.warning(
                            l.at().get(e.getKey()),
                            "the theme has no text '" + e.getKey() + "'",
                            NearMiss.nearest(e.getKey(), texts.keySet())
                                            .map(k -> "did you mean '" + k + "'? ")
                                            .orElse("")
                                    + "The theme's texts are listed in "
                                    + (ownEnglish.isPresent() ? "this folder's templates/i18n/en.yaml and in " : "")
                                    + THEME_TEXTS);
                } else if (en.plural() != e.getValue().plural()) {
                    diagnostics.error(
                            l.at().get(e.getKey()),
                            "text '" + e.getKey() + "' " + (en.plural() ? "needs" : "takes no")
                                    + " forms for a count, as in templates/i18n/en.yaml",
                            en.plural()
                                    ? "give it 'one:' and 'other:', each a text with {n} for the count"
                                    : "write the text on the key's line");
                } else {
                    translated.put(e.getKey(), e.getValue());
                }
            }
            Placeholders.check(l.texts(), l.at(), theme, diagnostics);
            one = l.one() != null ? l.one() : one;
            date = l.date() != null ? l.date() : date;
            named = named == null || !l.file().startsWith("i18n/") ? l.file() : named;
        }
        if (known && !base.equals(ENGLISH)) {
            String file = named != null ? named : "i18n/" + base + ".yaml";
            for (String key : texts.keySet()) {
                // a text given with a mistake has had its error
                if (!translated.containsKey(key) && translation.stream().noneMatch(l -> l.at().containsKey(key))) {
                    // a text the source's theme adds in English is shown there: the built-in file is not the editor's
                    SourcePos where = ownEnglish.map(l -> l.at().get(key)).orElse(SourcePos.file(file));
                    diagnostics.warning(
                            where,
                            "no text '" + key + "' in " + file + ": the English one is shown",
                            "translate it in i18n/" + base + ".yaml");
                }
            }
        }
        texts.putAll(translated);
        String effective = known ? language : ENGLISH;
        return new Messages(effective, texts, one, date, Messages.grouping(effective));
    }

    /**
     * The files of a source folder that {@link #read} reads for {@code language}, whether or not they exist: the
     * theme's English texts, the theme's texts in the language and the site's own overrides, in that order.
     */
    static List<String> files(String language) {
        String base = language.toLowerCase(java.util.Locale.ROOT);
        return List.of(
                "templates/i18n/" + ENGLISH + ".yaml", "templates/i18n/" + base + ".yaml", "i18n/" + base + ".yaml");
    }

    /**
     * The theme's texts in {@code language}, with the overrides of a source folder's {@code i18n/} if it has any;
     * problems with the files are not reported (the build reports them).
     */
    public static Messages of(Path source, String language) {
        return read(source, language, SourcePos.NONE, new Diagnostics());
    }

    /** The languages the built-in theme has a file for ({@code templates/i18n/<tag>.yaml}), lower case. */
    public static List<String> shipped() {
        return List.of("en", "fr");
    }

    private static Optional<Layer> builtIn(String language, Diagnostics diagnostics) {
        try (InputStream in =
                MessagesReader.class.getClassLoader().getResourceAsStream(BUILT_IN + language + ".yaml")) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(text, "templates/i18n/" + language + ".yaml", diagnostics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Layer> own(Path source, String file, Diagnostics diagnostics) {
        Path path = source.resolve(file);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        return TextFile.read(path, file, diagnostics).flatMap(text -> parse(text, file, diagnostics));
    }

    /**
     * One file, without the parts that have an error (each reported at its place); empty when it is not YAML or not a
     * mapping.
     */
    static Optional<Layer> parse(String text, String file, Diagnostics diagnostics) {
        Optional<MappingNode> root = YamlTree.parseMapping(text, file, diagnostics);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Messages.Message> texts = new LinkedHashMap<>();
        Map<String, SourcePos> at = new LinkedHashMap<>();
        Set<Long> one = null;
        String date = null;
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple t : root.get().getValue()) {
            String key = key(t, file, diagnostics);
            Node value = t.getValueNode();
            if (key == null || twice(key, t, fields, file, "field", diagnostics)) {
                continue;
            }
            switch (key) {
                case "messages" -> {
                    if (mapping(value, file, "messages", "'key: text' lines", diagnostics)) {
                        messages((MappingNode) value, file, texts, at, diagnostics);
                    }
                }
                case "plural" -> one = plural(value, file, diagnostics);
                case "format" -> date = format(value, file, diagnostics);
                default ->
                    diagnostics.error(
                            pos(file, t.getKeyNode()),
                            "unknown field '" + key + "' in a language file",
                            "a language file has 'plural:', 'format:' and 'messages:'");
            }
        }
        // what is right in a file with a mistake is kept, so that its other mistakes are checked in the same run
        return Optional.of(new Layer(file, texts, at, one, date));
    }

    private static void messages(
            MappingNode node,
            String file,
            Map<String, Messages.Message> texts,
            Map<String, SourcePos> at,
            Diagnostics diagnostics) {
        Map<String, Node> seen = new LinkedHashMap<>();
        for (NodeTuple t : node.getValue()) {
            String key = key(t, file, diagnostics);
            if (key == null || twice(key, t, seen, file, "text", diagnostics)) {
                continue;
            }
            Node value = t.getValueNode();
            at.put(key, pos(file, t.getKeyNode()));
            if (value instanceof ScalarNode s) {
                texts.put(key, new Messages.Message(s.getValue(), null));
            } else if (value instanceof MappingNode m) {
                Map<String, String> forms = new LinkedHashMap<>();
                for (NodeTuple f : m.getValue()) {
                    String form = key(f, file, diagnostics);
                    if (form == null) {
                        continue;
                    }
                    if (!form.equals("one") && !form.equals("other")) {
                        diagnostics.error(
                                pos(file, f.getKeyNode()),
                                "text '" + key + "' has a form '" + form + "'",
                                "a text with a count has two forms, 'one:' and 'other:' (the file's 'plural:' says "
                                        + "which counts take 'one')");
                    } else if (f.getValueNode() instanceof ScalarNode s) {
                        forms.put(form, s.getValue());
                    } else {
                        diagnostics.error(
                                pos(file, f.getValueNode()),
                                "form '" + form + "' of text '" + key + "' is not a text",
                                "write the text on the line of '" + form + ":'");
                    }
                }
                if (forms.size() == 2) {
                    texts.put(key, new Messages.Message(forms.get("other"), forms.get("one")));
                } else if (m.getValue().size() < 2) {
                    diagnostics.error(
                            pos(file, t.getKeyNode()),
                            "text '" + key + "' needs both forms, 'one:' and 'other:'",
                            "add the missing form under '" + key + ":'");
                }
            } else {
                diagnostics.error(
                        pos(file, value),
                        "text '" + key + "' is a list",
                        "write the text on the key's line, or 'one:' and 'other:' under it for a text with a count");
            }
        }
    }

    private static Set<Long> plural(Node value, String file, Diagnostics diagnostics) {
        if (!mapping(value, file, "plural", "'one: [1]'", diagnostics)) {
            return null;
        }
        Set<Long> one = null;
        for (NodeTuple t : ((MappingNode) value).getValue()) {
            String key = key(t, file, diagnostics);
            if (key == null) {
                continue;
            }
            if (!key.equals("one")) {
                diagnostics.error(
                        pos(file, t.getKeyNode()),
                        "unknown field '" + key + "' in 'plural:'",
                        "'plural:' has one field, 'one:', the counts that take a text's 'one' form, e.g. one: [0, 1]");
                continue;
            }
            one = new TreeSet<>();
            if (!(t.getValueNode() instanceof SequenceNode list)) {
                diagnostics.error(
                        pos(file, t.getValueNode()),
                        "'one' is not a list of counts",
                        "list the counts in square brackets, e.g. one: [1] (English) or one: [0, 1] (French)");
                continue;
            }
            for (Node n : list.getValue()) {
                String v = n instanceof ScalarNode s ? s.getValue() : "";
                if (!v.matches("[0-9]{1,9}")) {
                    diagnostics.error(
                            pos(file, n),
                            "'" + v + "' is not a count",
                            "write whole numbers of 0 or more, e.g. one: [0, 1]");
                } else {
                    one.add(Long.parseLong(v));
                }
            }
        }
        return one;
    }

    private static String format(Node value, String file, Diagnostics diagnostics) {
        if (!mapping(value, file, "format", "'date: d MMMM yyyy'", diagnostics)) {
            return null;
        }
        String date = null;
        for (NodeTuple t : ((MappingNode) value).getValue()) {
            String key = key(t, file, diagnostics);
            if (key == null) {
                continue;
            }
            if (!key.equals("date") || !(t.getValueNode() instanceof ScalarNode s)) {
                diagnostics.error(
                        pos(file, t.getKeyNode()),
                        "'format:' has one field, 'date:', a text",
                        "write e.g. 'date: d MMMM yyyy' (letters as in Java's DateTimeFormatter)");
                continue;
            }
            try {
                DateTimeFormatter.ofPattern(s.getValue());
                date = s.getValue();
            } catch (IllegalArgumentException e) {
                diagnostics.error(
                        pos(file, s),
                        "date format '" + s.getValue() + "' is not valid: " + e.getMessage(),
                        "write e.g. 'd MMMM yyyy'; put words in single quotes");
            }
        }
        return date;
    }

    private static boolean mapping(Node value, String file, String key, String example, Diagnostics diagnostics) {
        if (value instanceof MappingNode) {
            return true;
        }
        diagnostics.error(
                pos(file, value),
                "'" + key + ":' is not a set of fields",
                "write " + example + " on the lines under '" + key + ":', indented");
        return false;
    }

    /** True, after an error at the second, when {@code key} was given before in the same mapping. */
    private static boolean twice(
            String key, NodeTuple t, Map<String, Node> seen, String file, String what, Diagnostics diagnostics) {
        Node first = seen.putIfAbsent(key, t.getKeyNode());
        if (first == null) {
            return false;
        }
        diagnostics.error(
                pos(file, t.getKeyNode()),
                what + " '" + key + "' is given twice (first on line "
                        + (first.getStartMark().getLine() + 1) + ")",
                "keep one of the two; YAML does not allow a key twice in one mapping");
        return true;
    }

    private static String key(NodeTuple t, String file, Diagnostics diagnostics) {
        if (t.getKeyNode() instanceof ScalarNode s) {
            return s.getValue();
        }
        diagnostics.error(
                pos(file, t.getKeyNode()), "a key is not a word", "write a key as a plain word, e.g. 'home:'");
        return null;
    }

    private static SourcePos pos(String file, Node node) {
        return Positions.at(file, node.getStartMark());
    }
}
