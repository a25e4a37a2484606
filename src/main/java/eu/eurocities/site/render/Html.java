package eu.eurocities.site.render;

import gg.jte.TemplateOutput;
import java.util.regex.Pattern;

/**
 * HTML that is already safe to write as is (rendered Markdown, built-in SVG, structured data). Templates output it
 * unescaped; every other value a template writes is escaped.
 *
 * @param value the markup
 */
public record Html(String value) implements gg.jte.Content {
    private static final Pattern SCRIPT_TYPE = Pattern.compile("[A-Za-z0-9/+.-]+");

    /**
     * One {@code <script type="...">} element holding {@code text}. As the text holds no {@code <}, nothing in it can
     * end the script or start other markup.
     *
     * @param type the script's type, e.g. {@code application/ld+json}; letters, digits, '/', '+', '-' and '.' only
     * @param text the script's text
     * @throws IllegalArgumentException when the text holds '<' or the type holds another character
     */
    static Html script(String type, String text) {
        if (text.indexOf('<') >= 0) {
            throw new IllegalArgumentException("script text holds '<'");
        }
        if (!SCRIPT_TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("script type '" + type + "' needs quoting");
        }
        return new Html("<script type=\"" + type + "\">" + text + "</script>");
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(value);
    }
}
