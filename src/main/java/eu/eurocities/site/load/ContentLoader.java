package eu.eurocities.site.load;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.CountryGroup;
import eu.eurocities.site.model.MenuEntry;
import eu.eurocities.site.model.Network;
import eu.eurocities.site.model.Site;
import eu.eurocities.site.model.TextPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The load stage: reads {@code content/} under a source folder into typed records, checking each file on its own
 * (encoding, YAML syntax, required fields, field types, unknown fields). Which files are read is {@link
 * ContentFolder}'s part; each kind of record has its reader. Checks across files (references, closed sets,
 * membership rules) belong to the validate stage.
 */
public final class ContentLoader {
    private ContentLoader() {}

    /**
     * What the load stage produced. A part is present only when its file loaded without an error; nothing stands in
     * for a broken file.
     *
     * @param site the settings of {@code site.yaml}
     * @param network the facts of {@code network.yaml}
     * @param categories the categories of {@code membership.yaml}
     * @param cities the city records that loaded, by slug (a record with an error in an optional field is included)
     * @param pages the Markdown pages that loaded, by slug
     * @param citySlugs the slug of every file in {@code content/cities/}, including broken ones, so that references
     *     to a broken city are not reported twice
     * @param pageSlugs the slug of every file in {@code content/pages/}, including broken ones, for the same reason
     * @param countries every known country by code, with the groups of {@code membership.yaml} it is in
     */
    public record Loaded(
            Optional<Site> site,
            Optional<Network> network,
            Optional<List<Category>> categories,
            SortedMap<String, City> cities,
            Map<String, TextPage> pages,
            Set<String> citySlugs,
            Set<String> pageSlugs,
            Map<String, Country> countries) {

        /** The whole content, when site, network and membership all loaded. */
        public Optional<Content> content() {
            if (site.isEmpty() || network.isEmpty() || categories.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Content(site.get(), network.get(), categories.get(), countries, cities, pages));
        }
    }

    /**
     * Loads {@code source/content}.
     *
     * @param source the folder that holds {@code content/}
     * @param diagnostics receives every problem found in single files
     */
    public static Loaded load(Path source, Diagnostics diagnostics) {
        return load(source, diagnostics, null);
    }

    /**
     * Like {@link #load(Path, Diagnostics)}, but takes city records (and their files' problems) from {@code cache}
     * (may be null) when it has them, and adds the ones it reads; for {@code serve}, whose watcher tells the cache
     * what changed.
     */
    public static Loaded load(Path source, Diagnostics diagnostics, CityCache cache) {
        if (!Files.isDirectory(source.resolve("content"))) {
            diagnostics.error(
                    SourcePos.start("content"),
                    "no content folder in " + source.toAbsolutePath().normalize(),
                    "run the command in the folder that holds content/, or pass --source DIR");
            return new Loaded(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Collections.emptySortedMap(),
                    Map.of(),
                    Set.of(),
                    Set.of(),
                    Countries.all());
        }
        ContentFolder folder = new ContentFolder(source, diagnostics, cache == null ? null : cache.listings());
        // the site's texts come from the theme's language files, which the settings are kept with
        Optional<Site> site = whole(
                "content/site.yaml",
                List.of("templates/i18n", "i18n"),
                folder,
                diagnostics,
                cache,
                f -> SiteReader.read(f, source, cache));
        // network.yaml is optional: without it the network is named as the site and states no other facts
        Optional<Network> network = folder.exists("content/network.yaml")
                ? whole("content/network.yaml", List.of(), folder, diagnostics, cache, NetworkReader::read)
                : site.map(s -> Network.named(s.title()));
        // membership.yaml is optional: without it every city is a member, and no page speaks of categories or rules
        boolean categorised = folder.exists("content/membership.yaml");
        Optional<MembershipReader.Membership> membership = categorised
                ? whole(
                        "content/membership.yaml",
                        List.of(),
                        folder,
                        diagnostics,
                        cache,
                        f -> Optional.of(MembershipReader.read(f)))
                : Optional.of(new MembershipReader.Membership(List.of(), List.of(Category.MEMBER)));
        if (cache != null) {
            cache.categorised(categorised);
            membership = membership.map(m -> cache.shared("membership", m));
        }
        Optional<List<Category>> categories = membership.map(MembershipReader.Membership::categories);
        List<String> cityFiles = folder.list("content/cities", ".yaml");
        List<Path> cityPaths = folder.paths("content/cities", ".yaml");
        SortedMap<String, City> cities = new TreeMap<>();
        // read on all cores
        IntStream.range(0, cityFiles.size())
                .parallel()
                .mapToObj(n -> cache == null
                        ? city(cityFiles.get(n), cityPaths.get(n), source, categorised, diagnostics)
                        : cache.city(
                                cityFiles.get(n),
                                diagnostics,
                                own -> city(cityFiles.get(n), cityPaths.get(n), source, categorised, own)))
                .flatMap(Optional::stream)
                .toList()
                .forEach(c -> cities.put(c.slug(), c));
        for (String file : folder.list("content/cities", ".md")) {
            City city = cities.get(FileNames.stem(file));
            if (city != null) {
                PageReader.narrative(file, folder.path(file), diagnostics)
                        .ifPresent(text -> cities.put(city.slug(), city.withNarrative(text)));
            } else if (!cityFiles.contains(file.substring(0, file.length() - 3) + ".yaml")) {
                String stem = FileNames.stem(file);
                diagnostics.error(
                        SourcePos.start(file),
                        "there is no city record content/cities/" + stem + ".yaml for this city narrative",
                        "a city's narrative is named after its record (content/cities/oslo.md beside oslo.yaml); a "
                                + "page of its "
                                + "own goes in content/pages/" + stem + ".md");
            }
        }
        folder.reportStrays();
        Map<String, TextPage> pages = new LinkedHashMap<>();
        Set<String> pageSlugs = new TreeSet<>();
        for (String file : folder.list("content/pages", ".md")) {
            pageSlugs.add(FileNames.stem(file));
            PageReader.read(file, folder.path(file), diagnostics).ifPresent(p -> pages.put(p.slug(), p));
        }
        if (site.isPresent() && site.get().menu() != null) {
            pages.values().stream()
                    .filter(p -> p.menuPos() != null)
                    .forEach(p -> diagnostics.warning(
                            p.menuPos(),
                            "menu: has no effect: content/site.yaml has a menu:, which alone makes the navigation",
                            "remove this line, and add an entry to the menu: in content/site.yaml: '- title: "
                                    + p.menu() + "' with 'page: " + p.slug() + "'"));
        }
        site = site.map(s -> s.menu() != null ? s : s.withMenu(menuFromPages(pages, s.messages())));
        Set<String> slugs = folder.stems("content/cities", ".yaml");
        List<CountryGroup> groups =
                membership.map(MembershipReader.Membership::groups).orElse(List.of());
        String language = site.map(s -> s.messages().language()).orElse("en");
        Map<String, Country> countries = cache == null
                ? Countries.all(groups, language)
                : cache.derived(
                        "countries",
                        List.of(groups, language),
                        List.of(),
                        diagnostics,
                        d -> Countries.all(groups, language));
        return new Loaded(
                site,
                network,
                categories,
                Collections.unmodifiableSortedMap(cities),
                pages,
                slugs,
                pageSlugs,
                cache == null ? countries : cache.shared("countries", countries));
    }

