package eu.eurocities.site;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Runs the command line in-process, as a user would, and copies the real content for tests that change it. */
public final class Cli {
    private Cli() {}

    /** What one run printed and returned. */
    public record Run(int code, String out, String err) {
        /** The lines written to stderr. */
        public List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** Runs {@code args} and captures stdout and stderr. */
    public static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Run(code, o.toString(), e.toString());
    }

    /** Runs {@code build --source source --out out} with {@code extra} arguments after them. */
    public static Run build(Path source, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "--source", source.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    /** Writes the corpus's smallest valid site ({@code cases/_base.txt}) into {@code dir} and returns {@code dir}. */
    public static Path baseSite(Path dir) {
        try {
            CasesTest.tree(TextArchive.read(CasesTest.CASES.resolve("_base.txt")), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The names of the corpus's cases run with the default arguments ({@code build}), in order. */
    public static List<String> defaultBuildCases() throws IOException {
        List<String> names = new ArrayList<>();
        for (String name : CasesTest.cases().toList()) {
            if (TextArchive.read(CasesTest.CASES.resolve(name + ".txt"))
                    .section("args")
                    .isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Lays corpus case {@code name} over the base site in {@code dir}: writes its files and deletes the files it
     * lists under {@code delete}.
     *
     * @return the paths it wrote or deleted, relative to {@code dir} with '/' separators
     */
    public static Set<String> applyCase(String name, Path dir) throws IOException {
        TextArchive archive = TextArchive.read(CasesTest.CASES.resolve(name + ".txt"));
        Set<String> changed = new TreeSet<>();
        for (String deleted : archive.section("delete")
                .map(d -> d.text()
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .toList())
                .orElse(List.of())) {
            Files.deleteIfExists(dir.resolve(deleted));
            changed.add(deleted);
        }
        CasesTest.tree(archive, dir);
        archive.sections().stream()
                .map(TextArchive.Section::path)
                .filter(p ->
                        Stream.of("content/", "templates/", "static/", "i18n/").anyMatch(p::startsWith))
                .forEach(changed::add);
        return changed;
    }

    /** Copies the repository's {@code content/} into {@code dir}/content and returns {@code dir}. */
    public static Path copyContent(Path dir) {
        try {
            copyTree(Path.of("content"), dir.resolve("content"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * Copies the repository's {@code content/} into {@code dir}/content with {@code language: fr} in its
     * {@code site.yaml}, so that the real content is built with the theme's French texts; returns {@code dir}.
     */
    public static Path frenchCopy(Path dir) throws IOException {
        Path site = copyContent(dir).resolve("content/site.yaml");
        Files.writeString(site, Files.readString(site).replaceFirst("(?m)^language: en$", "language: fr"));
        return dir;
    }

    /** Copies the folder {@code from} with everything in it to {@code to}, replacing files that exist there. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
