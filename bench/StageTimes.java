import eu.eurocities.site.Pipeline;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.render.Templates;
import eu.eurocities.site.write.Output;
import eu.eurocities.site.write.StagedDiskOutput;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a build's time goes, stage by stage, in one JVM (the same calls as the build command):
 *
 * <pre>
 *   java -cp target/eurocities-site.jar bench/StageTimes.java SOURCE OUT [ROUNDS]
 * </pre>
 *
 * Round 1 is a cold build (what a user gets); later rounds show the same work with warm JIT. "generate, no disk"
 * renders and reads every page but writes nothing, so the difference to "generate" is the cost of writing.
 */
public class StageTimes {
  static long t0;

  static void lap(String what) {
    long t = System.nanoTime();
    System.out.printf("  %-26s %8.0f ms%n", what, (t - t0) / 1e6);
    t0 = System.nanoTime();
  }

  public static void main(String[] args) throws Exception {
    System.out.printf("JVM start to main: %d ms%n", ManagementFactory.getRuntimeMXBean().getUptime());
    Path source = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    for (int r = 1; r <= rounds; r++) {
      System.out.println("round " + r);
      long start = System.nanoTime();
      t0 = start;
      Diagnostics d = new Diagnostics();
      Content content = Pipeline.load(source, null, d).orElseThrow(() -> new IllegalStateException(d.summary()));
      lap("load + validate");
      var engine = Templates.forSource(source, Files.createTempDirectory("stage-times")).engine();
      lap("template engine");
      Output discard = (path, bytes) -> {};
      Pipeline.Rendered dry = Pipeline.generate(content, engine, source, discard, d);
      lap("generate, no disk");
      Pipeline.Rendered rendered;
      try (StagedDiskOutput o = new StagedDiskOutput(out)) {
        rendered = Pipeline.generate(content, engine, source, o, d);
        lap("generate (render+write)");
        int findings = Pipeline.check(content, rendered).size();
        lap("check (" + findings + " findings)");
        var s = o.commit();
        lap("commit (" + s.written() + " written)");
      }
      System.out.printf("  %-26s %8.0f ms (without the dry run), %d pages%n", "total",
          (System.nanoTime() - start) / 1e6, dry.pages().size());
    }
  }
}
