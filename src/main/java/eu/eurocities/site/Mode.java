package eu.eurocities.site;

import eu.eurocities.site.load.CityCache;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.render.SearchText;
import eu.eurocities.site.render.SiteFiles;
import eu.eurocities.site.verify.ExternalLinks;
import eu.eurocities.site.write.Output;
import eu.eurocities.site.write.StagedDiskOutput;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** What a run does with the site once it is loaded. */
public sealed interface Mode {
    /** The city records kept between runs, or null. */
    default CityCache cities() {
        return null;
    }

    /** The checker of links to other sites, or null to check none. */
    default ExternalLinks external() {
        return null;
    }

    /** Load and validate only; {@code cities} keeps city records between runs, or is null. */
    record Load(CityCache cities) implements Mode {}

    /**
     * Load, validate and plan only: the outcome's plan lists every page, and nothing is rendered; {@code cities} keeps
     * city records between runs, or is null.
     */
    record Plan(CityCache cities) implements Mode {}

    /** Render everything into a staged folder, verify it unless {@code verify} is false, and swap it in. */
    record Disk(StagedDiskOutput output, boolean verify) implements Mode {}

    /** Render everything into memory and verify it, writing nothing; {@code external} may be null. */
    record Memory(ExternalLinks external) implements Mode {}

    /**
     * Render nothing: verify the output folder {@code folder} built before, tracing broken links to the Markdown
     * when the source folder has content. {@code baseUrl} is the base URL it was built for, or null to read it
     * from the folder's robots.txt (else the content's); {@code external} may be null.
     */
    record CheckOnly(Path folder, String baseUrl, ExternalLinks external) implements Mode {}

    /**
     * Render the pages that {@code which} (made from the loaded content) accepts into {@code output}, every other
     * file in full, and verify nothing; {@code cities} keeps city records between runs, {@code plainText} gives
     * the search index's text of a Markdown body, {@code kept} the parts of the search index and open data that the
     * last run made.
     */
    record Incremental(
            Output output,
            CityCache cities,
            Function<Content, Predicate<Page>> which,
            Function<TextPage, List<SearchText.Section>> plainText,
            SiteFiles.Kept kept)
            implements Mode {}
}
