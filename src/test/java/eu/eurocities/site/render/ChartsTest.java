package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.eurocities.site.TestContent;
import eu.eurocities.site.model.Messages;
import eu.eurocities.site.plan.Page;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChartsTest {
    static Page.Home home;
    static Messages texts;

    @BeforeAll
    static void plan() {
        home = (Page.Home) TestContent.realPlan().get(0);
        texts = TestContent.real().site().messages();
    }

    static Document svg(Html html) {
        return Jsoup.parse(html.value(), "", Parser.xmlParser());
    }

    @Test
    void countryChartHasOneStackedBarPerCountryMostFirst() {
        Document svg = svg(Charts.byCountry(home.topCountries(), home.categories(), texts));
        List<String> labels = svg.select("text[text-anchor=end]").eachText();
        assertEquals(38, labels.size());
        assertEquals(List.of("France", "Germany", "Spain"), labels.subList(0, 3));
        List<String> totals = svg.select("text:not([text-anchor])").eachText();
        assertEquals(List.of("23", "23", "16"), totals.subList(0, 3));
        // Norway's three cities: one full member (Bergen), one associate, one partner, in category order
        int norway = labels.indexOf("Norway");
        assertEquals("3", totals.get(norway));
        double y = Double.parseDouble(
                        svg.select("text[text-anchor=end]").get(norway).attr("y"))
                - 14.5;
        List<String> classes = svg.select("rect").stream()
                .filter(r -> Math.abs(Double.parseDouble(r.attr("y")) - 3.5 - y) < 0.01)
                .map(r -> r.attr("class"))
                .toList();
        assertEquals(List.of("bar-full", "bar-associate", "bar-partner"), classes);
    }

    @Test
    void longestBarFillsTheBarAreaAndOthersAreInProportion() {
        Document svg = svg(Charts.byCategory(
                home.categories(),
                "Cities per membership category",
                "Bar chart of the number of cities in each membership category: {categories}."));
        List<Double> widths = svg.select("rect").stream()
                .map(r -> Double.parseDouble(r.attr("width")))
                .toList();
        assertEquals(3, widths.size());
        assertEquals(165.0, widths.get(0), 0.05, "117 full members: the whole bar area");
        assertEquals(165.0 * 32 / 117, widths.get(1), 0.05);
        assertEquals(165.0 * 53 / 117, widths.get(2), 0.05);
    }

    @Test
    void chartIsAnImageNamedAndDescribedInWords() {
        Element root = svg(Charts.byCategory(
                        home.categories(),
                        "Cities per membership category",
                        "Bar chart of the number of cities in each membership category: {categories}."))
                .selectFirst("svg");
        assertEquals("img", root.attr("role"));
        assertEquals("chart-categories-title chart-categories-desc", root.attr("aria-labelledby"));
        assertEquals(
                "Cities per membership category",
                root.selectFirst("title#chart-categories-title").text());
        assertEquals(
                "Bar chart of the number of cities in each membership category: Full member 117, "
                        + "Associate member 32, Partner 53.",
                root.selectFirst("desc#chart-categories-desc").text());
        assertEquals("0 0 360 60", root.attr("viewBox"));
        String countries = svg(Charts.byCountry(home.topCountries(), home.categories(), texts))
                .selectFirst("desc")
                .text();
        assertTrue(
                countries.startsWith("Bar chart of the number of cities in each of the 38 countries, most first, "
                        + "each bar divided by membership category: France 23, Germany 23, Spain 16,"),
                countries);
    }
}
