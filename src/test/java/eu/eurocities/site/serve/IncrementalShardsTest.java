package eu.eurocities.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds of a site big enough for the search index to cut its shards (the real cities and 1,500 generated ones,
 * all with words starting "synth"), where a rebuild takes over the search shards and open data rows of the cities
 * that did not change: after each edit of a city's name, country, category, population or file name, every file is
 * byte for byte what a fresh build of the same files gives.
 */
class IncrementalShardsTest {
    static final int CITIES = 1_500;
    static final List<String> COUNTRIES = List.of("AT", "BE", "DE", "FR", "IT", "PL", "SE");

    @TempDir
    Path tmp;

    Path source;
    IncrementalBuild build;

    @Test
    void cityEditsInAShardedSiteGiveTheFilesOfAFreshBuild() throws IOException {
        source = tmp.resolve("source");
        eu.eurocities.site.Cli.copyContent(source);
        for (int i = 1; i <= CITIES; i++) {
            write("content/cities/synthcity-" + i + ".yaml", city("Synthcity " + i, COUNTRIES.get(i % 7), 250_000 + i));
        }
        build = new IncrementalBuild(source, IncrementalBuildTest.URL, Files.createDirectories(tmp.resolve("work")));
        IncrementalBuild.Result first = build.run(Set.of(), true);
        assertTrue(first.ok(), errors(first));
        assertTrue(first.files().containsKey("search-index/synthcity.json"), "the shards are cut down to words");

        // a small city becomes the biggest: it enters the inner shards' files of the biggest cities
        edit("content/cities/synthcity-7.yaml", city("Synthcity 7", "AT", 9_000_000));
        // a new name: the city leaves the "s" shards for the "z" ones
        edit("content/cities/synthcity-8.yaml", city("Zephyr 8", "BE", 250_008));
        // another country: its words of the country's names change
        edit("content/cities/synthcity-9.yaml", city("Synthcity 9", "PL", 250_009));
        // another category, with a population under the full members' threshold
        write(
                "content/cities/synthcity-10.yaml",
                city("Synthcity 10", "DE", 120_000).replace("full", "partner"));
        rebuild("content/cities/synthcity-10.yaml");
        // another file name: another slug and address, in another place of the plan
        String moved = read("content/cities/synthcity-11.yaml");
        Files.delete(source.resolve("content/cities/synthcity-11.yaml"));
        write("content/cities/aaa-synthcity-11.yaml", moved);
        rebuild("content/cities/synthcity-11.yaml", "content/cities/aaa-synthcity-11.yaml");
        // a city gone, and one added
        Files.delete(source.resolve("content/cities/synthcity-12.yaml"));
        write("content/cities/zz-new.yaml", city("Synthcity New", "SE", 3_000_000));
        rebuild("content/cities/synthcity-12.yaml", "content/cities/zz-new.yaml");
        // back to the first name, with a population that ties with another city's
        edit("content/cities/synthcity-8.yaml", city("Synthcity 8", "BE", 250_100));
    }

    /**
     * Each kind of edit in the same sharded site, where a rebuild also takes the names' folded forms and slugs, and
     * the city records, from the last run: after each, the files and the messages are those of a
     * fresh build, and after an edit that makes an error, the fix gives the files of a fresh build again.
     */
    @Test
    void everyKindOfEditGivesTheFilesAndMessagesOfAFreshBuild() throws IOException {
        source = tmp.resolve("source");
        eu.eurocities.site.Cli.copyContent(source);
        for (int i = 1; i <= CITIES; i++) {
            write("content/cities/synthcity-" + i + ".yaml", city("Synthcity " + i, COUNTRIES.get(i % 7), 250_000 + i));
        }
        build = new IncrementalBuild(source, IncrementalBuildTest.URL, Files.createDirectories(tmp.resolve("work")));
        assertTrue(build.run(Set.of(), true).ok());

        // coordinates: the city gets neighbours, and becomes one
        edit(
                "content/cities/synthcity-20.yaml",
                city("Synthcity 20", "FR", 250_020) + "location:\n  latitude: 48.85\n  longitude: 2.35\n");
        // a name with letters that fold and slug differently, and a local name
        edit("content/cities/synthcity-21.yaml", city("Łęczyca Śląska", "PL", 250_021) + "local_name: Łęczyca\n");
        // a content error across files (two records of one name): the fix gives a fresh build's files again
        write("content/cities/synthcity-22.yaml", city("Synthcity 23", "IT", 250_022));
        IncrementalBuild.Result broken = build.run(Set.of("content/cities/synthcity-22.yaml"), false);
        assertEquals(
                List.of("content/cities/synthcity-23.yaml:1:7: error: city name 'Synthcity 23' is also used by "
                        + "content/cities/synthcity-22.yaml"),
                broken.diagnostics().stream()
                        .filter(d -> d.severity() == Severity.ERROR)
                        .map(d -> d.format().lines().findFirst().orElseThrow())
                        .toList());
        edit("content/cities/synthcity-22.yaml", city("Synthcity 22", "IT", 7_000_000));
        // a stray file (a warning), then gone again
        write("content/cities/notes.txt", "to do");
        assertEquals(
                List.of("content/cities/notes.txt:1:1: warning: ignored: city records are files ending in .yaml"),
                rebuild("content/cities/notes.txt").diagnostics().stream()
                        .filter(d -> d.pos().path().equals("content/cities/notes.txt"))
                        .map(d -> d.format().lines().findFirst().orElseThrow())
                        .toList());
        Files.delete(source.resolve("content/cities/notes.txt"));
        assertTrue(rebuild("content/cities/notes.txt").diagnostics().stream()
                .noneMatch(d -> d.pos().path().equals("content/cities/notes.txt")));
        // a city added, and one deleted
        write("content/cities/aaa-new.yaml", city("Aaa New", "SE", 400_000));
        rebuild("content/cities/aaa-new.yaml");
        Files.delete(source.resolve("content/cities/synthcity-30.yaml"));
        rebuild("content/cities/synthcity-30.yaml");
        // a Markdown page
        String strategy = read("content/pages/strategy-and-activities.md");
        edit("content/pages/strategy-and-activities.md", strategy.replace("four themes", "four big themes"));
        // the site's own language file, which every page's texts come from
        Files.createDirectories(source.resolve("i18n"));
        edit(
                "i18n/en.yaml",
                "messages:\n  plan.city-description: \"{city} ({country}), a {category} of the {network}.\"\n");
        assertTrue(
                new String(
                                build.run(Set.of(), false).files().get("cities/synthcity-5/index.html"),
                                StandardCharsets.UTF_8)
                        .contains("Synthcity 5 ("),
                "the language file's text is on the city pages");
    }

