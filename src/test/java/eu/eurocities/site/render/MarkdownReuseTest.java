package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.TextPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The parse that {@link Markdown#check} keeps is reused by render and the search text: rendering it for one page
 * (heading ids, rewritten links) leaves nothing behind for the next use, which gives what a fresh parse gives.
 */
class MarkdownReuseTest {
    private static final TextPage PAGE = new TextPage(
            "about",
            "About",
            1,
            null,
            "## Members\n\nSee [the members](/members/) and [the rules](membership.md).\n\n## Members\n",
            4,
            SourcePos.start("content/pages/about.md"));

    private static String render(Markdown markdown, String from, Set<String> taken, List<MarkdownLink> sink) {
        return markdown.render(
                        PAGE,
                        new Links(from, "/", false),
                        f -> f.endsWith("membership.md") ? "membership/" : null,
                        taken,
                        new Diagnostics(),
                        sink::add)
                .value();
    }

    @Test
    void aKeptParseRendersAgainAsAFreshOne() {
        Markdown kept = new Markdown();
        assertTrue(kept.check(PAGE, new Diagnostics()));
        List<MarkdownLink> first = new ArrayList<>();
        String once = render(kept, "about/", Set.of("members"), first);
        assertEquals(
                "<h2 id=\"members-1\">Members</h2>\n<p>See <a href=\"../members/\">the members</a> and "
                        + "<a href=\"../membership/\">the rules</a>.</p>\n<h2 id=\"members-2\">Members</h2>\n",
                once);
        List<MarkdownLink> again = new ArrayList<>();
        assertEquals(render(new Markdown(), "", Set.of(), new ArrayList<>()), render(kept, "", Set.of(), again));
        assertEquals(
                List.of("/members/", "membership.md"),
                again.stream().map(MarkdownLink::written).toList());
        assertEquals(new Markdown().sections(PAGE), kept.sections(PAGE));
    }
}
