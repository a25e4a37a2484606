package eu.eurocities.site;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.load.CityCache;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.render.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** The validated content of a source folder, as the pipeline's load mode gives it, for tests of later stages. */
public final class TestContent {
    private TestContent() {}

    /** Loads and validates {@code source}, adding every problem to {@code diagnostics}; empty when it had errors. */
    public static Optional<Content> load(Path source, URI baseUrl, Diagnostics diagnostics, CityCache cities) {
        try {
            Outcome r = new Pipeline(source, baseUrl, Templates::precompiled, false, false).run(new Mode.Load(cities));
            r.diagnostics().forEach(diagnostics::add);
            return Optional.ofNullable(r.content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #load(Path, URI, Diagnostics, CityCache)} without a cache. */
    public static Optional<Content> load(Path source, URI baseUrl, Diagnostics diagnostics) {
        return load(source, baseUrl, diagnostics, null);
    }
}
