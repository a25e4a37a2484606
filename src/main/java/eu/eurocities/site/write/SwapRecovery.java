package eu.eurocities.site.write;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finishes or undoes a {@link Swap} that a killed build left half done, by the journal the swap wrote: a swap beside
 * the folder is undone (the previous output is put back); a swap in place is undone while the previous files were
 * being moved aside, and finished once the new ones were being moved in. Also deletes what killed builds left
 * behind, and tells {@code check} where the previous output is while a swap is half done.
 */
final class SwapRecovery {
    private SwapRecovery() {}

    /**
     * Finishes or undoes a swap that a killed build left half done, then deletes what killed builds left behind
     * (staging folders, previous copies). What cannot be deleted is left, named in a warning, and never reused.
     *
     * @param notes receives a warning for each leftover that cannot be deleted
     * @throws OutputFailure when a half-done swap cannot be finished or undone; nothing is deleted then
     */
    static void recover(OutputPlace place, List<Diagnostic> notes) throws IOException {
        OutputPlace beside = new OutputPlace(place.out(), place.target(), false);
        OutputPlace inside = new OutputPlace(place.out(), place.target(), true);
        Path target = place.target();
        if (Files.isRegularFile(beside.journal())) {
            Map<String, String> j = Swap.readJournal(beside.journal());
            Path staging = beside.work().resolve(j.getOrDefault("staging", ""));
            Path old = beside.work().resolve(j.getOrDefault("old", ""));
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(old)) {
                List<String> kept = Trees.names(staging).stream()
                        .filter(OutputPlace::isKept)
                        .toList();
                if (!(Swap.moveBack(kept, staging, old) && Swap.moveBack(List.of(""), old, target))) {
                    throw stuck(place, old);
                }
            }
            Files.delete(beside.journal());
        } else if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(beside.old(1))) {
            Files.move(beside.old(1), target); // the state an earlier version of this tool left: no journal
        }
        boolean movingIn = Files.isRegularFile(inside.journalMovingIn());
        if (Files.isDirectory(target) && (movingIn || Files.isRegularFile(inside.journal()))) {
            Map<String, String> j = Swap.readJournal(movingIn ? inside.journalMovingIn() : inside.journal());
            Path staging = target.resolve(j.getOrDefault("staging", ""));
            Path old = target.resolve(j.getOrDefault("old", ""));
            boolean done = movingIn
                    ? Swap.moveBack(Trees.names(staging), staging, target)
                    : Swap.moveBack(Trees.names(old), old, target);
            if (!done) {
                throw stuck(place, old);
            }
            Swap.dropJournal(inside);
        }
        clean(beside, notes);
        if (Files.isDirectory(target)) {
            clean(inside, notes);
        }
    }

    /**
     * Where the previous output is when a killed build left a swap half done, for {@code check}: a warning on the
     * output folder, or empty when no swap is under way.
     */
    static Optional<Diagnostic> interrupted(OutputPlace place) throws IOException {
        OutputPlace beside = new OutputPlace(place.out(), place.target(), false);
        OutputPlace inside = new OutputPlace(place.out(), place.target(), true);
        Path target = place.target();
        SourcePos at = SourcePos.file(place.out().toString());
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Path old = Files.isRegularFile(beside.journal())
                    ? beside.work().resolve(Swap.readJournal(beside.journal()).getOrDefault("old", ""))
                    : beside.old(1);
            if (Files.isDirectory(old)) {
                return Optional.of(new Diagnostic(
                        at,
                        Severity.WARNING,
                        "there is no output folder here: a build was "
                                + "stopped while it swapped in a new site, and the previous site is in " + old,
                        "the next build puts it back; to check it now, run check --out " + old));
            }
        } else if (Files.isRegularFile(inside.journal()) || Files.isRegularFile(inside.journalMovingIn())) {
            boolean in = Files.isRegularFile(inside.journalMovingIn());
            Map<String, String> j = Swap.readJournal(in ? inside.journalMovingIn() : inside.journal());
            Path where = target.resolve(j.getOrDefault(in ? "staging" : "old", ""));
            return Optional.of(new Diagnostic(
                    at,
                    Severity.WARNING,
                    "a build was stopped while it swapped in a new "
                            + "site, so this folder holds part of "
                            + (in ? "the new site; the rest is in " : "the previous site; the " + "rest is in ")
                            + where,
                    in ? "the next build finishes moving it in" : "the next build puts it back"));
        }
        return Optional.empty();
    }

    /** Deletes what killed builds left in the folder of {@code view}: staging folders, previous copies. */
    private static void clean(OutputPlace view, List<Diagnostic> notes) {
        Pattern leftover = Pattern.compile(Pattern.quote(view.prefix()) + "\\.((staging|old)(-\\d+)?|swap\\.tmp)");
        List<String> names;
        try {
            names = Trees.names(view.work());
        } catch (IOException e) {
            return; // a folder that cannot be listed holds nothing this tool left
        }
        for (String name : names) {
            if (leftover.matcher(name).matches()) {
                Path p = view.work().resolve(name);
                Trees.delete(p).failure().ifPresent(f -> notes.add(Swap.leftover(p, f)));
            }
        }
    }

    private static OutputFailure stuck(OutputPlace place, Path old) {
        return new OutputFailure(
                "a build was stopped while it swapped in a new site at " + place.out()
                        + ", and putting the previous site back failed",
                "the previous site is in " + old + "; move its files back by hand");
    }
}
