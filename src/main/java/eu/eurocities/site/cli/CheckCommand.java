package eu.eurocities.site.cli;

import eu.eurocities.site.Mode;
import eu.eurocities.site.Outcome;
import eu.eurocities.site.Pipeline;
import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Reporter;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.render.Templates;
import eu.eurocities.site.verify.ExternalLinks;
import eu.eurocities.site.write.StagedDiskOutput;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check}: checks a built output folder on disk with the same checks a build runs before it swaps its output
 * in. When the source folder has {@code content/}, the content is validated too and findings about links written
 * in Markdown name the Markdown line. With no output folder (and no {@code --out}), the site is built in memory and
 * checked, writing nothing (like {@code zola check}).
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Check a built site: every internal link, anchor, image and stylesheet resolves; every page has "
                    + "a title, one h1, a lang and a canonical URL under the base URL; titles are unique; the "
                    + "sitemap lists "
                    + "exactly the pages.",
            "Checks the output folder (default: site/ in the source folder); without one, builds the site in memory "
                    + "and checks that, writing nothing. External links are not fetched."
        })
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions options;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "The built output folder to check (default: site/ in the source folder).")
    Path out;

    @Option(
            names = "--external",
            description = "Also fetch every external http(s) link and report those that answer with an error or not at "
                    + "all. Needs the network, so CI builds do not do this; off by default.")
    boolean external;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "15",
            description = "With --external: how many seconds to wait for each site, at least 1 (default: "
                    + "${DEFAULT-VALUE}).")
    int timeout;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only problems, no summary line.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Reporter reporter = new Reporter(spec.commandLine().getErr());
        Diagnostics diagnostics = new Diagnostics();
        URI baseUrl = options.baseUrl(diagnostics);
        if (timeout < 1) {
            diagnostics.error(
                    SourcePos.file("--timeout"),
                    "the time to wait for each site must be at least 1 second, not " + timeout,
                    "give it in whole seconds, e.g. --timeout 15");
        }
        if (diagnostics.hasErrors()) {
            diagnostics.sorted().forEach(reporter::print);
            return ExitCode.USAGE;
        }
        Path outDir = options.outDir(out);
        boolean hasContent = Files.isDirectory(options.source.resolve("content"));
        Optional<Diagnostic> interrupted = StagedDiskOutput.interrupted(outDir);
        boolean folder = Files.isDirectory(outDir);
        if (!folder && (out != null || !hasContent)) {
            interrupted.ifPresent(reporter::print);
            reporter.error(
                    "there is no output folder " + outDir + " to check"
                            + (hasContent ? "" : " and no content/ in " + options.source + " to build one from"),
                    "build it first with 'build --out " + outDir + "', or name the folder with --out");
            return ExitCode.USAGE;
        }
        ExternalLinks links = external ? new ExternalLinks(Duration.ofSeconds(timeout)) : null;
        Outcome result;
        try (Templates.Choice templates = Templates.forSource(options.source)) {
            result = new Pipeline(options.source, baseUrl, templates::engine, options.strict, false)
                    .run(
                            folder
                                    ? new Mode.CheckOnly(outDir, baseUrl == null ? null : baseUrl.toString(), links)
                                    : new Mode.Memory(links));
        }
        result.diagnostics().forEach(diagnostics::add);
        interrupted.ifPresent(diagnostics::add);
        List<Diagnostic> said = diagnostics.sorted();
        if (result.status() == Outcome.Status.REFUSED) {
            said.forEach(reporter::print);
            return ExitCode.USAGE;
        }
        reporter.report(
                said, result.findings(), options.strict && result.findings().isEmpty(), "");
        if (result.status() == Outcome.Status.FAILED) {
            return ExitCode.CONTENT_ERROR;
        }
        if (!quiet) {
            long pages = result.sizes().keySet().stream()
                    .filter(f -> f.endsWith(".html"))
                    .count();
            spec.commandLine()
                    .getOut()
                    .println("Checked " + pages + " pages "
                            + (folder ? "in " + outDir : "built in memory (there is no " + outDir + ")")
                            + ": no problems");
            spec.commandLine().getOut().flush();
        }
        return ExitCode.OK;
    }
}
