package necroptosis.synth;

import java.util.Arrays;

/**
 * Renders one level-0 tile of a synthetic slide. Every pixel is a pure function of its position, the
 * seed and the settings: objects (cells, nuclei, debris, lymphocytes) are placed per lattice/grid cell
 * from hash-seeded generators, and neighbouring cells are visited so that objects crossing a tile border
 * are drawn on both sides. Haematoxylin combines by maximum optical density and nuclei attenuate DAB by
 * multiplication, neither of which depends on drawing order. Cell bodies are the Voronoi cells of a
 * jittered lattice (membranes where two cells meet). Not thread-safe: use one renderer per thread.
 * <p>
 * Longer than most files here: each kind of object is a short draw method, and they share the per-tile
 * optical-density buffers that make the rendering independent of drawing order.
 */
final class TileRenderer {
    /** Tumour-cell lattice spacing: roughly one cell diameter. */
    static final double CELL_SPACING_UM = 11;
    /** Grid cell for lymphocyte placement. */
    static final double LYMPH_GRID_UM = 50;
    private static final double OBJECT_MARGIN_UM = 10;
    private static final double FIBRE_FREQUENCY = 330;
    private static final long SALT_CELL = 11, SALT_LYMPH = 12, SALT_FAT = 13;

    private final SlideLayout layout;
    private final SyntheticSlideSettings settings;
    private final Appearance look;
    private final int size;
    private final double um2px;
    private final byte[] zones, coreIndex, patchIndex;
    private final double[] field, illum;
    private final float[] odH, odD, tex1, tex2;
    private final long[] hashes;
    private final float[] lut = new float[4096];
    private final double[] thresholds = SyntheticSlideSettings.DAB_THRESHOLDS;
    private final double lymphMax;
    private int x0, y0;

    TileRenderer(SlideLayout layout, int size) {
        this.layout = layout;
        this.settings = layout.settings;
        this.look = layout.look;
        this.size = size;
        this.um2px = 1 / layout.pixelUm;
        int n = size * size;
        zones = new byte[n];
        coreIndex = new byte[n];
        patchIndex = new byte[n];
        field = new double[n];
        illum = new double[size];
        odH = new float[n];
        odD = new float[n];
        tex1 = new float[n];
        tex2 = new float[n];
        hashes = new long[n];
        for (int i = 0; i < lut.length; i++) lut[i] = (float) Math.pow(10, -i / 1000.0);
        lymphMax = Math.max(Math.max(settings.lymphRim(), settings.lymphViable()),
                Math.max(settings.lymphStroma(), settings.lymphCore()));
    }

    /** Renders the tile whose top-left level-0 pixel is (x0, y0) into {@code out}. */
    void render(int tx0, int ty0, RenderedTile out) {
        x0 = tx0;
        y0 = ty0;
        out.reset(tx0, ty0, size, layout.cores.size());
        double margin = OBJECT_MARGIN_UM * um2px;
        double half = size / 2.0;
        double cx = x0 + half, cy = y0 + half;
        boolean glassOnly = !layout.tissue.contains(cx, cy)
                && !layout.tissue.near(cx, cy, half * Math.sqrt(2) + margin + 2);
        if (glassOnly) {
            Arrays.fill(zones, (byte) 0);
            for (int j = 0, k = 0; j < size; j++) {
                for (int i = 0; i < size; i++) hashes[k++] = SplitMix.pixelHash(layout.seed, x0 + i, y0 + j);
            }
            Arrays.fill(odH, 0f);
            Arrays.fill(odD, 0f);
        } else {
            prepareCells(margin);
            baseLayer();
            drawDeferred();
            lymphocytes(out);
        }
        compose(out);
    }

