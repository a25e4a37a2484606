package eu.eurocities.site.render;

import eu.eurocities.site.plan.Fold;
import eu.eurocities.site.plan.Page;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(plan, new Kept(true), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not throw
        }
        return out.toByteArray();
    }

    /**
     * The rows made by the last call with this object, each with what it was made from, so that a rebuild in
     * {@code serve} writes again only the rows of cities that changed; one made for a single build keeps none.
     * Thread-safe.
     */
    public static final class Kept {
        private record Row(Page.CityRow row, int category, byte[] json) {}

        private final boolean retains;
        private volatile Map<String, Row> rows = Map.of();

        /** Keeps the rows of each call for the next when {@code retains}, else none. */
        Kept(boolean retains) {
            this.retains = retains;
        }

        /** How many rows it holds. */
        int size() {
            return rows.size();
        }
    }

    /**
     * Writes the rows of the member index pages of {@code plan} ({@link #json(List)}) into {@code bytes} as they are
     * made, a batch at a time, leaving it open; takes over from {@code kept} the JSON of each row that did not change.
     */
    static void write(List<Page> plan, Kept kept, OutputStream bytes) throws IOException {
        List<Page.Members> pages = plan.stream()
                .filter(p -> p instanceof Page.Members)
                .map(p -> (Page.Members) p)
                .sorted(Comparator.comparingInt(Page.Members::number))
                .toList();
        List<String> categories = new ArrayList<>(); // in the order they first come
        for (Page.Members page : pages) {
            for (Page.CityRow r : page.rows()) {
                if (!categories.contains(r.category().id())) {
                    categories.add(r.category().id());
                }
            }
        }
        Map<String, Kept.Row> last = kept.rows;
        Map<String, Kept.Row> now = new HashMap<>(kept.retains ? last.size() * 4 / 3 + 16 : 0);
        OutputStream out = new BufferedOutputStream(bytes, 1 << 16);
        out.write("{\"categories\":".getBytes(StandardCharsets.UTF_8));
        out.write(bytes(categories));
        out.write(",\"rows\":[".getBytes(StandardCharsets.UTF_8));
        boolean[] first = {true};
        try {
            for (Page.Members page : pages) {
                Batches.inOrder(
                        page.rows(),
                        r -> {
                            int place = categories.indexOf(r.category().id());
                            Kept.Row old = last.get(r.city().slug());
                            return old != null && old.category() == place && same(old.row(), r)
                                    ? old
                                    : new Kept.Row(r, place, row(r, place));
                        },
                        r -> {
                            try {
                                if (!first[0]) {
                                    out.write(',');
                                }
                                out.write(r.json());
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            first[0] = false;
                            if (kept.retains) {
                                now.put(r.row().city().slug(), r);
                            }
                        });
            }
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the output's own failure, which names the file
        }
        out.write("]}".getBytes(StandardCharsets.UTF_8));
        out.flush();
        kept.rows = now;
    }

    /** Whether two rows hold the same, asking the records only when they are not one object. */
    private static boolean same(Page.CityRow a, Page.CityRow b) {
        return (a.city() == b.city() || a.city().equals(b.city()))
                && (a.country() == b.country() || a.country().equals(b.country()))
                && (a.category() == b.category() || a.category().equals(b.category()))
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
