package necroptosis.synth;

/**
 * Renders one level-0 tile of a synthetic slide. Every pixel is a pure function of its position, the
 * seed and the settings: objects (cells, nuclei, debris, lymphocytes) are placed per lattice/grid cell
 * from hash-seeded generators, and neighbouring cells are visited so that objects crossing a tile border
 * are drawn on both sides. Objects combine by taking the maximum optical density, which does not depend
 * on drawing order. Not thread-safe: use one renderer per thread.
 */
final class TileRenderer {
    /** Tumour-cell lattice spacing: roughly one cell diameter. */
    static final double CELL_SPACING_UM = 11;
    /** Grid cell for lymphocyte placement. */
    static final double LYMPH_GRID_UM = 50;
    private static final double OBJECT_MARGIN_UM = 10;
    private static final double FIBRE_FREQUENCY = 330;
    private static final long SALT_CELL = 11, SALT_LYMPH = 12;

    private final SlideLayout layout;
    private final SyntheticSlideSettings settings;
    private final int size;
    private final double um2px;
    private final byte[] zones, coreIndex;
    private final double[] field, illum;
    private final float[] odH, odD, tex1, tex2;
    private final float[] lut = new float[4096];
    private final double[] thresholds = SyntheticSlideSettings.DAB_THRESHOLDS;
    private final double lymphMax;
    private int x0, y0;

    TileRenderer(SlideLayout layout, int size) {
        this.layout = layout;
        this.settings = layout.settings;
        this.size = size;
        this.um2px = 1 / layout.pixelUm;
        int n = size * size;
        zones = new byte[n];
        coreIndex = new byte[n];
        field = new double[n];
        illum = new double[size];
        odH = new float[n];
        odD = new float[n];
        tex1 = new float[n];
        tex2 = new float[n];
        for (int i = 0; i < lut.length; i++) lut[i] = (float) Math.pow(10, -i / 1000.0);
        lymphMax = Math.max(Math.max(settings.lymphRim(), settings.lymphViable()),
                Math.max(settings.lymphStroma(), settings.lymphCore()));
    }

    /** Renders the tile whose top-left level-0 pixel is (x0, y0) into {@code out}. */
    void render(int tx0, int ty0, TileResult out) {
        x0 = tx0;
        y0 = ty0;
        out.reset(tx0, ty0, size, layout.cores.size());
        double margin = OBJECT_MARGIN_UM * um2px;
        double half = size / 2.0;
        double cx = x0 + half, cy = y0 + half;
        boolean glassOnly = !layout.tissue.contains(cx, cy)
                && !layout.tissue.near(cx, cy, half * Math.sqrt(2) + margin + 2);
        if (glassOnly) {
            java.util.Arrays.fill(zones, (byte) 0);
            java.util.Arrays.fill(odH, 0f);
            java.util.Arrays.fill(odD, 0f);
        } else {
            baseLayer();
            tumourCells(margin);
            lymphocytes(out);
        }
        compose(out);
    }

    private void baseLayer() {
        long seed = layout.seed;
        for (int j = 0; j < size; j++) {
            int off = j * size;
            layout.zoneRow(y0 + j, x0, size, zones, coreIndex, field, off);
            for (int i = 0; i < size; i++) {
                int k = off + i;
                long h = SplitMix.pixelHash(seed, x0 + i, y0 + j);
                float t1 = (h & 0xFFFF) * (1f / 65535f);
                float t2 = ((h >>> 16) & 0xFFFF) * (1f / 65535f);
                tex1[k] = t1;
                tex2[k] = t2;
                float h0, d0;
                switch (zones[k]) {
                    case 0: // background
                        h0 = 0; d0 = 0;
                        break;
                    case 1: // necrosis: pale, homogeneous, finely granular
                        h0 = 0.075f + 0.05f * t2 * t1;
                        d0 = 0.03f + 0.025f * t1;
                        break;
                    case 4: { // stroma: wavy fibres along the band
                        double f = 0.5 + 0.5 * Math.sin(field[k] * FIBRE_FREQUENCY + 0.6 * t1);
                        h0 = (float) (0.035 + 0.085 * f * f) + 0.015f * t2;
                        d0 = 0.012f;
                        break;
                    }
                    default: // viable tumour and rim: pale matrix between cells
                        h0 = 0.05f + 0.03f * t2;
                        d0 = 0.012f;
                }
                odH[k] = h0;
                odD[k] = d0;
            }
        }
    }

