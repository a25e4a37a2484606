package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.Messages;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The check of a language file's {@code {placeholders}} against those the theme fills in. */
final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]*)}");

    private Placeholders() {}

    /**
     * Warns at each of {@code texts} (placed by {@code at}) that names a placeholder the theme's English text of that
     * key does not have: nothing fills it, so a visitor would read it as written, braces and all.
     */
    static void check(
            Map<String, Messages.Message> texts,
            Map<String, SourcePos> at,
            Map<String, Messages.Message> theme,
            Diagnostics diagnostics) {
        for (var e : texts.entrySet()) {
            Messages.Message en = theme.get(e.getKey());
            if (en == null || en == e.getValue()) {
                continue;
            }
            Set<String> known = new TreeSet<>(names(en.text()));
            known.addAll(names(en.one()));
            if (en.plural()) {
                known.add("n");
            }
            Set<String> used = new TreeSet<>(names(e.getValue().text()));
            used.addAll(names(e.getValue().one()));
            used.removeAll(known);
            if (!used.isEmpty()) {
                String unknown = "{" + String.join("}, {", used) + "}";
                diagnostics.warning(
                        at.get(e.getKey()),
                        "text '" + e.getKey() + "' has " + unknown + ", which the theme does not fill in",
                        known.isEmpty()
                                ? "the theme fills in nothing in this text: write it without braces"
                                : "use what the English text has: {" + String.join("}, {", known) + "}");
            }
        }
    }

    private static List<String> names(String text) {
        if (text == null) {
            return List.of();
        }
        return PLACEHOLDER.matcher(text).results().map(m -> m.group(1)).toList();
    }
}
