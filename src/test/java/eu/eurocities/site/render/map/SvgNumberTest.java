package eu.eurocities.site.render.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SvgNumberTest {
    /** What the maps and charts wrote before: the formatter's one decimal, without a trailing {@code .0}. */
    private static String formatted(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    @Test
    void writesWhatTheFormatterWrites() {
        double[] edges = {
            0,
            -0.0,
            0.05,
            -0.05,
            0.04,
            -0.04,
            0.15,
            0.25,
            0.35,
            12.25,
            7,
            -7,
            999.95,
            1e7,
            1.25e-5,
            -1e-9,
            760,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.MIN_VALUE,
            123456.05
        };
        for (double v : edges) {
            assertEquals(formatted(v), SvgNumber.of(v), "for " + v);
        }
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> (random.nextDouble() - 0.5) * 2000;
                case 1 -> Math.round(random.nextDouble() * 100_000) / 100.0; // two decimals: ties for the rounding
                case 2 -> Math.round(random.nextDouble() * 20_000) / 20.0 - 500;
                default -> (random.nextDouble() - 0.5) * 0.2;
            };
            assertEquals(formatted(v), SvgNumber.of(v), "for " + v);
        }
    }

    @Test
    void roundsHalfUpAndDropsAWholeNumbersDecimal() {
        assertEquals("12.3", SvgNumber.of(12.25));
        assertEquals("7", SvgNumber.of(7.0));
        assertEquals("-0", SvgNumber.of(-0.01));
        assertEquals("760", SvgNumber.of(760));
    }
}
