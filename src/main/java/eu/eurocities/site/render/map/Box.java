package eu.eurocities.site.render.map;

/**
 * A rectangle in the map's SVG user units, y growing downwards.
 *
 * @param x left edge
 * @param y top edge
 * @param width width, not negative
 * @param height height, not negative
 */
record Box(double x, double y, double width, double height) {

    /** The smallest box holding both. */
    Box union(Box other) {
        double left = Math.min(x, other.x);
        double top = Math.min(y, other.y);
        double right = Math.max(x + width, other.x + other.width);
        double bottom = Math.max(y + height, other.y + other.height);
        return new Box(left, top, right - left, bottom - top);
    }

    /** This box grown by {@code margin} on every side. */
    Box grow(double margin) {
        return new Box(x - margin, y - margin, width + 2 * margin, height + 2 * margin);
    }

    /**
     * The box of the given aspect ratio centred on this one that holds it, and at least {@code minWidth} wide: a
     * small country or a single city still gets some land around it.
     */
    Box fit(double aspect, double minWidth) {
        double w = Math.max(Math.max(width, height * aspect), minWidth);
        double h = w / aspect;
        return new Box(x + width / 2 - w / 2, y + height / 2 - h / 2, w, h);
    }

    /** This box moved (not resized) so that it lies inside {@code bounds} where it fits. */
    Box within(Box bounds) {
        double nx = Math.max(bounds.x, Math.min(x, bounds.x + bounds.width - width));
        double ny = Math.max(bounds.y, Math.min(y, bounds.y + bounds.height - height));
        return new Box(nx, ny, width, height);
    }

    /** Whether the point lies inside or on the edge. */
    boolean contains(double px, double py) {
        return px >= x && px <= x + width && py >= y && py <= y + height;
    }
}
