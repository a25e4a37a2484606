package eu.eurocities.site.render;

import eu.eurocities.site.model.Content;
import eu.eurocities.site.plan.Routes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code datapackage.json}: a Frictionless Data Package (tabular) that describes the open data downloads, so that
 * tools can read them with their types: title, licence, sources with their licences, and the Table Schema of
 * {@code members.csv} made from {@link OpenData#FIELDS}. The JSON download has the same columns.
 */
final class DataPackage {

    private DataPackage() {}

    /**
     * The package's JSON as UTF-8 bytes.
     *
     * @param content the validated content, for the site's title and address and the sources its records use
     * @param credits the open data sources the records draw on ({@link Renderer#sources})
     */
    public static byte[] json(Content content, List<Credit> credits) {
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("profile", "tabular-data-package");
        pkg.put("name", "members");
        pkg.put("title", "Members of " + content.network().name());
        pkg.put(
                "description",
                "One row per member of " + content.network().name()
                        + ", from the records this site is made from: category, country, and where known its kind of "
                        + "place,"
                        + " location and population with their sources.");
        pkg.put("homepage", content.site().absolute(Routes.MEMBERS));
        List<Map<String, Object>> licences = new ArrayList<>();
        List<Map<String, Object>> sources = new ArrayList<>();
        sources.add(ordered(
                "title",
                content.site().title() + " member records",
                "path",
                content.site().absolute("")));
        for (Credit c : credits) {
            if (c.name().equals("GeoNames")) {
                // the columns taken from GeoNames carry its licence, which asks for this credit
                licences.add(ordered(
                        "name",
                        "CC-BY-4.0",
                        "path",
                        c.licenceUrl(),
                        "title",
                        "Creative Commons Attribution 4.0 (GeoNames: geonames_id, latitude, longitude, and "
                                + "population where "
                                + "population_source is GeoNames)"));
                sources.add(ordered("title", "GeoNames (" + c.what() + ")", "path", c.url()));
            }
        }
        if (!licences.isEmpty()) {
            pkg.put("licenses", licences);
        }
        pkg.put("sources", sources);
        List<Map<String, Object>> fields = new ArrayList<>();
        for (OpenData.Column column : OpenData.FIELDS) {
            Map<String, Object> field =
                    ordered("name", column.name(), "type", column.type(), "description", column.description());
            if (column.required()) {
                field.put("constraints", Map.of("required", true));
            }
            fields.add(field);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("fields", fields);
        schema.put("primaryKey", "slug");
        schema.put("missingValues", List.of(""));
        Map<String, Object> csv =
                ordered("name", "members", "path", Routes.MEMBERS_CSV, "profile", "tabular-data-resource");
        csv.put("format", "csv");
        csv.put("mediatype", "text/csv");
        csv.put("encoding", "utf-8");
        csv.put("schema", schema);
        Map<String, Object> json = ordered("name", "members-json", "path", Routes.MEMBERS_JSON, "format", "json");
        json.put("mediatype", "application/json");
        json.put("description", "The same rows as members.csv, as a JSON array of objects with typed values.");
        pkg.put("resources", List.of(csv, json));
        byte[] body = Json.bytes(pkg, true);
        byte[] out = java.util.Arrays.copyOf(body, body.length + 1);
        out[body.length] = '\n';
        return out;
    }

    /** A map that keeps the order its keys are given in, so that the file is the same on every build. */
    private static Map<String, Object> ordered(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
