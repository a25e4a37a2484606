package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The theme's language files: French has every English key, templates use only keys English has, and the real content
 * built with {@code language: fr} shows none of the English texts (so a template that keeps a literal English text,
 * or a key French lacks, fails here).
 */
class LanguagesTest {
    private static final Path I18N = Path.of("templates/i18n");
    /** A {@code t("key"}, {@code n("key"}, {@code h("key"} or {@code hn("key"} call in a template. */
    private static final Pattern USE = Pattern.compile("\\b(?:t|n|h|hn)\\(\"([a-z0-9.-]*[a-z0-9])\"");

    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    static java.util.Map<String, Object> messages(String language) throws IOException {
        java.util.Map<String, Object> file = new Yaml().load(Files.readString(I18N.resolve(language + ".yaml")));
        return (java.util.Map<String, Object>) file.get("messages");
    }

    @Test
    void frenchHasEveryEnglishKeyAndNoOther() throws IOException {
        assertEquals(
                new TreeSet<>(messages("en").keySet()),
                new TreeSet<>(messages("fr").keySet()));
    }

    @Test
    void theLanguagesInitOffersAreTheThemesFiles() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            assertEquals(
                    files.map(f -> f.getFileName().toString().replace(".yaml", ""))
                            .sorted()
                            .toList(),
                    eu.eurocities.site.load.MessagesReader.shipped());
        }
    }

    @Test
    void templatesUseOnlyKeysEnglishHas() throws IOException {
        Set<String> keys = messages("en").keySet();
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        unknown.add(f + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), unknown);
    }

    @Test
    void aFrenchSiteShowsNoEnglishTextOfTheTheme() throws IOException {
        Path source = Cli.frenchCopy(tmp.resolve("src"));
        Path out = tmp.resolve("out");
        Cli.Run build = Cli.build(source, out, "--strict");
        assertEquals(0, build.code(), build.err());
        Set<String> english = new TreeSet<>();
        for (Object v : messages("en").values()) {
            if (v instanceof java.util.Map<?, ?> forms) {
                forms.values().forEach(f -> english.addAll(fixedParts(String.valueOf(f))));
            } else {
                english.addAll(fixedParts(String.valueOf(v)));
            }
        }
        // the real content is in English: a text of the theme that the content also says may come from it
        StringBuilder content = new StringBuilder();
        try (Stream<Path> files = Files.walk(source.resolve("content"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                content.append(Files.readString(f)).append('\n');
            }
        }
        english.removeIf(e -> content.toString().contains(e));
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Document d = Jsoup.parse(f.toFile(), "UTF-8");
                String text = visible(d);
                for (String e : english) {
                    if (text.contains(e)) {
                        found.add(out.relativize(f) + ": " + e);
                    }
                }
            }
        }
        assertEquals(List.of(), found.stream().distinct().limit(30).toList());
        Document home = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertTrue(home.text().contains("Le réseau en chiffres"), home.text());
        Document nl = Jsoup.parse(out.resolve("countries/nl/index.html").toFile(), "UTF-8");
        assertEquals("Pays-Bas", nl.selectFirst("h1").text());
    }

    /**
     * The parts of a message between its placeholders that are long enough to be English words of the theme rather
     * than words French shares ("Population", "Type", "Page", "km"): at least two words or twelve letters.
     */
    static List<String> fixedParts(String message) {
        List<String> parts = new ArrayList<>();
        for (String p : message.split("\\{[a-z]+\\}")) {
            String s = p.strip().replaceAll("^[,.:;·]+|[,.:;·]+$", "").strip();
            if ((s.contains(" ") && s.length() >= 8 || s.length() >= 12) && s.matches(".*[a-z]{3}.*")) {
                parts.add(s);
            }
        }
        return parts;
    }

    /**
     * The text a visitor reads or hears: the body's text, the attributes that are shown or read out, and the page's
     * description (search engines show it).
     */
    static String visible(Document d) {
        StringBuilder out = new StringBuilder(d.title())
                .append('\n')
                .append(d.body().text())
                .append('\n')
                .append(d.select("meta[name=description]").attr("content"));
        for (Element e : d.getAllElements()) {
            for (String a : List.of("aria-label", "title", "placeholder", "alt", "data-texts")) {
                out.append('\n').append(e.attr(a));
            }
        }
        return out.toString();
    }
}
