package eu.eurocities.site.write;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Swaps a staged build in as the output.
 *
 * <p>Beside the folder (the usual way): a journal is written, the output folder is renamed aside, the entries it
 * keeps ({@code .git}, {@code CNAME}) are moved into the staging folder, and the staging folder takes the output's
 * name. In place: a journal is written, every entry of the output folder but those it keeps is moved into a folder
 * inside it, the journal is renamed to say so, and the staged entries are moved in. A step that fails undoes the
 * ones before it, so the previous output is whole again and nothing is published. Once the new output is in place
 * the swap has succeeded: a previous copy that cannot be deleted is then a warning naming where it is, never a
 * failure.
 *
 * <p>After a kill, the next build reads the journal and finishes or undoes the swap ({@link SwapRecovery}).
 */
final class Swap {
    private Swap() {}

    /** A swap failed and undoing it failed too; the journal stays, so the next build tries again. */
    static final class Unsettled extends OutputFailure {
        Unsettled(String message, String hint) {
            super(message, hint);
        }
    }

    /**
     * Swaps {@code staging} in beside the output folder.
     *
     * @return the number of files of the previous output that the new one no longer has
     * @throws OutputFailure when the new output could not be put in place; the previous one is then as it was
     */
    static int beside(OutputPlace place, Path staging, Set<String> written, List<Diagnostic> notes)
            throws OutputFailure {
        Path target = place.target();
        boolean had = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
        if (!had && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputFailure("the output path " + target + " is a file, not a folder", "choose another --out");
        }
        Path old = free(place::old);
        List<String> kept = had ? kept(target) : List.of();
        try {
            journal(place, staging, old);
        } catch (IOException e) {
            throw failure(place, "cannot write " + place.journal(), e);
        }
        if (had) {
            try {
                Files.move(target, old);
            } catch (IOException e) {
                dropJournal(place);
                throw failure(place, "cannot move the previous site aside", e);
            }
        }
        try {
            for (String name : kept) {
                Files.move(old.resolve(name), staging.resolve(name));
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (had && !(moveBack(kept, staging, old) && moveBack(List.of(""), old, target))) {
                throw unsettled(place, old, e);
            }
            dropJournal(place);
            throw failure(place, "cannot move the new site into place", e);
        }
        return finish(place, old, written, notes);
    }

    /**
     * Swaps the entries of {@code staging} in for those of the output folder, which stays where it is.
     *
     * @return the number of files of the previous output that the new one no longer has
     * @throws OutputFailure when the new output could not be put in place; the previous one is then as it was
     */
    static int inPlace(OutputPlace place, Path staging, Set<String> written, List<Diagnostic> notes)
            throws OutputFailure {
        Path target = place.target();
        List<String> aside = new ArrayList<>();
        List<String> staged;
        try {
            for (String name : Trees.names(target)) {
                if (!OutputPlace.isKept(name) && !OutputPlace.isWorkName(name)) {
                    aside.add(name);
                }
            }
            staged = Trees.names(staging);
        } catch (IOException e) {
            throw failure(place, "cannot list the folder", e);
        }
        needs(place, aside);
        Path old = free(place::old);
        try {
            journal(place, staging, old);
            Files.createDirectory(old);
        } catch (IOException e) {
            dropJournal(place);
            Trees.delete(old);
            throw failure(place, "cannot begin the swap", e);
        }
        List<String> movedAside = new ArrayList<>();
        try {
            for (String name : aside) {
                Files.move(target.resolve(name), old.resolve(name));
                movedAside.add(name);
            }
            Files.move(place.journal(), place.journalMovingIn(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!moveBack(movedAside, old, target)) {
                throw unsettled(place, old, e);
            }
            dropJournal(place);
            Trees.delete(old);
            throw failure(place, "cannot move the previous site's files aside", e);
        }
        List<String> movedIn = new ArrayList<>();
        try {
            for (String name : staged) {
                Files.move(staging.resolve(name), target.resolve(name));
                movedIn.add(name);
            }
        } catch (IOException e) {
            if (!(moveBack(movedIn, target, staging) && moveBack(movedAside, old, target))) {
                throw unsettled(place, old, e);
            }
            dropJournal(place);
            Trees.delete(old);
            throw failure(place, "cannot move the new site's files into place", e);
        }
        int removed = finish(place, old, written, notes);
        Trees.delete(staging);
        return removed;
    }

    /**
     * What an in-place swap needs, checked before anything is moved: the folder can be written, and so can every
     * folder in it that is moved aside (moving a folder into another one rewrites its link to its parent).
     */
    private static void needs(OutputPlace place, List<String> aside) throws OutputFailure {
        Path target = place.target();
        String hint = "make it writable for the user who builds (or ask its owner to), then build again; nothing was "
                + "changed";
        if (!Files.isWritable(target)) {
            throw new OutputFailure(
                    "cannot swap in the new site at " + place.out() + ": the folder " + target + " cannot be written"
                            + owner(target),
                    hint);
        }
        for (String name : aside) {
            Path p = target.resolve(name);
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(p)) {
                throw new OutputFailure(
                        "cannot swap in the new site at " + place.out() + ": the folder " + p
                                + " cannot be moved aside: it cannot be written" + owner(p),
                        hint);
            }
        }
    }

    private static String owner(Path p) {
        try {
            return " (its owner is "
                    + Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName() + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    /** After the new output is in place: the journal goes, then the previous output, as far as it can be deleted. */
    private static int finish(OutputPlace place, Path old, Set<String> written, List<Diagnostic> notes) {
        dropJournal(place);
        Trees.Deleted deleted = Trees.delete(old);
        deleted.failure().ifPresent(f -> notes.add(leftover(old, f)));
        int removed = 0;
        for (String file : deleted.files()) {
            if (!file.equals(OutputPlace.MARKER) && !written.contains(file)) {
                removed++;
            }
        }
        return removed;
    }

    static Diagnostic leftover(Path dir, Trees.Failure f) {
        return new Diagnostic(
                SourcePos.file(dir.toString()),
                Severity.WARNING,
                "a previous copy of the site is left here and cannot be deleted: " + f.path() + ": "
                        + OutputFailure.reason(f.cause()),
                "it is not part of the site; delete it by hand. Builds into this folder try again and warn while it is "
                        + "there");
    }

    /** The first of {@code names(1)}, {@code names(2)} ... that does not exist: a leftover is never reused. */
    private static Path free(IntFunction<Path> names) {
        for (int n = 1; ; n++) {
            Path p = names.apply(n);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return p;
            }
        }
    }

    /** The top-level entries of {@code dir} that a build keeps ({@code .git}, {@code CNAME}). */
    private static List<String> kept(Path dir) throws OutputFailure {
        try {
            return Trees.names(dir).stream().filter(OutputPlace::isKept).toList();
        } catch (IOException e) {
            throw new OutputFailure(
                    "cannot list the output folder " + dir + ": " + OutputFailure.reason(e),
                    "check that it can be read");
        }
    }

    /**
     * Moves each of {@code names} from {@code from} back to {@code to} where it is still in {@code from} and not yet in
     * {@code to} (the name "" moves {@code from} itself); every move is tried.
     *
     * @return true when all of them are back
     */
    static boolean moveBack(List<String> names, Path from, Path to) {
        boolean all = true;
        for (String name : names) {
            Path src = name.isEmpty() ? from : from.resolve(name);
            Path dst = name.isEmpty() ? to : to.resolve(name);
            if (Files.exists(src, LinkOption.NOFOLLOW_LINKS) && !Files.exists(dst, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.move(src, dst);
                } catch (IOException e) {
                    all = false;
                }
            }
        }
        return all;
    }

    /**
     * Writes the journal whole or not at all (a new file renamed into place): the staging folder and the folder the
     * previous output goes to, by name.
     */
    static void journal(OutputPlace place, Path staging, Path old) throws IOException {
        Path tmp = place.work().resolve(place.prefix() + ".swap.tmp");
        String text = "# a build of eurocities-site is swapping in a new site; if it was stopped, the next build "
                + "finishes or undoes the swap\nstaging: " + staging.getFileName() + "\nold: " + old.getFileName()
                + "\n";
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, place.journal(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** The fields of the journal {@link #journal} wrote. */
    static Map<String, String> readJournal(Path journal) throws IOException {
        Map<String, String> fields = new TreeMap<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            int colon = line.indexOf(": ");
            if (!line.startsWith("#") && colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return fields;
    }

    static void dropJournal(OutputPlace place) {
        try {
            Files.deleteIfExists(place.journal());
            Files.deleteIfExists(place.journalMovingIn());
        } catch (IOException e) {
            // left for the next build, which reads it and finds nothing to undo
        }
    }

    private static OutputFailure failure(OutputPlace place, String what, IOException e) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : null;
        return new OutputFailure(
                "cannot swap in the new site at " + place.out() + ": " + what + ": " + (file == null ? "" : file + ": ")
                        + OutputFailure.reason(e),
                "nothing was changed: the previous site is "
                        + "as it was. Check that " + (file == null ? place.work() : file)
                        + " can be changed (its permissions, "
                        + "attributes, mounts), then build again");
    }

    private static Unsettled unsettled(OutputPlace place, Path old, IOException e) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() + ": " : "";
        return new Unsettled(
                "cannot swap in the new site at " + place.out() + ", nor undo the swap: " + file
                        + OutputFailure.reason(e),
                "the previous site is in " + old + "; the next build puts it back");
    }
}
