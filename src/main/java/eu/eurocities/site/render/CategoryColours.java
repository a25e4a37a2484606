package eu.eurocities.site.render;

import eu.eurocities.site.model.Category;
import java.util.List;

/**
 * The colour of each membership category, whatever its id: the stylesheet defines six colours ({@code --c1} to
 * {@code --c6}, for light and dark), and the build adds after it the rules that give each category the colour of
 * its place in {@code content/membership.yaml} (the seventh takes the first again), for the table's dot
 * ({@code .cat-<id>}), the chart's bar ({@code .bar-<id>}) and the map's marker ({@code .mk-<id>}).
 */
final class CategoryColours {
    /** How many colours the stylesheet defines. */
    static final int COLOURS = 6;

    private CategoryColours() {}

    /**
     * The stylesheet's rules for {@code categories}, one line each.
     *
     * @param categories the categories in the order of the membership file
     * @return the rules, ending with a line break; empty for no categories
     */
    static String css(List<Category> categories) {
        StringBuilder css = new StringBuilder();
        for (int i = 0; i < categories.size(); i++) {
            String id = categories.get(i).id();
            String colour = "var(--c" + (i % COLOURS + 1) + ")";
            css.append(".cat-")
                    .append(id)
                    .append("::before { background: ")
                    .append(colour)
                    .append("; } ")
                    .append(".bar-")
                    .append(id)
                    .append(", .mk-")
                    .append(id)
                    .append(" { fill: ")
                    .append(colour)
                    .append("; } ")
                    .append(".mk-ring.mk-")
                    .append(id)
                    .append(" { fill: var(--bg); stroke: ")
                    .append(colour)
                    .append("; }\n");
        }
        return css.toString();
    }
}
