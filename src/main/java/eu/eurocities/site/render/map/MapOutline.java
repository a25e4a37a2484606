package eu.eurocities.site.render.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The theme's outline map ({@code assets/europe.svg}) as the build needs it: its frame, the transform from
 * projected metres to its user units, and each country's rings, keyed by ISO 3166-1 alpha-2 code. The file is drawn
 * once by {@code tools/opendata} and shared by every page as one cached image; the build only places markers on
 * it, so it reads the few attributes that say where things are:
 *
 * <pre>{@code <svg viewBox="0 0 W H" data-transform="S TX TY"> ... <path id="FR" d="M..L..Z"/>}</pre>
 *
 * where a projected point (E, N) is drawn at {@code x = S*E + TX, y = TY - S*N}.
 */
final class MapOutline {
    private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.DOTALL);
    private static final Pattern PATH = Pattern.compile("<path\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private final Box frame;
    private final double scale;
    private final double tx;
    private final double ty;
    private final Map<String, List<double[]>> countries;
    private final Map<String, String> paths;

    private MapOutline(
            Box frame,
            double scale,
            double tx,
            double ty,
            Map<String, List<double[]>> countries,
            Map<String, String> paths) {
        this.frame = frame;
        this.paths = paths;
        this.scale = scale;
        this.tx = tx;
        this.ty = ty;
        this.countries = countries;
    }

    /**
     * Reads an outline.
     *
     * @param svg the text of the SVG file
     * @return the outline
     * @throws IllegalArgumentException when the root lacks {@code viewBox} or {@code data-transform}, or a path's data
     *     holds a command other than M, L, H, V and Z, saying which
     */
    static MapOutline parse(String svg) {
        Matcher root = ROOT.matcher(svg);
        if (!root.find()) {
            throw new IllegalArgumentException("no <svg> element");
        }
        double[] box = numbers(attribute(root.group(), "viewBox"), 4, "viewBox");
        double[] t = numbers(attribute(root.group(), "data-transform"), 3, "data-transform");
        Map<String, List<double[]>> countries = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        Matcher path = PATH.matcher(svg);
        while (path.find()) {
            String id = attribute(path.group(1), "id");
            String d = attribute(path.group(1), "d");
            if (id != null && d != null && id.matches("[A-Z]{2}")) {
                countries.put(id, rings(id, d));
                paths.put(id, d);
            }
        }
        return new MapOutline(new Box(box[0], box[1], box[2], box[3]), t[0], t[1], t[2], countries, paths);
    }

    /** The whole drawing, in user units. */
    Box frame() {
        return frame;
    }

    /** Where a place is drawn, as {x, y} in user units. */
    double[] place(double latitude, double longitude) {
        double[] en = Laea.project(latitude, longitude);
        return new double[] {scale * en[0] + tx, ty - scale * en[1]};
    }

    /** Whether the outline draws this country. */
    boolean has(String code) {
        return countries.containsKey(code);
    }

    /** A country's path data as the file writes it, or null when the outline does not draw the country. */
    String path(String code) {
        return paths.get(code);
    }

    /**
     * The box around a country's rings.
     *
     * @throws IllegalArgumentException when the outline does not draw the country
     */
    Box bounds(String code) {
        List<double[]> rings = rings(code);
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] ring : rings) {
            for (int i = 0; i < ring.length; i += 2) {
                minX = Math.min(minX, ring[i]);
                maxX = Math.max(maxX, ring[i]);
                minY = Math.min(minY, ring[i + 1]);
                maxY = Math.max(maxY, ring[i + 1]);
            }
        }
        return new Box(minX, minY, maxX - minX, maxY - minY);
    }

    /**
     * Whether a point in user units lies inside the country (even-odd over all its rings, so holes count).
     *
     * @throws IllegalArgumentException when the outline does not draw the country
     */
    boolean contains(String code, double x, double y) {
        boolean inside = false;
        for (double[] ring : rings(code)) {
            for (int i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
                double xi = ring[i];
                double yi = ring[i + 1];
                double xj = ring[j];
                double yj = ring[j + 1];
                if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    private List<double[]> rings(String code) {
        List<double[]> rings = countries.get(code);
        if (rings == null) {
            throw new IllegalArgumentException("the outline has no country " + code);
        }
        return rings;
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    private static double[] numbers(String text, int count, String name) {
        if (text == null) {
            throw new IllegalArgumentException("the <svg> element has no " + name);
        }
        String[] parts = text.trim().split("[\\s,]+");
        if (parts.length != count) {
            throw new IllegalArgumentException(name + " needs " + count + " numbers, not '" + text + "'");
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = Double.parseDouble(parts[i]);
        }
        return values;
    }

    /** The closed rings of path data made of M, L, H, V and Z commands, absolute or relative. */
    private static List<double[]> rings(String id, String d) {
        List<double[]> rings = new ArrayList<>();
        List<Double> ring = new ArrayList<>();
        double x = 0;
        double y = 0;
        double startX = 0;
        double startY = 0;
        char command = 'M';
        int i = 0;
        while (i < d.length()) {
            char c = d.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            if (Character.isLetter(c)) {
                if ("MmLlHhVvZz".indexOf(c) < 0) {
                    throw new IllegalArgumentException(
                            "path " + id + " uses the command '" + c + "'; only M, L, H, V, Z");
                }
                command = c;
                i++;
                if (c == 'Z' || c == 'z') {
                    close(rings, ring);
                    x = startX;
                    y = startY;
                }
                continue;
            }
            Matcher n = NUMBER.matcher(d).region(i, d.length());
            if (!n.lookingAt()) {
                throw new IllegalArgumentException(
                        "path " + id + ": no number at '" + d.substring(i, Math.min(d.length(), i + 10)) + "'");
            }
            double a = Double.parseDouble(n.group());
            i = n.end();
            boolean relative = Character.isLowerCase(command);
            switch (Character.toUpperCase(command)) {
                case 'H' -> x = relative ? x + a : a;
                case 'V' -> y = relative ? y + a : a;
                default -> {
                    Matcher m = NUMBER.matcher(d);
                    int j = i;
                    while (j < d.length() && (Character.isWhitespace(d.charAt(j)) || d.charAt(j) == ',')) {
                        j++;
                    }
                    m.region(j, d.length());
                    if (!m.lookingAt()) {
                        throw new IllegalArgumentException("path " + id + ": a point needs two numbers");
                    }
                    double b = Double.parseDouble(m.group());
                    i = m.end();
                    boolean move = Character.toUpperCase(command) == 'M';
                    if (move) {
                        close(rings, ring);
                        command = relative ? 'l' : 'L';
                    }
                    x = relative ? x + a : a;
                    y = relative ? y + b : b;
                    if (move) {
                        startX = x;
                        startY = y;
                    }
                }
            }
            ring.add(x);
            ring.add(y);
        }
        close(rings, ring);
        return rings;
    }

    private static void close(List<double[]> rings, List<Double> ring) {
        if (ring.size() >= 6) {
            double[] points = new double[ring.size()];
            for (int k = 0; k < points.length; k++) {
                points[k] = ring.get(k);
            }
            rings.add(points);
        }
        ring.clear();
    }
}
