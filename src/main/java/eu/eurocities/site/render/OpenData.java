package eu.eurocities.site.render;

import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.plan.Routes;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The open data downloads, made from the same city records as the pages: {@code members.csv} (RFC 4180: UTF-8,
 * a header row, CRLF line ends, quoted where needed, formulas neutralised) and {@code members.json} (an array of
 * objects). Both have one row per city in slug order and the columns of {@link #COLUMNS}, in that order; an unknown
 * value is an empty CSV field and a JSON {@code null}. The alternative names are a JSON list of {@code name} and
 * {@code language}, and one CSV field such as {@code Marsella (es); Marseille (fr)}.
 */
public final class OpenData {
    /**
     * One column of the downloads, as the data package describes it.
     *
     * @param name the column's name
     * @param type its Frictionless Table Schema type: {@code string}, {@code integer}, {@code number}, {@code boolean},
     *     {@code year} or {@code date}
     * @param required whether every row has a value
     * @param description what it holds, in a sentence
     */
    public record Column(String name, String type, boolean required, String description) {}

    /** The columns, in their published order; changing it breaks readers' scripts. */
    public static final List<Column> FIELDS = List.of(
            new Column("slug", "string", true, "The member's identifier, as in the address of its page."),
            new Column("name", "string", true, "The member's name as the network writes it."),
            new Column("local_name", "string", false, "The name in the local language, where it differs."),
            new Column("country", "string", true, "ISO 3166-1 alpha-2 code of the member's country."),
            new Column("country_name", "string", true, "The country's English short name."),
            new Column("eu", "boolean", true, "Whether the country is a member state of the European Union."),
            new Column("membership", "string", true, "The membership category's identifier."),
            new Column("population", "integer", false, "Inhabitants, as counted by population_source."),
            new Column("population_year", "year", false, "The year the population was counted, where the source says."),
            new Column("founding_member", "boolean", true, "Whether the member founded the network."),
            new Column("url", "string", true, "The member's page on this site."),
            new Column(
                    "kind",
                    "string",
                    false,
                    "city, municipality, metropolitan-area, region, district, grouping or community."),
            new Column("seat", "string", false, "For a member that is not one town: the town it is seated in."),
            new Column("geonames_id", "integer", false, "The GeoNames id of the place (of the seat for non-towns)."),
            new Column("latitude", "number", false, "WGS84 degrees north of the place (or its seat), from GeoNames."),
            new Column("longitude", "number", false, "WGS84 degrees east of the place (or its seat), from GeoNames."),
            new Column("population_source", "string", false, "Who gives the population figure."),
            new Column(
                    "population_snapshot",
                    "date",
                    false,
                    "When the source gives no year: the date of the data snapshot the figure is from."),
            new Column(
                    "alternative_names",
                    "string",
                    false,
                    "Other names people use, each with its language: 'Marsella (es); Marseille (fr)'."));

    /** The names of {@link #FIELDS}, in order. */
    public static final List<String> COLUMNS = FIELDS.stream().map(Column::name).toList();

    /** RFC 4180, fields quoted only where needed. */
    private static final CSVFormat CSV = CSVFormat.RFC4180;
    /** The same, with the field always quoted, for neutralised formulas. */
    private static final CSVFormat QUOTED =
            CSV.builder().setQuoteMode(QuoteMode.ALL).get();
    /** The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"). */
    private static final String FORMULA_START = "=+-@\t\r";

    private OpenData() {}

    /** One row per city, each a map in the order of {@link #COLUMNS}, values typed as in JSON. */
    public static List<Map<String, Object>> rows(Content content) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (City city : content.cities().values()) {
            rows.add(row(content, city));
        }
        return rows;
    }

    private static Map<String, Object> row(Content content, City city) {
        Country country = content.country(city.country());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("slug", city.slug());
        row.put("name", city.name());
        row.put("local_name", city.localName());
        row.put("country", country.code());
        row.put("country_name", country.name());
        row.put("eu", country.eu());
        row.put("membership", city.membership());
        row.put("population", city.population());
        row.put("population_year", city.populationYear());
        row.put("founding_member", city.foundingMember());
        row.put("url", content.site().absolute(Routes.city(city)));
        row.put("kind", city.kind() == null ? null : city.kind().id());
        row.put("seat", city.seat());
        row.put("geonames_id", city.geonamesId());
        row.put("latitude", city.location() == null ? null : city.location().latitude());
        row.put("longitude", city.location() == null ? null : city.location().longitude());
        row.put("population_source", city.populationSource());
        row.put(
                "population_snapshot",
                city.populationSnapshot() == null
                        ? null
                        : city.populationSnapshot().toString());
        row.put("alternative_names", city.alternativeNames());
        return row;
    }

    /**
     * The rows of the downloads made by the last call with this object, each with what it was made from, so that a
     * rebuild in {@code serve} makes again only the rows of cities that changed; one made for a single build keeps
     * none. Thread-safe.
     */
    public static final class Kept {
        /** A row as written (UTF-8), with the city and country it was made from. */
        private record Row(City city, Country country, byte[] text) {}

        /** The rows of one file by slug, and the site's root address they were made with. */
        private record Rows(Map<String, Row> bySlug, String root) {}

        private static final Rows NONE = new Rows(Map.of(), "");

        private final boolean retains;
        private volatile Rows csv = NONE;
        private volatile Rows json = NONE;

        /** Keeps the rows of each call for the next when {@code retains}, else none. */
        public Kept(boolean retains) {
            this.retains = retains;
        }

        /** How many rows it holds, of both files. */
        int size() {
            return csv.bySlug().size() + json.bySlug().size();
        }
    }

    /**
     * Writes each city's row as text, in slug order, into {@code bytes} as UTF-8 a batch at a time: {@code head},
     * the rows with {@code between} them, then {@code tail}. A row is taken from {@code last} (by slug) where the
     * city and its country are as they were and the site's root address is the one {@code last} was made with (a
     * city's address is that root followed by its slug), else made with {@code make}. Returns the rows by slug when
     * {@code retains}, else none.
     */
    private static Kept.Rows write(
            Content content,
            Kept.Rows last,
            boolean retains,
            Function<Map<String, Object>, String> make,
            OutputStream bytes,
            String head,
            String between,
            String tail) {
        String root = content.site().absolute("");
        Map<String, Kept.Row> before = root.equals(last.root()) ? last.bySlug() : Map.of();
        Map<String, Kept.Row> now = retains ? new HashMap<>(content.cities().size() * 4 / 3 + 1) : Map.of();
        byte[] separator = between.getBytes(StandardCharsets.UTF_8);
        try {
            OutputStream out = new BufferedOutputStream(bytes, 1 << 16);
            out.write(head.getBytes(StandardCharsets.UTF_8));
            boolean[] first = {true};
            Batches.inOrder(
                    new ArrayList<>(content.cities().values()),
                    city -> {
                        Country country = content.country(city.country());
                        Kept.Row old = before.get(city.slug());
                        // serve's loader keeps an unchanged city's record, so most rows end at the first test
                        if (old != null
                                && (old.city() == city || old.city().equals(city))
                                && (old.country() == country || old.country().equals(country))) {
                            return old;
                        }
                        byte[] text = make.apply(row(content, city)).getBytes(StandardCharsets.UTF_8);
                        return new Kept.Row(city, country, text);
                    },
                    row -> {
                        try {
                            if (!first[0]) {
                                out.write(separator);
                            }
                            out.write(row.text());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        first[0] = false;
                        if (retains) {
                            now.put(row.city().slug(), row);
                        }
                    });
            out.write(tail.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return retains ? new Kept.Rows(Collections.unmodifiableMap(now), root) : Kept.NONE;
    }

    /**
     * {@code members.csv} as UTF-8 bytes. A text that a spreadsheet would run as a formula, one starting with
     * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, gets a {@code '} in front and is
     * quoted (OWASP's rule against CSV injection), so that a name such as {@code =HYPERLINK(...)} shows as text.
     */
    public static byte[] csv(Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        csv(content, new Kept(true), out);
        return out.toByteArray();
    }

    /**
     * Writes {@code members.csv} ({@link #csv(Content)}) into {@code bytes} row by row, leaving it open, taking over
     * from {@code kept} the rows of cities that did not change.
     */
    public static void csv(Content content, Kept kept, OutputStream bytes) {
        kept.csv = write(content, kept.csv, kept.retains, OpenData::csvLine, bytes, csvLine(header()), "", "");
    }

    /** The header row: each column's name, mapped to itself. */
    private static Map<String, Object> header() {
        Map<String, Object> names = new LinkedHashMap<>();
        COLUMNS.forEach(c -> names.put(c, c));
        return names;
    }

    /** One row of {@code members.csv}, with its line end. */
    private static String csvLine(Map<String, Object> row) {
        StringBuilder out = new StringBuilder();
        try {
            boolean first = true;
            for (Object value : row.values()) {
                if (value instanceof List<?> names) { // alternative names: "Marsella (es); Marseille (fr)"
                    value = names.isEmpty()
                            ? null
                            : String.join(
                                    "; ",
                                    names.stream()
                                            .map(n -> ((City.AlternativeName) n).name() + " ("
                                                    + ((City.AlternativeName) n).language() + ")")
                                            .toList());
                }
                if (value instanceof String text && !text.isEmpty() && FORMULA_START.indexOf(text.charAt(0)) >= 0) {
                    QUOTED.print("'" + text, out, first);
                } else {
                    CSV.print(value, out, first);
                }
                first = false;
            }
            CSV.println(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return out.toString();
    }

    /** {@code members.json} as UTF-8 bytes, indented, ending with a line feed. */
    public static byte[] json(Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        json(content, new Kept(true), out);
        return out.toByteArray();
    }

    /**
     * Writes {@code members.json} ({@link #json(Content)}) into {@code bytes} object by object, leaving it open,
     * taking over from {@code kept} the objects of cities that did not change. Each object is written alone: the pretty
     * printer writes an array's items on its own line ({@code [ {}, {} ]}), so that an object's text does not depend
     * on where in the array it stands.
     */
    public static void json(Content content, Kept kept, OutputStream bytes) {
        boolean none = content.cities().isEmpty();
        kept.json = write(
                content,
                kept.json,
                kept.retains,
                OpenData::jsonObject,
                bytes,
                none ? "[ ]" : "[ ",
                ", ",
                (none ? "" : " ]") + "\n");
    }

    private static String jsonObject(Map<String, Object> row) {
        return new String(Json.bytes(row, true), StandardCharsets.UTF_8);
    }
}
