package eu.eurocities.site.cli;

import static eu.eurocities.site.cli.NewFiles.quoted;

import eu.eurocities.site.Mode;
import eu.eurocities.site.Outcome;
import eu.eurocities.site.Pipeline;
import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.Reporter;
import eu.eurocities.site.load.CityCache;
import eu.eurocities.site.load.ContentLoader;
import eu.eurocities.site.load.Slugs;
import eu.eurocities.site.load.TextFile;
import eu.eurocities.site.model.Alias;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.MenuEntry;
import eu.eurocities.site.model.TextPage;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.plan.Routes;
import eu.eurocities.site.render.Templates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code new page TITLE [--menu]}: writes {@code content/pages/<slug>.md} with the title (and {@code menu:} for the
 * navigation) in its front matter. It refuses a title without letters or digits, a slug or title another page has,
 * and an address the site already gives to one of its own pages, to an old address ({@code aliases:}) or to a static
 * file. Exit codes: 0 written, 1 the page or its address is taken, 2 a wrong argument.
 */
@Command(
        name = "page",
        resourceBundle = SourceOption.ContentOnly.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Write content/pages/<slug>.md for a new page; the slug is the title transliterated to ASCII "
                + "(Über uns -> uber-uns).")
final class NewPage implements Callable<Integer> {
    /** A {@code menu:} of {@code site.yaml}: a top-level key, at the start of a line. */
    private static final Pattern SITE_MENU = Pattern.compile("(?m)^menu\\s*:");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TITLE", description = "The page's title, e.g. \"About us\".")
    String title;

    @Option(
            names = "--menu",
            description = "Put the page in the site's navigation (menu: in its front matter, or, when site.yaml "
                    + "has a menu:, a line to add there).")
    boolean menu;

    @Mixin
    SourceOption sourceOption;