    private void tumourCells(double margin) {
        double s = CELL_SPACING_UM * um2px;
        long i0 = (long) Math.floor((x0 - margin) / s), i1 = (long) Math.floor((x0 + size + margin) / s);
        long j0 = (long) Math.floor((y0 - margin) / s), j1 = (long) Math.floor((y0 + size + margin) / s);
        for (long j = j0; j <= j1; j++) {
            for (long i = i0; i <= i1; i++) {
                SplitMix r = SplitMix.at(layout.seed, i, j, SALT_CELL);
                double px = (i + 0.5 + r.uniform(-0.38, 0.38)) * s;
                double py = (j + 0.5 + r.uniform(-0.38, 0.38)) * s;
                Zone z = layout.zoneOfPixel(px, py);
                switch (z) {
                    case VIABLE:
                        tumourCell(px, py, r, settings.mlklViable());
                        break;
                    case RIM:
                        tumourCell(px, py, r, settings.mlklRim());
                        break;
                    case STROMA:
                        if (r.nextDouble() < 0.3) spindleCell(px, py, r);
                        break;
                    case NECROSIS:
                        necroticDebris(px, py, r);
                        break;
                    default:
                        break;
                }
            }
        }
    }

    /** DAB level of a positive cell: weak, moderate or strong, each spread within its bin. */
    private static double dabLevel(SplitMix r) {
        double u = r.nextDouble();
        if (u < 0.35) return r.uniform(0.22, 0.33);
        if (u < 0.75) return r.uniform(0.40, 0.56);
        return r.uniform(0.68, 0.95);
    }

    private void tumourCell(double px, double py, SplitMix r, double positiveFraction) {
        if (r.nextDouble() > 0.94) return; // occasional gaps in the sheet
        boolean positive = r.nextDouble() < positiveFraction;
        double dab = positive ? dabLevel(r) : 0;
        double cr = r.uniform(6.2, 7.6) * um2px;
        double cAngle = r.uniform(0, Math.PI);
        double cAspect = r.uniform(0.8, 1.0);
        ellipse(px, py, cr, cr * cAspect, cAngle, KIND_CYTOPLASM, r.uniform(0.09, 0.14), dab);
        double na = r.uniform(3.8, 5.4) * um2px;
        double nx = px + r.uniform(-1.2, 1.2) * um2px, ny = py + r.uniform(-1.2, 1.2) * um2px;
        ellipse(nx, ny, na, na * r.uniform(0.7, 0.95), r.uniform(0, Math.PI), KIND_NUCLEUS, r.uniform(0.42, 0.72), 0);
        if (r.nextDouble() < 0.5) {
            double nr = r.uniform(0.7, 1.1) * um2px;
            ellipse(nx + r.uniform(-1.5, 1.5) * um2px, ny + r.uniform(-1.5, 1.5) * um2px, nr, nr, 0, KIND_SOLID,
                    r.uniform(0.8, 1.0), 0);
        }
    }

    private void spindleCell(double px, double py, SplitMix r) {
        double angle = layout.bandAngle(px, py) + r.uniform(-0.25, 0.25);
        double a = r.uniform(5, 8) * um2px;
        double b = r.uniform(1.2, 1.9) * um2px;
        ellipse(px, py, a, b, angle, KIND_NUCLEUS, r.uniform(0.5, 0.8), 0);
    }

