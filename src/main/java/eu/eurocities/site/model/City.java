package eu.eurocities.site.model;

import eu.eurocities.site.diag.SourcePos;
import java.util.Map;

/**
 * One city record from {@code content/cities/<slug>.yaml} (source: the member tables of the seed document, with
 * countries from the reference table).
 *
 * @param slug the file name without {@code .yaml}: ASCII lower case words joined by '-', e.g. {@code lodz}
 * @param name the name as written in the seed, e.g. {@code Łódź}
 * @param country ISO 3166-1 alpha-2 code, upper case
 * @param membership a category id from {@code membership.yaml}
 * @param population inhabitants, or null when not recorded
 * @param populationYear the year the population was counted, or null
 * @param foundingMember true for the six cities that founded the network
 * @param localName the name in the city's own language when it differs, or null
 * @param localNameLang BCP 47 tag of {@code localName}, or null
 * @param ruleException why the city is listed in a category whose criteria it does not meet, or null; an
 *     explained exception is shown on the rules page but not warned about
 * @param positions where each field was written, by field name; {@code ""} is the file itself
 */
public record City(
    String slug,
    String name,
    String country,
    String membership,
    Long population,
    Integer populationYear,
    boolean foundingMember,
    String localName,
    String localNameLang,
    String ruleException,
    Map<String, SourcePos> positions) {

  /** Where a field was written, or the file when the field is absent. */
  public SourcePos pos(String field) {
    SourcePos p = positions.get(field);
    return p != null ? p : positions.get("");
  }
}