    @Override
    public Integer call() throws IOException {
        Path source = sourceOption.source;
        PrintWriter err = spec.commandLine().getErr();
        String name = TextFile.nfc(title.strip());
        if (name.chars().anyMatch(Character::isISOControl)) {
            return usage(
                    err, "the title holds a control character (a line break, a tab)", "write the title on one line");
        }
        String slug = Slugs.of(name);
        if (slug.isEmpty()) {
            return usage(
                    err,
                    "the title '" + name + "' has no letters or digits to make a file name from",
                    "write the page's title, e.g. \"About us\"");
        }
        Optional<Diagnostic> badSource = sourceOption.notAFolder();
        if (badSource.isPresent()) {
            return NewFiles.usage(err, badSource.get());
        }
        Diagnostics diagnostics = new Diagnostics();
        CityCache cities = new CityCache(); // the plan of the site's own pages reads the records once more
        ContentLoader.Loaded content = ContentLoader.load(source, diagnostics, cities);
        // a file with an error is not read, so a title in it could not be checked: the errors come first
        if (NewFiles.refusedForErrors(
                diagnostics,
                err,
                "content/site.yaml",
                "content/network.yaml",
                NewFiles.MEMBERSHIP,
                "content/cities/",
                "content/pages/")) {
            return ExitCode.CONTENT_ERROR;
        }
        String display = "content/pages/" + slug + ".md";
        Path file = source.resolve(display);
        Reporter reporter = new Reporter(err);
        if (Files.exists(file)) {
            reporter.error(
                    SourceFolder.shown(source, display) + " already exists",
                    "edit that file, or give the new page a title that differs");
            return ExitCode.CONTENT_ERROR;
        }
        for (TextPage p : content.pages().values()) {
            if (p.title().equalsIgnoreCase(name)) {
                reporter.error(
                        SourceFolder.shown(source, p.pos().path()) + " already has the title '" + p.title() + "'",
                        "edit that page, or give the new one a title that differs: no two pages share a title");
                return ExitCode.CONTENT_ERROR;
            }
        }
        for (City c : content.cities().values()) {
            if (c.name().equalsIgnoreCase(name)) {
                reporter.error(
                        SourceFolder.shown(source, c.pos("").path()) + " already has the name '" + c.name()
                                + "', the title of its page",
                        "give the new page a title that differs: no two pages share a title");
                return ExitCode.CONTENT_ERROR;
            }
        }
        String address = "/" + Routes.textPage(slug);
        String owner = owners(source, content).get(address);
        if (owner != null) {
            reporter.error(
                    "the page would be published at " + address + ", which is already the address of " + owner,
                    "give the new page a title that differs");
            return ExitCode.CONTENT_ERROR;
        }
        if (MenuEntry.BUILT_IN.contains(slug)) {
            reporter.error(
                    "'page: " + slug + "' in a menu names the page the site makes itself, so a page at /" + slug
                            + "/ could never be put in the navigation",
                    "give the new page a title that differs");
            return ExitCode.CONTENT_ERROR;
        }
        Optional<Page> titled = builtInTitled(source, cities, name);
        if (titled.isPresent()) {
            reporter.error(
                    "'" + titled.get().title() + "' is already the title of "
                            + (titled.get().origin() != null
                                    ? "the page of "
                                            + SourceFolder.shown(
                                                    source, titled.get().source())
                                    : titled.get().source())
                            + " (/" + titled.get().path() + ")",
                    "give the new page a title that differs: no two pages share a title");
            return ExitCode.CONTENT_ERROR;
        }
        boolean siteMenu = Files.isRegularFile(source.resolve("content/site.yaml"))
                && SITE_MENU
                        .matcher(Files.readString(source.resolve("content/site.yaml"), StandardCharsets.UTF_8))
                        .find();
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                "---\ntitle: " + quoted(name) + "\n" + (menu && !siteMenu ? "menu: " + quoted(name) + "\n" : "")
                        + "---\n",
                StandardCharsets.UTF_8);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + SourceFolder.shown(source, display));
        out.println("Next: write the page in Markdown below its front matter, then run " + SourceFolder.build(source)
                + "; it will be at "
                + (address.equals("/") ? "the home page" : address) + ".");
        String link = "link to it from another page as [" + name + "](" + slug + ".md)";
        if (siteMenu) { // site.yaml's menu alone makes the navigation: a menu: in front matter would do nothing
            out.println((menu ? "To put it in the navigation" : "It is not in the navigation: to put it there")
                    + ", add an entry to menu: in " + SourceFolder.shown(source, "content/site.yaml") + ": '- title: "
                    + quoted(name) + "' with 'page: " + slug + "'" + (menu ? "." : "; or " + link + "."));
        } else if (!menu) {
            out.println("It is not in the navigation: add 'menu: " + quoted(name) + "' to its front matter to put it "
                    + "there, or " + link + ".");
        } else {
            out.println("It is in the navigation (menu: in its front matter).");
        }
        out.flush();
        return ExitCode.OK;
    }

    /**
     * The addresses a new page of {@code content/pages/} in {@code source} cannot have, each with what already has
     * it: the pages the site always makes at the top of the site, the old addresses ({@code aliases:}) of pages and
     * cities, and static files published as a folder's {@code index.html}.
     */
    private static Map<String, String> owners(Path source, ContentLoader.Loaded content) throws IOException {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put("/" + Routes.MEMBERS, Page.Kind.MEMBERS.label());
        owners.put("/" + Routes.COUNTRIES, Page.Kind.COUNTRIES.label());
        owners.put("/" + Routes.SEARCH, Page.Kind.SEARCH.label());
        for (TextPage p : content.pages().values()) {
            aliases(p.aliases(), SourceFolder.shown(source, p.pos().path()), owners);
        }
        for (City c : content.cities().values()) {
            aliases(c.aliases(), SourceFolder.shown(source, c.pos("").path()), owners);
        }
        Path statics = source.resolve("static");
        if (Files.isDirectory(statics)) {
            try (var files = Files.walk(statics)) {
                files.filter(f -> f.getFileName().toString().equals("index.html"))
                        .map(f -> statics.relativize(f.getParent()).toString().replace('\\', '/'))
                        .forEach(dir -> owners.putIfAbsent(
                                dir.isEmpty() ? "/" : "/" + dir + "/",
                                SourceFolder.shown(
                                        source, "static/" + (dir.isEmpty() ? "" : dir + "/") + "index.html")));
            }
        }
        return owners;
    }

    /**
     * The page the site makes itself (the member index, a country's or a category's page, the search ...) whose title
     * is {@code title} in any case, found by planning the site, drafts included, with the city records {@code cities}
     * kept from the first load; empty when none has it, or when the content has an error (the build names it) and
     * cannot be planned.
     */
    private static Optional<Page> builtInTitled(Path source, CityCache cities, String title) throws IOException {
        Outcome planned = new Pipeline(source, null, Templates::precompiled, false, true).run(new Mode.Plan(cities));
        return planned.plan().stream()
                .filter(p -> !(p instanceof Page.Home) && p.text() == null && p.kind() != Page.Kind.CITY)
                .filter(p -> p.title().equalsIgnoreCase(title))
                .findFirst();
    }

    private static void aliases(List<Alias> aliases, String file, Map<String, String> owners) {
        for (Alias a : aliases) {
            owners.putIfAbsent("/" + a.path(), "an old address of " + file + " (aliases)");
        }
    }

    private static int usage(PrintWriter err, String message, String hint) {
        return NewFiles.usage(err, "TITLE", message, hint);
    }
}
