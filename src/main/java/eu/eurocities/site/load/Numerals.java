package eu.eurocities.site.load;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Reads the numbers and dates of a record's fields from the text an editor typed: a whole number in digits only
 * ({@code population: 861635}), a decimal with a point ({@code latitude: 43.29695}), a date as {@code YYYY-MM-DD}.
 * Each reader takes the field's name (for hints) and its stripped text, and either returns the value or passes a
 * message (which follows the field's name) and a hint to {@code wrong} and returns null.
 */
final class Numerals {
    private static final Pattern WHOLE = Pattern.compile("[+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,3}([.][0-9]+)?");
    private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}([,. _'][0-9]{3})+");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private Numerals() {}

    /**
     * A whole number written with digits only. {@code 128,624} or {@code 128 624} get an error whose hint shows the
     * number without separators; decimals and words get a plain type error.
     */
    static Long wholeNumber(String key, String raw, BiConsumer<String, String> wrong) {
        if (WHOLE.matcher(raw).matches()) {
            try {
                return Long.parseLong(raw.startsWith("+") ? raw.substring(1) : raw);
            } catch (NumberFormatException e) {
                return wrong(wrong, "is too large: " + raw, "check the number of digits");
            }
        }
        if (GROUPED.matcher(raw).matches()) {
            return wrong(
                    wrong,
                    "must be a whole number written with digits only, not '" + raw + "'",
                    "write " + key + ": " + raw.replaceAll("[^0-9]", ""));
        }
        return wrong(wrong, "must be a whole number, not '" + raw + "'", numberHint(key, raw));
    }

    /** A number with an optional fraction and sign, written with digits and a point ({@code 43.29695}). */
    static Double decimal(String key, String raw, BiConsumer<String, String> wrong) {
        return DECIMAL.matcher(raw).matches()
                ? Double.valueOf(raw)
                : wrong(
                        wrong,
                        "must be a number such as 43.29695, not '" + raw + "'",
                        "write digits with a point for the fraction and '-' for south and west, e.g. " + key
                                + ": -9.1393");
    }

    /** A date written as {@code YYYY-MM-DD}. */
    static LocalDate date(String key, String raw, BiConsumer<String, String> wrong) {
        try {
            if (DATE.matcher(raw).matches()) {
                return LocalDate.parse(raw);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        return wrong(
                wrong,
                "must be a date written as YYYY-MM-DD, not '" + raw + "'",
                "write the year, month and day with '-' between them, e.g. " + key + ": 2020-03-18");
    }

    private static <T> T wrong(BiConsumer<String, String> wrong, String message, String hint) {
        wrong.accept(message, hint);
        return null;
    }

    /** A hint for a number field that holds something else: the number in digits when it can be read. */
    private static String numberHint(String key, String raw) {
        try {
            BigDecimal exact = new BigDecimal(raw.replace("_", ""));
            if (exact.signum() < 0) {
                return "the number cannot be negative; write it with digits only, e.g. " + key + ": " + example(key);
            }
            if (exact.stripTrailingZeros().scale() <= 0) {
                return "write " + key + ": " + exact.toBigIntegerExact();
            }
            return "write a whole number with digits only, e.g. " + key + ": "
                    + exact.setScale(0, RoundingMode.HALF_UP).toBigInteger();
        } catch (NumberFormatException | ArithmeticException e) {
            return "write the number with digits only, e.g. " + key + ": " + example(key);
        }
    }

    private static String example(String key) {
        if (key.endsWith("year") || key.equals("formation")) {
            return "1986";
        }
        return key.startsWith("population") || key.equals("people") ? "250000" : "3";
    }
}
