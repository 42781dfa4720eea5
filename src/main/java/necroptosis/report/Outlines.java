package necroptosis.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import necroptosis.pipeline.BlockGrid;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.Zone;
import necroptosis.slide.Level;

/**
 * The outlines of a result's tissue, necrotic cores and peri-necrotic rims, traced along the edges of the
 * masks they were decided on (tissue on the overview pixels, cores and rims on the analysis blocks) and
 * scaled to level-0 pixels. Exact: a core's outline encloses exactly its blocks, so reading it back as a
 * user region gives the same cores. Coordinates are clipped to the slide, which the last row and column of
 * blocks may overhang.
 * <p>
 * Each outline is one valid polygon (see {@link MaskTracer}); where a core's (or a rim's) blocks touch
 * only at a corner it has several outlines with the same name, which the GeoJSON writes as one
 * MultiPolygon feature and the ROI set as one composite ROI.
 */
public final class Outlines {
    private Outlines() {}

    /** Display colours (0xRRGGBB) per classification, shared by the overview, GeoJSON, ROI set and Fiji overlay. */
    public static final int TISSUE_RGB = 0x009E73, NECROSIS_RGB = 0xD7191C, RIM_RGB = 0xF5A300;

    /** The display colour (0xRRGGBB) of a classification ({@link Outline#NECROSIS}, RIM, TISSUE); grey for others. */
    public static int rgb(String classification) {
        if (Outline.NECROSIS.equals(classification)) return NECROSIS_RGB;
        if (Outline.RIM.equals(classification)) return RIM_RGB;
        if (Outline.TISSUE.equals(classification)) return TISSUE_RGB;
        return 0x808080;
    }

    /** Tissue, rims and cores in one list, in the order they are drawn (cores on top). */
    public static List<Outline> all(SlideResult r) {
        List<Outline> all = new ArrayList<>(tissue(r));
        all.addAll(rims(r));
        all.addAll(cores(r));
        return all;
    }

    /** One outline per piece of tissue, named "tissue 1", "tissue 2"... in raster order. */
    public static List<Outline> tissue(SlideResult r) {
        int w = r.overview.width, h = r.overview.height;
        boolean[] m = new boolean[w * h];
        for (int i = 0; i < m.length; i++) m[i] = r.overviewTissue[i] != 0;
        List<Outline> out = new ArrayList<>();
        int k = 0;
        for (MaskTracer.Polygon p : MaskTracer.trace(m, w, h)) {
            List<double[]> rings = toLevel0(p, r.overview.scale.level0PerPixel, r);
            if (!rings.isEmpty()) out.add(new Outline("tissue " + (++k), Outline.TISSUE, rings));
        }
        return out;
    }

    /** The necrotic cores, named "core N" with N the core's number in summary.json (one outline per core, see above). */
    public static List<Outline> cores(SlideResult r) {
        BlockGrid g = r.grid;
        int[] labels = r.cores.labels;
        boolean[] m = new boolean[g.size()];
        for (int i = 0; i < m.length; i++) m[i] = labels[i] > 0;
        List<Outline> out = new ArrayList<>();
        for (MaskTracer.Polygon p : MaskTracer.trace(m, g.width, g.height)) {
            // Cores are 8-connected components and traced pieces 4-connected, so a piece lies in one core.
            List<double[]> rings = toLevel0(p, blockLevel0(r), r);
            if (!rings.isEmpty()) out.add(new Outline("core " + labels[p.firstPixel], Outline.NECROSIS, rings));
        }
        return out;
    }

    /** The number of a core's outline ({@link #cores}: "core N"), as in summary.json's notes. */
    public static int coreNumber(Outline core) {
        return Integer.parseInt(core.name.substring("core ".length()));
    }