    private void necroticDebris(double px, double py, SplitMix r) {
        double u = r.nextDouble();
        boolean positive = r.nextDouble() < settings.mlklCore();
        double dab = positive ? dabLevel(r) : 0;
        if (u < 0.55) {
            // ghost cell: faint outline of a dead cell, keeps MLKL when it died by necroptosis
            double cr = r.uniform(5.5, 7.5) * um2px;
            ellipse(px, py, cr, cr * r.uniform(0.75, 1), r.uniform(0, Math.PI), KIND_GHOST, r.uniform(0.07, 0.11),
                    dab);
        } else if (u < 0.60) {
            // a rare surviving (pyknotic) nucleus: small, round and dark
            double nr = r.uniform(2.2, 3.0) * um2px;
            ellipse(px, py, nr, nr * r.uniform(0.85, 1), 0, KIND_SOLID, r.uniform(0.8, 1.05), 0);
        }
        int fragments = r.poisson(2.2);
        for (int f = 0; f < fragments; f++) {
            double fr = r.uniform(0.5, 1.4) * um2px;
            double fx = px + r.uniform(-5, 5) * um2px, fy = py + r.uniform(-5, 5) * um2px;
            ellipse(fx, fy, fr, fr * r.uniform(0.6, 1), r.uniform(0, Math.PI), KIND_SOLID, r.uniform(0.6, 1.1), 0);
        }
    }

    private double lymphDensity(Zone z) {
        switch (z) {
            case RIM: return settings.lymphRim();
            case VIABLE: return settings.lymphViable();
            case STROMA: return settings.lymphStroma();
            case NECROSIS: return settings.lymphCore();
            default: return 0;
        }
    }

    private void lymphocytes(TileResult out) {
        if (lymphMax <= 0) return;
        double g = LYMPH_GRID_UM * um2px;
        double mean = lymphMax * (LYMPH_GRID_UM * LYMPH_GRID_UM * 1e-6);
        double margin = 6 * um2px;
        long i0 = (long) Math.floor((x0 - margin) / g), i1 = (long) Math.floor((x0 + size + margin) / g);
        long j0 = (long) Math.floor((y0 - margin) / g), j1 = (long) Math.floor((y0 + size + margin) / g);
        int w = layout.width, h = layout.height;
        for (long j = j0; j <= j1; j++) {
            for (long i = i0; i <= i1; i++) {
                SplitMix r = SplitMix.at(layout.seed, i, j, SALT_LYMPH);
                int n = r.poisson(mean);
                for (int k = 0; k < n; k++) {
                    double px = (i + r.nextDouble()) * g;
                    double py = (j + r.nextDouble()) * g;
                    double accept = r.nextDouble();
                    double radius = r.uniform(3.0, 3.6) * um2px;
                    double aspect = r.uniform(0.85, 1.0);
                    double angle = r.uniform(0, Math.PI);
                    double od = r.uniform(0.85, 1.25);
                    if (px < x0 - margin || px > x0 + size + margin || py < y0 - margin || py > y0 + size + margin) {
                        continue;
                    }
                    Zone z = layout.zoneOfPixel(px, py);
                    if (accept * lymphMax >= lymphDensity(z)) continue;
                    ellipse(px, py, radius * 1.25, radius * 1.25 * aspect, angle, KIND_CYTOPLASM, 0.12, 0);
                    ellipse(px, py, radius, radius * aspect, angle, KIND_SOLID, od, 0);
                    int fx = (int) Math.floor(px), fy = (int) Math.floor(py);
                    if (fx >= x0 && fx < x0 + size && fy >= y0 && fy < y0 + size && fx < w && fy < h) {
                        out.addLymphocyte(px, py, z);
                    }
                }
            }
        }
    }

    private static final int KIND_NUCLEUS = 0, KIND_CYTOPLASM = 1, KIND_SOLID = 2, KIND_GHOST = 3;

