package eu.eurocities.site.model;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * A category's population threshold: {@code population_min: 250000} (250,000 or more) or {@code population_above:
 * 50000} (more than 50,000), as the seed's membership criteria put them.
 *
 * @param threshold the number written in the record
 * @param inclusive true for "or more", false for "more than"
 */
public record PopulationRule(long threshold, boolean inclusive) {

    /** True when a population meets the threshold. */
    public boolean allows(long population) {
        return inclusive ? population >= threshold : population > threshold;
    }

    /** Plain English for messages to the editor, e.g. {@code 250,000 inhabitants or more}. */
    public String describe() {
        String n = NumberFormat.getIntegerInstance(Locale.ENGLISH).format(threshold);
        return inclusive ? n + " inhabitants or more" : "more than " + n + " inhabitants";
    }

    /**
     * The rule in the site's language for the pages ({@code rules.population-min}, {@code rules.population-above}),
     * e.g. {@code 250 000 habitants ou plus}.
     */
    public String describe(Messages texts) {
        return texts.text(inclusive ? "rules.population-min" : "rules.population-above", "n", texts.number(threshold));
    }
}
