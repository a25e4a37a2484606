package eu.eurocities.site.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects every diagnostic of one run, so that an editor sees all problems at once. This is the one mutable object
 * a run passes between stages; it is safe to add to from several threads.
 */
public final class Diagnostics {
    private final List<Diagnostic> all = new ArrayList<>();
    /** Where each diagnostic sits in {@link #all}, by severity and position, for {@link #addOnce}. */
    private final Map<Place, Integer> indexByPlace = new HashMap<>();

    private final Set<SourcePos> errorPositions = new HashSet<>();
    private final Set<String> errorPaths = new HashSet<>();
    private final Map<Severity, Integer> counts = new EnumMap<>(Severity.class);

    /** Records an error at {@code pos}; {@code hint} may be null. */
    public void error(SourcePos pos, String message, String hint) {
        add(new Diagnostic(pos, Severity.ERROR, message, hint));
    }

    /** Records an error at {@code pos} without a hint. */
    public void error(SourcePos pos, String message) {
        error(pos, message, null);
    }

    /** Records a warning at {@code pos}; {@code hint} may be null. */
    public void warning(SourcePos pos, String message, String hint) {
        add(new Diagnostic(pos, Severity.WARNING, message, hint));
    }

    /** Records a finished diagnostic. */
    public synchronized void add(Diagnostic diagnostic) {
        indexByPlace.putIfAbsent(place(diagnostic), all.size());
        all.add(diagnostic);
        counts.merge(diagnostic.severity(), 1, Integer::sum);
        if (diagnostic.severity() == Severity.ERROR) {
            errorPositions.add(diagnostic.pos());
            errorPaths.add(diagnostic.pos().path());
        }
    }

    /**
     * Records {@code diagnostic} unless one of the same severity is already recorded at its position; of several
     * there, the one whose message sorts first is kept, so the report does not depend on the order threads add them
     * (a template that fails is reported once, not once per page).
     */
    public synchronized void addOnce(Diagnostic diagnostic) {
        Integer i = indexByPlace.get(place(diagnostic));
        if (i == null) {
            add(diagnostic);
        } else if (diagnostic.message().compareTo(all.get(i).message()) < 0) {
            all.set(i, diagnostic);
        }
    }

    private record Place(Severity severity, SourcePos pos) {}

    private static Place place(Diagnostic d) {
        return new Place(d.severity(), d.pos());
    }

    /** True when at least one error was recorded. */
    public synchronized boolean hasErrors() {
        return !errorPositions.isEmpty();
    }

    /** True when at least one error was recorded in the file at {@code path} (as named in {@link SourcePos}). */
    public synchronized boolean hasErrors(String path) {
        return errorPaths.contains(path);
    }

    /** True when an error was recorded at exactly {@code pos}: the value there was already reported. */
    public synchronized boolean hasErrorAt(SourcePos pos) {
        return errorPositions.contains(pos);
    }

    /** True when at least one error was recorded in a file under the folder {@code folder} (ending in '/'). */
    public synchronized boolean hasErrorsUnder(String folder) {
        return errorPaths.stream().anyMatch(path -> path.startsWith(folder));
    }

    /** The number of diagnostics of the given severity. */
    public synchronized int count(Severity severity) {
        return counts.getOrDefault(severity, 0);
    }

    /**
     * Every diagnostic so far, sorted by path, line and column (then message), so that output is the same from run
     * to run whatever order the stages found them in.
     */
    public synchronized List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(all);
        copy.sort(Comparator.comparing((Diagnostic d) -> d.pos().path())
                .thenComparingInt(d -> d.pos().line())
                .thenComparingInt(d -> d.pos().column())
                .thenComparing(Diagnostic::message));
        return copy;
    }

    /** The closing line of a report: {@code 2 errors, 1 warning}, or {@code no problems}. */
    public String summary() {
        return Reporter.summary(count(Severity.ERROR), count(Severity.WARNING));
    }
}
