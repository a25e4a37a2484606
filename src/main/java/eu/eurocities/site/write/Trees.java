package eu.eurocities.site.write;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Folder walks of the write stage: listing a folder's entries, deleting a tree as far as it can be deleted. */
public final class Trees {
    private Trees() {}

    /** What a deletion left: the files that were in the tree, and one thing that could not be deleted. */
    record Deleted(List<String> files, Optional<Failure> failure) {}

    /** A path that could not be deleted, and why. */
    record Failure(Path path, IOException cause) {}

    /** The names of the entries of {@code dir}, sorted; empty when it does not exist. */
    static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * Deletes {@code dir} and everything in it, the files on all cores, without following links; nothing when it does
     * not exist. What cannot be deleted is left, and the rest deleted.
     *
     * @return the regular files that were in it, relative to it with '/' between names, and a failure if any
     */
    public static Deleted delete(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return new Deleted(List.of(), Optional.empty());
        }
        List<Path> files = new ArrayList<>();
        List<String> regular = new ArrayList<>();
        List<Path> folders = new ArrayList<>(); // each after everything in it
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    files.add(file);
                    if (attributes.isRegularFile()) {
                        regular.add(dir.relativize(file).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    failures.add(new Failure(file, e));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException e) {
                    if (e != null) {
                        failures.add(new Failure(folder, e));
                    }
                    folders.add(folder);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            failures.add(new Failure(dir, e));
        }
        files.parallelStream().forEach(file -> deleteOne(file, failures));
        for (Path folder : folders) {
            deleteOne(folder, failures);
        }
        // the same failure named whatever order the cores deleted in: a file's own before a folder left not empty
        return new Deleted(
                regular,
                failures.stream()
                        .min(java.util.Comparator.comparing(
                                        (Failure f) -> f.cause() instanceof java.nio.file.DirectoryNotEmptyException)
                                .thenComparing(f -> f.path().toString())));
    }

    private static void deleteOne(Path p, List<Failure> failures) {
        try {
            Files.delete(p);
        } catch (NoSuchFileException e) {
            // gone already
        } catch (IOException e) {
            failures.add(new Failure(p, e));
        }
    }
}
