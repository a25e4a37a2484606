package eu.eurocities.site.cli;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Severity;
import java.io.PrintWriter;

/** Prints diagnostics the same way for every command: one per line (plus hint), then the summary line. */
final class Report {
  private Report() {}

  static void diagnostics(Diagnostics diagnostics, PrintWriter err) {
    diagnostics(diagnostics, err, false);
  }

  /**
   * Like {@link #diagnostics(Diagnostics, PrintWriter)}; under {@code --strict} a run that fails on warnings alone
   * says so on its summary line ({@code 0 errors, 1 warning (--strict counts warnings as errors)}).
   */
  static void diagnostics(Diagnostics diagnostics, PrintWriter err, boolean strict) {
    for (Diagnostic d : diagnostics.sorted()) {
      err.println(d.format());
    }
    if (!diagnostics.sorted().isEmpty()) {
      boolean onWarnings = strict && diagnostics.count(Severity.ERROR) == 0 && diagnostics.count(Severity.WARNING) > 0;
      err.println(diagnostics.summary() + (onWarnings ? " (--strict counts warnings as errors)" : ""));
    }
    err.flush();
  }
}
