package eu.eurocities.site.render.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a map as inline SVG: the shared outline as one cached image, an optional highlighted country, and one link
 * per member. Markers keep the same size on screen whatever part of the outline is shown, so that a country map and
 * the map of the whole network read alike. Colours come from the stylesheet ({@code .mk-<category>},
 * {@code .map-focus}), so the dark scheme and print apply.
 */
final class MapSvg {
    private static final double RADIUS = 5.5;

    private MapSvg() {}

    /**
     * What one map shows.
     *
     * @param frame the part of the outline shown, in its user units
     * @param label the map's accessible name, e.g. {@code Map of the 202 members}
     * @param focus the path data of a country to highlight, or null
     * @param named a marker to label with its name on the map (a city page's own city), or null
     * @param markers the members drawn
     * @param width the width in CSS pixels the map is laid out at on a wide screen, which sizes markers and labels
     */
    record View(Box frame, String label, String focus, Marker named, List<Marker> markers, double width) {}

    /**
     * The SVG element of one map.
     *
     * @param outline the theme's outline, which places the markers
     * @param outlineHref the link to the outline image, relative to the page
     * @param view what to show
     * @return the markup, with every text escaped
     */
    static String draw(MapOutline outline, String outlineHref, View view) {
        Box f = view.frame();
        double unit = f.width() / view.width();
        StringBuilder svg = new StringBuilder(256 + 160 * view.markers().size());
        svg.append("<svg class=\"map\" viewBox=\"")
                .append(n(f.x()))
                .append(' ')
                .append(n(f.y()))
                .append(' ')
                .append(n(f.width()))
                .append(' ')
                .append(n(f.height()))
                .append("\" role=\"group\" aria-label=\"")
                .append(escape(view.label()))
                .append("\">");
        Box all = outline.frame();
        svg.append("<image href=\"")
                .append(escape(outlineHref))
                .append("\" x=\"")
                .append(n(all.x()))
                .append("\" y=\"")
                .append(n(all.y()))
                .append("\" width=\"")
                .append(n(all.width()))
                .append("\" height=\"")
                .append(n(all.height()))
                .append("\"/>");
        if (view.focus() != null) {
            svg.append("<path class=\"map-focus\" d=\"")
                    .append(escape(view.focus()))
                    .append("\"/>");
        }
        // one group per kind of marker, so that each marker is only its link, name and place; the name is the link's
        // <title>, which is both its accessible name and the tooltip a mouse user sees. Markers are no tab stops: every
        // page with a map lists the same members as links beside it, and two hundred stops would bury the rest.
        Map<String, StringBuilder> groups = new LinkedHashMap<>();
        String radius = n(RADIUS * unit);
        for (Marker m : view.markers()) {
            double[] p = outline.place(m.latitude(), m.longitude());
            if (!f.contains(p[0], p[1]) || m.equals(view.named())) {
                continue;
            }
            groups.computeIfAbsent("mk mk-" + m.category() + (m.hollow() ? " mk-ring" : ""), k -> new StringBuilder())
                    .append("<a href=\"")
                    .append(escape(m.href()))
                    .append("\" tabindex=\"-1\"><title>")
                    .append(escape(m.name()))
                    .append("</title><circle cx=\"")
                    .append(n(p[0]))
                    .append("\" cy=\"")
                    .append(n(p[1]))
                    .append("\" r=\"")
                    .append(radius)
                    .append("\"/></a>");
        }
        groups.forEach((cls, markers) -> svg.append("<g class=\"")
                .append(escape(cls))
                .append("\">")
                .append(markers)
                .append("</g>"));
        if (view.named() != null) {
            // the page's own member: drawn last, larger and named, so that no neighbour hides it
            Marker m = view.named();
            double[] p = outline.place(m.latitude(), m.longitude());
            double r = RADIUS * 1.6 * unit;
            svg.append("<circle class=\"mk mk-here mk-")
                    .append(escape(m.category()))
                    .append(m.hollow() ? " mk-ring" : "")
                    .append("\" cx=\"")
                    .append(n(p[0]))
                    .append("\" cy=\"")
                    .append(n(p[1]))
                    .append("\" r=\"")
                    .append(n(r))
                    .append("\"/>");
            boolean left = p[0] > f.x() + f.width() * 0.6;
            svg.append("<text class=\"map-label\" x=\"")
                    .append(n(p[0] + (left ? -1 : 1) * (r + 3 * unit)))
                    .append("\" y=\"")
                    .append(n(p[1] + 5 * unit))
                    .append(left ? "\" text-anchor=\"end" : "")
                    .append("\" font-size=\"")
                    .append(n(16 * unit))
                    .append("\" stroke-width=\"")
                    .append(n(4 * unit))
                    .append("\" aria-hidden=\"true\">")
                    .append(escape(m.name()))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static String n(double v) {
        return SvgNumber.of(v);
    }

    /** Text as it may stand in an attribute value or element content. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
