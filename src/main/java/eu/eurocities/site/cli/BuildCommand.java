package eu.eurocities.site.cli;

import eu.eurocities.site.Mode;
import eu.eurocities.site.Outcome;
import eu.eurocities.site.Pipeline;
import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Reporter;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.render.Templates;
import eu.eurocities.site.write.OutputFailure;
import eu.eurocities.site.write.OutputGuard;
import eu.eurocities.site.write.OutputLock;
import eu.eurocities.site.write.StagedDiskOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code build}: load, validate, render into a staging folder, check the output, then swap it in as the output
 * folder. On any error the previous output is left exactly as it was. Prints one summary line (or only problems
 * with {@code --quiet}) and, with {@code --report FILE}, the same as JSON.
 */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Build the site from content/ into the output folder.")
public final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions options;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "DIR",
            description = "Output folder (default: site/ in the source folder); replaced as a whole when the build "
                    + "succeeds.")
    Path out;

    @Option(
            names = "--force",
            description = "Replace an output folder that this tool did not create, or files put "
                    + "into it by hand; its dot files (.git) and CNAME are kept.")
    boolean force;

    @Option(names = "--no-check", negatable = false, description = "Skip the output checks (links, titles, sitemap).")
    boolean noCheck;

    @Option(
            names = "--drafts",
            description = "Also publish pages and city records marked 'draft: true', each with "
                    + "a Draft badge (for a preview; serve shows them too).")
    boolean drafts;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only problems, no summary line.")
    boolean quiet;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Also write what the build did as JSON: pages and bytes per kind, files written, unchanged "
                    + "and removed, warnings, milliseconds per stage.")
    Path report;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        Reporter reporter = new Reporter(spec.commandLine().getErr());
        Diagnostics diagnostics = new Diagnostics();
        URI baseUrl = options.baseUrl(diagnostics);
        if (diagnostics.hasErrors()) {
            diagnostics.sorted().forEach(reporter::print);
            return ExitCode.USAGE;
        }
        Path outDir = options.outDir(out);
        Optional<String> refusal = reportRefusal(outDir);
        if (refusal.isPresent()) {
            reporter.error(
                    "--report " + report + refusal.get(),
                    "give the report a file name, e.g. --report build-report.json");
            return ExitCode.USAGE;
        }
        Optional<Diagnostic> refused = OutputGuard.refusePlace(options.source, outDir);
        if (refused.isPresent()) {
            reporter.print(refused.get());
            return ExitCode.USAGE;
        }
        try (OutputLock lock = OutputLock.take(outDir)) {
            StagedDiskOutput.recover(
                    outDir); // before the checks, so a failing build leaves a whole site too; the warnings
            // about leftovers come again from the staged output, once the build is published
            refused = OutputGuard.refuse(options.source, outDir, force);
            if (refused.isPresent()) {
                reporter.print(refused.get());
                return ExitCode.USAGE;
            }
            long templatesStart = System.nanoTime();
            try (Templates.Choice templates = Templates.forSource(options.source);
                    StagedDiskOutput output = new StagedDiskOutput(outDir)) {
                long templatesMs = (System.nanoTime() - templatesStart) / 1_000_000;
                Outcome result = new Pipeline(options.source, baseUrl, templates::engine, options.strict, drafts)
                        .run(new Mode.Disk(output, !noCheck));
                return finish(result, outDir, templatesMs, start, reporter);
            }
        } catch (OutputFailure e) { // the lock is taken, or a swap a killed build left cannot be settled
            reporter.error(e.getMessage(), e.hint());
            writeReport(() -> report(null, outDir, Map.of(), start));
            return ExitCode.CONTENT_ERROR;
        }
    }

    /** Prints what the build did, writes the report, and gives the exit code. */
    private int finish(Outcome result, Path outDir, long templatesMs, long start, Reporter reporter)
            throws IOException {
        Map<String, Long> timings = new LinkedHashMap<>();
        timings.put("templates", templatesMs);
        timings.putAll(result.timings());
        if (result.status() != Outcome.Status.OK) {
            reporter.report(
                    result.diagnostics(),
                    result.findings(),
                    options.strict && result.findings().isEmpty(),
                    "; the previous site was left as it was");
            writeReport(() -> report(result, outDir, timings, start));
            return ExitCode.CONTENT_ERROR;
        }
        reporter.report(result.diagnostics(), false);
        long total = System.nanoTime() - start;
        long warnings = result.diagnostics().size();
        StagedDiskOutput.Summary written = result.written();
        if (!quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(
                    Locale.ROOT,
                    "Built %d pages into %s in %.2f s: %d files written, %d unchanged, %d removed; %s%n",
                    result.pages().size(),
                    outDir,
                    total / 1e9,
                    written.written(),
                    written.unchanged(),
                    written.removed(),
                    warnings == 1 ? "1 warning" : warnings + " warnings");
            stdout.flush();
        }
        writeReport(() -> report(result, outDir, timings, start));
        return ExitCode.OK;
    }

    /** The build's report: what {@code result} did, or a failure before the pipeline ran when it is null. */
    private static BuildReport report(Outcome result, Path outDir, Map<String, Long> stages, long start) {
        Map<String, Long> timings = new LinkedHashMap<>(stages);
        timings.put("total", (System.nanoTime() - start) / 1_000_000);
        List<Diagnostic> diagnostics = result == null ? List.of() : result.diagnostics();
        int errors = (int)
                diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        int warnings = diagnostics.size() - errors;
        if (result == null || result.status() != Outcome.Status.OK) {
            return new BuildReport(
                    false,
                    outDir.toString(),
                    0,
                    new TreeMap<>(),
                    new BuildReport.Writes(0, 0, 0),
                    0,
                    warnings,
                    errors,
                    result == null ? 0 : result.findings().size(),
                    timings,
                    new TreeMap<>());
        }
        StagedDiskOutput.Summary w = result.written();
        return new BuildReport(
                true,
                outDir.toString(),
                result.pages().size(),
                kinds(result),
                new BuildReport.Writes(w.written(), w.unchanged(), w.removed()),
                result.sizes().values().stream().mapToLong(Long::longValue).sum(),
                warnings,
                0,
                0,
                timings,
                redirects(result));
    }

    /** Each redirect page's old address and the address it leads to, both from the site root. */
    private static SortedMap<String, String> redirects(Outcome result) {
        SortedMap<String, String> out = new TreeMap<>();
        result.redirects().forEach((file, to) -> out.put("/" + file.replaceFirst("index\\.html$", ""), "/" + to));
        return out;
    }

    /**
     * Pages and bytes per page kind; files copied from {@code static/} count as {@code static}, redirect pages as
     * {@code redirect}, other files that are not pages (stylesheet, sitemap ...) as {@code other}.
     */
    private static SortedMap<String, BuildReport.Kind> kinds(Outcome result) {
        SortedMap<String, BuildReport.Kind> kinds = new TreeMap<>();
        java.util.Set<String> statics = java.util.Set.copyOf(result.statics());
        result.sizes().forEach((file, size) -> {
            String kind = result.pages()
                    .getOrDefault(
                            file,
                            statics.contains(file)
                                    ? "static"
                                    : result.redirects().containsKey(file) ? "redirect" : "other");
            boolean page = result.pages().containsKey(file);
            kinds.merge(
                    kind,
                    new BuildReport.Kind(page ? 1 : 0, size),
                    (a, b) -> new BuildReport.Kind(a.pages() + b.pages(), a.bytes() + b.bytes()));
        });
        return kinds;
    }

    /**
     * Why {@code --report} cannot name a file to write: it is a folder, a file stands where a folder is needed, or it
     * is inside {@code outDir}.
     */
    private Optional<String> reportRefusal(Path outDir) {
        if (report == null) {
            return Optional.empty();
        }
        if (Files.isDirectory(report)) {
            return Optional.of(" is a folder");
        }
        if (report.toAbsolutePath()
                .normalize()
                .startsWith(outDir.toAbsolutePath().normalize())) {
            return Optional.of(" is inside the output folder " + outDir
                    + ", which the next build would refuse as holding a file it did not write");
        }
        for (Path p = report.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? Optional.empty() : Optional.of(": " + p + " is a file, not a folder");
            }
        }
        return Optional.empty();
    }

    /** Writes the report {@code built} makes when {@code --report} asks for one; nothing is made otherwise. */
    private void writeReport(Supplier<BuildReport> built) throws IOException {
        if (report != null) {
            built.get().write(report);
        }
    }
}
