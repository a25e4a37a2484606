package eu.eurocities.site;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.render.MarkdownLink;
import eu.eurocities.site.write.StagedDiskOutput;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What one run did.
 *
 * @param status how it ended
 * @param content the validated content, or null when it did not load
 * @param plan every page, in plan order (empty when the content did not load)
 * @param diagnostics every problem with the content and templates, sorted by position
 * @param rendering those of {@code diagnostics} that the render stage reported
 * @param findings the problems verify found in the output, Markdown links first
 * @param pages the output file of every page rendered, with its kind's id, in path order
 * @param sizes every output file with its size in bytes
 * @param written what the write to disk did, or null when nothing was swapped in
 * @param timings milliseconds per stage that ran, in order
 * @param redirects the output file of each redirect page, with the site path it leads to, in path order
 * @param statics the site path of each file copied from {@code static/}, in path order
 * @param links the links written in the Markdown of the pages rendered, by page file and position
 */
public record Outcome(
        Status status,
        Content content,
        List<Page> plan,
        List<Diagnostic> diagnostics,
        List<Diagnostic> rendering,
        List<Diagnostic> findings,
        SortedMap<String, String> pages,
        Map<String, Long> sizes,
        StagedDiskOutput.Summary written,
        Map<String, Long> timings,
        SortedMap<String, String> redirects,
        List<String> statics,
        List<MarkdownLink> links) {
    /** How a run ended. */
    public enum Status {
        /** Nothing failed; a disk output was swapped in. */
        OK,
        /** Content errors, errors in the output, or warnings under {@code --strict}: nothing was swapped in. */
        FAILED,
        /** The run could not be carried out as asked (a check of a folder whose base URL is unknown). */
        REFUSED
    }
}
