package eu.eurocities.site.validate;

/** The content files the validation names in its messages, as an editor sees them from the source folder. */
final class ContentPaths {
    /** The file of the network's facts and membership categories. */
    static final String MEMBERSHIP = "content/membership.yaml";

    private ContentPaths() {}

    /** The Markdown file of the page whose slug is {@code slug}, e.g. {@code content/pages/membership.md}. */
    static String page(String slug) {
        return "content/pages/" + slug + ".md";
    }
}