    private void baseLayer() {
        long seed = layout.seed;
        double memPx = 0.7 * um2px;
        double cellReach2 = Math.pow(8.5 * um2px, 2);
        double s = spacingPx;
        for (int j = 0; j < size; j++) {
            int off = j * size;
            layout.zoneRow(y0 + j, x0, size, zones, coreIndex, patchIndex, field, off);
            double yc = y0 + j + 0.5;
            int cj = (int) (Math.floor(yc / s) - lj0);
            for (int i = 0; i < size; i++) {
                int k = off + i;
                long h = SplitMix.pixelHash(seed, x0 + i, y0 + j);
                hashes[k] = h;
                float t1 = (h & 0xFFFF) * (1f / 65535f);
                float t2 = ((h >>> 16) & 0xFFFF) * (1f / 65535f);
                tex1[k] = t1;
                tex2[k] = t2;
                int z = zones[k];
                if (z == 0) {
                    odH[k] = 0;
                    odD[k] = 0;
                    continue;
                }
                float h0, d0;
                int patch = patchIndex[k];
                if (patch >= 0) {
                    // keratin, collagen and fat have no tumour cells: their own texture only
                    material(layout.patches.get(patch), x0 + i + 0.5, yc, t1, t2, k);
                    continue;
                }
                switch (z) {
                    case 1: // necrosis: pale, homogeneous, finely granular
                        h0 = 0.06f + 0.05f * t2 * t1;
                        d0 = 0.025f + 0.03f * t1;
                        break;
                    case 4: { // stroma: faint wavy fibres along the band
                        double f = 0.5 + 0.5 * Math.sin(field[k] * FIBRE_FREQUENCY + 1.2 * t1);
                        h0 = (float) (0.045 + 0.03 * f * f) + 0.035f * t2;
                        d0 = 0.015f + 0.01f * t1;
                        break;
                    }
                    default: // viable tumour and rim: pale matrix between cells
                        h0 = 0.035f + 0.025f * t2;
                        d0 = 0.015f + 0.01f * t1;
                }
                if (look.he) d0 = eosinBackground(z, k, t1, t2);
                // Cell bodies: Voronoi cells of the jittered lattice, so cells tile the sheet with membranes.
                double xc = x0 + i + 0.5;
                int ci = (int) (Math.floor(xc / s) - li0);
                int b1 = -1, b2 = -1;
                double e1 = Double.MAX_VALUE, e2 = Double.MAX_VALUE;
                for (int dj = -1; dj <= 1; dj++) {
                    int row = (cj + dj) * nI;
                    for (int di = -1; di <= 1; di++) {
                        int q = row + ci + di;
                        double dx = cellX[q] - xc, dy = cellY[q] - yc;
                        double d2 = dx * dx + dy * dy;
                        if (d2 < e1) {
                            e2 = e1; b2 = b1; e1 = d2; b1 = q;
                        } else if (d2 < e2) {
                            e2 = d2; b2 = q;
                        }
                    }
                }
                byte kind = cellKind[b1];
                if (kind != CELL_NONE && e1 < cellReach2) {
                    double px = cellX[b2] - cellX[b1], py = cellY[b2] - cellY[b1];
                    double bis = (e2 - e1) / (2 * Math.sqrt(px * px + py * py));
                    boolean membrane = bis < memPx;
                    float dab = cellDab[b1];
                    if (kind == CELL_TUMOUR) {
                        float ch = cellH[b1] * (0.85f + 0.3f * t2) + (membrane ? 0.04f : 0f);
                        if (ch > h0) h0 = ch;
                        // a membrane is shared: stained when either neighbour is positive, fading off the line
                        float md = membrane && cellKind[b2] == CELL_TUMOUR ? Math.max(dab, cellDab[b2]) : dab;
                        if (md > 0) {
                            float cd = membrane ? md * (1.2f - (float) (0.4 * bis / memPx)) : dab * (0.5f + 0.4f * t1);
                            if (cd > d0) d0 = cd;
                        }
                    } else { // ghost of a dead cell in a core
                        float ch = membrane ? 0.11f : 0.065f;
                        if (ch > h0) h0 = ch;
                        if (dab > 0) {
                            float cd = dab * (membrane ? 0.9f : 0.6f + 0.4f * t2);
                            if (cd > d0) d0 = cd;
                        }
                    }
                }
                odH[k] = h0;
                odD[k] = d0;
            }
        }
    }

    private static final byte CELL_NONE = 0, CELL_TUMOUR = 1, CELL_GHOST = 2;
    private double spacingPx;
    private long li0, lj0;
    private int nI;
    private double[] cellX = new double[0], cellY = new double[0];
    private byte[] cellKind = new byte[0];
    private float[] cellDab = new float[0], cellH = new float[0];