    /**
     * Draws an antialiased ellipse centred at (cx, cy) with semi-axes a, b rotated by angle, combining by
     * maximum optical density. The kind decides the inner profile (chromatin texture, membrane ring...).
     */
    private void ellipse(double cx, double cy, double a, double b, double angle, int kind, double od, double dab) {
        double ext = Math.max(a, b) + 1;
        int ia = Math.max(0, (int) Math.floor(cx - ext) - x0);
        int ib = Math.min(size - 1, (int) Math.ceil(cx + ext) - x0);
        int ja = Math.max(0, (int) Math.floor(cy - ext) - y0);
        int jb = Math.min(size - 1, (int) Math.ceil(cy + ext) - y0);
        if (ia > ib || ja > jb) return;
        double c = Math.cos(angle), s = Math.sin(angle);
        double ia2 = 1 / a, ib2 = 1 / b;
        double edge = 1 / Math.max(1.0, Math.min(a, b)); // about one pixel in normalised units
        float odf = (float) od, dabf = (float) dab;
        for (int j = ja; j <= jb; j++) {
            double dy = y0 + j + 0.5 - cy;
            int row = j * size;
            for (int i = ia; i <= ib; i++) {
                double dx = x0 + i + 0.5 - cx;
                double u = (dx * c + dy * s) * ia2;
                double v = (-dx * s + dy * c) * ib2;
                double d2 = u * u + v * v;
                if (d2 >= (1 + edge) * (1 + edge)) continue;
                double d = Math.sqrt(d2);
                float alpha = (float) Math.min(1, (1 + edge - d) / (2 * edge));
                if (alpha <= 0) continue;
                int k = row + i;
                float h, db = 0;
                switch (kind) {
                    case KIND_NUCLEUS: {
                        float t = 0.7f + 0.6f * tex1[k];
                        h = odf * t * (d > 0.78 ? 1.25f : 1f);
                        break;
                    }
                    case KIND_CYTOPLASM: {
                        h = odf * (0.85f + 0.3f * tex2[k]);
                        if (dabf > 0) {
                            db = d > 0.8 ? dabf * 1.3f : dabf * (0.55f + 0.45f * tex1[k]);
                        }
                        break;
                    }
                    case KIND_GHOST: {
                        h = odf * (d > 0.8 ? 1.4f : 0.8f);
                        if (dabf > 0) db = dabf * (0.6f + 0.5f * tex2[k]);
                        break;
                    }
                    default:
                        h = odf * (0.85f + 0.3f * tex1[k]);
                }
                h *= alpha;
                db *= alpha;
                if (h > odH[k]) odH[k] = h;
                if (db > odD[k]) odD[k] = db;
            }
        }
    }

    /** Beer-Lambert: RGB = I0 10^-(OD_H h + OD_DAB d) plus sensor noise; counts truth for in-image pixels. */
    private void compose(TileResult out) {
        byte[] bgr = out.bgr;
        double[] hv = layout.stainH, dv = layout.stainDab, g = layout.glass;
        long seed = layout.seed ^ 0x7E57;
        int w = layout.width, hgt = layout.height;
        long[] zc = out.zonePixels, dc = out.dabPixels, cp = out.corePixels;
        int nt = thresholds.length;
        float t0 = (float) thresholds[0];
        for (int j = 0; j < size; j++) {
            for (int i = 0; i < size; i++) illum[i] = 0;
            layout.illumination.addRow(y0 + j + 0.5, x0, size, 1.0, illum, 0);
            boolean rowIn = y0 + j < hgt;
            for (int i = 0; i < size; i++) {
                int k = j * size + i;
                float oh = odH[k], od = odD[k];
                long hsh = SplitMix.pixelHash(seed, x0 + i, y0 + j);
                double f = 1 + 0.012 * illum[i];
                int p = 3 * k;
                for (int ch = 0; ch < 3; ch++) {
                    double odc = oh * hv[ch] + od * dv[ch];
                    int li = (int) (odc * 1000 + 0.5);
                    if (li > 4095) li = 4095;
                    int n1 = (int) ((hsh >>> (ch * 16)) & 0xFF), n2 = (int) ((hsh >>> (ch * 16 + 8)) & 0xFF);
                    double noise = (n1 + n2 - 255) * (1.6 / 128.0);
                    int val = (int) (g[ch] * f * lut[li] + noise + 0.5);
                    if (val < 0) val = 0; else if (val > 255) val = 255;
                    bgr[p + 2 - ch] = (byte) val;
                }
                if (rowIn && x0 + i < w) {
                    int z = zones[k];
                    zc[z]++;
                    if (z == 1) cp[coreIndex[k]]++;
                    if (od >= t0) {
                        for (int t = 0; t < nt; t++) {
                            if (od >= (float) thresholds[t]) dc[z * nt + t]++;
                        }
                    }
                }
            }
        }
    }
}
