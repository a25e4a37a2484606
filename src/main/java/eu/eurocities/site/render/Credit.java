package eu.eurocities.site.render;

import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A source of open data the site shows, credited in every page's footer as its licence asks.
 *
 * @param name the source, e.g. {@code GeoNames}
 * @param url its home page
 * @param licence the licence's short name, e.g. {@code CC BY 4.0}
 * @param licenceUrl the licence's text
 * @param what what the site takes from it, e.g. {@code places and populations, data of 18 March 2020}
 */
public record Credit(String name, String url, String licence, String licenceUrl, String what) {
    /**
     * The sources the content and the maps draw on: GeoNames when a record takes a place or a figure from it (with
     * the newest snapshot date of its figures), Natural Earth when the maps are drawn on the built-in outline.
     *
     * @param content the validated content
     * @param maps whether pages carry maps
     * @return the credits, in the order the footer lists them; empty when the site uses no open data
     */
    public static List<Credit> of(Content content, boolean maps) {
        List<Credit> credits = new ArrayList<>();
        var texts = content.site().messages();
        boolean geonames = false;
        LocalDate newest = null;
        for (City city : content.cities().values()) {
            geonames |= city.geonamesId() != null;
            if ("GeoNames".equals(city.populationSource()) && city.populationSnapshot() != null) {
                geonames = true;
                newest = newest == null || city.populationSnapshot().isAfter(newest)
                        ? city.populationSnapshot()
                        : newest;
            }
        }
        if (geonames) {
            credits.add(new Credit(
                    "GeoNames",
                    "https://www.geonames.org/",
                    "CC BY 4.0",
                    "https://creativecommons.org/licenses/by/4.0/",
                    newest == null
                            ? texts.text("credit.geonames")
                            : texts.text("credit.geonames-dated", "date", texts.date(newest))));
        }
        if (maps) {
            credits.add(new Credit(
                    "Natural Earth",
                    "https://www.naturalearthdata.com/",
                    texts.text("credit.public-domain"),
                    "https://www.naturalearthdata.com/about/terms-of-use/",
                    texts.text("credit.natural-earth")));
        }
        return List.copyOf(credits);
    }
}