    /**
     * The navigation of a site whose {@code site.yaml} has no {@code menu:}: the member index and the countries, then
     * every page but the home page whose front matter has {@code menu:} or {@code order:}, by order, then slug.
     */
    static List<MenuEntry> menuFromPages(Map<String, TextPage> pages, eu.eurocities.site.model.Messages messages) {
        List<MenuEntry> menu = new ArrayList<>();
        menu.add(new MenuEntry(messages.text("menu.members"), "members", null, SourcePos.start("content/site.yaml")));
        menu.add(new MenuEntry(
                messages.text("menu.countries"), "countries", null, SourcePos.start("content/site.yaml")));
        pages.values().stream()
                .filter(p -> p.menu() != null && !p.slug().equals("home"))
                .sorted(Comparator.comparingInt(TextPage::order).thenComparing(TextPage::slug))
                .forEach(p -> menu.add(new MenuEntry(p.menu(), p.slug(), null, p.pos())));
        return menu;
    }

    /**
     * A file of which a part is made, present only when the file had no error; with a {@code cache}, the part made
     * by the last load where neither the file nor what it is made with ({@code with}, files or folders) changed.
     */
    private static <T> Optional<T> whole(
            String file,
            List<String> with,
            ContentFolder folder,
            Diagnostics diagnostics,
            CityCache cache,
            java.util.function.Function<Fields, Optional<T>> reader) {
        if (cache == null) {
            return folder.readYaml(file).flatMap(reader).filter(x -> !diagnostics.hasErrors(file));
        }
        List<String> files = new ArrayList<>(with);
        files.add(file);
        return cache.derived(file, file, files, diagnostics, own -> {
            ContentFolder view = folder.reportingTo(own);
            return view.readYaml(file).flatMap(reader).filter(x -> !own.hasErrors(file));
        });
    }

    /** Reads one city file with its own folder view, so that it can run on any thread. */
    private static Optional<City> city(
            String file, Path path, Path source, boolean categorised, Diagnostics diagnostics) {
        return new ContentFolder(source, diagnostics)
                .readYaml(file, path)
                .flatMap(f -> CityReader.read(file, f, categorised));
    }

    /** Editor swap, backup and lock files, and hidden files, which are never content. */
    public static boolean isEditorLeftover(String name) {
        return ContentFolder.isEditorLeftover(name);
    }
}
