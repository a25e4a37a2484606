package eu.eurocities.site.load;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * File names as editors wrote them. Java reads a file name's bytes with the character set of the system's locale
 * ({@code sun.jnu.encoding}, which a command line option cannot change on JDK 17): under {@code LC_ALL=C} or
 * without {@code LANG}, as in many CI containers, that is ASCII, and {@code łódź.yaml} becomes {@code ????d??.yaml},
 * a name no file has. Here the name's own bytes are read as UTF-8 whatever the locale; the {@link Path} from the
 * folder listing still opens the file, since it keeps those bytes.
 */
final class FileNames {
    /** True when the JVM reads file names as UTF-8, so that its names need no second look unless malformed. */
    private static final boolean UTF8 = utf8(System.getProperty("sun.jnu.encoding"));

    private FileNames() {}

    /**
     * The last part of {@code entry}'s path as text (not yet normalised).
     *
     * @param entry a path from a folder listing
     * @return the name read as UTF-8, or empty when its bytes are not UTF-8
     */
    static Optional<String> of(Path entry) {
        String name = entry.getFileName().toString();
        if (UTF8 ? name.indexOf('\uFFFD') < 0 : name.chars().allMatch(c -> c < 0x80)) {
            return Optional.of(name);
        }
        // a file URI spells each byte of the name that is not plain ASCII as %XX, whatever the locale
        String uri = entry.toUri().getRawPath();
        if (uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
        byte[] bytes = percentDecoded(uri.substring(uri.lastIndexOf('/') + 1));
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** {@code entry}'s name for a message when it is not UTF-8: each byte that cannot be shown becomes '?'. */
    static String shown(Path entry) {
        return entry.getFileName().toString().replace('\uFFFD', '?');
    }

    /**
     * {@code name} with each character outside printable ASCII spelt as {@code <U+00FC>}, to tell look-alikes apart.
     */
    static String spelt(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7F) {
                out.append((char) c);
            } else {
                out.append(String.format(Locale.ROOT, "<U+%04X>", c));
            }
        });
        return out.toString();
    }

    /** The bytes a URI path segment spells: {@code %XX} is one byte, any other character its UTF-8 bytes. */
    private static byte[] percentDecoded(String segment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < segment.length()) {
            if (segment.charAt(i) == '%' && i + 2 < segment.length()) {
                out.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int c = segment.codePointAt(i);
                out.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        return out.toByteArray();
    }

    private static boolean utf8(String charset) {
        try {
            return charset != null && Charset.forName(charset).equals(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The file name without its folder and last extension: {@code oslo} for {@code content/cities/oslo.yaml}. */
    static String stem(String file) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        return dot < 0 ? base : base.substring(0, dot);
    }
}
