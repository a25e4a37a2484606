package eu.eurocities.site.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core on the page a browser shows, limited to the rules of WCAG 2.2 level A and AA, and turns its
 * violations into text a reader of a failed test can act on: rule, impact, help, and each offending node with
 * its selector, markup and what to fix.
 */
final class AxeReport {
    /** axe-core's tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 added no level A rule axe checks). */
    static final List<String> WCAG22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private AxeReport() {}

    /** The violations on the current page; throws when axe itself failed to run. */
    static List<Rule> violations(WebDriver driver) {
        Results results = new AxeBuilder().withTags(WCAG22_AA).analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core failed on " + driver.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        return results.getViolations();
    }

    /** One paragraph per violated rule, one line per node; empty for no violations. */
    static String describe(List<Rule> violations) {
        StringBuilder text = new StringBuilder();
        for (Rule rule : violations) {
            text.append("\n")
                    .append(rule.getId())
                    .append(" (")
                    .append(rule.getImpact())
                    .append("): ")
                    .append(rule.getHelp())
                    .append(" <")
                    .append(rule.getHelpUrl())
                    .append(">\n");
            for (CheckedNode node : rule.getNodes()) {
                text.append("  at ")
                        .append(node.getTarget())
                        .append("  ")
                        .append(node.getHtml().replaceAll("\\s+", " "))
                        .append("\n    ")
                        .append(node.getFailureSummary().replace("\n", "\n    "))
                        .append("\n");
            }
        }
        return text.toString();
    }

    /** How many nodes the violations name in all. */
    static int nodeCount(List<Rule> violations) {
        return violations.stream().mapToInt(r -> r.getNodes().size()).sum();
    }
}