    /**
     * Draws the lattice cells around the tile (one cell per lattice point, jittered) and their nuclei,
     * debris and spindle cells. The cell table feeds the Voronoi cell bodies in {@link #baseLayer}.
     */
    private void prepareCells(double margin) {
        double s = CELL_SPACING_UM * um2px;
        spacingPx = s;
        li0 = (long) Math.floor((x0 - margin) / s) - 1;
        lj0 = (long) Math.floor((y0 - margin) / s) - 1;
        long li1 = (long) Math.floor((x0 + size + margin) / s) + 1;
        long lj1 = (long) Math.floor((y0 + size + margin) / s) + 1;
        nI = (int) (li1 - li0 + 1);
        int n = nI * (int) (lj1 - lj0 + 1);
        if (cellX.length < n) {
            cellX = new double[n];
            cellY = new double[n];
            cellKind = new byte[n];
            cellDab = new float[n];
            cellH = new float[n];
            nucleus = new double[n * 6];
        }
        nucleusCount = 0;
        int q = 0;
        for (long j = lj0; j <= lj1; j++) {
            for (long i = li0; i <= li1; i++, q++) {
                SplitMix r = SplitMix.at(layout.seed, i, j, SALT_CELL);
                double px = (i + 0.5 + r.uniform(-0.38, 0.38)) * s;
                double py = (j + 0.5 + r.uniform(-0.38, 0.38)) * s;
                cellX[q] = px;
                cellY[q] = py;
                cellKind[q] = CELL_NONE;
                cellDab[q] = 0;
                int patch = layout.patchOfPixel(px, py);
                if (patch >= 0) {
                    SlideLayout.Patch p = layout.patches.get(patch);
                    // dense collagen keeps a few fibroblasts; keratin and fat are anucleate here
                    if (p.kind == SlideLayout.COLLAGEN && r.nextDouble() < 0.08) spindleCell(px, py, p.angle + r.uniform(-0.15, 0.15), r);
                    continue;
                }
                TruthZone z = layout.zoneOfPixel(px, py);
                switch (z) {
                    case VIABLE:
                        tumourCell(q, r, settings.mlklViable());
                        break;
                    case RIM:
                        tumourCell(q, r, settings.mlklRim());
                        break;
                    case STROMA:
                        if (r.nextDouble() < 0.3) spindleCell(px, py, layout.bandAngle(px, py) + r.uniform(-0.25, 0.25), r);
                        break;
                    case NECROSIS:
                        necroticDebris(q, r);
                        break;
                    default:
                        break;
                }
            }
        }
    }

    private double[] nucleus = new double[0];
    private int nucleusCount;

    /** DAB level of a positive cell: weak, moderate or strong, each spread within its bin. */
    private static float dabLevel(SplitMix r) {
        double u = r.nextDouble();
        if (u < 0.35) return (float) r.uniform(0.24, 0.32);
        if (u < 0.75) return (float) r.uniform(0.40, 0.54);
        return (float) r.uniform(0.66, 0.90);
    }

    private void tumourCell(int q, SplitMix r, double positiveFraction) {
        if (r.nextDouble() > 0.95) return; // occasional gaps in the sheet
        boolean positive = r.nextDouble() < positiveFraction;
        cellKind[q] = CELL_TUMOUR;
        // on H&E the same channel carries the eosin of every cytoplasm instead of MLKL
        cellDab[q] = look.he ? (float) r.uniform(0.14, 0.26) : positive ? dabLevel(r) : 0;
        cellH[q] = (float) r.uniform(0.05, 0.09);
        double px = cellX[q], py = cellY[q];
        double na = r.uniform(look.tumourRadiusLo, look.tumourRadiusHi) * um2px;
        double nx = px + r.uniform(-1.0, 1.0) * um2px, ny = py + r.uniform(-1.0, 1.0) * um2px;
        ellipse(nx, ny, na, na * r.uniform(0.7, 0.95), r.uniform(0, Math.PI), KIND_NUCLEUS,
                r.uniform(look.tumourOdLo, look.tumourOdHi));
        if (r.nextDouble() < 0.6) {
            double nr = r.uniform(0.5, 0.9) * um2px;
            ellipse(nx + r.uniform(-1.5, 1.5) * um2px, ny + r.uniform(-1.5, 1.5) * um2px, nr, nr, 0, KIND_SOLID,
                    r.uniform(0.5, 0.7));
        }
    }

    private void spindleCell(double px, double py, double angle, SplitMix r) {
        double a = r.uniform(5, 8) * um2px;
        double b = r.uniform(1.1, 1.7) * um2px;
        ellipse(px, py, a, b, angle, KIND_NUCLEUS, r.uniform(0.35, 0.55));
    }