    /**
     * Edits of {@code membership.yaml}, whose countries and categories a rebuild shares with the last run while they
     * are equal: a country joining a group changes the {@code eu} column of its cities' open data rows though their
     * records did not change; a group renamed, and a category renamed, change pages but no record; a group that
     * breaks a rule gives a fresh build's messages, and its undoing a fresh build's files again.
     */
    @Test
    void membershipEditsGiveTheFilesOfAFreshBuild() throws IOException {
        source = tmp.resolve("source");
        eu.eurocities.site.Cli.copyContent(source);
        for (int i = 1; i <= CITIES; i++) {
            write("content/cities/synthcity-" + i + ".yaml", city("Synthcity " + i, COUNTRIES.get(i % 7), 250_000 + i));
        }
        write(
                "content/cities/vaduz-synth.yaml",
                city("Vaduz Synth", "LI", 60_000).replace("full", "partner"));
        build = new IncrementalBuild(source, IncrementalBuildTest.URL, Files.createDirectories(tmp.resolve("work")));
        assertTrue(build.run(Set.of(), true).ok());
        String membership = read("content/membership.yaml");
        String eu = "countries: [AT, BE,";
        assertTrue(membership.contains(eu), membership);
        // the city's record is the last run's, its country is not
        String withLiechtenstein = membership.replace(eu, "countries: [LI, AT, BE,");
        edit("content/membership.yaml", withLiechtenstein);
        assertTrue(
                new String(build.run(Set.of(), false).files().get("members.csv"), StandardCharsets.UTF_8)
                        .contains("vaduz-synth,Vaduz Synth,,LI,Liechtenstein,true,partner,"),
                "Liechtenstein is in the group eu");
        edit(
                "content/membership.yaml",
                withLiechtenstein
                        .replace("name: the European Union", "name: the Union")
                        .replace("name: Partner\n", "name: Partner city\n"));
        // Austria's full members are no longer inside the group their category asks for; then all as it was
        IncrementalBuild.Result outside = edit("content/membership.yaml", membership.replace(eu, "countries: [BE,"));
        assertTrue(
                outside.diagnostics().stream().anyMatch(d -> d.pos().path().startsWith("content/cities/synthcity-")),
                "the Austrian cities are told");
        edit("content/membership.yaml", membership);
    }

