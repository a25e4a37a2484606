package eu.eurocities.site.model;

/** Where a membership category's cities must be relative to the European Union. */
public enum EuRule {
  /** Inside the EU (full members). */
  REQUIRED("required", "inside the European Union"),
  /** Outside the EU (associate members). */
  OUTSIDE("outside", "outside the European Union"),
  /** Either (partners, business partners). */
  ANY("any", "inside or outside the European Union");

  private final String id;
  private final String description;

  EuRule(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The word used in {@code membership.yaml}: {@code required}, {@code outside} or {@code any}. */
  public String id() {
    return id;
  }

  /** Plain English for the rules page, e.g. {@code inside the European Union}. */
  public String description() {
    return description;
  }

  /** True when a city in a country with the given EU status meets this rule. */
  public boolean allows(boolean inEu) {
    return switch (this) {
      case REQUIRED -> inEu;
      case OUTSIDE -> !inEu;
      case ANY -> true;
    };
  }
}
