package eu.eurocities.site.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The width and height of an image in CSS pixels, read from its header only: PNG, JPEG and GIF through {@code
 * javax.imageio}, WebP (which the JDK cannot read) and SVG (its {@code width}/{@code height}, else its {@code
 * viewBox}) by a small read of their first bytes.
 *
 * @param width in pixels, at least 1
 * @param height in pixels, at least 1
 */
record ImageSize(int width, int height) {
    private static final Pattern SVG_ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(px)?\\s*");

    /** The size of the image in {@code file}, or empty when it is not an image this reads or its header is broken. */
    static Optional<ImageSize> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            if (name.endsWith(".svg")) {
                return svg(file);
            }
            if (name.endsWith(".webp")) {
                return webp(file);
            }
            if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".gif")) {
                return raster(file);
            }
        } catch (IOException | RuntimeException e) {
            // a broken header: the image is shown without a size, as a browser would show it
        }
        return Optional.empty();
    }

    private static Optional<ImageSize> of(int width, int height) {
        return width > 0 && height > 0 ? Optional.of(new ImageSize(width, height)) : Optional.empty();
    }

    private static Optional<ImageSize> raster(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return of(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }

    /** VP8 (lossy), VP8L (lossless) and VP8X (extended) WebP headers, after the 12-byte RIFF header. */
    private static Optional<ImageSize> webp(Path file) throws IOException {
        byte[] b = head(file, 30);
        if (b.length < 30 || !ascii(b, 0, "RIFF") || !ascii(b, 8, "WEBP")) {
            return Optional.empty();
        }
        if (ascii(b, 12, "VP8 ")) {
            return of(u16(b, 26) & 0x3fff, u16(b, 28) & 0x3fff);
        }
        if (ascii(b, 12, "VP8L")) {
            int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
            return of((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
        }
        if (ascii(b, 12, "VP8X")) {
            return of(u24(b, 24) + 1, u24(b, 27) + 1);
        }
        return Optional.empty();
    }

    private static Optional<ImageSize> svg(Path file) throws IOException {
        String text = new String(head(file, 4096), StandardCharsets.UTF_8);
        Matcher root = SVG_ROOT.matcher(text);
        if (!root.find()) {
            return Optional.empty();
        }
        String tag = root.group();
        Optional<Double> width = number(attribute(tag, "width"));
        Optional<Double> height = number(attribute(tag, "height"));
        if (width.isPresent() && height.isPresent()) {
            return of((int) Math.round(width.get()), (int) Math.round(height.get()));
        }
        String box = attribute(tag, "viewBox");
        if (box != null) {
            String[] parts = box.trim().split("[\\s,]+");
            if (parts.length == 4) {
                return of(
                        (int) Math.round(Double.parseDouble(parts[2])), (int) Math.round(Double.parseDouble(parts[3])));
            }
        }
        return Optional.empty();
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)')")
                .matcher(tag);
        return m.find() ? (m.group(2) != null ? m.group(2) : m.group(3)) : null;
    }

    /** A length in pixels ({@code 120}, {@code 120px}); empty for a percentage or another unit. */
    private static Optional<Double> number(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(value);
        return m.matches() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }

    private static byte[] head(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    private static boolean ascii(byte[] b, int at, String s) {
        return new String(b, at, s.length(), StandardCharsets.ISO_8859_1).equals(s);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int u24(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }
}
