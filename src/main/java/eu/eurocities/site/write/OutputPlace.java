package eu.eurocities.site.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a build's output goes on disk, and how it is swapped in. Usually the output folder itself is replaced: the
 * build is staged beside it ({@code .site.staging}) and two renames swap it in. The folder's contents are swapped
 * instead, with the staging folder inside it ({@code site/.eurocities-site.staging}), when the folder cannot be
 * replaced: it is a mount point (renaming it fails with "Device or resource busy"), the folder it sits in cannot be
 * written, or {@code --out} is a symbolic link, whose target keeps its own owner and mode and gets the new site.
 *
 * @param out the output folder as given, absolute
 * @param target the folder the files go to: {@code out} with symbolic links resolved
 * @param inPlace true when the contents of {@code target} are swapped instead of the folder itself
 */
record OutputPlace(Path out, Path target, boolean inPlace) {

    /** The marker file name written into every output folder this tool creates. */
    static final String MARKER = ".eurocities-site";

    /** The prefix of the names a build uses inside an output folder: its marker and, in place, its work folders. */
    static final String INSIDE = MARKER;

    /**
     * Works out where {@code out} is and how it is swapped in; creates nothing.
     *
     * @throws OutputFailure when {@code out} is a symbolic link to nothing
     */
    static OutputPlace of(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new OutputFailure(
                        "the output folder " + abs + " is a link to " + Files.readSymbolicLink(abs)
                                + ", which is not a folder",
                        "create the folder it points to, or choose another --out");
            }
            return new OutputPlace(abs, abs.toRealPath(), true);
        }
        Path target = real(abs);
        boolean inPlace = target.getParent() != null
                && Files.isDirectory(target)
                && (isMountPoint(target) || !Files.isWritable(target.getParent()));
        return new OutputPlace(abs, target, inPlace);
    }

    /** The folder that holds the staging folder, the previous output while it is swapped out, and the journal. */
    Path work() {
        return inPlace ? target : target.getParent();
    }

    /** The name every work file of this place starts with: {@code .site} beside the folder, the marker inside. */
    String prefix() {
        return inPlace ? INSIDE : "." + target.getFileName();
    }

    /** The staging folder of a build, {@code n} counting from 1 past leftovers that could not be deleted. */
    Path staging(int n) {
        return work().resolve(prefix() + ".staging" + (n == 1 ? "" : "-" + n));
    }

    /** Where the previous output (or, in place, its files) is put while the new one is swapped in. */
    Path old(int n) {
        return work().resolve(prefix() + ".old" + (n == 1 ? "" : "-" + n));
    }

    /** The journal of a swap under way, by which the next build finishes or undoes it after a kill. */
    Path journal() {
        return work().resolve(prefix() + ".swap");
    }

    /**
     * The journal's name once a swap in place has moved every previous entry aside and begins to move the new ones in:
     * renamed, not rewritten, so that a full disk cannot stop it.
     */
    Path journalMovingIn() {
        return work().resolve(prefix() + ".swap-in");
    }

    /**
     * The lock file: beside the folder when the folder it sits in can be written, else inside it. It depends only on
     * the target, so two builds that name one folder by different paths (a link and its target) share it.
     */
    Path lockFile() {
        Path parent = target.getParent();
        if (Files.isWritable(parent) || !Files.isDirectory(target)) {
            return parent.resolve("." + target.getFileName() + ".lock");
        }
        return target.resolve(INSIDE + ".lock");
    }

    /** True for the name of a work file or folder a build keeps inside an output folder (never the marker). */
    static boolean isWorkName(String name) {
        return name.startsWith(INSIDE + ".");
    }

    /**
     * True for a top-level entry of an output folder that a build keeps as it is and never deletes: a dot file or
     * folder ({@code .git}, {@code .nojekyll}) or {@code CNAME}, as Zola's {@code preserve_dotfiles_in_output}.
     */
    static boolean isKept(String name) {
        return (name.startsWith(".") && !name.equals(INSIDE) && !isWorkName(name)) || name.equals("CNAME");
    }

    /** True when {@code dir} is the root of a mount (a tmpfs, a Docker bind mount): it cannot be renamed. */
    static boolean isMountPoint(Path dir) {
        try {
            Object dev = Files.getAttribute(dir, "unix:dev");
            if (!Objects.equals(dev, Files.getAttribute(dir.getParent(), "unix:dev"))) {
                return true;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix attributes here: the mount table below decides alone
        }
        return mountPoints().contains(dir.toString());
    }

    /**
     * The mount points of this process's mount table; a bind mount of a folder of the same file system shows only
     * here. Fields are separated by spaces; a space in a path is written {@code \040}.
     */
    private static java.util.Set<String> mountPoints() {
        Path table = Path.of("/proc/self/mountinfo");
        try {
            java.util.Set<String> points = new java.util.HashSet<>();
            for (String line : Files.readAllLines(table, StandardCharsets.UTF_8)) {
                String[] fields = line.split(" ");
                if (fields.length > 4) {
                    points.add(unescape(fields[4]));
                }
            }
            return points;
        } catch (NoSuchFileException e) {
            return java.util.Set.of();
        } catch (IOException e) {
            return java.util.Set.of();
        }
    }

    private static String unescape(String field) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\'
                    && i + 3 < field.length()
                    && field.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
                b.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The absolute, normalised path with symbolic links resolved as far as the path exists. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        Path rest = Path.of("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
