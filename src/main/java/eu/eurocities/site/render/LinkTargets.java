package eu.eurocities.site.render;

/**
 * What a link written in Markdown may lead to, for {@link Markdown#render}: the pages made from content files, the
 * content files left out as drafts, and the static files.
 */
public interface LinkTargets {

    /**
     * The site path of the page made from a content file ({@code content/pages/membership.md} gives {@code
     * membership/}), or null when no page is made from it.
     */
    String page(String contentFile);

    /** True when {@code contentFile} exists but is a draft, left out of this build. */
    default boolean draft(String contentFile) {
        return false;
    }

    /** The static files that links and images may lead to. */
    default StaticFiles statics() {
        return StaticFiles.none();
    }
}
