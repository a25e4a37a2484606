package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init} starts a site that builds with --strict and no warning, and never writes into a folder in use. */
class InitCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aNewSiteBuildsStrictlyWithItsTitleAndLanguage() throws IOException {
        Path site = tmp.resolve("baltic");
        Cli.Run init = Cli.run("init", site.toString(), "--title", "Baltic \"Test\" Towns", "--language", "fr");
        assertEquals(0, init.code(), init.err());
        // the README is in the site's language, as the example content is
        assertTrue(
                Files.readString(site.resolve("README.md"))
                        .startsWith("# Baltic \"Test\" Towns\n\n"
                                + "Un site fait avec eurocities-site. Que modifier ensuite :\n"),
                Files.readString(site.resolve("README.md")));
        Path out = tmp.resolve("out");
        Cli.Run build = Cli.run("build", "--strict", "--source", site.toString(), "--out", out.toString());
        assertEquals(0, build.code(), build.err());
        assertTrue(build.out().endsWith("; 0 warnings\n"), build.out());
        var home = Jsoup.parse(out.resolve("index.html").toFile(), "UTF-8");
        assertEquals("fr", home.selectFirst("html").attr("lang"));
        assertEquals("Aller au contenu", home.selectFirst(".skip-link").text());
        assertTrue(home.title().contains("Baltic \"Test\" Towns"), home.title());
        // the example content is in the site's language too
        var city =
                Jsoup.parse(out.resolve("cities/ville-d-exemple-un/index.html").toFile(), "UTF-8");
        assertEquals("Ville d’exemple un", city.selectFirst("h1").text());
        assertEquals(
                "Baltic \"Test\" Towns : les villes du réseau et comment y adhérer.",
                Files.readString(site.resolve("content/site.yaml"))
                        .lines()
                        .filter(l -> l.startsWith("description: "))
                        .map(l -> l.substring("description: \"".length(), l.length() - 1)
                                .replace("\\\"", "\""))
                        .findFirst()
                        .orElseThrow());
        assertTrue(home.text().contains("Ce site présente les villes membres du réseau."), home.text());
        assertTrue(home.text().contains("Membre"), home.text());
    }

    @Test
    void aFolderThatHoldsAnythingIsRefusedAndLeftAsItWas() throws IOException {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        Cli.Run init = Cli.run("init", tmp.toString());
        assertEquals(1, init.code());
        assertEquals(
                List.of(
                        "error: " + tmp + " is not empty; init writes only into an empty or new folder",
                        "  hint: name a new folder, e.g. 'init my-network'; nothing was written"),
                init.errLines());
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(tmp.resolve("notes.txt")), files.toList());
        }
    }

    @Test
    void aLanguageTheThemeHasNoTextsForIsAWrongArgument() {
        assertWrongArgument(
                List.of("--language", "de"),
                "error: --language 'de': the theme has no texts in that language",
                "  hint: use en or fr; to add a language, init the site in English and translate the theme's"
                        + " texts into i18n/<language>.yaml: they are listed in templates/i18n/en.yaml of the"
                        + " eurocities-site repository (docs/themes.md: Languages)");
    }

    @Test
    void aLanguageThatIsNoTagIsAWrongArgument() {
        assertWrongArgument(
                List.of("--language", "English please"),
                "error: --language 'English please' is not a language tag",
                "  hint: give a BCP 47 tag such as en, fr or pt-BR");
    }

    /** Every page names the site by its title: an empty one would make a site that fails build --strict. */
    @Test
    void anEmptyTitleIsAWrongArgument() {
        for (String title : List.of("", "   ")) {
            assertWrongArgument(
                    List.of("--title", title),
                    "error: --title '" + title + "' is empty; every page names the site by its title",
                    "  hint: give the network's name, e.g. --title \"Baltic Towns\"");
        }
    }

    /** Runs init into a new folder with {@code options}: a usage error of exactly these two lines, and no folder. */
    private void assertWrongArgument(List<String> options, String error, String hint) {
        List<String> args =
                new java.util.ArrayList<>(List.of("init", tmp.resolve("x").toString()));
        args.addAll(options);
        Cli.Run init = Cli.run(args.toArray(String[]::new));
        assertEquals(2, init.code());
        assertEquals(List.of(error, hint), init.errLines());
        assertTrue(Files.notExists(tmp.resolve("x")));
    }

    /** The README of an English site says what to edit next, with the command that adds a city. */
    @Test
    void anEnglishReadmeGivesTheCommandThatAddsACity() throws IOException {
        Path site = tmp.resolve("baltic");
        assertEquals(
                0, Cli.run("init", site.toString(), "--title", "Baltic Towns").code());
        String readme = Files.readString(site.resolve("README.md"));
        assertTrue(
                readme.startsWith("# Baltic Towns\n\nA site made with eurocities-site. What to edit next:\n"), readme);
        assertTrue(
                readme.contains(
                        "`eurocities-site new city \"Name\" --country XX --membership member` writes a new one."),
                readme);
    }
}
