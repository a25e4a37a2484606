package eu.eurocities.site.render;

import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Messages;
import eu.eurocities.site.plan.Page;
import eu.eurocities.site.render.map.SvgNumber;
import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal bar charts drawn at build time as inline SVG, so they need no script and cost no request. Bars may be
 * stacked from several series (one CSS class per series, {@code bar-<series id>}, coloured by the stylesheet, so
 * the dark scheme and print apply). The SVG is an image to assistive technology ({@code role="img"}) named by its
 * {@code <title>} and described by its {@code <desc>}; the page shows the same numbers in a table.
 */
public final class Charts {
    private static final int WIDTH = 360;
    private static final int LABEL = 165;
    private static final int ROW = 20;
    private static final int BAR = 13;
    private static final int VALUE_SPACE = 30;

    private Charts() {}

    /**
     * One bar: its label and one value per series.
     *
     * @param label the text left of the bar, e.g. {@code Germany}
     * @param values one value per series, in the series order of {@link #bars}
     */
    record Bar(String label, int... values) {
        /** The sum of the values, written after the bar. */
        int total() {
            int sum = 0;
            for (int v : values) {
                sum += v;
            }
            return sum;
        }
    }

    /**
     * A horizontal bar chart.
     *
     * @param id a page-unique id prefix for the title and description elements
     * @param title what the chart shows, its accessible name
     * @param description the chart in words: its text alternative
     * @param series the series ids, one per value of each bar, used in the CSS class {@code bar-<id>}
     * @param bars the bars, top to bottom
     * @return the {@code <svg>} element
     */
    static Html bars(String id, String title, String description, List<String> series, List<Bar> bars) {
        int max = Math.max(1, bars.stream().mapToInt(Bar::total).max().orElse(1));
        double unit = (WIDTH - LABEL - VALUE_SPACE) / (double) max;
        int height = bars.size() * ROW;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\">")
                .append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(escape(title))
                .append("</title>")
                .append("<desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(escape(description))
                .append("</desc>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * ROW;
            double textY = y + ROW / 2.0 + 4.5;
            svg.append("<text x=\"")
                    .append(LABEL - 8)
                    .append("\" y=\"")
                    .append(fmt(textY))
                    .append("\" text-anchor=\"end\">")
                    .append(escape(bar.label()))
                    .append("</text>");
            double x = LABEL;
            for (int s = 0; s < series.size() && s < bar.values().length; s++) {
                int v = bar.values()[s];
                if (v == 0) {
                    continue;
                }
                double w = v * unit;
                svg.append("<rect class=\"bar-")
                        .append(series.get(s))
                        .append("\" x=\"")
                        .append(fmt(x))
                        .append("\" y=\"")
                        .append(fmt(y + (ROW - BAR) / 2.0))
                        .append("\" width=\"")
                        .append(fmt(w))
                        .append("\" height=\"")
                        .append(BAR)
                        .append("\"/>");
                x += w;
            }
            svg.append("<text x=\"")
                    .append(fmt(x + 6))
                    .append("\" y=\"")
                    .append(fmt(textY))
                    .append("\">")
                    .append(bar.total())
                    .append("</text>");
        }
        svg.append("</svg>");
        return new Html(svg.toString());
    }

    /**
     * Cities per country, most first, each bar stacked by membership category.
     *
     * @param countries the countries with their cities, in the order to draw
     * @param categories the categories that list cities, in the order of the stacks
     * @param texts the site's language files, for the chart's name and its text equivalent
     */
    public static Html byCountry(
            List<Page.CountryCities> countries, List<Page.CategoryCount> categories, Messages texts) {
        List<Page.CategoryCount> listed =
                categories.stream().filter(c -> c.category().listsCities()).toList();
        List<String> series = listed.stream().map(c -> c.category().id()).toList();
        List<Bar> bars = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (Page.CountryCities c : countries) {
            int[] values = new int[series.size()];
            for (City city : c.cities()) {
                int i = series.indexOf(city.membership());
                if (i >= 0) {
                    values[i]++;
                }
            }
            bars.add(new Bar(c.country().name(), values));
            words.add(c.country().name() + " " + c.cities().size());
        }
        String description = texts.plural(
                series.size() > 1 ? "home.chart-countries-description-categories" : "home.chart-countries-description",
                countries.size(),
                "countries",
                String.join(", ", words));
        return bars("chart-countries", texts.text("home.chart-countries-plain"), description, series, bars);
    }

    /**
     * Cities per membership category, in category order; categories that list no cities are left out.
     *
     * @param title the chart's accessible name
     * @param description its text equivalent, where {@code {categories}} becomes each category with its count
     */
    public static Html byCategory(List<Page.CategoryCount> categories, String title, String description) {
        List<Page.CategoryCount> listed =
                categories.stream().filter(c -> c.category().listsCities()).toList();
        List<String> series = listed.stream().map(c -> c.category().id()).toList();
        List<Bar> bars = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            int[] values = new int[series.size()];
            values[i] = listed.get(i).cities();
            bars.add(new Bar(listed.get(i).category().name(), values));
            words.add(listed.get(i).category().name() + " " + listed.get(i).cities());
        }
        return bars(
                "chart-categories", title, description.replace("{categories}", String.join(", ", words)), series, bars);
    }

    private static String fmt(double d) {
        return SvgNumber.of(d);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
