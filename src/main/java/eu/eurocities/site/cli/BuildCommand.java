package eu.eurocities.site.cli;

import eu.eurocities.site.Pipeline;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.render.Templates;
import eu.eurocities.site.verify.OutputFacts;
import eu.eurocities.site.verify.SiteChecker;
import eu.eurocities.site.write.OutputFailure;
import eu.eurocities.site.write.OutputGuard;
import eu.eurocities.site.write.OutputLock;
import eu.eurocities.site.write.StagedDiskOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code build}: load, validate, render into a staging folder, check the output, then swap it in as the output
 * folder. On any error the previous output is left exactly as it was. Prints one summary line (or only problems
 * with {@code --quiet}) and, with {@code --report FILE}, the same as JSON.
 */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Build the site from content/ into the output folder.")
public final class BuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptions options;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Output folder (default: site/ in the source folder); replaced as a whole when the build "
          + "succeeds.")
  Path out;

  @Option(names = "--force", description = "Replace an output folder that this tool did not create, or files put "
      + "into it by hand; its dot files (.git) and CNAME are kept.")
  boolean force;

  @Option(names = "--no-check", negatable = false, description = "Skip the output checks (links, titles, sitemap).")
  boolean noCheck;

  @Option(names = "--quiet", description = "Print only problems.")
  boolean quiet;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Also write what the build did as JSON: pages and bytes per kind, files written, unchanged "
          + "and removed, warnings, milliseconds per stage.")
  Path report;

  private final Map<String, Long> timings = new LinkedHashMap<>();
  private long mark;

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    mark = start;
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Diagnostics diagnostics = new Diagnostics();
    URI baseUrl = options.baseUrl(diagnostics);
    if (diagnostics.hasErrors()) {
      Report.diagnostics(diagnostics, err);
      return ExitCode.USAGE;
    }
    Path source = options.source;
    Path outDir = options.outDir(out);
    Optional<String> refusal = reportRefusal(outDir);
    if (refusal.isPresent()) {
      err.println("error: --report " + report + refusal.get());
      err.println("  hint: give the report a file name, e.g. --report build-report.json");
      err.flush();
      return ExitCode.USAGE;
    }
    Optional<OutputGuard.Refusal> refused = OutputGuard.refusePlace(source, outDir);
    if (refused.isPresent()) {
      err.println(refused.get().format());
      err.flush();
      return ExitCode.USAGE;
    }
    try (OutputLock lock = OutputLock.take(outDir)) {
      return buildLocked(source, outDir, baseUrl, diagnostics, start);
    } catch (OutputFailure e) {
      return outputFailure(e, diagnostics, start);
    } catch (UncheckedIOException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof OutputFailure f) { // a write of the render stage, wrapped on its way out
          return outputFailure(f, diagnostics, start);
        }
      }
      throw e;
    }
  }

  /**
   * The build from the moment it holds the output folder's lock: a swap a killed build left half done is settled,
   * the folder is checked, then the site is loaded, rendered, checked and swapped in.
   */
  private int buildLocked(Path source, Path outDir, URI baseUrl, Diagnostics diagnostics, long start)
      throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    StagedDiskOutput.recover(outDir); // before the checks, so a failing build leaves a whole site too; the warnings
    // about leftovers come again from the staged output, once the build is published
    Optional<OutputGuard.Refusal> refused = OutputGuard.refuse(source, outDir, force);
    if (refused.isPresent()) {
      err.println(refused.get().format());
      err.flush();
      return ExitCode.USAGE;
    }
    Optional<Content> content = Pipeline.load(source, baseUrl, diagnostics);
    lap("load");
    if (content.isEmpty() || Pipeline.failed(diagnostics, options.strict)) {
      Report.diagnostics(diagnostics, err, options.strict);
      writeReport(() -> failure(outDir, diagnostics, 0, start));
      return ExitCode.CONTENT_ERROR;
    }
    try (Templates.Choice templates = Templates.forSource(source)) {
      lap("templates");
      return renderCheckAndCommit(content.get(), templates, source, outDir, diagnostics, start);
    }
  }

  private int renderCheckAndCommit(Content content, Templates.Choice templates, Path source, Path outDir,
      Diagnostics diagnostics, long start) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    StagedDiskOutput.Summary summary;
    OutputFacts facts = new OutputFacts();
    Pipeline.Rendered rendered;
    try (StagedDiskOutput output = new StagedDiskOutput(outDir)) {
      rendered = Pipeline.generate(content, templates.engine(), source, facts.recording(output), diagnostics);
      lap("render");
      if (Pipeline.failed(diagnostics, options.strict)) {
        Report.diagnostics(diagnostics, err, options.strict);
        writeReport(() -> failure(outDir, diagnostics, 0, start));
        return ExitCode.CONTENT_ERROR;
      }
      if (!noCheck) {
        List<SiteChecker.Finding> findings =
            Pipeline.check(content.site().absolute(""), facts, rendered.markdownLinks(), null);
        lap("check");
        if (!findings.isEmpty()) {
          Report.diagnostics(diagnostics, err);
          findings.forEach(f -> err.println(f.format()));
          err.println(findings.size() + " problem" + (findings.size() == 1 ? "" : "s")
              + " in the output; the previous site was left as it was");
          err.flush();
          writeReport(() -> failure(outDir, diagnostics, findings.size(), start));
          return ExitCode.CONTENT_ERROR;
        }
      }
      summary = output.commit();
      lap("commit");
      output.notes().forEach(diagnostics::add);
    }
    Report.diagnostics(diagnostics, err);
    long total = System.nanoTime() - start;
    timings.put("total", total / 1_000_000);
    int warnings = diagnostics.count(Severity.WARNING);
    if (!quiet) {
      stdout.printf(Locale.ROOT, "Built %d pages into %s in %.2f s: %d files written, %d unchanged, %d removed; %s%n",
          rendered.kinds().size(), outDir, total / 1e9, summary.written(), summary.unchanged(), summary.removed(),
          warnings == 1 ? "1 warning" : warnings + " warnings");
      stdout.flush();
    }
    writeReport(() -> new BuildReport(true, outDir.toString(), rendered.kinds().size(), kinds(rendered, facts),
        new BuildReport.Writes(summary.written(), summary.unchanged(), summary.removed()),
        facts.sizes().values().stream().mapToLong(Long::longValue).sum(), warnings, 0, 0, timings));
    return ExitCode.OK;
  }

  /** The output could not be written or swapped in (another build holds it, a full disk): the previous is kept. */
  private int outputFailure(OutputFailure e, Diagnostics diagnostics, long start) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Report.diagnostics(diagnostics, err);
    err.println("error: " + e.getMessage());
    err.println("  hint: " + e.hint());
    err.flush();
    writeReport(() -> failure(options.outDir(out), diagnostics, 0, start));
    return ExitCode.CONTENT_ERROR;
  }

  private void lap(String stage) {
    long now = System.nanoTime();
    timings.put(stage, (now - mark) / 1_000_000);
    mark = now;
  }

  private BuildReport failure(Path outDir, Diagnostics diagnostics, int outputProblems, long start) {
    timings.put("total", (System.nanoTime() - start) / 1_000_000);
    return new BuildReport(false, outDir.toString(), 0, new TreeMap<>(), new BuildReport.Writes(0, 0, 0), 0,
        diagnostics.count(Severity.WARNING), diagnostics.count(Severity.ERROR), outputProblems, timings);
  }

  /** Pages and bytes per page kind; files that are not pages (stylesheet, sitemap ...) count as {@code other}. */
  private static SortedMap<String, BuildReport.Kind> kinds(Pipeline.Rendered rendered, OutputFacts facts) {
    SortedMap<String, BuildReport.Kind> kinds = new TreeMap<>();
    facts.sizes().forEach((file, size) -> {
      String kind = rendered.kinds().getOrDefault(file, "other");
      boolean page = rendered.kinds().containsKey(file);
      kinds.merge(kind, new BuildReport.Kind(page ? 1 : 0, size),
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
    if (report.toAbsolutePath().normalize().startsWith(outDir.toAbsolutePath().normalize())) {
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