    private void necroticDebris(int q, SplitMix r) {
        double px = cellX[q], py = cellY[q];
        double u = r.nextDouble();
        boolean positive = r.nextDouble() < settings.mlklCore();
        // on H&E dead cells are hypereosinophilic ghosts
        float dab = look.he ? (float) r.uniform(0.38, 0.55) : positive ? dabLevel(r) : 0;
        if (u < 0.55) {
            // ghost of a dead cell; keeps its MLKL when it died by necroptosis
            cellKind[q] = CELL_GHOST;
            cellDab[q] = dab;
        } else if (u < 0.60) {
            // a rare surviving (pyknotic) nucleus: small, round and dark
            double nr = r.uniform(2.0, 2.8) * um2px;
            ellipse(px, py, nr, nr * r.uniform(0.85, 1), 0, KIND_SOLID, r.uniform(0.7, 0.95));
        }
        int fragments = r.poisson(2.5);
        for (int f = 0; f < fragments; f++) {
            double fr = r.uniform(0.5, 1.3) * um2px;
            double fx = px + r.uniform(-5, 5) * um2px, fy = py + r.uniform(-5, 5) * um2px;
            ellipse(fx, fy, fr, fr * r.uniform(0.6, 1), r.uniform(0, Math.PI), KIND_DEBRIS, r.uniform(0.55, 1.0));
        }
    }

    /** Eosin of the ground substance on an H&amp;E slide, per zone: necrosis is the pinkest. */
    private float eosinBackground(int zone, int k, float t1, float t2) {
        switch (zone) {
            case 1:
                return 0.30f + 0.10f * t1 * t2 + 0.04f * t2;
            case 4: {
                double f = 0.5 + 0.5 * Math.sin(field[k] * FIBRE_FREQUENCY + 1.2 * t1);
                return (float) (0.18 + 0.16 * f) + 0.03f * t2;
            }
            default:
                return 0.07f + 0.04f * t1;
        }
    }

    /**
     * Haematoxylin and DAB (or eosin) OD of patch pixel k. Keratin: pale, laminated in rings around the patch
     * centre; collagen: dense wavy fibres along one direction; fat: empty vacuoles with thin walls. On
     * H-DAB none reaches the weak DAB threshold, so they add no MLKL to the truth.
     */
    private void material(SlideLayout.Patch p, double x, double y, float t1, float t2, int k) {
        float h, d;
        switch (p.kind) {
            case SlideLayout.KERATIN: {
                // lamellae in rings around the centre, bent over a few tens of µm
                double dx = x - p.cx, dy = y - p.cy;
                double f = 0.5 + 0.5 * Math.sin(2 * Math.PI * Math.hypot(dx, dy) / p.periodPx
                        + 0.8 * Math.sin(3 * Math.atan2(dy, dx)) + 3.5 * layout.lamellae.at(x, y) + 0.6 * t1);
                if (look.he) {
                    h = 0.015f + 0.01f * t2;
                    d = (float) (0.20 + 0.16 * f) + 0.02f * t2;
                } else {
                    h = (float) (0.025 + 0.035 * f) + 0.01f * t2;
                    d = (float) (0.03 + 0.03 * f);
                }
                break;
            }
            case SlideLayout.COLLAGEN: {
                double c = Math.cos(p.angle), s = Math.sin(p.angle);
                double u = (x * c + y * s) / um2px, v = (-x * s + y * c) / um2px;
                // fibres run along the patch's angle (as its fibroblasts do) and wave gently
                double f = 0.5 + 0.5 * Math.sin(2 * Math.PI * v / 4 + 2.5 * Math.sin(2 * Math.PI * u / 60) + 0.8 * t1);
                if (look.he) {
                    h = 0.025f + 0.02f * t2;
                    d = (float) (0.30 + 0.25 * f) + 0.03f * t2;
                } else {
                    h = (float) (0.05 + 0.07 * f * f) + 0.02f * t2;
                    d = 0.015f + 0.01f * t1;
                }
                break;
            }
            default: {
                float a = fatWall(p, x, y);
                h = a * (look.he ? 0.03f : 0.06f + 0.03f * t1);
                d = a * (look.he ? 0.24f + 0.06f * t2 : 0.02f);
            }
        }
        odH[k] = h;
        odD[k] = d;
    }

