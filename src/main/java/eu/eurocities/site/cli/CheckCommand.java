package eu.eurocities.site.cli;

import eu.eurocities.site.Main;
import eu.eurocities.site.Pipeline;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.render.Templates;
import eu.eurocities.site.verify.SiteChecker;
import eu.eurocities.site.write.MemoryOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check}: the build without writing anything, plus the output checks. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Validate content/ and check the site it would produce, without writing it.")
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptions options;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Diagnostics diagnostics = new Diagnostics();
    URI baseUrl = options.baseUrl(diagnostics);
    if (diagnostics.hasErrors()) {
      Report.diagnostics(diagnostics, err);
      return Main.USAGE;
    }
    Optional<Content> content = Pipeline.load(options.source, baseUrl, diagnostics);
    if (content.isEmpty() || Pipeline.failed(diagnostics, options.strict)) {
      Report.diagnostics(diagnostics, err);
      return Main.CONTENT_ERROR;
    }
    Templates.Choice templates =
        Templates.forSource(options.source, Files.createTempDirectory("eurocities-site-jte"));
    MemoryOutput output = new MemoryOutput();
    Pipeline.Rendered rendered =
        Pipeline.generate(content.get(), templates.engine(), options.source, output, diagnostics);
    List<SiteChecker.Finding> findings = Pipeline.check(content.get(), rendered);
    Report.diagnostics(diagnostics, err);
    findings.forEach(f -> err.println(f.format()));
    err.flush();
    if (Pipeline.failed(diagnostics, options.strict) || !findings.isEmpty()) {
      return Main.CONTENT_ERROR;
    }
    spec.commandLine().getOut().println("Checked " + rendered.pages().size() + " pages: no problems");
    return Main.OK;
  }
}
