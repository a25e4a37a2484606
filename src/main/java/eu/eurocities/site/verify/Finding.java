package eu.eurocities.site.verify;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.render.MarkdownLink;

/** One problem in the output, while it may still be traced to the Markdown a link was written in. */
record Finding(String file, String problem, String href) {
    /** At the output file: {@code page: error: problem (href="...")}. */
    Diagnostic diagnostic() {
        return new Diagnostic(
                SourcePos.file(file), Severity.ERROR, problem + (href == null ? "" : " (href=\"" + href + "\")"), null);
    }

    /**
     * At the Markdown {@code link} was written in: {@code file:line:column: error: broken link to 'written': ...}.
     */
    Diagnostic diagnostic(MarkdownLink link) {
        return new Diagnostic(
                link.pos(),
                Severity.ERROR,
                "broken link to '" + link.written() + "'" + problem.substring("broken link".length()) + " (" + file
                        + ", href=\"" + href + "\")",
                problem.startsWith("broken link: external")
                        ? "open the address in a browser; if the page moved, link to where it is now"
                        : "link to a page of the site (e.g. /members/), a heading on it (#heading), or a content "
                                + "file (e.g. membership.md or ../cities/oslo.yaml)");
    }
}
