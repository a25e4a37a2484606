package eu.eurocities.site.render.map;

import eu.eurocities.site.diag.Diagnostics;
import eu.eurocities.site.diag.SourcePos;
import eu.eurocities.site.model.Category;
import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Country;
import eu.eurocities.site.model.Messages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The maps of a site: the network, a country, the surroundings of one member. Made once per build from the theme's
 * outline and the membership categories; draws nothing when the theme has no outline or no member has a location,
 * so a site without coordinates simply has no maps. Each map is a figure: the SVG, a legend of what its markers
 * mean, and a caption that says where the same members are listed as text. Thread-safe.
 */
public final class Maps {
    /** The file name of the theme's outline among its assets. */
    public static final String OUTLINE = "europe.svg";

    /**
     * The most markers one map draws: beyond that a map would weigh more than the page it is on and show only a blot,
     * so a network that large gets no map of all its members (nor of a country with that many).
     */
    static final int MOST_MARKERS = 1500;

    /** How many user units (5 km each in the built-in outline) a city's locator map spans at least. */
    private static final double LOCATOR_WIDTH = 170;

    private final MapOutline outline;
    private final List<Category> categories;

    /**
     * @param outline the theme's outline, or null when it has none
     * @param categories the membership categories, in the order the legend lists them
     */
    public Maps(MapOutline outline, List<Category> categories) {
        this.outline = outline;
        this.categories = List.copyOf(categories);
    }

