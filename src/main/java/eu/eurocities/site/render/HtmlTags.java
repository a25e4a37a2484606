package eu.eurocities.site.render;

import java.util.List;

/**
 * The tags jte reports to {@link MarkupInterceptor} as templates write them: every HTML element, and the SVG and
 * MathML elements a template may hold inline, so that the links and ids of every element reach the check. The
 * jte-maven-plugin compiles the built-in templates with the same list ({@code htmlTags} in pom.xml); a test keeps
 * the two equal. A page whose templates use a tag missing here is still checked correctly: the build compares one
 * page of each kind with a full parse and falls back to parsing when they differ.
 */
public final class HtmlTags {
  private HtmlTags() {}

  /** Tag names as templates write them. */
  public static final List<String> ALL = List.of(
      "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote", "body",
      "br", "button", "canvas", "caption", "cite", "code", "col", "colgroup", "data", "datalist", "dd", "del",
      "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "footer",
      "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img",
      "input", "ins", "kbd", "label", "legend", "li", "link", "main", "map", "mark", "menu", "meta", "meter", "nav",
      "noscript", "object", "ol", "optgroup", "option", "output", "p", "picture", "pre", "progress", "q", "rp", "rt",
      "ruby", "s", "samp", "script", "search", "section", "select", "slot", "small", "source", "span", "strong",
      "style", "sub", "summary", "sup", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
      "time", "title", "tr", "track", "u", "ul", "var", "video", "wbr",
      "svg", "g", "path", "circle", "rect", "line", "polyline", "polygon", "ellipse", "text", "tspan", "use",
      "image", "defs", "symbol", "clipPath", "mask", "pattern", "linearGradient", "radialGradient", "stop", "desc",
      "foreignObject", "marker", "math");
}
