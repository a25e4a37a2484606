package eu.eurocities.site.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a path given on the command line ({@code --source}, {@code --out}, {@code --report}). Java reads arguments
 * and the current folder's name with the character set of the system's locale, which no JVM option changes on JDK
 * 17: under {@code LC_ALL=C} or without {@code LANG} (many CI containers) that is ASCII, and a folder such as {@code
 * józef/} becomes a name no folder has. That is refused here with the way out, instead of a Java exception or a
 * "no content folder" that would send the editor looking in the wrong place.
 */
public final class PathArgument implements ITypeConverter<Path> {
    /**
     * The path {@code value} names.
     *
     * @throws TypeConversionException when the path, or the current folder a relative one is read from, has
     *     letters the locale's character set could not read
     */
    @Override
    public Path convert(String value) {
        if (value.indexOf('\uFFFD') >= 0) {
            throw unreadable("'" + shown(value) + "'");
        }
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + shown(value) + "' is not a path: " + e.getReason());
        }
        String here = System.getProperty("user.dir", "");
        if (!path.isAbsolute() && here.indexOf('\uFFFD') >= 0) {
            throw unreadable("the current folder '" + shown(here) + "'");
        }
        return path;
    }

    private static TypeConversionException unreadable(String what) {
        return new TypeConversionException(what + " has letters that Java cannot read with this system's locale "
                + "(character set " + System.getProperty("sun.jnu.encoding")
                + "); run the command with a UTF-8 locale, "
                + "e.g. LC_ALL=C.UTF-8 java -jar ..., or with ./eurocities-site, which sets one");
    }

    private static String shown(String s) {
        return s.replace('\uFFFD', '?');
    }
}
