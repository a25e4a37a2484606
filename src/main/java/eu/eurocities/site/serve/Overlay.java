package eu.eurocities.site.serve;

/**
 * The error overlay shown over every served page while the content has errors: the same lines the command line
 * prints ({@code file:line:column: error: message}, hints, summary), on top of the last good page.
 */
final class Overlay {
    /** The id of the overlay element, for tests and for styling. */
    static final String ID = "eurocities-serve-problems";

    private Overlay() {}

    /** The overlay element for {@code problems}, the command line's text of the failed build. */
    static String html(String problems) {
        return "<div id=\"" + ID + "\" role=\"alert\" style=\"position:fixed;top:0;left:0;right:0;max-height:70vh;"
                + "overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.5rem;background:#3b0a0a;color:#fff;"
                + "font:15px/1.5 system-ui,sans-serif;box-shadow:0 2px 12px rgba(0,0,0,.5)\">"
                + "<p style=\"margin:0 0 .5rem;font-weight:bold\">The site could not be rebuilt. Fix the problems "
                + "below and"
                + " save; this page shows the last good version until then.</p>"
                + "<pre style=\"margin:0;white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace\">"
                + escape(problems)
                + "</pre></div>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
