package eu.eurocities.site.render;

import eu.eurocities.site.model.City;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.model.Messages;
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
     * The sources the records draw on: GeoNames when a record takes a place or a figure from it (with the newest
     * snapshot date of its figures).
     *
     * @param content the validated content
     * @return the credits, in the order the footer lists them; empty when the records use no open data
     */
    static List<Credit> of(Content content) {
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
        return List.copyOf(credits);
    }

    /**
     * {@code sources}, followed by Natural Earth when {@code maps}: the maps are drawn on its outline; its texts in
     * the site's language from {@code texts}.
     */
    static List<Credit> withMaps(List<Credit> sources, boolean maps, Messages texts) {
        List<Credit> credits = new ArrayList<>(sources);
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
