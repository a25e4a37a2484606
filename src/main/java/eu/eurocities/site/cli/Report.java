package eu.eurocities.site.cli;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import java.io.PrintWriter;

/** Prints diagnostics the same way for every command: one per line (plus hint), then the summary line. */
final class Report {
  private Report() {}

  static void diagnostics(Diagnostics diagnostics, PrintWriter err) {
    for (Diagnostic d : diagnostics.sorted()) {
      err.println(d.format());
    }
    if (!diagnostics.sorted().isEmpty()) {
      err.println(diagnostics.summary());
    }
    err.flush();
  }
}
