package eu.eurocities.site.cli;

import java.nio.file.Path;

/**
 * How the commands that write into a source folder name it back to the person who ran them: a file as a path they
 * can open from where they are, and the next command with the {@code --source} it needs.
 */
final class SourceFolder {
    private SourceFolder() {}

    /** The file {@code relative} (e.g. {@code content/cities/lodz.yaml}) in {@code source}, as seen from here. */
    static String shown(Path source, String relative) {
        return isHere(source)
                ? relative
                : source.resolve(relative).normalize().toString().replace('\\', '/');
    }

    /** {@code 'build'} when the source is the current folder, else {@code 'build --source DIR'}. */
    static String build(Path source) {
        return isHere(source) ? "'build'" : "'build --source " + quotedIfNeeded(source.toString()) + "'";
    }

    private static boolean isHere(Path source) {
        return source.normalize().toString().isEmpty();
    }

    private static String quotedIfNeeded(String s) {
        return s.matches("[A-Za-z0-9_./\\\\:-]+") ? s : "\"" + s + "\"";
    }
}
