package eu.eurocities.site.plan;

import eu.eurocities.site.model.City;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Other members near a member, by great-circle distance between their recorded locations. Members are put into
 * cells of 3° of latitude by 6° of longitude (at least 290 km wide up to 64°N), so that finding the neighbours of
 * every member costs the members of nine cells, not of the whole network.
 *
 * @param city the other member
 * @param kilometres the distance, rounded to the nearest kilometre
 */
public record Nearby(City city, long kilometres) {
    /** How far a member may be to count as near. */
    static final double RADIUS_KM = 300;

    private static final double EARTH_KM = 6371.0088;

    /**
     * The nearest members of each located member, closest first (ties by slug), at most {@code limit} each.
     *
     * @param cities every member; those without a location are neither given nor taken as neighbours
     * @param limit how many neighbours to keep per member
     * @return the neighbours by member slug; members without a location are absent
     */
    static Map<String, List<Nearby>> of(Collection<City> cities, int limit) {
        Map<Long, List<City>> cells = new HashMap<>();
        for (City c : cities) {
            if (c.location() != null) {
                cells.computeIfAbsent(cell(lat(c), lon(c), 0, 0), k -> new ArrayList<>())
                        .add(c);
            }
        }
        Map<String, List<Nearby>> out = new HashMap<>();
        for (City c : cities) {
            if (c.location() == null) {
                continue;
            }
            List<Nearby> found = new ArrayList<>();
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    for (City o : cells.getOrDefault(cell(lat(c), lon(c), dy, dx), List.of())) {
                        double km = distance(lat(c), lon(c), lat(o), lon(o));
                        if (o != c && km <= RADIUS_KM) {
                            found.add(new Nearby(o, Math.round(km)));
                        }
                    }
                }
            }
            found.sort(Comparator.comparingDouble((Nearby n) -> n.kilometres())
                    .thenComparing(n -> n.city().slug()));
            out.put(c.slug(), List.copyOf(found.subList(0, Math.min(limit, found.size()))));
        }
        return out;
    }

    /** The great-circle distance in kilometres on a sphere of the earth's mean radius (haversine formula). */
    static double distance(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static long cell(double lat, double lon, int dy, int dx) {
        long row = (long) Math.floor((lat + 90) / 3) + dy;
        long col = Math.floorMod((long) Math.floor((lon + 180) / 6) + dx, 60);
        return row * 100 + col;
    }

    private static double lat(City c) {
        return c.location().latitude();
    }

    private static double lon(City c) {
        return c.location().longitude();
    }
}
