package eu.eurocities.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main navigation comes from content: {@code menu:} in site.yaml, else the pages' front matter. */
class MenuTest {
    @TempDir
    Path tmp;

    private static final String SITE = """
      title: Test network
      base_url: https://example.org/
      language: en
      description: A small site for tests.
      """;

    /**
     * Each link of the main navigation as "text -> href", with " (current)" where aria-current="page" (the link leads
     * to this page) and " (section)" where aria-current="true" (this page is in the section it leads to).
     */
    private static List<String> nav(Path out, String file) throws IOException {
        Document doc = Jsoup.parse(out.resolve(file).toFile(), "UTF-8");
        return doc.select("header nav a").stream()
                .map(a -> a.text() + " -> " + a.attr("href")
                        + switch (a.attr("aria-current")) {
                            case "page" -> " (current)";
                            case "true" -> " (section)";
                            case "" -> "";
                            default -> " (aria-current=" + a.attr("aria-current") + ")";
                        })
                .toList();
    }

    @Test
    void siteYamlMenuRenamesReordersAndDropsBuiltInPagesAndAddsPagesAndAddresses() throws IOException {
        Path source = Cli.baseSite(tmp.resolve("src"));
        Files.writeString(source.resolve("content/site.yaml"), SITE + """
        menu:
          - title: About us
            page: about
          - title: Our rules
            page: rules
          - title: Cities
            page: members
          - title: Statutes
            url: /statutes.html
          - title: Elsewhere
            url: https://example.com/
        """);
        Files.writeString(source.resolve("content/pages/about.md"), "---\ntitle: About\n---\nAbout us.\n");
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.build(source, out, "--no-check");
        assertEquals(0, r.code(), r.err());
        assertEquals(
                List.of(
                        "About us -> ../about/",
                        "Our rules -> ../membership/ (current)",
                        "Cities -> ../members/",
                        "Statutes -> ../statutes.html",
                        "Elsewhere -> https://example.com/"),
                nav(out, "membership/index.html"));
        assertEquals(
                List.of(
                        "About us -> ../../about/",
                        "Our rules -> ../../membership/",
                        "Cities -> ../../members/ (section)",
                        "Statutes -> ../../statutes.html",
                        "Elsewhere -> https://example.com/"),
                nav(out, "cities/lyon/index.html"));
        assertEquals(
                List.of(
                        "About us -> about/",
                        "Our rules -> membership/",
                        "Cities -> members/",
                        "Statutes -> statutes.html",
                        "Elsewhere -> https://example.com/"),
                nav(out, "index.html"));
    }

    @Test
    void withoutSiteYamlMenuThePagesWithMenuOrOrderFollowMembersAndCountriesInTheirOrder() throws IOException {
        Path source = Cli.baseSite(tmp.resolve("src"));
        Files.writeString(
                source.resolve("content/pages/about.md"),
                "---\ntitle: About the network\nmenu: About\n" + "order: 1\n---\nAbout us.\n");
        Files.writeString(source.resolve("content/pages/contact.md"), "---\ntitle: Contact\n---\nWrite to us.\n");
        Path out = tmp.resolve("out");
        Cli.Run r = Cli.build(source, out);
        assertEquals(0, r.code(), r.err());
        // _base.txt: strategy-and-activities.md has order 2 ("Strategy"), membership.md order 3; contact.md has neither
        assertEquals(
                List.of(
                        "Members -> ../members/",
                        "Countries -> ../countries/",
                        "About -> ../about/ (current)",
                        "Strategy -> ../strategy-and-activities/",
                        "Membership rules -> ../membership/"),
                nav(out, "about/index.html"));
    }

    @Test
    void aMenuEntryLeadsToADraftPageOnlyWhereDraftsAreShown() throws IOException {
        Path source = Cli.baseSite(tmp.resolve("src"));
        Files.writeString(source.resolve("content/site.yaml"), SITE + """
        menu:
          - title: Members
            page: members
          - title: About
            page: about
        """);
        Files.writeString(source.resolve("content/pages/about.md"), "---\ntitle: About\ndraft: true\n---\nSoon.\n");
        Cli.Run r = Cli.build(source, tmp.resolve("out"), "--strict");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("Members -> members/"), nav(tmp.resolve("out"), "index.html"));
        r = Cli.build(source, tmp.resolve("drafts"), "--drafts");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("Members -> members/", "About -> about/"), nav(tmp.resolve("drafts"), "index.html"));
    }
}
