package eu.eurocities.site.load;

import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.EuRule;
import eu.eurocities.site.model.PopulationRule;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code content/membership.yaml} into its list of {@link Category}. */
final class MembershipReader {
  private MembershipReader() {}

  /** The categories in the file's order; a category with a missing or wrong field is reported and left out. */
  static List<Category> read(Fields f) {
    List<Category> out = new ArrayList<>();
    List<Fields> items = f.mappings("categories");
    f.finish();
    for (Fields c : items) {
      String id = c.requiredText("id");
      String name = c.requiredText("name");
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
      String euText = c.requiredText("eu");
      EuRule eu = null;
      if (euText != null) {
        for (EuRule r : EuRule.values()) {
          if (r.id().equals(euText)) {
            eu = r;
          }
        }
        if (eu == null) {
          c.error(
              "eu",
              "field 'eu' must be one of required, outside, any, not '" + euText + "'",
              "required: inside the EU; outside: outside the EU; any: either");
        }
      }
      boolean listed = c.has("lists_cities");
      boolean listsCities = c.flag("lists_cities") || !listed;
      c.finish();
      if (id != null && name != null && summary != null && eu != null) {
        out.add(new Category(id, name, summary, population, eu, listsCities, c.pos()));
      }
    }
    return List.copyOf(out);
  }
}
