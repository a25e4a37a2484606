package eu.eurocities.site.render.map;

/**
 * One member on a map.
 *
 * @param latitude degrees north
 * @param longitude degrees east
 * @param name the member's name, the marker's accessible name
 * @param href the link to the member's page, relative to the page the map is on
 * @param category the membership category id, which picks the marker's colour ({@code mk-<id>} in the stylesheet)
 * @param hollow true for a member that is not a single city (a metropolitan area, a grouping...), drawn as a ring
 *     at its seat
 */
record Marker(double latitude, double longitude, String name, String href, String category, boolean hollow) {}
