package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.NearMiss;
import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.CountryGroup;
import eu.eurocities.site.model.CountryRule;
import eu.eurocities.site.model.PopulationRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads {@code content/membership.yaml} into its country groups and its list of {@link Category}. */
final class MembershipReader {
    private MembershipReader() {}

    /**
     * What {@code membership.yaml} defines.
     *
     * @param groups the named sets of countries the categories refer to, in the file's order
     * @param categories the categories in the file's order
     */
    record Membership(List<CountryGroup> groups, List<Category> categories) {}

    /** The groups and categories; one with a missing or wrong field is reported and left out. */
    static Membership read(Fields f) {
        Map<String, CountryGroup> groups = groups(f.mappings("country_groups"));
        List<Category> out = new ArrayList<>();
        List<Fields> items = f.mappings("categories");
        f.finish();
        for (Fields c : items) {
            String id = c.requiredText("id");
            String name = c.requiredText("name");
            String plural = c.text("plural");
            String summary = c.requiredText("summary");
            Long min = c.wholeNumber("population_min");
            Long above = c.wholeNumber("population_above");
            PopulationRule population = null;
            if (min != null && above != null) {
                c.error(
                        "population_above",
                        "give either population_min or population_above, not both",
                        "population_min: N means N or more; population_above: N means more than N");
            } else if (min != null) {
                population = new PopulationRule(min, true);
            } else if (above != null) {
                population = new PopulationRule(above, false);
            }
            String inside = c.text("inside");
            String outside = c.text("outside");
            CountryRule countries = null;
            boolean countriesOk = true;
            if (inside != null && outside != null) {
                c.error(
                        "outside",
                        "give either inside or outside, not both",
                        "inside: GROUP means in a country of the group; outside: GROUP means in any other country");
                countriesOk = false;
            } else if (inside != null || outside != null) {
                String key = inside != null ? "inside" : "outside";
                String group = inside != null ? inside : outside;
                if (groups.containsKey(group)) {
                    countries = new CountryRule(groups.get(group), inside != null);
                } else {
                    countriesOk = false;
                    c.error(
                            key,
                            "no country group has the id '" + group + "'",
                            groups.isEmpty()
                                    ? "define it under 'country_groups:' with an id, a name and its countries, e.g. "
                                            + "'- id: "
                                            + group + "', 'name: ...', 'countries: [AT, BE]'"
                                    : groups.keySet().stream()
                                            .filter(g -> NearMiss.edits(group, g) == 1)
                                            .findFirst()
                                            .map(g -> "did you mean '" + g + "'?")
                                            .orElse("define it under 'country_groups:', or name one of its groups: "
                                                    + String.join(", ", groups.keySet())));
                }
            }
            String eu = c.text("eu");
            if (eu != null) {
                countriesOk = false;
                c.error(
                        "eu",
                        "'eu:' is no longer a field: a category names a group of countries of 'country_groups:'",
                        eu.equals("required")
                                ? "write 'inside: eu' and define the group eu under country_groups"
                                : eu.equals("outside")
                                        ? "write 'outside: eu' and define the group eu under country_groups"
                                        : "leave the field out: a category without inside or outside takes cities in "
                                                + "any country");
            }
            boolean listed = c.has("lists_cities");
            boolean listsCities = c.flag("lists_cities") || !listed;
            c.finish();
            if (id != null && name != null && summary != null && countriesOk) {
                String many = plural != null ? plural : name.endsWith("s") ? name : name + "s";
                out.add(new Category(id, name, many, summary, population, countries, listsCities, c.pos()));
            }
        }
        return new Membership(List.copyOf(groups.values()), List.copyOf(out));
    }

    /** The groups by id; a group with a missing field or an unknown country code is reported and left out. */
    private static Map<String, CountryGroup> groups(List<Fields> items) {
        Map<String, CountryGroup> out = new LinkedHashMap<>();
        var known = Countries.all();
        for (Fields g : items) {
            String id = g.requiredText("id");
            String name = g.requiredText("name");
            List<Fields.Located<String>> codes = g.texts("countries");
            if (!g.has("countries")) {
                g.requiredText("countries");
            }
            g.finish();
            Set<String> countries = new TreeSet<>();
            for (Fields.Located<String> code : codes) {
                var problem = Countries.problem(code.value(), code.pos(), known);
                if (problem.isPresent()) { // the group is kept, so that the categories naming it are not reported too
                    Diagnostic d = problem.get();
                    g.diagnostics()
                            .add(new Diagnostic(
                                    d.pos(), d.severity(), d.message(), d.hint().replace("write country: ", "write ")));
                } else if (!countries.add(code.value())) {
                    g.diagnostics()
                            .error(
                                    code.pos(),
                                    "country " + code.value() + " is listed twice in this group",
                                    "remove one of them");
                }
            }
            if (id != null && out.containsKey(id)) {
                g.error("id", "country group id '" + id + "' is defined twice", "give each group its own id");
            } else if (id != null && name != null) {
                out.put(id, new CountryGroup(id, name, Set.copyOf(countries), g.pos()));
            }
        }
        return out;
    }
}
