package eu.eurocities.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text archive in the manner of Go's txtar (as Hugo's integration tests use it): a comment, then sections that
 * each start with a line {@code -- name --}. A section whose name ends in {@code [escaped]} has its bytes spelt
 * with escapes, so that a case can hold what a text file cannot show: {@code \t}, {@code \r}, {@code \xHH} (one
 * byte), {@code \\}, and {@code \repeat{N}{text}} (text, itself escaped, N times).
 *
 * @param comment the text before the first section
 * @param sections the sections in file order
 */
record TextArchive(String comment, List<Section> sections) {
    private static final Pattern MARKER = Pattern.compile("^-- (.+?) --$", Pattern.MULTILINE);
    private static final String ESCAPED = " [escaped]";

    /** One section: its name as written and its text (every line ending in '\n'). */
    record Section(String name, String text) {
        /** The name without the {@code [escaped]} flag. */
        String path() {
            return name.endsWith(ESCAPED) ? name.substring(0, name.length() - ESCAPED.length()) : name;
        }

        /** The section's bytes, with escapes decoded when the section is marked {@code [escaped]}. */
        byte[] bytes() {
            return name.endsWith(ESCAPED) ? unescape(text) : text.getBytes(StandardCharsets.UTF_8);
        }
    }

    static TextArchive read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    static TextArchive parse(String text) {
        Matcher m = MARKER.matcher(text);
        List<Section> sections = new ArrayList<>();
        String comment = null;
        int start = 0;
        String name = null;
        while (m.find()) {
            if (name == null) {
                comment = text.substring(0, m.start());
            } else {
                sections.add(new Section(name, text.substring(start, m.start())));
            }
            name = m.group(1);
            start = Math.min(m.end() + 1, text.length());
        }
        if (name == null) {
            return new TextArchive(text, List.of());
        }
        sections.add(new Section(name, text.substring(start)));
        return new TextArchive(comment, List.copyOf(sections));
    }

    /** The section called {@code path}, if any. */
    Optional<Section> section(String path) {
        return sections.stream().filter(s -> s.path().equals(path)).findFirst();
    }

    /** This archive with {@code path}'s text replaced (or added at the end). */
    TextArchive with(String path, String text) {
        List<Section> out = new ArrayList<>();
        boolean found = false;
        for (Section s : sections) {
            if (s.path().equals(path)) {
                out.add(new Section(s.name(), text));
                found = true;
            } else {
                out.add(s);
            }
        }
        if (!found) {
            out.add(new Section(path, text));
        }
        return new TextArchive(comment, out);
    }

    /** The archive as text again. */
    String format() {
        StringBuilder b = new StringBuilder(comment);
        for (Section s : sections) {
            b.append("-- ").append(s.name()).append(" --\n").append(s.text());
        }
        return b.toString();
    }

    static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                i++;
                continue;
            }
            char e = text.charAt(i + 1);
            if (e == 'x') {
                out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
                i += 4;
            } else if (text.startsWith("repeat{", i + 1)) {
                int countEnd = text.indexOf('}', i);
                int count = Integer.parseInt(text.substring(i + 8, countEnd));
                int bodyEnd = text.indexOf('}', countEnd + 2);
                byte[] body = unescape(text.substring(countEnd + 2, bodyEnd));
                for (int k = 0; k < count; k++) {
                    out.writeBytes(body);
                }
                i = bodyEnd + 1;
            } else {
                out.write(e == 't' ? '\t' : e == 'r' ? '\r' : e == 'n' ? '\n' : e);
                i += 2;
            }
        }
        return out.toByteArray();
    }
}
