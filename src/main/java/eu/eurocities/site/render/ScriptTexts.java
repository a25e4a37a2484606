package eu.eurocities.site.render;

import eu.eurocities.site.model.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts a script shows, taken from the language files: the messages whose keys start with a prefix
 * ({@code search.js.}), without it; a text with a count as {@code {one, other}}; with {@code _one} (the counts that
 * take the one form) and {@code _group} (the digit grouping separator). The templates write them into a
 * {@code data-texts} attribute, the search index into {@code core.json}.
 */
final class ScriptTexts {
    private ScriptTexts() {}

    /**
     * The texts of {@code messages} under {@code prefix}, only those named in {@code only} when it names any.
     *
     * @return the texts in the language files' order, then {@code _one} and {@code _group}
     */
    static Map<String, Object> map(Messages messages, String prefix, String... only) {
        List<String> keys = List.of(only);
        Map<String, Object> texts = new LinkedHashMap<>();
        messages.texts().forEach((key, m) -> {
            String name = key.startsWith(prefix) ? key.substring(prefix.length()) : null;
            if (name != null && (keys.isEmpty() || keys.contains(name))) {
                Map<String, String> forms = new LinkedHashMap<>();
                if (m.plural()) {
                    forms.put("one", m.one());
                    forms.put("other", m.text());
                }
                texts.put(name, m.plural() ? forms : m.text());
            }
        });
        texts.put("_one", new TreeSet<>(messages.one()));
        texts.put("_group", String.valueOf(messages.grouping()));
        return texts;
    }

    /**
     * The JSON of {@link #map} for the templates, made once for each prefix and names and shared by every page of a
     * build. Thread-safe.
     */
    static final class Memo {
        private final Messages messages;
        private final Map<List<String>, String> made = new ConcurrentHashMap<>();

        Memo(Messages messages) {
            this.messages = messages;
        }

        /** As {@link #json(Map)} of {@link #map}, for {@code messages}. */
        String json(String prefix, String... only) {
            List<String> key = new ArrayList<>(only.length + 1);
            key.add(prefix);
            key.addAll(List.of(only));
            return made.computeIfAbsent(key, k -> ScriptTexts.json(map(messages, prefix, only)));
        }
    }

    /** {@code texts} as compact JSON, written here so that rendering a page loads no JSON library. */
    static String json(Map<String, Object> texts) {
        StringBuilder json = new StringBuilder("{");
        texts.forEach((key, value) -> {
            json.append(json.length() > 1 ? "," : "").append(jsonString(key)).append(':');
            if (value instanceof Map<?, ?> forms) {
                json.append('{');
                forms.forEach((form, text) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
                        .append(jsonString((String) form))
                        .append(':')
                        .append(jsonString((String) text)));
                json.append('}');
            } else if (value instanceof java.util.Collection<?> counts) {
                json.append(counts.stream()
                        .map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(",", "[", "]")));
            } else {
                json.append(jsonString((String) value));
            }
        });
        return json.append('}').toString();
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
