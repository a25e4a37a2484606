package eu.eurocities.site.plan;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.load.ContentLoader;
import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.Network;
import eu.eurocities.site.model.TextPage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The part of content with mistakes that can still be planned, so that a build which fails in its load or validate
 * stage can also say which outputs would share an address ({@link Clashes#addressesAreUnique}). Leaving a record out
 * can only hide a clash, never make one up: the part holds every page whose file name is a slug and every city whose
 * file has no error, whose category and country are known. There is no such part while {@code site.yaml}, {@code
 * network.yaml} or {@code membership.yaml} could not be read, or while a category id is not a slug or is given
 * twice (which would show as a clash of the tool's own pages).
 */
public final class Plannable {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Plannable() {}

    /**
     * @param content what can be planned
     * @param whole true when nothing was left out: then every address the build would have is planned
     */
    public record Part(Content content, boolean whole) {}

    /**
     * @param loaded what the load stage produced
     * @param diagnostics what the load and validate stages said of it
     * @return the part that can be planned, or empty when there is none
     */
    public static Optional<Part> of(ContentLoader.Loaded loaded, Diagnostics diagnostics) {
        Optional<Content> whole = loaded.content();
        if (whole.isEmpty()) {
            return Optional.empty();
        }
        Content all = whole.get();
        List<String> ids = all.categories().stream().map(Category::id).toList();
        if (ids.isEmpty()
                || ids.size() != Set.copyOf(ids).size()
                || !ids.stream().allMatch(SLUG.asMatchPredicate())) {
            return Optional.empty();
        }
        SortedMap<String, City> cities = new TreeMap<>();
        for (City c : all.cities().values()) {
            boolean known = all.countries().containsKey(c.country())
                    && all.categories().stream().anyMatch(k -> k.id().equals(c.membership()));
            if (known
                    && SLUG.matcher(c.slug()).matches()
                    && !diagnostics.hasErrors(c.pos("").path())) {
                cities.put(c.slug(), c);
            }
        }
        Network n = all.network();
        List<Integer> kept = IntStream.range(0, n.foundingCities().size())
                .filter(i -> cities.containsKey(n.foundingCities().get(i)))
                .boxed()
                .toList();
        // the home page lists the founding cities by their records: one left out is left out of the list too
        Network network = kept.size() == n.foundingCities().size()
                ? n
                : new Network(
                        n.name(),
                        n.formation(),
                        n.type(),
                        n.headquarters(),
                        n.region(),
                        n.languages(),
                        n.leaders(),
                        kept.stream().map(n.foundingCities()::get).toList(),
                        kept.stream().map(n.foundingPositions()::get).toList(),
                        n.executiveCommittee(),
                        n.forums(),
                        n.activities(),
                        n.claims(),
                        n.claimsPos(),
                        n.seeAlso());
        Map<String, TextPage> pages = new LinkedHashMap<>();
        all.pages().forEach((slug, page) -> {
            if (SLUG.matcher(slug).matches()) {
                pages.put(slug, page);
            }
        });
        Content part = new Content(
                all.site(),
                network,
                all.categories(),
                all.countries(),
                Collections.unmodifiableSortedMap(cities),
                Collections.unmodifiableMap(pages));
        return Optional.of(new Part(
                part,
                cities.size() == all.cities().size()
                        && pages.size() == all.pages().size()));
    }
}