    /**
     * Wall strength 0-1 at (x, y) between fat vacuoles around a jittered lattice: from half the difference of
     * the distances to the nearest two lattice points, whose contours bend around the nearer point, so the
     * vacuoles have rounded corners and the thin walls (about 1.5 µm) widen a little where three cells meet.
     */
    private float fatWall(SlideLayout.Patch p, double x, double y) {
        double s = p.periodPx;
        long ci = (long) Math.floor(x / s), cj = (long) Math.floor(y / s);
        double e1 = Double.MAX_VALUE, e2 = Double.MAX_VALUE;
        for (long j = cj - 1; j <= cj + 1; j++) {
            for (long i = ci - 1; i <= ci + 1; i++) {
                SplitMix r = SplitMix.at(layout.seed, i, j, SALT_FAT);
                double px = (i + 0.5 + r.uniform(-0.3, 0.3)) * s, py = (j + 0.5 + r.uniform(-0.3, 0.3)) * s;
                double d2 = (px - x) * (px - x) + (py - y) * (py - y);
                if (d2 < e1) {
                    e2 = e1;
                    e1 = d2;
                } else if (d2 < e2) {
                    e2 = d2;
                }
            }
        }
        double wall = (Math.sqrt(e2) - Math.sqrt(e1)) / 2, half = Math.max(1.0, 0.8 * um2px);
        return (float) Math.max(0, Math.min(1, 1.5 - wall / half));
    }

    private double lymphDensity(TruthZone z) {
        switch (z) {
            case RIM: return settings.lymphRim();
            case VIABLE: return settings.lymphViable();
            case STROMA: return settings.lymphStroma();
            case NECROSIS: return settings.lymphCore();
            default: return 0;
        }
    }

