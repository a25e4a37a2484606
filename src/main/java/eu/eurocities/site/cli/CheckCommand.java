package eu.eurocities.site.cli;

import eu.eurocities.site.Pipeline;
import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.render.MarkdownLink;
import eu.eurocities.site.render.Templates;
import eu.eurocities.site.verify.ExternalLinks;
import eu.eurocities.site.verify.OutputFacts;
import eu.eurocities.site.verify.SiteChecker;
import eu.eurocities.site.write.StagedDiskOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code check}: checks a built output folder on disk with the same checks a build runs before it swaps its output
 * in. When the source folder has {@code content/}, the content is validated too and findings about links written
 * in Markdown name the Markdown line. With no output folder (and no {@code --out}), the site is built in memory and
 * checked, writing nothing (like {@code zola check}).
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Check a built site: every internal link, anchor, image and stylesheet resolves; every page has "
        + "a title, one h1, a lang and a canonical URL under the base URL; titles are unique; the sitemap lists "
        + "exactly the pages.",
        "Checks the output folder (default: site/ in the source folder); without one, builds the site in memory "
            + "and checks that, writing nothing. External links are not fetched."})
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptions options;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "The built output folder to check (default: site/ in the source folder).")
  Path out;

  @Option(names = "--external",
      description = "Also fetch every external http(s) link and report those that answer with an error or not at "
          + "all. Needs the network, so CI builds do not do this; off by default.")
  boolean external;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
      description = "With --external: how many seconds to wait for each site, at least 1 (default: "
          + "${DEFAULT-VALUE}).")
  int timeout;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Diagnostics diagnostics = new Diagnostics();
    URI baseUrl = options.baseUrl(diagnostics);
    if (timeout < 1) {
      diagnostics.add(new Diagnostic(SourcePos.file("--timeout"), Severity.ERROR,
          "the time to wait for each site must be at least 1 second, not " + timeout,
          "give it in whole seconds, e.g. --timeout 15"));
    }
    if (diagnostics.hasErrors()) {
      Report.diagnostics(diagnostics, err);
      return ExitCode.USAGE;
    }
    Path source = options.source;
    Path outDir = options.outDir(out);
    boolean hasContent = Files.isDirectory(source.resolve("content"));
    Optional<Diagnostic> interrupted = StagedDiskOutput.interrupted(outDir);
    interrupted.ifPresent(diagnostics::add);
    if (!Files.isDirectory(outDir) && (out != null || !hasContent)) {
      interrupted.ifPresent(note -> err.println(note.format()));
      err.println("error: there is no output folder " + outDir + " to check"
          + (hasContent ? "" : " and no content/ in " + source + " to build one from"));
      err.println("  hint: build it first with 'build --out " + outDir + "', or name the folder with --out");
      err.flush();
      return ExitCode.USAGE;
    }
    Optional<Content> content = Optional.empty();
    Templates.Choice templates = null;
    if (hasContent) {
      content = Pipeline.load(source, baseUrl, diagnostics);
      if (content.isEmpty() || Pipeline.failed(diagnostics, options.strict)) {
        Report.diagnostics(diagnostics, err, options.strict);
        return ExitCode.CONTENT_ERROR;
      }
      templates = Templates.forSource(source);
    }
    OutputFacts facts;
    List<MarkdownLink> markdownLinks = List.of();
    String where;
    String base;
    if (Files.isDirectory(outDir)) {
      if (content.isPresent()) {
        markdownLinks = Pipeline.markdownLinks(content.get(), templates.engine(), diagnostics);
      }
      facts = OutputFacts.read(outDir);
      Optional<String> built = baseUrl != null ? Optional.of(baseUrl.toString()) : builtFor(facts);
      if (built.isEmpty() && content.isEmpty()) {
        err.println("error: cannot tell the base URL " + outDir + " was built for: its robots.txt names no sitemap");
        err.println("  hint: pass it with --base-url, e.g. --base-url https://user.github.io/eurocities/");
        err.flush();
        return ExitCode.USAGE;
      }
      base = built.isPresent() ? built.get() : content.get().site().absolute("");
      where = "in " + outDir;
    } else {
      facts = new OutputFacts();
      Pipeline.Rendered rendered = Pipeline.generate(content.get(), templates.engine(), source,
          facts.recording((path, bytes) -> {}), diagnostics);
      markdownLinks = rendered.markdownLinks();
      base = content.get().site().absolute("");
      where = "built in memory (there is no " + outDir + ")";
    }
    if (Pipeline.failed(diagnostics, options.strict)) {
      Report.diagnostics(diagnostics, err, options.strict);
      return ExitCode.CONTENT_ERROR;
    }
    List<SiteChecker.Finding> findings = Pipeline.check(base, facts, markdownLinks,
        external ? new ExternalLinks(Duration.ofSeconds(timeout)) : null);
    Report.diagnostics(diagnostics, err);
    if (!findings.isEmpty()) {
      findings.forEach(f -> err.println(f.format()));
      err.println(findings.size() + " problem" + (findings.size() == 1 ? "" : "s") + " in the output");
      err.flush();
      return ExitCode.CONTENT_ERROR;
    }
    spec.commandLine().getOut().println("Checked " + facts.pagesByFile().size() + " pages " + where + ": no problems");
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }

  /** The base URL an output folder was built for, from the sitemap URL its robots.txt names. */
  private static Optional<String> builtFor(OutputFacts facts) {
    return facts.robotsSitemap()
        .filter(url -> url.endsWith("/sitemap.xml") && url.matches("https?://.+"))
        .map(url -> url.substring(0, url.length() - "sitemap.xml".length()));
  }
}
