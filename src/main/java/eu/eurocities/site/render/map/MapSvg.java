package eu.eurocities.site.render.map;

import java.util.List;
import java.util.Locale;

/**
 * Draws a map as inline SVG: the shared outline as one cached image, an optional highlighted country, and one link
 * per member. Markers keep the same size on screen whatever part of the outline is shown, so that a country map and
 * the map of the whole network read alike. Colours come from the stylesheet ({@code .mk-<category>},
 * {@code .map-focus}), so the dark scheme and print apply.
 */
public final class MapSvg {
  /** The width the maps are drawn for; markers are sized for it and scale with the map. */
  static final double WIDTH = 800;

  private static final double RADIUS = 5;

  private MapSvg() {}

  /**
   * What one map shows.
   *
   * @param frame the part of the outline shown, in its user units
   * @param label the map's accessible name, e.g. {@code Map of the 202 members}
   * @param focus the path data of a country to highlight, or null
   * @param named a marker to label with its name on the map (a city page's own city), or null
   * @param markers the members drawn
   */
  public record View(Box frame, String label, String focus, Marker named, List<Marker> markers) {}

  /**
   * The SVG element of one map.
   *
   * @param outline the theme's outline, which places the markers
   * @param outlineHref the link to the outline image, relative to the page
   * @param view what to show
   * @return the markup, with every text escaped
   */
  public static String draw(MapOutline outline, String outlineHref, View view) {
    Box f = view.frame();
    double unit = f.width() / WIDTH;
    StringBuilder svg = new StringBuilder(256 + 160 * view.markers().size());
    svg.append("<svg class=\"map\" viewBox=\"")
        .append(n(f.x())).append(' ').append(n(f.y())).append(' ')
        .append(n(f.width())).append(' ').append(n(f.height()))
        .append("\" role=\"group\" aria-label=\"").append(escape(view.label())).append("\">");
    Box all = outline.frame();
    svg.append("<image href=\"").append(escape(outlineHref)).append("\" x=\"").append(n(all.x()))
        .append("\" y=\"").append(n(all.y())).append("\" width=\"").append(n(all.width()))
        .append("\" height=\"").append(n(all.height())).append("\"/>");
    if (view.focus() != null) {
      svg.append("<path class=\"map-focus\" d=\"").append(escape(view.focus())).append("\"/>");
    }
    for (Marker m : view.markers()) {
      double[] p = outline.place(m.latitude(), m.longitude());
      if (!f.contains(p[0], p[1])) {
        continue;
      }
      svg.append("<a href=\"").append(escape(m.href())).append("\" aria-label=\"").append(escape(m.name()))
          .append("\"><circle class=\"mk mk-").append(escape(m.category())).append(m.hollow() ? " mk-ring" : "")
          .append("\" cx=\"").append(n(p[0])).append("\" cy=\"").append(n(p[1]))
          .append("\" r=\"").append(n(RADIUS * unit)).append("\"><title>").append(escape(m.name()))
          .append("</title></circle></a>");
    }
    if (view.named() != null) {
      Marker m = view.named();
      double[] p = outline.place(m.latitude(), m.longitude());
      boolean left = p[0] > f.x() + f.width() * 0.7;
      svg.append("<text class=\"map-label\" x=\"").append(n(p[0] + (left ? -2 : 2) * RADIUS * unit))
          .append("\" y=\"").append(n(p[1] + RADIUS * unit * 0.8))
          .append(left ? "\" text-anchor=\"end" : "").append("\" font-size=\"").append(n(15 * unit))
          .append("\">").append(escape(m.name())).append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  private static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v).replace(".0", "");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
