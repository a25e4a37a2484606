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

    /** Plain English for the rules page, e.g. {@code inside the European Union}. */
    public String describe() {
        return (inside ? "inside " : "outside ") + group.name();
    }
}