    /**
     * The maps of a site drawn on the theme's outline ({@link #OUTLINE} among its assets).
     *
     * @param outline the outline file's bytes, or null when the theme has none (then no map is drawn)
     * @param categories the membership categories, in the order the legend lists them
     * @param diagnostics receives an error at the file when the outline cannot be read; the site is then drawn
     *     without maps
     */
    public static Maps of(byte[] outline, List<Category> categories, Diagnostics diagnostics) {
        MapOutline read = null;
        if (outline != null) {
            try {
                read = MapOutline.parse(new String(outline, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                diagnostics.error(
                        SourcePos.file("templates/assets/" + OUTLINE),
                        "the map outline cannot be read: " + e.getMessage(),
                        "make it with tools/opendata (README there), or delete it to use the built-in one");
            }
        }
        return new Maps(read, categories);
    }

    /**
     * The last maps made by {@link #of}, kept with the outline and categories they were made for, so that a rebuild
     * in {@code serve} does not parse an unchanged outline again. Thread-safe.
     */
    public static final class Kept {
        private byte[] outline;
        private List<Category> categories;
        private Maps maps;

        /** {@link #of}, or the last maps when the outline and the categories are equal to the last ones. */
        public synchronized Maps of(byte[] outline, List<Category> categories, Diagnostics diagnostics) {
            if (maps != null && Arrays.equals(this.outline, outline) && this.categories.equals(categories)) {
                return maps;
            }
            Diagnostics own = new Diagnostics();
            Maps made = Maps.of(outline, categories, own);
            own.sorted().forEach(diagnostics::add);
            // an outline that could not be read is read again, so that its error comes again
            this.maps = own.hasErrors() ? null : made;
            this.outline = outline;
            this.categories = categories;
            return made;
        }
    }

    /** Whether the site has an outline to draw maps on. */
    public boolean drawn() {
        return outline != null;
    }

    /**
     * The map of every located member.
     *
     * @param cities the members, in the order their markers are drawn
     * @param href the link to a member's page, relative to the page the map is on
     * @param outlineHref the link to the outline, relative to the page
     * @param listed where the page lists the same members as text, e.g. {@code member index}
     * @param texts the texts of the site's language ({@code map.*})
     * @return the figure, or empty markup when nothing can be drawn
     */
    public String network(
            Collection<City> cities, Function<City, String> href, String outlineHref, String listed, Messages texts) {
        List<Marker> markers = markers(cities, href);
        if (outline == null || markers.isEmpty() || markers.size() > MOST_MARKERS) {
            return "";
        }
        String label = texts.plural("map.network", markers.size());
        return figure(
                new MapSvg.View(outline.frame(), label, null, null, markers, 760),
                outlineHref,
                markers,
                unplaced(cities, markers, texts) + texts.text("map.network-caption", "listed", listed),
                texts);
    }

    /**
     * The most crowded part of the network enlarged: the members within {@value #CROWD_KM} km of the member that has
     * the most of them, when that is at least {@value #CROWD_LEAST} (for Eurocities, the Low Countries and the Ruhr),
     * so that markers that touch on the map of the whole network can be told apart.
     *
     * @param texts the texts of the site's language ({@code map.*})
     * @return the figure, or empty markup when no part of the network is that crowded
     */
    public String crowded(Collection<City> cities, Function<City, String> href, String outlineHref, Messages texts) {
        List<City> located = cities.stream().filter(c -> c.location() != null).toList();
        if (outline == null || located.size() > MOST_MARKERS) {
            return "";
        }
        int[] near = neighbours(located);
        City centre = null;
        int most = 0;
        for (int i = 0; i < near.length; i++) {
            if (near[i] > most) { // the first of those with the most
                most = near[i];
                centre = located.get(i);
            }
        }
        if (most < CROWD_LEAST) {
            return "";
        }
        City middle = centre;
        List<City> best = located.stream().filter(o -> near(middle, o)).toList();
        Box area = null;
        for (City c : best) {
            double[] p = outline.place(c.location().latitude(), c.location().longitude());
            Box point = new Box(p[0], p[1], 0, 0);
            area = area == null ? point : area.union(point);
        }
        Box frame = clip(area.grow(12).fit(aspect(), 80));
        List<Marker> markers = markers(located, href).stream()
                .filter(m -> {
                    double[] p = outline.place(m.latitude(), m.longitude());
                    return frame.contains(p[0], p[1]);
                })
                .toList();
        int shown = markers.size();
        String label = texts.plural("map.crowded", shown, "city", centre.name());
        return figure(
                new MapSvg.View(frame, label, null, null, markers, 760),
                outlineHref,
                markers,
                texts.plural("map.crowded-caption", shown),
                texts);
    }

    /**
     * For each of {@code located}, how many of them (itself too) are {@link #near} it: each is compared only with
     * those within {@link #CROWD_LATITUDE} degrees of latitude, found in a list sorted by latitude.
     */
    private static int[] neighbours(List<City> located) {
        int n = located.size();
        Integer[] byLatitude = new Integer[n];
        double[] latitude = new double[n];
        for (int i = 0; i < n; i++) {
            byLatitude[i] = i;
            latitude[i] = located.get(i).location().latitude();
        }
        Arrays.sort(byLatitude, (a, b) -> Double.compare(latitude[a], latitude[b]));
        int[] near = new int[n];
        int from = 0;
        for (int k = 0; k < n; k++) {
            int i = byLatitude[k];
            while (latitude[i] - latitude[byLatitude[from]] > CROWD_LATITUDE) {
                from++;
            }
            for (int m = from; m < n && latitude[byLatitude[m]] - latitude[i] <= CROWD_LATITUDE; m++) {
                if (near(located.get(i), located.get(byLatitude[m]))) {
                    near[i]++;
                }
            }
        }
        return near;
    }

    /** How close members must be to the one with the most neighbours to count as the crowded part. */
    static final int CROWD_KM = 150;

    /** How many members the crowded part must hold to be enlarged. */
    static final int CROWD_LEAST = 12;

    /**
     * Whether {@code b} is within {@value #CROWD_KM} km of {@code a}. Two places further apart in latitude than that
     * distance along a meridian are further apart on any path, so most pairs are told apart without trigonometry.
     */
    private static boolean near(City a, City b) {
        return Math.abs(a.location().latitude() - b.location().latitude()) <= CROWD_LATITUDE && km(a, b) <= CROWD_KM;
    }

    /** {@value #CROWD_KM} km along a meridian in degrees (1.349), with a margin for rounding. */
    private static final double CROWD_LATITUDE = 1.4;

    private static double km(City a, City b) {
        double dLat = Math.toRadians(b.location().latitude() - a.location().latitude());
        double dLon = Math.toRadians(b.location().longitude() - a.location().longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.location().latitude()))
                        * Math.cos(Math.toRadians(b.location().latitude()))
                        * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /**
     * The map of one country with its members, the country highlighted.
     *
     * @param texts the texts of the site's language ({@code map.*}); the caption says the members are listed in the
     *     {@code map.country-listed} text
     *
     * @return the figure, or empty markup when the outline does not draw the country or none of its members has a
     *     location
     */
    public String country(
            Country country, Collection<City> cities, Function<City, String> href, String outlineHref, Messages texts) {
        List<Marker> markers = markers(cities, href);
        if (outline == null || markers.isEmpty() || markers.size() > MOST_MARKERS || !outline.has(country.code())) {
            return "";
        }
        Box land = outline.bounds(country.code());
        for (Marker m : markers) {
            double[] p = outline.place(m.latitude(), m.longitude());
            land = land.union(new Box(p[0], p[1], 0, 0));
        }
        Box frame = clip(land.grow(Math.max(land.width(), land.height()) * 0.08).fit(aspect(), 120));
        String label = texts.plural("map.country", markers.size(), "country", country.inProse());
        return figure(
                new MapSvg.View(frame, label, outline.path(country.code()), null, markers, 640),
                outlineHref,
                markers,
                unplaced(cities, markers, texts)
                        + texts.text("map.country-caption", "listed", texts.text("map.country-listed")),
                texts);
    }

    /**
     * A small map around one member, with the members near it.
     *
     * @param texts the texts of the site's language ({@code map.*})
     * @return the figure, or empty markup when the member has no location
     */
    public String locator(
            City city, Collection<City> near, Function<City, String> href, String outlineHref, Messages texts) {
        if (outline == null || city.location() == null) {
            return "";
        }
        List<City> all = new ArrayList<>(near);
        all.add(city);
        List<Marker> markers = markers(all, href);
        Marker self = markers.get(markers.size() - 1);
        double[] p = outline.place(self.latitude(), self.longitude());
        Box frame = clip(new Box(p[0], p[1], 0, 0).fit(aspect(), LOCATOR_WIDTH));
        String label = city.kind() != null && !city.kind().isCity() && city.seat() != null
                ? texts.text("map.locator-seat", "city", city.name(), "seat", city.seat())
                : texts.text("map.locator", "city", city.name());
        return figure(new MapSvg.View(frame, label, null, self, markers, 480), outlineHref, markers, "", texts);
    }

    private String figure(MapSvg.View view, String outlineHref, List<Marker> markers, String caption, Messages texts) {
        StringBuilder out = new StringBuilder("<figure class=\"map-figure\">");
        out.append(MapSvg.draw(outline, outlineHref, view));
        out.append("<figcaption><ul class=\"map-legend\">");
        Set<String> shown = new LinkedHashSet<>();
        boolean ring = false;
        for (Marker m : markers) {
            shown.add(m.category());
            ring |= m.hollow();
        }
        for (Category c : categories) {
            if (shown.contains(c.id()) && !c.equals(Category.MEMBER)) { // a site without categories names none
                out.append("<li>")
                        .append(swatch(c.id(), false))
                        .append(MapSvg.escape(c.name()))
                        .append("</li>");
            }
        }
        if (ring) {
            out.append("<li>")
                    .append(swatch("none", true))
                    .append(MapSvg.escape(texts.text("map.ring")))
                    .append("</li>");
        }
        out.append("</ul>");
        if (!caption.isEmpty()) {
            out.append("<p>").append(MapSvg.escape(caption)).append("</p>");
        }
        return out.append("</figcaption></figure>").toString();
    }

    private static String swatch(String category, boolean ring) {
        return "<svg viewBox=\"0 0 10 10\" aria-hidden=\"true\"><circle class=\"mk mk-" + category
                + (ring ? " mk-ring" : "") + "\" cx=\"5\" cy=\"5\" r=\"4\"/></svg>";
    }

    /** The sentence on the members that are not on the map, with a space after it, or nothing. */
    private static String unplaced(Collection<City> cities, List<Marker> markers, Messages texts) {
        int missing = cities.size() - markers.size();
        return missing == 0 ? "" : texts.plural("map.unplaced", missing) + " ";
    }

    private List<Marker> markers(Collection<City> cities, Function<City, String> href) {
        List<Marker> out = new ArrayList<>();
        for (City c : cities) {
            if (c.location() != null) {
                boolean hollow = c.kind() != null && !c.kind().isCity();
                out.add(new Marker(
                        c.location().latitude(),
                        c.location().longitude(),
                        c.name(),
                        href.apply(c),
                        c.membership(),
                        hollow));
            }
        }
        return out;
    }

    private double aspect() {
        return outline.frame().width() / outline.frame().height();
    }

    /** The box, made no larger than the outline's frame and moved inside it. */
    private Box clip(Box box) {
        Box all = outline.frame();
        if (box.width() >= all.width() || box.height() >= all.height()) {
            return all;
        }
        return box.within(all);
    }
}
