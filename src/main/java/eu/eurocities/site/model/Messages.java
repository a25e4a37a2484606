package eu.eurocities.site.model;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The texts the theme shows, in the site's language, read from the language files ({@code templates/i18n/en.yaml},
 * a translation, a source folder's {@code i18n/<lang>.yaml}), with the language's plural rule and its way of writing
 * numbers and dates. Immutable and safe to share between threads.
 *
 * <p>A message holds placeholders such as {@code {country}}, filled from name/value pairs: {@code text("city.in",
 * "country", "Poland")}. A message with a count has two forms, {@code one} and {@code other}; the language file's
 * {@code plural: one: [0, 1]} lists the counts that take {@code one}, and {@code {n}} is the count as a number of the
 * language.
 *
 * @param language the language tag of the texts, e.g. {@code fr}
 * @param texts every message by key
 * @param one the counts that take a message's {@code one} form
 * @param datePattern a {@link DateTimeFormatter} pattern for a day, e.g. {@code d MMMM yyyy}
 * @param grouping the digit grouping separator of the language, from the JDK's locale data ({@link #grouping(String)})
 */
public record Messages(String language, Map<String, Message> texts, Set<Long> one, String datePattern, char grouping) {

    /**
     * One message: a text, or two forms for a count.
     *
     * @param text the text, or the form for every count not in the plural rule's {@code one}
     * @param one the form for a count in the rule's {@code one}, or null for a message without a count
     */
    public record Message(String text, String one) {
        /** True when the message has forms for a count. */
        public boolean plural() {
            return one != null;
        }
    }

    /** A template asks for a text no language file has, or uses a text with a count without one (or the reverse). */
    static final class TextError extends RuntimeException {
        TextError(String message) {
            super(message);
        }
    }

    public Messages {
        texts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(texts));
        one = Set.copyOf(one);
    }

    /** True when there is a message {@code key}. */
    boolean has(String key) {
        return texts.containsKey(key);
    }

    /**
     * The message {@code key} with its placeholders filled.
     *
     * @param args name and value pairs: {@code "country", "Poland"}
     * @throws TextError when no language file has the key, or the message is one with a count
     */
    public String text(String key, Object... args) {
        Message m = message(key);
        if (m.plural()) {
            throw new TextError("text '" + key + "' has forms for a count: give it the count");
        }
        return fill(m.text(), values(args, null));
    }

    /**
     * The form of message {@code key} for {@code count}, with {@code {n}} the count written as the language writes
     * numbers and the other placeholders filled from {@code args}.
     *
     * @throws TextError when no language file has the key, or the message has no forms for a count
     */
    public String plural(String key, long count, Object... args) {
        return fill(form(key, count), values(args, number(count)));
    }

    /** The form of message {@code key} for {@code count}, placeholders unfilled. */
    public String form(String key, long count) {
        Message m = message(key);
        if (!m.plural()) {
            throw new TextError("text '" + key + "' has no forms for a count (one:, other:)");
        }
        return one.contains(count) ? m.one() : m.text();
    }

    /** The message {@code key} as written in the language file. */
    public Message message(String key) {
        Message m = texts.get(key);
        if (m == null) {
            throw new TextError(
                    "no text '" + key + "' in the language files (templates/i18n/en.yaml, i18n/" + language + ".yaml)");
        }
        return m;
    }

    /** A whole number grouped as the language writes it: {@code 1,234,567} in English, {@code 1 234 567} in French. */
    public String number(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(n < 0 ? "-" : "");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % GROUP == 0) {
                out.append(grouping);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** A day as the language writes it, with month names from the JDK: {@code 6 décembre 2026}. */
    public String date(LocalDate day) {
        return DateTimeFormatter.ofPattern(datePattern, locale()).format(day);
    }

    /** The JDK's locale of the language. */
    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** The digit grouping separator of a language, from the JDK's locale data (the same on JDK 17 and 25). */
    public static char grouping(String language) {
        NumberFormat f = NumberFormat.getIntegerInstance(Locale.forLanguageTag(language));
        return f instanceof DecimalFormat d
                ? d.getDecimalFormatSymbols().getGroupingSeparator()
                : DecimalFormatSymbols.getInstance(Locale.ENGLISH).getGroupingSeparator();
    }

    private static final int GROUP = 3;

    /** Name and value pairs as a map, with {@code n} the count when one is given. */
    private static Map<String, String> values(Object[] args, String n) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            values.put(String.valueOf(args[i]), String.valueOf(args[i + 1]));
        }
        if (n != null) {
            values.putIfAbsent("n", n);
        }
        return values;
    }

    /** {@code text} with each {@code {name}} replaced by its value; a name without a value is left as it is. */
    public static String fill(String text, Map<String, String> values) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            int close = open < 0 ? -1 : text.indexOf('}', open);
            if (close < 0) {
                out.append(text, i, text.length());
                break;
            }
            String name = text.substring(open + 1, close);
            out.append(text, i, open).append(values.getOrDefault(name, "{" + name + "}"));
            i = close + 1;
        }
        return out.toString();
    }
}