    /**
     * The rim zone, with the cores it surrounds as holes, one name per 8-connected piece, named after
     * the cores it touches ("rim 1", or "rim 1+2" where two cores' rims merge).
     */
    public static List<Outline> rims(SlideResult r) {
        BlockGrid g = r.grid;
        int w = g.width, h = g.height;
        boolean[] m = new boolean[g.size()];
        for (int i = 0; i < m.length; i++) m[i] = r.zones.zones[i] == Zone.RIM.ordinal();
        List<MaskTracer.Polygon> polys = MaskTracer.trace(m, w, h);
        if (polys.isEmpty()) return new ArrayList<>();
        necroptosis.segmentation.Labeling pieces = necroptosis.segmentation.Labeling.of(m, w, h);
        List<TreeSet<Integer>> touches = new ArrayList<>();
        for (int c = 0; c <= pieces.count; c++) touches.add(new TreeSet<Integer>());
        int[] labels = r.cores.labels;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int piece = pieces.labels[y * w + x];
                if (piece == 0) continue;
                for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx, ny = y + dy;
                    if (nx >= 0 && ny >= 0 && nx < w && ny < h && labels[ny * w + nx] > 0) touches.get(piece).add(labels[ny * w + nx]);
                }
            }
        }
        List<Outline> out = new ArrayList<>();
        int orphans = 0;
        int[] orphanNumber = new int[pieces.count + 1];
        for (MaskTracer.Polygon p : polys) {
            int piece = pieces.labels[p.firstPixel];
            TreeSet<Integer> cores = touches.get(piece);
            StringBuilder name = new StringBuilder("rim ");
            if (cores.isEmpty()) {
                // A piece cut off from its core by glass: still rim, but named apart.
                if (orphanNumber[piece] == 0) orphanNumber[piece] = ++orphans;
                name.append("piece ").append(orphanNumber[piece]);
            } else {
                for (int c : cores) {
                    if (name.length() > 4) name.append('+');
                    name.append(c);
                }
            }
            List<double[]> rings = toLevel0(p, blockLevel0(r), r);
            if (!rings.isEmpty()) out.add(new Outline(name.toString(), Outline.RIM, rings));
        }
        return out;
    }

    /** Level-0 pixels per block edge. */
    static double blockLevel0(SlideResult r) {
        return r.grid.blockPx * r.analysisScale.level0PerPixel;
    }

    private static List<double[]> toLevel0(MaskTracer.Polygon p, double scale, SlideResult r) {
        Level l0 = r.analysisScale.slide.levels().get(0);
        double maxX = l0.width(), maxY = l0.height();
        List<double[]> rings = new ArrayList<>(p.rings.size());
        for (int[] ring : p.rings) {
            double[] d = new double[ring.length];
            boolean clamped = false;
            for (int i = 0; i < ring.length; i += 2) {
                // Clamping a rectilinear ring to the slide is its intersection with the slide here: only the
                // grid's last row and column can overhang, so every overhanging vertex lands on the edge.
                d[i] = Math.min(maxX, ring[i] * scale);
                d[i + 1] = Math.min(maxY, ring[i + 1] * scale);
                clamped |= d[i] != ring[i] * scale || d[i + 1] != ring[i + 1] * scale;
            }
            double[] clean = clamped ? dropCollinear(d) : d;
            if (clean.length >= 6) rings.add(clean);
            else if (rings.isEmpty()) break; // Exterior entirely beyond the slide (cannot happen for block-aligned pieces): drop the piece.
        }
        return rings;
    }

    /** Removes repeated points and points on a straight line between their neighbours (left by clamping). */
    static double[] dropCollinear(double[] ring) {
        int n = ring.length / 2;
        double[] out = ring.clone();
        boolean changed = true;
        while (changed && n >= 3) {
            changed = false;
            for (int i = 0; i < n; i++) {
                int prev = (i + n - 1) % n, next = (i + 1) % n;
                double ax = out[2 * prev], ay = out[2 * prev + 1], bx = out[2 * i], by = out[2 * i + 1];
                double cx = out[2 * next], cy = out[2 * next + 1];
                boolean redundant = (ax == bx && ay == by) || (ax - bx) * (cy - by) - (ay - by) * (cx - bx) == 0;
                if (redundant) {
                    changed = true;
                    // Remove this one point, then rescan, so two neighbours are never dropped against each other.
                    System.arraycopy(out, 2 * (i + 1), out, 2 * i, 2 * (n - i - 1));
                    n--;
                    break;
                }
            }
        }
        return Arrays.copyOf(out, 2 * n);
    }
}
