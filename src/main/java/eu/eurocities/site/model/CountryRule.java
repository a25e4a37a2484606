package eu.eurocities.site.model;

/**
 * Where a membership category's cities must be: inside or outside a {@link CountryGroup}.
 *
 * @param group the group, e.g. the European Union
 * @param inside true for {@code inside: eu}, false for {@code outside: eu}
 */
public record CountryRule(CountryGroup group, boolean inside) {

    /** True when a city in {@code country} meets this rule. */
    public boolean allows(Country country) {
        return group.countries().contains(country.code()) == inside;
    }

    /** Plain English for the search index, e.g. {@code inside the European Union}. */
    String describe() {
        return (inside ? "inside " : "outside ") + group.name();
    }

    /** The rule in the site's language for the pages ({@code rules.inside}, {@code rules.outside-group}). */
    String describe(Messages texts) {
        return texts.text(inside ? "rules.inside" : "rules.outside-group", "group", group.name());
    }
}
