package eu.eurocities.site.write;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Refuses output folders that a build must never replace: the source folder or one that contains it, a folder
 * inside {@code content/} or {@code templates/}, the user's home, a file system root; and, unless forced, a folder
 * this tool did not create (no {@value OutputPlace#MARKER} marker) that holds anything a build would delete,
 * or a folder it created that now also holds files its last build did not write. Dot files and {@code CNAME} at the
 * top of the folder are never deleted ({@link OutputPlace#isKept}), so they never count; a refusal's hint lists
 * exactly what a build would delete.
 */
public final class OutputGuard {
    private OutputGuard() {}

    /** Names listed in a hint, at most; the counts are always whole. */
    private static final int LISTED = 20;

    /**
     * Checks {@code out} against {@code source}.
     *
     * @return why the folder is refused, or empty when it is safe
     */
    public static Optional<Diagnostic> refuse(Path source, Path out, boolean force) {
        return refuse(source, out, force, Path.of(System.getProperty("user.home")));
    }

    /** {@link #refuse(Path, Path, boolean)} with the user's home folder given. */
    public static Optional<Diagnostic> refuse(Path source, Path out, boolean force, Path userHome) {
        Optional<Diagnostic> place = refusePlace(source, out, userHome);
        if (place.isPresent() || force) {
            return place;
        }
        Path dst = OutputPlace.real(out);
        if (!Files.isDirectory(dst)) {
            return Optional.empty();
        }
        try {
            return Files.exists(dst.resolve(OutputPlace.MARKER)) ? foreign(dst) : notOurs(dst);
        } catch (IOException e) {
            return Optional.of(refused(
                    "cannot read the output folder " + dst + ": " + OutputFailure.reason(e),
                    "check that it can be read, or choose another --out"));
        }
    }

    /**
     * The refusals that no {@code --force} overrides, from the paths alone (nothing is read but links): the root, the
     * home folder, the source folder and folders around or inside it, a file.
     *
     * @return why the folder is refused, or empty when its place is safe
     */
    public static Optional<Diagnostic> refusePlace(Path source, Path out) {
        return refusePlace(source, out, Path.of(System.getProperty("user.home")));
    }

    /** {@link #refusePlace(Path, Path)} with the user's home folder given. */
    public static Optional<Diagnostic> refusePlace(Path source, Path out, Path userHome) {
        Path src = OutputPlace.real(source);
        Path dst = OutputPlace.real(out);
        Path home = OutputPlace.real(userHome);
        if (dst.getParent() == null) {
            return refusal("refusing to write the site into the file system root " + dst);
        }
        if (dst.equals(home)) {
            return refusal("refusing to write the site into your home folder " + dst + "; choose --out site");
        }
        if (dst.equals(src)) {
            return refusal("the output folder " + dst + " is the source folder; choose another --out, e.g. site");
        }
        if (src.startsWith(dst)) {
            return refusal("the output folder " + dst + " contains the source folder " + src
                    + "; choose another --out, e.g. site");
        }
        for (String inner : new String[] {"content", "templates"}) {
            // content/ or templates/ may be a link to a folder elsewhere: its target is as much the source as the link
            Path target = OutputPlace.real(src.resolve(inner));
            if (dst.startsWith(src.resolve(inner)) || dst.startsWith(target)) {
                return refusal(
                        "the output folder " + dst + " is inside " + inner + "/; choose another --out, e.g. site");
            }
            if (target.startsWith(dst)) {
                return refusal("the output folder " + dst + " contains " + inner + "/ (" + target
                        + "); choose another --out, e.g. site");
            }
        }
        if (Files.exists(dst) && !Files.isDirectory(dst)) {
            return refusal("the output path " + dst + " is a file, not a folder");
        }
        return Optional.empty();
    }

    private static Optional<Diagnostic> refusal(String message) {
        return Optional.of(refused(message, null));
    }

    /** Why a folder is refused: an error at no source position, with {@code hint} (or null) saying what to do. */
    private static Diagnostic refused(String message, String hint) {
        return new Diagnostic(SourcePos.NONE, Severity.ERROR, message, hint);
    }

    /** A folder without the marker: refused when a build would delete anything in it. */
    private static Optional<Diagnostic> notOurs(Path dir) throws IOException {
        List<String> doomed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String name : Trees.names(dir)) {
            if (OutputPlace.isKept(name)) {
                kept.add(name);
            } else if (!OutputPlace.isWorkName(name)) {
                doomed.add(name);
            }
        }
        if (doomed.isEmpty()) {
            return Optional.empty();
        }
        int files = 0;
        List<String> listed = new ArrayList<>();
        for (String name : doomed) {
            Path p = dir.resolve(name);
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                int inside = count(p);
                files += inside;
                listed.add(name + "/ (" + plural(inside, "file") + ")");
            } else {
                files++;
                listed.add(name);
            }
        }
        return Optional.of(refused(
                "the output folder " + dir + " is not empty and was not made by this tool",
                "a build would delete " + plural(files, "file") + " in it: " + list(listed) + keeps(kept)
                        + ". Choose another --out, or pass --force to delete them"));
    }

    /** A folder with the marker: refused when it holds files its last build did not write. */
    private static Optional<Diagnostic> foreign(Path dir) throws IOException {
        Set<String> written = StagedDiskOutput.previousFiles(dir);
        if (written == null) {
            return Optional.empty(); // a marker older than its list of files: every file counts as the tool's
        }
        List<String> foreign;
        try (Stream<Path> s = Files.walk(dir)) {
            foreign = s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(OutputPlace.MARKER) && !written.contains(p))
                    .filter(p -> {
                        String top = p.split("/", 2)[0];
                        return !OutputPlace.isKept(top) && !OutputPlace.isWorkName(top);
                    })
                    .sorted()
                    .toList();
        }
        if (foreign.isEmpty()) {
            return Optional.empty();
        }
        boolean one = foreign.size() == 1;
        List<String> kept =
                Trees.names(dir).stream().filter(OutputPlace::isKept).toList();
        return Optional.of(refused(
                "the output folder " + dir + " holds " + plural(foreign.size(), "file")
                        + " that this tool did not write",
                "a build would delete " + list(foreign) + keeps(kept) + ". Move " + (one ? "it" : "them")
                        + " out of the folder, or pass --force to delete " + (one ? "it" : "them")));
    }

    private static String keeps(List<String> kept) {
        return kept.isEmpty() ? "" : "; it keeps " + String.join(", ", kept);
    }

    private static String list(List<String> names) {
        if (names.size() <= LISTED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, LISTED)) + " and " + (names.size() - LISTED) + " more";
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** The files (and links) in {@code dir} and all folders in it. */
    private static int count(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return (int) s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .count();
        }
    }
}
