package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a content file as text the way editors save it: UTF-8, with or without a byte-order mark, with '\n' or
 * '\r\n' line endings. The result always has '\n' line endings and no BOM, so parser positions match the lines
 * an editor sees, and is in Unicode's composed form (NFC), so that "Zürich" typed on a Mac (u and a combining
 * diaeresis) and on Windows (one letter ü) is the same text everywhere after loading.
 */
public final class TextFile {
    /** Content files larger than this (in bytes) are refused: no record needs a megabyte. */
    static final int MAX_BYTES = 1_000_000;

    private TextFile() {}

    /**
     * Reads {@code file}; on a problem records an error at {@code display} and returns empty. Anything that is not a
     * regular file after following links (a named pipe, a socket, a device) is refused without being opened, since
     * reading a named pipe would wait for a writer for ever.
     *
     * @param file the file to read
     * @param display the path to name in messages, relative to the source folder
     * @param diagnostics where problems go: not a regular file, unreadable, too large, empty, not UTF-8
     * @return the text with BOM removed, line endings normalised and in NFC, or empty after an error
     */
    public static Optional<String> read(Path file, String display, Diagnostics diagnostics) {
        byte[] bytes;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            boolean link = Files.isSymbolicLink(file);
            if (attributes.isDirectory() && !link) {
                diagnostics.error(
                        SourcePos.start(display),
                        "cannot read file: it is a folder",
                        "a content file cannot be a folder: move what is in it where it belongs, then delete it");
                return Optional.empty();
            }
            if (!attributes.isRegularFile() && !attributes.isDirectory()) {
                diagnostics.error(
                        SourcePos.start(display),
                        "cannot read file: it is " + (link ? "a link to " : "") + kind(file) + ", not "
                                + (link ? "to " : "") + "a regular file",
                        link
                                ? "point the link at the file, or replace the link with the file itself"
                                : "replace it with the file itself, or move it out of content/");
                return Optional.empty();
            }
        } catch (IOException e) {
            // a link leading nowhere, or a file removed meanwhile: the open below says which
        }
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1); // one open and read, and no more of a huge file than needed
        } catch (IOException e) {
            if (Files.isSymbolicLink(file)) {
                diagnostics.error(
                        SourcePos.start(display),
                        Files.notExists(file)
                                ? "cannot read file: it is a link to a file that does not exist"
                                : "cannot read file: it is a link that does not lead to a file (a loop of links, or "
                                        + "a folder)",
                        "point the link at the file, or replace the link with the file itself");
            } else if (e instanceof NoSuchFileException) {
                diagnostics.error(
                        SourcePos.start(display),
                        "cannot read file: it was removed while the build read it",
                        "build again");
            } else {
                diagnostics.error(
                        SourcePos.start(display),
                        "cannot read file: " + e.getMessage(),
                        "check that the file can be read");
            }
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES) {
            diagnostics.error(
                    SourcePos.start(display),
                    "file is larger than " + MAX_BYTES / 1000 + " kB",
                    "content files are small records; check that this is the file you meant to put here");
            return Optional.empty();
        }
        return decode(bytes, display, diagnostics);
    }

    /** Decodes bytes already read; same rules and messages as {@link #read}. */
    public static Optional<String> decode(byte[] bytes, String display, Diagnostics diagnostics) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        if (bytes.length >= 2
                && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                        || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            diagnostics.error(
                    SourcePos.start(display),
                    "file is saved as UTF-16, not UTF-8",
                    "save the file with UTF-8 encoding (most editors offer it under 'Save with encoding')");
            return Optional.empty();
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            SourcePos at = firstBadByte(bytes, start, display);
            diagnostics.error(
                    at,
                    "file is not valid UTF-8",
                    "save the file with UTF-8 encoding (most editors offer it under 'Save with encoding')");
            return Optional.empty();
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        text = nfc(text); // before any position is counted, so that columns are those of the text the parsers see
        for (int i = 0, line = 1, column = 1; i < text.length(); i++, column++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 0;
            } else if (Character.isISOControl(c) && c != '\t') {
                diagnostics.error(
                        new SourcePos(display, line, column),
                        String.format(Locale.ROOT, "the file holds an invisible control character (U+%04X)", (int) c),
                        "delete it; such characters come from copying text out of other programs");
                return Optional.empty();
            }
        }
        if (text.isBlank()) {
            diagnostics.error(
                    SourcePos.start(display),
                    "file is empty",
                    display.endsWith(".md")
                            ? "start the page with its front matter: '---', 'title: ...', '---', then its text; or "
                                    + "delete the file"
                            : "write the record's fields, or delete the file");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** {@code text} in Unicode's composed form (NFC); the same string when it is in that form already. */
    public static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * What a file that is neither a regular file nor a folder is, in words: a named pipe (FIFO), a socket or a
     * device where the file system says so, otherwise "a special file".
     */
    static String kind(Path file) {
        try {
            return switch ((Integer) Files.getAttribute(file, "unix:mode") & 0170000) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0140000 -> "a socket";
                case 0020000, 0060000 -> "a device";
                default -> "a special file";
            };
        } catch (IOException | RuntimeException e) {
            return "a special file"; // no unix view (Windows)
        }
    }

    /** Finds the line and column (in characters) of the first byte that is not valid UTF-8. */
    private static SourcePos firstBadByte(byte[] bytes, int start, String display) {
        int line = 1;
        int column = 1;
        int i = start;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int len = b < 0x80
                    ? 1
                    : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (len == 0 || i + len > bytes.length || !validSequence(bytes, i, len)) {
                return new SourcePos(display, line, column);
            }
            if (b == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += len;
        }
        return new SourcePos(display, line, column);
    }

    private static boolean validSequence(byte[] bytes, int i, int len) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            decoder.decode(ByteBuffer.wrap(bytes, i, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
