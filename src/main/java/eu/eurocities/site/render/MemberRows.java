package eu.eurocities.site.render;

import eu.eurocities.site.plan.Fold;
import eu.eurocities.site.plan.Page;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code members/rows.json}: every row of the member index in its order, which {@code members.js} filters and
 * sorts when the index is cut into pages, so that a filter needs one file rather than every page. A row is an
 * array {@code [slug, name, country code, category (its place in categories), population or null, founding member
 * 1 or 0, key]}; the key (the folded names the name filter looks in) is left out where the browser makes the same
 * from the name and the country's name ({@link Fold#query} of each, joined by a space).
 */
final class MemberRows {

    private MemberRows() {}

    /** The rows of the member index pages of {@code plan}, as JSON. */
    public static byte[] json(List<Page> plan) {
        return json(plan, new Kept());
    }

    /**
     * The rows made by the last call with this object, each with what it was made from, so that a rebuild in
     * {@code serve} writes again only the rows of cities that changed. Thread-safe.
     */
    public static final class Kept {
        private record Row(Page.CityRow row, int category, byte[] json) {}

        private volatile Map<String, Row> rows = Map.of();
    }

    /** Like {@link #json(List)}, taking over from {@code kept} the JSON of each row that did not change. */
    public static byte[] json(List<Page> plan, Kept kept) {
        List<Page.Members> pages = plan.stream()
                .filter(p -> p instanceof Page.Members)
                .map(p -> (Page.Members) p)
                .sorted(Comparator.comparingInt(Page.Members::number))
                .toList();
        List<String> categories = new ArrayList<>();
        List<Page.CityRow> all = new ArrayList<>();
        List<Integer> places = new ArrayList<>();
        for (Page.Members page : pages) {
            for (Page.CityRow r : page.rows()) {
                String category = r.category().id();
                if (!categories.contains(category)) {
                    categories.add(category);
                }
                all.add(r);
                places.add(categories.indexOf(category));
            }
        }
        Map<String, Kept.Row> last = kept.rows;
        List<Kept.Row> rows = java.util.stream.IntStream.range(0, all.size())
                .parallel()
                .mapToObj(i -> {
                    Page.CityRow r = all.get(i);
                    Kept.Row old = last.get(r.city().slug());
                    return old != null && old.category() == places.get(i) && same(old.row(), r)
                            ? old
                            : new Kept.Row(r, places.get(i), row(r, places.get(i)));
                })
                .toList();
        Map<String, Kept.Row> now = new HashMap<>();
        rows.forEach(r -> now.put(r.row().city().slug(), r));
        kept.rows = now;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("{\"categories\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes(categories));
        out.writeBytes(",\"rows\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(rows.get(i).json());
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Whether two rows hold the same, asking the city records only when they are not one object. */
    private static boolean same(Page.CityRow a, Page.CityRow b) {
        return (a.city() == b.city() || a.city().equals(b.city()))
                && a.country().equals(b.country())
                && a.category().equals(b.category())
                && a.key().equals(b.key());
    }

    /** One row as JSON, {@code category} being the place of its category in the list of categories. */
    private static byte[] row(Page.CityRow r, int category) {
        String plain =
                Fold.query(r.city().name()) + " " + Fold.query(r.country().name());
        List<Object> row = new ArrayList<>(Arrays.asList(
                r.city().slug(),
                r.city().name(),
                r.country().code(),
                category,
                r.city().population(),
                r.city().foundingMember() ? 1 : 0));
        if (!r.key().equals(plain)) {
            row.add(r.key());
        }
        return bytes(row);
    }

    private static byte[] bytes(Object json) {
        return Json.bytes(json, false);
    }
}