    private void lymphocytes(RenderedTile out) {
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
                    double radius = r.uniform(look.lymphRadiusLo, look.lymphRadiusHi) * um2px;
                    double aspect = r.uniform(0.85, 1.0);
                    double angle = r.uniform(0, Math.PI);
                    double od = r.uniform(look.lymphOdLo, look.lymphOdHi);
                    if (px < x0 - margin || px > x0 + size + margin || py < y0 - margin || py > y0 + size + margin) {
                        continue;
                    }
                    TruthZone z = layout.zoneOfPixel(px, py);
                    if (accept * lymphMax >= lymphDensity(z)) continue;
                    if (layout.patchOfPixel(px, py) >= 0) continue; // none in keratin, collagen or fat
                    drawEllipse(px, py, radius * 1.3, radius * 1.3 * aspect, angle, KIND_CYTOPLASM, 0.13);
                    drawEllipse(px, py, radius, radius * aspect, angle, KIND_SOLID, od);
                    int fx = (int) Math.floor(px), fy = (int) Math.floor(py);
                    if (fx >= x0 && fx < x0 + size && fy >= y0 && fy < y0 + size && fx < w && fy < h) {
                        out.addLymphocyte(px, py, z);
                    }
                }
            }
        }
    }

    private static final int KIND_NUCLEUS = 0, KIND_CYTOPLASM = 1, KIND_SOLID = 2, KIND_DEBRIS = 3;

    /** Queues an ellipse to draw after the cell bodies (the cell table is built before them). */
    private void ellipse(double cx, double cy, double a, double b, double angle, int kind, double od) {
        if (7 * nucleusCount + 7 > nucleus.length) nucleus = Arrays.copyOf(nucleus, Math.max(70, nucleus.length * 2));
        int o = 7 * nucleusCount++;
        nucleus[o] = cx;
        nucleus[o + 1] = cy;
        nucleus[o + 2] = a;
        nucleus[o + 3] = b;
        nucleus[o + 4] = angle;
        nucleus[o + 5] = kind;
        nucleus[o + 6] = od;
    }

    private void drawDeferred() {
        for (int n = 0; n < nucleusCount; n++) {
            int o = 7 * n;
            drawEllipse(nucleus[o], nucleus[o + 1], nucleus[o + 2], nucleus[o + 3], nucleus[o + 4], (int) nucleus[o + 5],
                    nucleus[o + 6]);
        }
    }

    /**
     * Draws an antialiased ellipse centred at (cx, cy) with semi-axes a, b rotated by angle. Haematoxylin
     * combines by maximum and DAB is attenuated by multiplication under nuclei (MLKL is cytoplasmic and
     * membranous); both operations are order-independent.
     */
    private void drawEllipse(double cx, double cy, double a, double b, double angle, int kind, double od) {
        double ext = Math.max(a, b) + 1;
        int ia = Math.max(0, (int) Math.floor(cx - ext) - x0);
        int ib = Math.min(size - 1, (int) Math.ceil(cx + ext) - x0);
        int ja = Math.max(0, (int) Math.floor(cy - ext) - y0);
        int jb = Math.min(size - 1, (int) Math.ceil(cy + ext) - y0);
        if (ia > ib || ja > jb) return;
        double c = Math.cos(angle), s = Math.sin(angle);
        double ia2 = 1 / a, ib2 = 1 / b;
        // soft edge of about 0.4 µm (at least one pixel): scanners are never perfectly in focus
        double edge = Math.max(1.0, 0.4 * um2px) / Math.max(1.0, Math.min(a, b));
        double outer2 = (1 + edge) * (1 + edge);
        float odf = (float) od;
        float keep = kind == KIND_DEBRIS ? 0f : kind == KIND_CYTOPLASM ? 0.4f : 0.75f;
        for (int j = ja; j <= jb; j++) {
            double dy = y0 + j + 0.5 - cy;
            int row = j * size;
            for (int i = ia; i <= ib; i++) {
                double dx = x0 + i + 0.5 - cx;
                double u = (dx * c + dy * s) * ia2;
                double v = (-dx * s + dy * c) * ib2;
                double d2 = u * u + v * v;
                if (d2 >= outer2) continue;
                double d = Math.sqrt(d2);
                float alpha = (float) Math.min(1, (1 + edge - d) / (2 * edge));
                if (alpha <= 0) continue;
                int k = row + i;
                float h;
                switch (kind) {
                    case KIND_NUCLEUS:
                        h = odf * (0.8f + 0.4f * tex1[k]) * (d > 0.8 ? 1.2f : 1f);
                        break;
                    case KIND_CYTOPLASM:
                        h = odf * (0.85f + 0.3f * tex2[k]);
                        break;
                    default:
                        h = odf * (0.85f + 0.3f * tex1[k]);
                }
                h *= alpha;
                if (h > odH[k]) odH[k] = h;
                if (keep > 0) odD[k] *= 1 - keep * alpha;
            }
        }
    }

    /** Beer-Lambert: RGB = I0 10^-(OD_H h + OD_DAB d) plus sensor noise; counts truth for in-image pixels. */
    private void compose(RenderedTile out) {
        byte[] bgr = out.bgr;
        double[] hv = layout.stainH, dv = layout.stainDab, g = layout.glass;
        int w = layout.width, hgt = layout.height;
        long[] zc = out.zonePixels, dc = out.dabPixels, cp = out.corePixels;
        int nt = thresholds.length;
        float t0 = (float) thresholds[0];
        for (int j = 0; j < size; j++) {
            int y = y0 + j;
            if (j == 0 || (y & 7) == 0) {
                // the illumination field varies over millimetres: one evaluation per 8 rows is plenty
                for (int i = 0; i < size; i++) illum[i] = 0;
                layout.illumination.addRow((y & ~7) + 0.5, x0, size, 1.0, illum, 0);
            }
            boolean rowIn = y0 + j < hgt;
            for (int i = 0; i < size; i++) {
                int k = j * size + i;
                float oh = odH[k] * look.haematoxylinScale, od = odD[k] * look.eosinScale;
                long h1 = hashes[k];
                // texture used the low 32 bits; noise takes the high half and a remix
                long hsh = (h1 >>> 32) | ((h1 * 0x9E3779B97F4A7C15L) & 0xFFFFFFFF00000000L);
                double f = 1 + 0.012 * illum[i];
                int p = 3 * k;
                boolean glass = oh == 0 && od == 0;
                for (int ch = 0; ch < 3; ch++) {
                    int n1 = (int) ((hsh >>> (ch * 16)) & 0xFF), n2 = (int) ((hsh >>> (ch * 16 + 8)) & 0xFF);
                    double noise = (n1 + n2 - 255) * (1.6 / 128.0);
                    double v;
                    if (glass) {
                        v = g[ch] * f; // lut[0] == 1: same value as the general branch, fewer operations
                    } else {
                        double odc = oh * hv[ch] + od * dv[ch];
                        int li = (int) (odc * 1000 + 0.5);
                        if (li > 4095) li = 4095;
                        v = g[ch] * f * lut[li];
                    }
                    int val = (int) (v + noise + 0.5);
                    if (val < 0) val = 0; else if (val > 255) val = 255;
                    bgr[p + 2 - ch] = (byte) val;
                }
                if (rowIn && x0 + i < w) {
                    int z = zones[k];
                    zc[z]++;
                    if (z == 1) cp[coreIndex[k]]++;
                    if (od >= t0 && !look.he) {
                        for (int t = 0; t < nt; t++) {
                            if (od >= (float) thresholds[t]) dc[z * nt + t]++;
                        }
                    }
                }
            }
        }
    }
}
