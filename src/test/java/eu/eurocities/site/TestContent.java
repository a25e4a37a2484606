package eu.eurocities.site;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.load.CityCache;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Planner;
import eu.eurocities.site.render.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The validated content of a source folder, as the pipeline's load mode gives it, for tests of later stages. */
public final class TestContent {
    private static Content real;
    private static List<Page> realPlan;

    private TestContent() {}

    /** The repository's own {@code content/}, loaded once per test JVM; fails with the problems if it has errors. */
    public static synchronized Content real() {
        if (real == null) {
            Diagnostics diagnostics = new Diagnostics();
            real = load(Path.of("."), null, diagnostics).orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        }
        return real;
    }

    /** The pages {@link Planner} makes of {@link #real()}, planned once per test JVM. */
    public static synchronized List<Page> realPlan() {
        if (realPlan == null) {
            realPlan = Planner.plan(real());
        }
        return realPlan;
    }

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
