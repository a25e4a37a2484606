package eu.eurocities.site.render.map;

/**
 * The Lambert azimuthal equal-area projection on the GRS80 ellipsoid centred at 52°N 10°E, as in EPSG:3035
 * ({@code +proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80}): the projection the theme's
 * outline map was drawn with, so that a marker placed here lands where the outline puts its place. Equal-area, so
 * that no part of the network looks bigger than it is. Formulas from Snyder, <i>Map Projections: A Working Manual</i>
 * (USGS 1987), pp. 187-188; a test compares them with proj4j.
 */
final class Laea {
    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257222101;
    private static final double E2 = 2 * F - F * F;
    private static final double E = Math.sqrt(E2);
    private static final double LAT0 = Math.toRadians(52);
    private static final double LON0 = Math.toRadians(10);
    private static final double FALSE_EASTING = 4_321_000;
    private static final double FALSE_NORTHING = 3_210_000;
    private static final double QP = q(Math.PI / 2);
    private static final double RQ = A * Math.sqrt(QP / 2);
    private static final double BETA1 = Math.asin(q(LAT0) / QP);
    private static final double D =
            A * (Math.cos(LAT0) / Math.sqrt(1 - E2 * Math.sin(LAT0) * Math.sin(LAT0))) / (RQ * Math.cos(BETA1));

    private Laea() {}

    /**
     * Projects a place.
     *
     * @param latitude degrees north, -90 to 90
     * @param longitude degrees east, -180 to 180
     * @return easting and northing in metres
     */
    static double[] project(double latitude, double longitude) {
        double phi = Math.toRadians(latitude);
        double dLambda = Math.toRadians(longitude) - LON0;
        double beta = Math.asin(q(phi) / QP);
        double b = RQ
                * Math.sqrt(2
                        / (1
                                + Math.sin(BETA1) * Math.sin(beta)
                                + Math.cos(BETA1) * Math.cos(beta) * Math.cos(dLambda)));
        double x = b * D * Math.cos(beta) * Math.sin(dLambda);
        double y = (b / D) * (Math.cos(BETA1) * Math.sin(beta) - Math.sin(BETA1) * Math.cos(beta) * Math.cos(dLambda));
        return new double[] {FALSE_EASTING + x, FALSE_NORTHING + y};
    }

    private static double q(double phi) {
        double s = Math.sin(phi);
        return (1 - E2) * (s / (1 - E2 * s * s) - (1 / (2 * E)) * Math.log((1 - E * s) / (1 + E * s)));
    }
}
