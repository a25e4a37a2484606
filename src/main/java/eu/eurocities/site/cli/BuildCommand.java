package eu.eurocities.site.cli;

import eu.eurocities.site.Main;
import eu.eurocities.site.Pipeline;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.render.Templates;
import eu.eurocities.site.verify.SiteChecker;
import eu.eurocities.site.write.OutputGuard;
import eu.eurocities.site.write.StagedDiskOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code build}: load, validate, render into a staging folder, check the output, then swap it in as the output
 * folder. On any error the previous output is left exactly as it was.
 */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Build the site from content/ into the output folder.")
public final class BuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptions options;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (default: site/ in the source folder); replaced as a whole when the build "
          + "succeeds.")
  Path out;

  @Option(names = "--force", description = "Replace an output folder that this tool did not create.")
  boolean force;

  @Option(names = "--no-check", negatable = false, description = "Skip the output checks (links, titles, sitemap).")
  boolean noCheck;

  @Option(names = "--quiet", description = "Print only problems.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Diagnostics diagnostics = new Diagnostics();
    URI baseUrl = options.baseUrl(diagnostics);
    if (diagnostics.hasErrors()) {
      Report.diagnostics(diagnostics, err);
      return Main.USAGE;
    }
    Path source = options.source;
    Path outDir = out != null ? out : source.resolve("site");
    Optional<String> refusal = OutputGuard.refuse(source, outDir, force);
    if (refusal.isPresent()) {
      err.println("error: " + refusal.get());
      err.flush();
      return Main.USAGE;
    }
    Optional<Content> content = Pipeline.load(source, baseUrl, diagnostics);
    if (content.isEmpty() || Pipeline.failed(diagnostics, options.strict)) {
      Report.diagnostics(diagnostics, err);
      return Main.CONTENT_ERROR;
    }
    Path work = Files.createTempDirectory("eurocities-site-jte");
    Templates.Choice templates = Templates.forSource(source, work);
    StagedDiskOutput.Summary summary;
    int pages;
    try (StagedDiskOutput output = new StagedDiskOutput(outDir)) {
      Pipeline.Rendered rendered =
          Pipeline.generate(content.get(), templates.engine(), source, output, diagnostics);
      if (Pipeline.failed(diagnostics, options.strict)) {
        Report.diagnostics(diagnostics, err);
        return Main.CONTENT_ERROR;
      }
      if (!noCheck) {
        List<SiteChecker.Finding> findings = Pipeline.check(content.get(), rendered);
        if (!findings.isEmpty()) {
          Report.diagnostics(diagnostics, err);
          findings.forEach(f -> err.println(f.format()));
          err.println(findings.size() + " problem" + (findings.size() == 1 ? "" : "s")
              + " in the output; the previous site was left as it was");
          err.flush();
          return Main.CONTENT_ERROR;
        }
      }
      summary = output.commit();
      pages = rendered.pages().size();
    }
    Report.diagnostics(diagnostics, err);
    if (!quiet) {
      double seconds = (System.nanoTime() - start) / 1e9;
      stdout.printf(Locale.ROOT, "Built %d pages into %s in %.2f s: %d files written, %d unchanged, %d removed; %s%n",
          pages, outDir, seconds, summary.written(), summary.unchanged(), summary.removed(),
          diagnostics.count(Severity.WARNING) == 1 ? "1 warning" : diagnostics.count(Severity.WARNING) + " warnings");
      stdout.flush();
    }
    return Main.OK;
  }
}
