package eu.eurocities.site.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.eurocities.site.plan.Fold;
import eu.eurocities.site.plan.Page;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private MemberRows() {}

    /** The rows of the member index pages of {@code plan}, as JSON. */
    public static byte[] json(List<Page> plan) {
        List<Page.Members> pages = plan.stream()
                .filter(p -> p instanceof Page.Members)
                .map(p -> (Page.Members) p)
                .sorted(Comparator.comparingInt(Page.Members::number))
                .toList();
        List<String> categories = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Page.Members page : pages) {
            for (Page.CityRow r : page.rows()) {
                String category = r.category().id();
                if (!categories.contains(category)) {
                    categories.add(category);
                }
                String plain = Fold.query(r.city().name()) + " "
                        + Fold.query(r.country().name());
                List<Object> row = new ArrayList<>(Arrays.asList(
                        r.city().slug(),
                        r.city().name(),
                        r.country().code(),
                        categories.indexOf(category),
                        r.city().population(),
                        r.city().foundingMember() ? 1 : 0));
                if (!r.key().equals(plain)) {
                    row.add(r.key());
                }
                rows.add(row);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("categories", categories);
        json.put("rows", rows);
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
