package eu.eurocities.site.render;

import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Network;
import eu.eurocities.site.model.Site;
import eu.eurocities.site.plan.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * schema.org structured data for search engines, as a {@code <script type="application/ld+json">} element: the
 * home page describes the {@code Organization}, each city page a {@code City} whose government is a member. The
 * JSON is written by {@link Json}; every {@code <}, {@code >} and {@code &} in it (they can only be inside strings) is
 * written as a JSON escape ({@code \u003c} ...), the same string to a JSON reader, so no value can end the script
 * element early or start a comment in it ({@code <!--}, which would hide the rest of the page).
 */
final class JsonLd {

    private JsonLd() {}

    /** The structured data of {@code page}, or null when the page has none. */
    public static Html of(Site site, Network network, Page page) {
        Map<String, Object> data;
        if (page instanceof Page.Home) {
            data = new LinkedHashMap<>();
            data.put("@context", "https://schema.org");
            data.putAll(organization(site, network));
        } else if (page instanceof Page.CityDetail p) {
            data = city(site, network, p);
        } else {
            return null;
        }
        return script(data);
    }

    /** The {@code <script>} element holding {@code data} as JSON, with {@code < > &} escaped. */
    static Html script(Object data) {
        String json =
                Json.text(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        return Html.script("application/ld+json", json);
    }

    private static Map<String, Object> organization(Site site, Network network) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("@type", "Organization");
        org.put("name", network.name());
        org.put("url", site.absolute(""));
        org.put("description", site.description());
        if (network.formation() != null) {
            org.put("foundingDate", String.valueOf(network.formation()));
        }
        if (network.headquarters() != null) {
            Map<String, Object> place = new LinkedHashMap<>(); // Map.of's order changes from one JVM run to the next
            place.put("@type", "Place");
            place.put("name", network.headquarters());
            org.put("location", place);
        }
        if (network.region() != null) {
            org.put("areaServed", network.region());
        }
        return org;
    }

    /**
     * A city page as two linked nodes: the place ({@code City}) and its local government, the member, which holds a
     * {@code OrganizationRole} in the network (schema.org has no {@code memberOf} on a place).
     */
    private static Map<String, Object> city(Site site, Network network, Page.CityDetail page) {
        City city = page.city();
        String url = site.absolute(page.path());
        Map<String, Object> place = new LinkedHashMap<>();
        boolean town = city.kind() == null || city.kind().isCity();
        place.put("@type", town ? "City" : "AdministrativeArea");
        place.put("@id", url + "#place");
        place.put("name", city.name());
        if (city.localName() != null) {
            place.put("alternateName", city.localName());
        }
        place.put("url", url);
        place.put("description", page.description());
        Map<String, Object> country = new LinkedHashMap<>();
        country.put("@type", "Country");
        country.put("name", page.country().name());
        country.put("identifier", page.country().code());
        place.put("containedInPlace", country);
        if (town && city.location() != null) {
            // a member that is not one town is placed at its seat, which is not where the area is
            Map<String, Object> geo = new LinkedHashMap<>();
            geo.put("@type", "GeoCoordinates");
            geo.put("latitude", city.location().latitude());
            geo.put("longitude", city.location().longitude());
            place.put("geo", geo);
        }

        Map<String, Object> role = new LinkedHashMap<>();
        role.put("@type", "OrganizationRole");
        role.put("roleName", page.category().name());
        role.put("memberOf", organization(site, network));
        Map<String, Object> government = new LinkedHashMap<>();
        government.put("@type", "GovernmentOrganization");
        government.put("name", "Local government of " + city.name());
        government.put("areaServed", Map.of("@id", url + "#place"));
        government.put("memberOf", role);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@graph", List.of(place, government));
        return data;
    }
}
