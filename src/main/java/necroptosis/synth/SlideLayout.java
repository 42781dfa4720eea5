package necroptosis.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The slide-wide geometry drawn once from the seed: tissue outline, necrotic cores, stroma pattern, patches
 * of other material (keratin, collagen, fat; stroma in the truth), stain vectors and glass intensity. Everything a pixel's zone depends on lives here, with a point query
 * ({@link #zoneAt}) and a row query ({@link #zoneRow}) that agree exactly.
 */
final class SlideLayout {
    /** Nominal H-DAB stain vectors (Ruifrok and Johnston), before per-slide variation. */
    static final double[] HAEMATOXYLIN = {0.650, 0.704, 0.286};
    static final double[] DAB = {0.268, 0.570, 0.776};
    /** H&amp;E vectors (the Colour Deconvolution plugin's measured ones) for slides of the H&amp;E look. */
    static final double[] HAEMATOXYLIN_HE = {0.644211, 0.716556, 0.266844};
    static final double[] EOSIN = {0.092789, 0.954111, 0.283111};

    private static final double STROMA_FEATURE_UM = 450;
    private static final double STROMA_DETAIL_UM = 150;
    private static final double STROMA_HALF_WIDTH = 0.085;

    final SyntheticSlideSettings settings;
    final int width, height;
    final double pixelUm;
    final long seed;
    final Appearance look;
    final SynthPolygon tissue;
    final List<SynthPolygon> cores;
    /** Material that is neither tumour nor necrosis; zone stroma, drawn without tumour cells. */
    final List<Patch> patches;
    final double rimPx;
    final double[] stainH;
    /** DAB, or eosin on a slide of the H&amp;E look. */
    final double[] stainDab;
    /** Glass intensity per channel (R, G, B) before the illumination field. */
    final double[] glass;
    final ValueNoise stromaCoarse, stromaFine, illumination;
    /** Bends keratin lamellae over a few tens of µm. */
    final ValueNoise lamellae;

    SlideLayout(SyntheticSlideSettings s) {
        settings = s;
        width = s.width();
        height = s.height();
        pixelUm = s.pixelSizeUm();
        seed = s.seed();
        rimPx = s.rimWidthUm() / pixelUm;
        look = Appearance.of(s);
        SplitMix rng = SplitMix.at(seed, 0, 0, 1);
        stainH = vary(look.he ? HAEMATOXYLIN_HE : HAEMATOXYLIN, rng);
        stainDab = vary(look.he ? EOSIN : DAB, rng);
        glass = new double[] {rng.uniform(241, 246), rng.uniform(242, 247), rng.uniform(243, 249)};
        stromaCoarse = new ValueNoise(seed ^ 0x51, STROMA_FEATURE_UM / pixelUm);
        stromaFine = new ValueNoise(seed ^ 0x52, STROMA_DETAIL_UM / pixelUm);
        illumination = new ValueNoise(seed ^ 0x53, 3000 / pixelUm);
        lamellae = new ValueNoise(seed ^ 0x54, 25 / pixelUm);
        SynthPolygon section = makeTissue(rng);
        // without glass the tissue runs past every edge of the field
        tissue = look.noGlass ? SynthPolygon.rectangle(-4, -4, width + 4, height + 4) : section;
        cores = Collections.unmodifiableList(placeCores(SplitMix.at(seed, 0, 0, 2)));
        patches = Collections.unmodifiableList(placePatches(SplitMix.at(seed, 0, 0, 3)));
        rowCache = new AtomicReferenceArray<RowGeometry>(height + s.tile());
    }

    private static double[] vary(double[] v, SplitMix rng) {
        double[] out = new double[3];
        double n = 0;
        for (int i = 0; i < 3; i++) {
            out[i] = v[i] * (1 + 0.04 * rng.uniform(-1, 1));
            n += out[i] * out[i];
        }
        n = Math.sqrt(n);
        for (int i = 0; i < 3; i++) out[i] /= n;
        return out;
    }

    private SynthPolygon makeTissue(SplitMix rng) {
        double cx = width * rng.uniform(0.47, 0.53);
        double cy = height * rng.uniform(0.47, 0.53);
        double r0 = 0.40 * Math.min(width, height);
        double[] amps = new double[10];
        double[] phases = new double[10];
        for (int k = 0; k < amps.length; k++) {
            amps[k] = rng.uniform(0.3, 1) * 0.07 / Math.pow(k + 1, 0.9);
            phases[k] = rng.uniform(0, 2 * Math.PI);
        }
        // Elongate a little along a random axis so the blob does not look like a circle.
        SynthPolygon p = SynthPolygon.blob(0, 0, r0, amps, phases, 720);
        double stretch = rng.uniform(1.0, 1.25);
        double rot = rng.uniform(0, Math.PI);
        double c = Math.cos(rot), s = Math.sin(rot);
        double[] xs = new double[p.size()];
        double[] ys = new double[p.size()];
        for (int i = 0; i < xs.length; i++) {
            double x = p.xs[i] * stretch, y = p.ys[i] / stretch;
            xs[i] = cx + x * c - y * s;
            ys[i] = cy + x * s + y * c;
            // keep a margin of glass around the section
            xs[i] = Math.max(0.03 * width, Math.min(0.97 * width, xs[i]));
            ys[i] = Math.max(0.03 * height, Math.min(0.97 * height, ys[i]));
        }
        return new SynthPolygon(xs, ys);
    }

    private List<SynthPolygon> placeCores(SplitMix rng) {
        List<SynthPolygon> out = new ArrayList<SynthPolygon>();
        List<double[]> discs = new ArrayList<double[]>();
        double marginPx = 40 / pixelUm;
        for (int i = 0; i < settings.cores(); i++) {
            SynthPolygon placed = null;
            for (int attempt = 0; attempt < 4000 && placed == null; attempt++) {
                double r0 = settings.coreRadiusUm() / pixelUm * rng.uniform(0.85, 1.15);
                double[] amps = new double[6];
                double[] phases = new double[6];
                double sum = 0;
                for (int k = 0; k < amps.length; k++) {
                    amps[k] = rng.uniform(0, 1) * 0.12 / (k + 1);
                    phases[k] = rng.uniform(0, 2 * Math.PI);
                    sum += amps[k];
                }
                double rMax = r0 * (1 + sum);
                double cx = rng.uniform(tissue.minX, tissue.maxX);
                double cy = rng.uniform(tissue.minY, tissue.maxY);
                double clearance = rMax + rimPx + marginPx;
                if (!tissue.contains(cx, cy) || tissue.near(cx, cy, clearance)) continue;
                // Prefer tumour nests to stroma bands for the first attempts, as real cores sit in tumour.
                if (attempt < 2000 && Math.abs(stromaField(cx, cy)) < 3 * STROMA_HALF_WIDTH) continue;
                boolean free = true;
                for (double[] d : discs) {
                    double dx = d[0] - cx, dy = d[1] - cy;
                    if (Math.sqrt(dx * dx + dy * dy) < d[2] + rMax + 2 * rimPx + marginPx) free = false;
                }
                if (!free) continue;
                int n = (int) Math.max(64, Math.min(256, 2 * Math.PI * r0 / 6));
                placed = SynthPolygon.blob(cx, cy, r0, amps, phases, n);
                discs.add(new double[] {cx, cy, rMax});
            }
            if (placed == null) {
                throw new IllegalArgumentException("cores: cannot fit " + settings.cores() + " necrotic cores of radius "
                        + settings.coreRadiusUm() + " µm with a " + settings.rimWidthUm() + " µm rim in the tissue of a "
                        + width + "x" + height + " slide at " + pixelUm + " µm/px; use fewer or smaller cores or a bigger slide");
            }
            out.add(placed);
        }
        return out;
    }

    static final int KERATIN = 1, COLLAGEN = 2, FAT = 3;

    /** A patch of keratin, collagen or fat, with what its texture needs. */
    static final class Patch {
        final int kind;
        final SynthPolygon outline;
        final double cx, cy;
        /** Fibre direction (collagen), in radians. */
        final double angle;
        /** Lamella period (keratin) or vacuole spacing (fat), in pixels. */
        final double periodPx;

        Patch(int kind, SynthPolygon outline, double cx, double cy, double angle, double periodPx) {
            this.kind = kind;
            this.outline = outline;
            this.cx = cx;
            this.cy = cy;
            this.angle = angle;
            this.periodPx = periodPx;
        }

        String kindName() { return kind == KERATIN ? "keratin" : kind == COLLAGEN ? "collagen" : "fat"; }
    }

    /**
     * Patches clear of every core and its rim (so rim and necrosis truth are untouched) and of each other;
     * a patch that does not fit is left out, and the truth file lists those drawn.
     */
    private List<Patch> placePatches(SplitMix rng) {
        List<Patch> out = new ArrayList<Patch>();
        int[] kinds = {KERATIN, COLLAGEN, FAT};
        int[] counts = {look.keratin, look.collagen, look.fat};
        double maxR = 0.12 * Math.min(width, height);
        List<double[]> discs = new ArrayList<double[]>();
        for (SynthPolygon c : cores) {
            double cx = (c.minX + c.maxX) / 2, cy = (c.minY + c.maxY) / 2;
            discs.add(new double[] {cx, cy, Math.max(c.maxX - c.minX, c.maxY - c.minY) / 2 + rimPx + 30 / pixelUm});
        }
        for (int k = 0; k < kinds.length; k++) {
            for (int n = 0; n < counts[k]; n++) {
                double rUm = kinds[k] == KERATIN ? rng.uniform(60, 140) : rng.uniform(90, 200);
                double r0 = Math.min(maxR, rUm / pixelUm);
                double angle = rng.uniform(0, Math.PI);
                double period = (kinds[k] == KERATIN ? rng.uniform(5, 9) : rng.uniform(55, 85)) / pixelUm;
                double[] amps = new double[5];
                double[] phases = new double[5];
                double sum = 0;
                for (int i = 0; i < amps.length; i++) {
                    amps[i] = rng.uniform(0, 1) * (kinds[k] == KERATIN ? 0.08 : 0.15) / (i + 1);
                    phases[i] = rng.uniform(0, 2 * Math.PI);
                    sum += amps[i];
                }
                double rMax = r0 * (1 + sum);
                for (int attempt = 0; attempt < 2000; attempt++) {
                    double cx = rng.uniform(tissue.minX, tissue.maxX);
                    double cy = rng.uniform(tissue.minY, tissue.maxY);
                    if (cx - rMax < 0 || cy - rMax < 0 || cx + rMax > width || cy + rMax > height) continue;
                    if (!tissue.contains(cx, cy) || tissue.near(cx, cy, rMax + 20 / pixelUm)) continue;
                    boolean free = true;
                    for (double[] d : discs) {
                        if (Math.hypot(d[0] - cx, d[1] - cy) < d[2] + rMax + 20 / pixelUm) free = false;
                    }
                    if (!free) continue;
                    int nv = (int) Math.max(64, Math.min(256, 2 * Math.PI * r0 / 6));
                    out.add(new Patch(kinds[k], SynthPolygon.blob(cx, cy, r0, amps, phases, nv), cx, cy, angle, period));
                    discs.add(new double[] {cx, cy, rMax});
                    break;
                }
            }
        }
        return out;
    }

    /** Index of the patch containing the pixel centre nearest (x, y), or -1. */
    int patchOfPixel(double x, double y) {
        if (patches.isEmpty()) return -1;
        int py = (int) Math.floor(y);
        double xc = Math.floor(x) + 0.5;
        RowGeometry g = rowGeometry(py);
        for (int k = 0; k < g.patches.length; k++) {
            double[] c = g.patches[k];
            if (c != null && ((c.length - countAtMost(c, xc)) & 1) == 1) return k;
        }
        return -1;
    }

    /** Ridged stroma field: stroma where |value| is below the band half-width. */
    double stromaField(double x, double y) {
        double v = 0;
        v += 1.0 * stromaCoarse.at(x, y);
        v += 0.45 * stromaFine.at(x, y);
        return v;
    }

    static boolean isStroma(double field) { return Math.abs(field) < STROMA_HALF_WIDTH; }

    /**
     * Zone of the pixel whose centre is (x, y) (pass pixel index + 0.5), straight from the polygons; the
     * renderer uses the cached row form, and tests check that both agree.
     */
    TruthZone zoneAt(double x, double y) {
        if (!tissue.contains(x, y)) return TruthZone.BACKGROUND;
        for (SynthPolygon c : cores) {
            if (c.contains(x, y)) return TruthZone.NECROSIS;
        }
        for (SynthPolygon c : cores) {
            if (c.near(x, y, rimPx)) return TruthZone.RIM;
        }
        for (Patch p : patches) {
            if (p.outline.contains(x, y)) return TruthZone.STROMA;
        }
        return isStroma(stromaField(x, y)) ? TruthZone.STROMA : TruthZone.VIABLE;
    }

    /**
     * Zone of the pixel containing the point (x, y). Uses the cached row geometry with the same
     * comparisons as {@link #zoneRow}, so objects and pixels agree on zones exactly.
     */
    TruthZone zoneOfPixel(double x, double y) {
        int py = (int) Math.floor(y);
        double xc = Math.floor(x) + 0.5;
        RowGeometry g = rowGeometry(py);
        if ((countAtMost(g.tissue, xc) & 1) == (g.tissue.length & 1)) return TruthZone.BACKGROUND;
        if (g.anyCore) {
            for (double[] c : g.cores) {
                if (c != null && ((c.length - countAtMost(c, xc)) & 1) == 1) return TruthZone.NECROSIS;
            }
            for (double[] iv : g.near) {
                if (iv == null) continue;
                // first interval whose end is >= xc, then check its start
                int lo = 0, hi = iv.length / 2;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (iv[2 * mid + 1] < xc) lo = mid + 1; else hi = mid;
                }
                if (lo < iv.length / 2 && iv[2 * lo] <= xc) return TruthZone.RIM;
            }
        }
        for (double[] c : g.patches) {
            if (c != null && ((c.length - countAtMost(c, xc)) & 1) == 1) return TruthZone.STROMA;
        }
        return isStroma(stromaField(xc, py + 0.5)) ? TruthZone.STROMA : TruthZone.VIABLE;
    }

    /** Number of sorted values <= x. */
    private static int countAtMost(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /**
     * Zones of pixels (x0 .. x0+n-1, y) into {@code zones}, and for necrosis pixels the core index into
     * {@code coreIndex}; {@code field} receives the stroma field for tissue pixels (texture uses it).
     */
    void zoneRow(int y, int x0, int n, byte[] zones, byte[] coreIndex, double[] field, int off) {
        zoneRow(y, x0, n, zones, coreIndex, null, field, off);
    }

    /** As above, and the patch index (or -1) of each pixel into {@code patchIndex} when it is not null. */
    void zoneRow(int y, int x0, int n, byte[] zones, byte[] coreIndex, byte[] patchIndex, double[] field, int off) {
        double yc = y + 0.5;
        RowGeometry g = rowGeometry(y);
        double[] tc = g.tissue;
        int nc = cores.size();
        double[][] cc = g.cores;
        double[][] near = g.near;
        boolean anyCore = g.anyCore;
        int[] cp = new int[nc];
        int[] np = new int[nc];
        double[][] pc = g.patches;
        int[] pp = new int[pc.length];
        for (int i = 0; i < n; i++) field[off + i] = 0;
        stromaCoarse.addRow(yc, x0, n, 1.0, field, off);
        stromaFine.addRow(yc, x0, n, 0.45, field, off);
        int tp = 0;
        for (int i = 0; i < n; i++) {
            double xc = x0 + i + 0.5;
            while (tp < tc.length && tc[tp] <= xc) tp++;
            TruthZone z;
            int core = -1, patch = -1;
            if (((tc.length - tp) & 1) == 0) {
                z = TruthZone.BACKGROUND;
            } else {
                z = null;
                if (anyCore) {
                    for (int k = 0; k < nc && core < 0; k++) {
                        if (cc[k] == null) continue;
                        while (cp[k] < cc[k].length && cc[k][cp[k]] <= xc) cp[k]++;
                        if (((cc[k].length - cp[k]) & 1) == 1) core = k;
                    }
                    if (core >= 0) {
                        z = TruthZone.NECROSIS;
                    } else {
                        for (int k = 0; k < nc && z == null; k++) {
                            double[] iv = near[k];
                            if (iv == null) continue;
                            while (np[k] < iv.length && iv[np[k] + 1] < xc) np[k] += 2;
                            if (np[k] < iv.length && iv[np[k]] <= xc) z = TruthZone.RIM;
                        }
                    }
                }
                if (z == null) {
                    for (int k = 0; k < pc.length; k++) {
                        if (pc[k] == null) continue;
                        while (pp[k] < pc[k].length && pc[k][pp[k]] <= xc) pp[k]++;
                        if (patch < 0 && ((pc[k].length - pp[k]) & 1) == 1) patch = k;
                    }
                    if (patch >= 0) z = TruthZone.STROMA;
                }
                if (z == null) z = isStroma(field[off + i]) ? TruthZone.STROMA : TruthZone.VIABLE;
            }
            zones[off + i] = (byte) z.ordinal();
            coreIndex[off + i] = (byte) core;
            if (patchIndex != null) patchIndex[off + i] = (byte) patch;
        }
    }

    /** Outline crossings and rim intervals of one pixel row, shared by all tiles of that row. */
    static final class RowGeometry {
        final double[] tissue;
        final double[][] cores, near, patches;
        final boolean anyCore;

        RowGeometry(double[] tissue, double[][] cores, double[][] near, boolean anyCore, double[][] patches) {
            this.tissue = tissue;
            this.cores = cores;
            this.near = near;
            this.anyCore = anyCore;
            this.patches = patches;
        }
    }

    private final AtomicReferenceArray<RowGeometry> rowCache;

    /** Cached per row (computing it twice on two threads gives the same value, so no lock). */
    RowGeometry rowGeometry(int y) {
        boolean cacheable = y >= 0 && y < rowCache.length();
        RowGeometry g = cacheable ? rowCache.get(y) : null;
        if (g != null) return g;
        double yc = y + 0.5;
        int nc = cores.size();
        double[][] cc = new double[nc][];
        double[][] near = new double[nc][];
        boolean any = false;
        for (int i = 0; i < nc; i++) {
            SynthPolygon c = cores.get(i);
            if (yc >= c.minY - rimPx && yc <= c.maxY + rimPx) {
                cc[i] = c.crossings(yc);
                near[i] = c.nearIntervals(yc, rimPx);
                any = true;
            }
        }
        double[][] pc = new double[patches.size()][];
        for (int i = 0; i < pc.length; i++) {
            SynthPolygon p = patches.get(i).outline;
            if (yc >= p.minY && yc <= p.maxY) pc[i] = p.crossings(yc);
        }
        g = new RowGeometry(tissue.crossings(yc), cc, near, any, pc);
        if (cacheable) rowCache.set(y, g);
        return g;
    }

    /** Drops cached rows below y (the generator calls this as tile rows are finished). */
    void releaseRowsBelow(int y) {
        for (int r = Math.max(0, y - 4096); r < Math.min(y, rowCache.length()); r++) rowCache.set(r, null);
    }

    /** Unit vector along the stroma bands at (x, y): perpendicular to the field gradient. */
    double bandAngle(double x, double y) {
        double h = 20 / pixelUm;
        double gx = stromaField(x + h, y) - stromaField(x - h, y);
        double gy = stromaField(x, y + h) - stromaField(x, y - h);
        return Math.atan2(gy, gx) + Math.PI / 2;
    }
}
