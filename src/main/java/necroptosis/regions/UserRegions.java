package necroptosis.regions;

import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Polygons a user drew (QuPath GeoJSON, ImageJ ROIs) that replace or limit the automatic necrotic cores
 * (DESIGN.md step 5). Coordinates are level-0 pixels, whatever image the polygons were drawn on, so the
 * same file applies at any analysis resolution. Immutable.
 * <p>
 * What a polygon does depends on its classification ({@link Kind}) and the {@link Mode}:
 * <ul>
 * <li>{@link Kind#EXCLUDE} polygons are cut out of the tissue in either mode (folds, pen marks);</li>
 * <li>{@link Mode#OVERRIDE}: polygons classified necrosis, and unclassified ones, are the cores;</li>
 * <li>{@link Mode#RESTRICT}: every polygon that is not an exclusion is a region of interest; tissue
 * outside all of them is not analysed and cores are searched only inside.</li>
 * </ul>
 */
public final class UserRegions {

    /** How the polygons change the automatic result; the key is what provenance records. */
    public enum Mode {
        /** The polygons classified necrosis are the cores; automatic detection is not run. */
        OVERRIDE,
        /** Analysis limited to the polygons (regions of interest); cores detected automatically inside. */
        RESTRICT;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("regions mode must be override or restrict; got '" + s + "'");
            }
        }
    }

    /** What a classification name means here. */
    public enum Kind {
        /** "Necrosis", "Necrotic core", ...: a necrotic core. */
        NECROSIS,
        /** "Exclude", "Ignore*" (QuPath), "Artefact": not tissue. */
        EXCLUDE,
        /** Any other class ("Tissue", "Region of interest", "Tumor"): a region of interest. */
        REGION,
        /** No classification: a core in override mode, a region of interest in restrict mode. */
        UNCLASSIFIED;

        public static Kind of(String classification) {
            if (classification == null || classification.trim().isEmpty()) return UNCLASSIFIED;
            String c = classification.trim().toLowerCase(Locale.ROOT);
            if (c.contains("necro")) return NECROSIS;
            if (c.startsWith("exclu") || c.startsWith("ignore") || c.startsWith("artefact") || c.startsWith("artifact")) return EXCLUDE;
            return REGION;
        }
    }

    /**
     * One polygon: rings filled by the even-odd rule, so an outer ring with holes (GeoJSON lists the outer
     * first; composite ImageJ ROIs in any order) or several disjoint parts. Each ring is x,y pairs in
     * level-0 pixels, not repeating the first point.
     */
    public static final class Polygon {
        private final List<double[]> rings;
        public final String classification;

        public Polygon(List<double[]> rings, String classification) {
            if (rings.isEmpty()) throw new IllegalArgumentException("polygon without rings");
            List<double[]> copy = new ArrayList<>(rings.size());
            for (double[] r : rings) {
                if (r.length < 6 || r.length % 2 != 0) throw new IllegalArgumentException("a polygon ring needs at least 3 points");
                for (double v : r) {
                    if (Double.isNaN(v) || Double.isInfinite(v)) throw new IllegalArgumentException("polygon coordinate is not a finite number");
                }
                copy.add(r.clone());
            }
            this.rings = Collections.unmodifiableList(copy);
            this.classification = classification;
        }

        public Kind kind() {
            return Kind.of(classification);
        }

        /** The rings, each x0,y0,x1,y1,... in level-0 pixels; copies. */
        public List<double[]> rings() {
            List<double[]> out = new ArrayList<>(rings.size());
            for (double[] r : rings) out.add(r.clone());
            return out;
        }

        /** The polygon as a shape (even-odd), e.g. for {@code contains}. */
        public Path2D path() {
            Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (double[] r : rings) {
                p.moveTo(r[0], r[1]);
                for (int i = 2; i < r.length; i += 2) p.lineTo(r[i], r[i + 1]);
                p.closePath();
            }
            return p;
        }

        /**
         * Area in level-0 pixels² under the even-odd rule: a ring inside an odd number of others is a hole.
         * Composite ImageJ ROIs do not list the outer ring first, so nesting is tested, not assumed.
         */
        public double area() {
            double a = 0;
            for (int k = 0; k < rings.size(); k++) {
                double[] r = rings.get(k);
                int depth = 0;
                for (int j = 0; j < rings.size(); j++) if (j != k && inside(rings.get(j), r[0], r[1])) depth++;
                a += (depth % 2 == 0 ? 1 : -1) * Math.abs(signedArea(r));
            }
            return a;
        }

        private static boolean inside(double[] r, double x, double y) {
            boolean in = false;
            int n = r.length / 2;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double yi = r[2 * i + 1], yj = r[2 * j + 1];
                if ((yi > y) != (yj > y) && x < r[2 * j] + (y - yj) * (r[2 * i] - r[2 * j]) / (yi - yj)) in = !in;
            }
            return in;
        }

        Polygon scaled(double s) {
            List<double[]> out = new ArrayList<>(rings.size());
            for (double[] r : rings) {
                double[] c = r.clone();
                for (int i = 0; i < c.length; i++) c[i] *= s;
                out.add(c);
            }
            return new Polygon(out, classification);
        }

        /** Shoelace area of a ring given as x,y pairs; positive when clockwise on screen (y down). */
        public static double signedArea(double[] ring) {
            double a = 0;
            int n = ring.length / 2;
            for (int i = 0; i < n; i++) {
                int j = (i + 1) % n;
                a += ring[2 * i] * ring[2 * j + 1] - ring[2 * j] * ring[2 * i + 1];
            }
            return a / 2;
        }

        /**
         * Marks the cells of a grid whose centres lie inside (even-odd, centres on an edge count when the
         * edge is a left boundary): a scanline fill, exact at the centres and linear in the cells covered,
         * so an overview of millions of pixels and polygons of thousands of vertices stay fast.
         */
        void fill(byte[] mask, int width, int height, double level0PerCell, byte value) {
            double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
            int edges = 0;
            for (double[] r : rings) {
                edges += r.length / 2;
                for (int i = 1; i < r.length; i += 2) {
                    minY = Math.min(minY, r[i]);
                    maxY = Math.max(maxY, r[i]);
                }
            }
            int y0 = Math.max(0, (int) Math.floor(minY / level0PerCell - 0.5));
            int y1 = Math.min(height - 1, (int) Math.ceil(maxY / level0PerCell - 0.5));
            double[] xs = new double[edges];
            for (int gy = y0; gy <= y1; gy++) {
                double y = (gy + 0.5) * level0PerCell;
                int m = 0;
                for (double[] r : rings) {
                    int n = r.length / 2;
                    for (int i = 0; i < n; i++) {
                        int j = (i + 1) % n;
                        double ay = r[2 * i + 1], by = r[2 * j + 1];
                        // Half-open in y, so a vertex exactly on the scanline is crossed once.
                        if ((ay <= y) == (by <= y)) continue;
                        double ax = r[2 * i], bx = r[2 * j];
                        xs[m++] = ax + (y - ay) * (bx - ax) / (by - ay);
                    }
                }
                Arrays.sort(xs, 0, m);
                int row = gy * width;
                for (int k = 0; k + 1 < m; k += 2) {
                    // Cells whose centre (gx + 0.5) * s lies in [xs[k], xs[k+1]).
                    int from = Math.max(0, (int) Math.ceil(xs[k] / level0PerCell - 0.5));
                    int to = Math.min(width - 1, (int) Math.ceil(xs[k + 1] / level0PerCell - 0.5) - 1);
                    for (int gx = from; gx <= to; gx++) mask[row + gx] = value;
                }
            }
        }
    }

    private final String source;
    private final Mode mode;
    private final List<Polygon> polygons;

    public UserRegions(String source, Mode mode, List<Polygon> polygons) {
        if (mode == null) throw new IllegalArgumentException("regions mode missing");
        this.source = source;
        this.mode = mode;
        this.polygons = Collections.unmodifiableList(new ArrayList<>(polygons));
    }

    /** The file the polygons came from, for provenance and messages. */
    public String source() { return source; }

    public Mode mode() { return mode; }

    public List<Polygon> polygons() { return polygons; }

    public UserRegions withMode(Mode m) {
        return new UserRegions(source, m, polygons);
    }

    /** The same regions with every coordinate multiplied by {@code s} (e.g. level-0 pixels per ROI pixel). */
    public UserRegions scaled(double s) {
        if (!(s > 0) || Double.isInfinite(s)) throw new IllegalArgumentException("regions scale must be above 0, got " + s);
        List<Polygon> out = new ArrayList<>(polygons.size());
        for (Polygon p : polygons) out.add(p.scaled(s));
        return new UserRegions(source, mode, out);
    }

    /** Whether the polygons replace automatic core detection. */
    public boolean overridesCores() {
        return mode == Mode.OVERRIDE;
    }

    /** Polygons that are cores in override mode: classified necrosis, or unclassified. */
    public List<Polygon> corePolygons() {
        List<Polygon> out = new ArrayList<>();
        for (Polygon p : polygons) if (p.kind() == Kind.NECROSIS || p.kind() == Kind.UNCLASSIFIED) out.add(p);
        return out;
    }

    /**
     * Checks that the regions can do what the mode asks, naming the file: override needs at least one
     * core polygon and restrict at least one region of interest.
     */
    public UserRegions check() {
        String where = source == null ? "regions" : source;
        if (polygons.isEmpty()) throw new IllegalArgumentException(where + ": no polygons");
        if (mode == Mode.OVERRIDE && corePolygons().isEmpty()) {
            throw new IllegalArgumentException(where + ": no polygon classified necrosis (or unclassified) to use as cores; classes found: "
                    + classes() + (regionsOfInterest().isEmpty() ? "" : "; for regions of interest use regions mode restrict"));
        }
        if (mode == Mode.RESTRICT && regionsOfInterest().isEmpty()) {
            throw new IllegalArgumentException(where + ": every polygon is an exclusion; restrict needs at least one region of interest");
        }
        return this;
    }

    private List<Polygon> regionsOfInterest() {
        List<Polygon> out = new ArrayList<>();
        for (Polygon p : polygons) if (p.kind() != Kind.EXCLUDE) out.add(p);
        return out;
    }

    /**
     * Classification names with their polygon counts, e.g. "{Necrosis=2, (none)=1}", on one line: control
     * characters in a name (a line break in a GeoJSON string, found by GeoJsonRegionsFuzz) are escaped.
     */
    public String classes() {
        Map<String, Integer> m = new TreeMap<>();
        for (Polygon p : polygons) m.merge(p.classification == null ? "(none)" : p.classification, 1, Integer::sum);
        StringBuilder b = new StringBuilder();
        for (char c : m.toString().toCharArray()) b.append(c < 0x20 || c == 0x7F ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        return b.toString();
    }

    /**
     * Cells of a width x height grid (a cell is {@code level0PerCell} level-0 pixels square, cell (0,0) at
     * the origin) whose centres lie in a core polygon and in no exclusion: 1 = core.
     */
    public byte[] coreMask(int width, int height, double level0PerCell) {
        byte[] m = new byte[width * height];
        for (Polygon p : corePolygons()) p.fill(m, width, height, level0PerCell, (byte) 1);
        cutExclusions(m, width, height, level0PerCell);
        return m;
    }

    /**
     * Cells that may hold analysed tissue (1) or not (0): in restrict mode the inside of the regions of
     * interest, in either mode minus the exclusions. Null when nothing is excluded (override without
     * exclusions), so the caller can skip the work.
     */
    public byte[] analysedMask(int width, int height, double level0PerCell) {
        boolean excludes = false;
        for (Polygon p : polygons) excludes |= p.kind() == Kind.EXCLUDE;
        if (mode == Mode.OVERRIDE && !excludes) return null;
        byte[] m = new byte[width * height];
        if (mode == Mode.RESTRICT) {
            for (Polygon p : regionsOfInterest()) p.fill(m, width, height, level0PerCell, (byte) 1);
        } else {
            Arrays.fill(m, (byte) 1);
        }
        cutExclusions(m, width, height, level0PerCell);
        return m;
    }

    private void cutExclusions(byte[] m, int width, int height, double level0PerCell) {
        for (Polygon p : polygons) if (p.kind() == Kind.EXCLUDE) p.fill(m, width, height, level0PerCell, (byte) 0);
    }

    /**
     * The regions cut to a slide of {@code width} x {@code height} level-0 pixels. A polygon reaching past
     * the slide would otherwise mark the grid's cells beyond its edge, where there is no tissue (a core of
     * 0 mm²); one wholly outside would silently do nothing. {@link Fit#outside} when what is left cannot do
     * what the mode asks (no core in override, no region of interest in restrict): a wrong scale, usually.
     */
    public Fit fitTo(long width, long height) {
        List<Polygon> kept = new ArrayList<>(polygons.size());
        int clipped = 0, dropped = 0;
        for (Polygon p : polygons) {
            List<double[]> rings = new ArrayList<>();
            boolean changed = false;
            for (double[] r : p.rings) {
                double[] c = clipRing(r, width, height);
                changed |= c != r;
                if (c != null && Math.abs(Polygon.signedArea(c)) > 0) rings.add(c);
            }
            if (rings.isEmpty()) {
                dropped++;
            } else {
                if (changed) clipped++;
                kept.add(changed ? new Polygon(rings, p.classification) : p);
            }
        }
        UserRegions fitted = clipped + dropped == 0 ? this : new UserRegions(source, mode, kept);
        boolean outside = kept.isEmpty() || (mode == Mode.OVERRIDE ? fitted.corePolygons() : fitted.regionsOfInterest()).isEmpty();
        return new Fit(fitted, width, height, clipped, dropped, outside);
    }

    /** Regions fitted to a slide: what is left, and what the fitting did, in words for summary.json. */
    public static final class Fit {
        public final UserRegions regions;
        public final int clipped;
        public final int dropped;
        /** Nothing usable is left on the slide: an error, see {@link #outsideReason}. */
        public final boolean outside;
        private final long width;
        private final long height;

        Fit(UserRegions regions, long width, long height, int clipped, int dropped, boolean outside) {
            this.regions = regions;
            this.width = width;
            this.height = height;
            this.clipped = clipped;
            this.dropped = dropped;
            this.outside = outside;
        }

        private String slideSize() {
            return width + " x " + height + " px at level 0";
        }

        /** The reason the regions cannot be used, without the file name. */
        public String outsideReason() {
            return "the regions lie outside the slide (" + slideSize() + "); check --regions-scale";
        }

        /** A note for summary.json when polygons were clipped or dropped, else null. */
        public String note() {
            if (clipped + dropped == 0) return null;
            String what = (clipped > 0 ? clipped + " polygon" + (clipped == 1 ? "" : "s") + " clipped to the slide" : "")
                    + (clipped > 0 && dropped > 0 ? ", " : "")
                    + (dropped > 0 ? dropped + " polygon" + (dropped == 1 ? "" : "s") + " wholly outside it dropped" : "");
            return "regions " + (regions.source == null ? "" : regions.source + " ") + "reach outside the slide (" + slideSize() + "): "
                    + what + "; check --regions-scale";
        }
    }

    /**
     * A ring cut to the rectangle [0, width] x [0, height] (Sutherland-Hodgman, exact for a convex clip
     * window); the same array when it lies inside, null when nothing of it does.
     */
    static double[] clipRing(double[] ring, double width, double height) {
        boolean inside = true;
        for (int i = 0; i < ring.length && inside; i += 2) {
            inside = ring[i] >= 0 && ring[i] <= width && ring[i + 1] >= 0 && ring[i + 1] <= height;
        }
        if (inside) return ring;
        double[] r = ring;
        // Each edge of the window as: axis (0 = x, 1 = y), bound, keep the side below (true) or above.
        double[][] edges = {{0, 0, 0}, {0, width, 1}, {1, 0, 0}, {1, height, 1}};
        for (double[] e : edges) {
            int axis = (int) e[0];
            double bound = e[1];
            boolean below = e[2] == 1;
            int n = r.length / 2;
            if (n == 0) return null;
            double[] out = new double[4 * n];
            int m = 0;
            for (int i = 0; i < n; i++) {
                int j = (i + 1) % n;
                double ai = r[2 * i + axis], bj = r[2 * j + axis];
                boolean aIn = below ? ai <= bound : ai >= bound, bIn = below ? bj <= bound : bj >= bound;
                if (aIn) {
                    out[m++] = r[2 * i];
                    out[m++] = r[2 * i + 1];
                }
                if (aIn != bIn) {
                    double t = (bound - ai) / (bj - ai);
                    double x = r[2 * i] + t * (r[2 * j] - r[2 * i]), y = r[2 * i + 1] + t * (r[2 * j + 1] - r[2 * i + 1]);
                    if (axis == 0) x = bound;
                    else y = bound;
                    out[m++] = x;
                    out[m++] = y;
                }
            }
            r = Arrays.copyOf(out, m);
        }
        return r.length < 6 ? null : r;
    }
}