    /**
     * Links into pages that a rebuild does not write again, where the output check reads again only the pages that
     * changed: a changed page whose link leads to no id of an unchanged page, and an unchanged page whose link leads
     * to an id that a changed page no longer has, fail the rebuild with the findings of a fresh build; after each
     * fix the files are a fresh build's again.
     */
    @Test
    void linksIntoPagesNotWrittenAgainAreCheckedAsAFreshBuildChecksThem() throws IOException {
        source = tmp.resolve("source");
        eu.eurocities.site.Cli.copyContent(source);
        for (int i = 1; i <= CITIES; i++) {
            write("content/cities/synthcity-" + i + ".yaml", city("Synthcity " + i, COUNTRIES.get(i % 7), 250_000 + i));
        }
        String located = city("Synthcity 20", "FR", 250_020) + "location:\n  latitude: 48.85\n  longitude: 2.35\n";
        write("content/cities/synthcity-20.yaml", located);
        String membership = read("content/pages/membership.md");
        String linked = membership + "\nSee [where it is](/cities/synthcity-20/#map-heading).\n";
        write("content/pages/membership.md", linked);
        build = new IncrementalBuild(source, IncrementalBuildTest.URL, Files.createDirectories(tmp.resolve("work")));
        assertTrue(build.run(Set.of(), true).ok());
        assertTrue(
                new String(build.run(Set.of(), false).files().get("membership/index.html"), StandardCharsets.UTF_8)
                        .contains("#map-heading\""),
                "the page links to the map's heading");

        // an edited page links to an id that an unchanged city page does not have
        String strategy = read("content/pages/strategy-and-activities.md");
        write(
                "content/pages/strategy-and-activities.md",
                strategy + "\nSee [its neighbours](/cities/synthcity-5/#nearby-heading).\n");
        assertEquals(
                List.of("content/pages/strategy-and-activities.md:"),
                failing("content/pages/strategy-and-activities.md").stream()
                        .map(f -> f.substring(0, f.indexOf(':') + 1))
                        .toList());
        edit("content/pages/strategy-and-activities.md", strategy);
        // the city loses its location, and with it the heading that the unchanged membership page links to
        write("content/cities/synthcity-20.yaml", city("Synthcity 20", "FR", 250_020));
        List<String> lost = failing("content/cities/synthcity-20.yaml");
        assertEquals(1, lost.size(), lost.toString());
        assertTrue(
                lost.get(0).startsWith("content/pages/membership.md:")
                        && lost.get(0).contains("no element with id 'map-heading' in cities/synthcity-20/index.html"),
                lost.toString());
        edit("content/cities/synthcity-20.yaml", located);
        // the page that links to it changes while the heading is gone, then the heading comes back
        write("content/cities/synthcity-20.yaml", city("Synthcity 20", "FR", 250_020));
        failing("content/cities/synthcity-20.yaml");
        write("content/pages/membership.md", linked.replace("where it is", "where the city is"));
        failing("content/pages/membership.md");
        edit("content/cities/synthcity-20.yaml", located);
    }

    /**
     * Rebuilds after {@code changed} and checks that the rebuild fails with what a fresh build of the same files
     * says: the same messages and output findings.
     *
     * @return the findings, formatted, first lines only
     */
    List<String> failing(String... changed) throws IOException {
        IncrementalBuild.Result r = build.run(Set.of(changed), false);
        IncrementalBuild.Result freshBuild = new IncrementalBuild(
                        source, IncrementalBuildTest.URL, Files.createTempDirectory(tmp, "fresh"))
                .run(Set.of(), true);
        assertEquals(false, freshBuild.ok(), "a fresh build fails");
        assertEquals(false, r.ok(), "the rebuild after editing " + List.of(changed) + " fails as a fresh build does");
        assertEquals(
                freshBuild.diagnostics().stream().map(Diagnostic::format).toList(),
                r.diagnostics().stream().map(Diagnostic::format).toList(),
                "messages after editing " + List.of(changed));
        List<String> findings = r.findings().stream().map(Diagnostic::format).toList();
        assertEquals(
                freshBuild.findings().stream().map(Diagnostic::format).toList(),
                findings,
                "output findings after editing " + List.of(changed));
        assertEquals(freshBuild.summary(), r.summary());
        return findings.stream().map(f -> f.lines().findFirst().orElseThrow()).toList();
    }

    static String errors(IncrementalBuild.Result r) {
        return r.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .map(Diagnostic::format)
                .toList()
                .toString();
    }

    static String city(String name, String country, long population) {
        return "name: " + name + "\ncountry: " + country + "\nmembership: full\npopulation: " + population
                + "\npopulation_source: Test figure\npopulation_year: 2020\n";
    }

    void write(String file, String text) throws IOException {
        Files.writeString(source.resolve(file), text, StandardCharsets.UTF_8);
    }

    String read(String file) throws IOException {
        return Files.readString(source.resolve(file), StandardCharsets.UTF_8);
    }

    IncrementalBuild.Result edit(String file, String text) throws IOException {
        write(file, text);
        return rebuild(file);
    }

    IncrementalBuild.Result rebuild(String... changed) throws IOException {
        IncrementalBuild.Result r = build.run(Set.of(changed), false);
        assertTrue(r.ok(), errors(r));
        IncrementalBuild.Result freshBuild = new IncrementalBuild(
                        source, IncrementalBuildTest.URL, Files.createTempDirectory(tmp, "fresh"))
                .run(Set.of(), true);
        assertEquals(
                freshBuild.diagnostics().stream().map(Diagnostic::format).toList(),
                r.diagnostics().stream().map(Diagnostic::format).toList(),
                "messages after editing " + List.of(changed));
        Map<String, byte[]> fresh = freshBuild.files();
        assertEquals(new TreeSet<>(fresh.keySet()), new TreeSet<>(r.files().keySet()));
        List<String> differ = new ArrayList<>();
        fresh.forEach((path, bytes) -> {
            if (!Arrays.equals(bytes, r.files().get(path))) {
                differ.add(path);
            }
        });
        assertEquals(List.of(), differ, "files that differ from a fresh build after editing " + List.of(changed));
        return r;
    }
}
