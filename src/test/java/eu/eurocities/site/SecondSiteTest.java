package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second network, made as a new user would make it: {@code init --language fr}, then edits. It is fictional (a
 * network of Sahel cities that does not exist; its records state only each city's country), outside Europe and in
 * French, with its own country group, menu, static files, a draft page and one text of the theme overridden.
 * Built with {@code --strict} under a sub-path base URL and checked page by page.
 */
class SecondSiteTest {
    @TempDir
    static Path tmp;

    static Path source;
    static Path out;
    static Cli.Run build;

    static final byte[] PDF = "%PDF-1.4\n% statuts\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @BeforeAll
    static void makeAndBuild() throws IOException {
        source = tmp.resolve("reseau");
        Cli.Run init = Cli.run("init", source.toString(), "--title", "Réseau des villes du Sahel", "--language", "fr");
        assertEquals(0, init.code(), init.err());
        Path content = source.resolve("content");
        Files.writeString(content.resolve("site.yaml"), """
                title: Réseau des villes du Sahel
                base_url: https://example.org/reseau/
                language: fr
                description: Les villes d'un réseau d'exemple et la manière d'y adhérer.
                logo: img/logo.svg
                menu:
                  - title: Villes
                    page: members
                  - title: Statuts
                    page: statuts
                  - title: Pays
                    page: countries
                """);
        Files.writeString(content.resolve("membership.yaml"), """
                country_groups:
                  - id: sahel
                    name: le Sahel
                    countries: [BF, ML, MR, NE, SN, TD]
                categories:
                  - id: membre
                    name: Membre
                    summary: Une ville du Sahel.
                    inside: sahel
                  - id: associe
                    name: Associé
                    summary: Une ville hors du Sahel.
                    outside: sahel
                """);
        try (Stream<Path> examples = Files.list(content.resolve("cities"))) {
            for (Path p : examples.toList()) {
                Files.delete(p);
            }
        }
        Map<String, String> cities = Map.of(
                "dakar", "name: Dakar\ncountry: SN\nmembership: membre\n",
                "bamako", "name: Bamako\ncountry: ML\nmembership: membre\n",
                "niamey", "name: Niamey\ncountry: NE\nmembership: membre\n",
                "abidjan", "name: Abidjan\ncountry: CI\nmembership: associe\n");
        for (Map.Entry<String, String> c : cities.entrySet()) {
            Files.writeString(content.resolve("cities/" + c.getKey() + ".yaml"), c.getValue());
        }
        Files.writeString(content.resolve("pages/home.md"), """
                ---
                title: Accueil
                ---
                Un réseau d'exemple de villes du Sahel. Ses [statuts](statuts/) disent qui peut y adhérer.
                """);
        Files.writeString(content.resolve("pages/statuts.md"), """
                ---
                title: Statuts
                ---
                ![Logo du réseau](/img/logo.svg)

                Les statuts sont aussi en [PDF](/documents/statuts.pdf).
                """);
        Files.writeString(content.resolve("pages/brouillon.md"), """
                ---
                title: Projets
                draft: true
                ---
                Bientôt.
                """);
        Files.createDirectories(source.resolve("static/img"));
        Files.createDirectories(source.resolve("static/documents"));
        Files.writeString(
                source.resolve("static/img/logo.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\" viewBox=\"0 0 40 20\">"
                        + "<rect width=\"40\" height=\"20\" fill=\"#c60\"/></svg>\n");
        Files.write(source.resolve("static/documents/statuts.pdf"), PDF);
        Files.createDirectories(source.resolve("i18n"));
        Files.writeString(source.resolve("i18n/fr.yaml"), "messages:\n  skip-link: Aller au texte\n");
        out = tmp.resolve("site");
        build = Cli.build(source, out, "--strict");
    }

    static Document page(String file) throws IOException {
        return Jsoup.parse(out.resolve(file).toFile(), "UTF-8");
    }

    static List<Path> htmlPages(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void buildsStrictlyWithoutAWord() {
        assertEquals(0, build.code(), build.err());
        assertEquals("", build.err());
    }

    @Test
    void everyPageIsFrenchWithTheMenuOfTheSiteAndTheOverriddenText() throws IOException {
        List<Path> pages = htmlPages(out);
        assertEquals(
                List.of(
                        "404.html",
                        "cities/abidjan/index.html",
                        "cities/bamako/index.html",
                        "cities/dakar/index.html",
                        "cities/niamey/index.html",
                        "countries/ci/index.html",
                        "countries/index.html",
                        "countries/ml/index.html",
                        "countries/ne/index.html",
                        "countries/sn/index.html",
                        "index.html",
                        "members/associe/index.html",
                        "members/index.html",
                        "members/membre/index.html",
                        "search/index.html",
                        "statuts/index.html"),
                pages.stream().map(p -> out.relativize(p).toString()).toList());
        for (Path p : pages) {
            Document d = Jsoup.parse(p.toFile(), "UTF-8");
            String where = out.relativize(p).toString();
            assertEquals("fr", d.selectFirst("html").attr("lang"), where);
            assertEquals("Aller au texte", d.selectFirst(".skip-link").text(), where);
            assertEquals(
                    List.of("Villes", "Statuts", "Pays"),
                    d.select("header nav a").stream().map(a -> a.text()).toList(),
                    where);
            assertEquals(
                    "/reseau/img/logo.svg",
                    java.net
                            .URI
                            .create("https://example.org/reseau/" + where)
                            .resolve(d.selectFirst("header img").attr("src"))
                            .getPath(),
                    where);
        }
        assertEquals(
                "Sénégal", page("countries/sn/index.html").selectFirst("h1").text());
        assertTrue(page("cities/dakar/index.html").text().contains("Sénégal"));
        var logo = page("index.html").selectFirst("header img.logo");
        assertEquals(
                List.of("40", "20"), List.of(logo.attr("width"), logo.attr("height")), "the header keeps its place");
        String css = Files.readString(out.resolve("style.css"));
        assertTrue(css.contains(".bar-membre, .mk-membre { fill: var(--c1); }"), "each category has a colour");
        assertTrue(css.contains(".bar-associe, .mk-associe { fill: var(--c2); }"), "each category has a colour");
    }

    @Test
    void noPageShowsAnEnglishTextOfTheTheme() throws IOException {
        Set<String> english = new TreeSet<>();
        for (Object v : LanguagesTest.messages("en").values()) {
            if (v instanceof Map<?, ?> forms) {
                forms.values().forEach(f -> english.addAll(LanguagesTest.fixedParts(String.valueOf(f))));
            } else {
                english.addAll(LanguagesTest.fixedParts(String.valueOf(v)));
            }
        }
        assertTrue(english.size() > 100, "the English texts were read: " + english.size());
        List<String> found = new ArrayList<>();
        for (Path p : htmlPages(out)) {
            String text = LanguagesTest.visible(Jsoup.parse(p.toFile(), "UTF-8"));
            english.stream().filter(text::contains).forEach(e -> found.add(out.relativize(p) + ": " + e));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void staticFilesArePublishedAndTheDraftIsNot() throws IOException {
        assertArrayEquals(PDF, Files.readAllBytes(out.resolve("documents/statuts.pdf")));
        assertTrue(Files.isRegularFile(out.resolve("img/logo.svg")));
        Document statuts = page("statuts/index.html");
        assertEquals(
                "../documents/statuts.pdf",
                statuts.selectFirst("main a[href$=.pdf]").attr("href"));
        assertEquals("40", statuts.selectFirst("main img").attr("width"));
        assertFalse(Files.exists(out.resolve("brouillon")));
        String sitemap = Files.readString(out.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://example.org/reseau/statuts/</loc>"), sitemap);
        assertFalse(sitemap.contains("brouillon"), sitemap);
        try (Stream<Path> index = Files.walk(out.resolve("search-index"))) {
            for (Path f : index.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f).contains("Projets"), f.toString());
            }
        }

        Path drafts = tmp.resolve("drafts");
        Cli.Run withDrafts = Cli.build(source, drafts, "--drafts");
        assertEquals(0, withDrafts.code(), withDrafts.err());
        Document draft = Jsoup.parse(drafts.resolve("brouillon/index.html").toFile(), "UTF-8");
        assertEquals("Projets", draft.selectFirst("h1").ownText().strip());
        assertTrue(draft.selectFirst(".draft-badge") != null, draft.html());
    }

    @Test
    void theCheckOfTheBuiltFolderPasses() {
        Cli.Run check = Cli.run("check", "--source", source.toString(), "--out", out.toString());
        assertEquals(0, check.code(), check.out() + check.err());
    }
}
