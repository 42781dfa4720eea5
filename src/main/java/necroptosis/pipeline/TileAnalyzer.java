package necroptosis.pipeline;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import necroptosis.scoring.DabThresholds;
import necroptosis.scoring.PixelScore;
import necroptosis.scoring.CellCompartment;
import necroptosis.segmentation.CellExpander;
import necroptosis.segmentation.Nucleus;
import necroptosis.segmentation.NucleusClassifier;
import necroptosis.segmentation.NucleusDetector;
import necroptosis.segmentation.ScratchBySize;
import necroptosis.stain.ColorDeconvolution;

/**
 * Analyses one tile: reads it with a margin, separates the stains, scores DAB per pixel, finds nuclei,
 * and adds everything to the tile's own blocks. Pixels are taken only from the tile's core (tiles do not
 * overlap there) and nuclei only when their centroid lies in the core, while the margin gives nuclei on
 * the border their full shape: each pixel and each nucleus is counted exactly once.
 */
final class TileAnalyzer {
    final ScaledLevel scale;
    private final AnalysisSettings settings;
    private final ColorDeconvolution deconvolution;
    private final NucleusDetector detector;
    private final NucleusClassifier classifier;
    private final BlockGrid grid;
    private final int tilePx;
    private final int marginPx;
    private final TissueRegion region;
    private final double nucleusThreshold;
    /** Overview pixels per analysis pixel. */
    private final double toOverview;
    /** Where each tile's nuclei go for cells.csv ({@link AnalysisSettings#exportCells}); null: not kept. */
    private final CellRecords records;

    TileAnalyzer(ScaledLevel scale, AnalysisSettings settings, ColorDeconvolution deconvolution, BlockGrid grid, int tilePx,
            TissueRegion region, double toOverview, double nucleusThreshold, double immuneMinOd, double debrisMinOd, double necrosisLymphMinOd, CellRecords records) {
        this.records = records;
        this.nucleusThreshold = nucleusThreshold;
        this.region = region;
        this.toOverview = toOverview;
        this.scale = scale;
        this.settings = settings;
        this.deconvolution = deconvolution;
        this.classifier = new NucleusClassifier(settings.nuclei, immuneMinOd, debrisMinOd, necrosisLymphMinOd,
                settings.immuneMode == AnalysisSettings.ImmuneMode.MORPHOLOGICAL);
        this.detector = new NucleusDetector(settings.nuclei, classifier);
        this.grid = grid;
        this.tilePx = tilePx;
        // Room for the largest nucleus (about 15 µm across) plus the reach of the top-hat and smoothing,
        // so that a nucleus on the tile border is segmented the same in both tiles' windows.
        // The opening of the top-hat reaches twice its radius (erosion, then dilation).
        this.marginPx = (int) Math.ceil((8 + 2 * settings.nuclei.backgroundRadiusUm + 4 * settings.nuclei.sigmaUm) / scale.pixelUm);
    }

    /** Pixels in tile {@code index}'s window: tiles with equal counts share one set of work arrays. */
    int windowPixels(int index, int tilesX) {
        int[] w = window(index, tilesX);
        return w[6] * w[7];
    }

    /**
     * Tile {@code index}'s core {cx, cy, cw, ch} and the window read for it, the core with its margin
     * clipped to the level, {rx, ry, rw, rh}: eight pixel coordinates of the analysis level.
     */
    int[] window(int index, int tilesX) {
        int cx = (index % tilesX) * tilePx, cy = (index / tilesX) * tilePx;
        int cw = (int) Math.min(tilePx, scale.width - cx), ch = (int) Math.min(tilePx, scale.height - cy);
        int rx = Math.max(0, cx - marginPx), ry = Math.max(0, cy - marginPx);
        int rw = (int) Math.min(scale.width, (long) cx + cw + marginPx) - rx;
        int rh = (int) Math.min(scale.height, (long) cy + ch + marginPx) - ry;
        return new int[] {cx, cy, cw, ch, rx, ry, rw, rh};
    }

    TileResult analyse(int index, int tilesX) throws IOException {
        int[] w = window(index, tilesX);
        int cx = w[0], cy = w[1], cw = w[2], ch = w[3], rx = w[4], ry = w[5], rw = w[6], rh = w[7];

        int n = rw * rh;
        Buffers buf = BUFFERS.get(n);
        int[] rgb = buf.rgb;
        scale.read(rx, ry, rw, rh, rgb, buf.level);
        float[] h = buf.h, dab = buf.dab;
        byte[] tissue = buf.tissue;
        deconvolution.deconvolve(rgb, h, dab, null);
        regionMask(rx, ry, rw, rh, tissue, buf);

        grid.addPixels(h, dab, tissue, rx, ry, rw, cx, cy, cw, ch, settings.thresholds);

        DabThresholds t = settings.thresholds;
        int bpx = grid.blockPx;
        boolean markerMode = settings.immuneMode == AnalysisSettings.ImmuneMode.MARKER;
        int[] labels = buf.labels; // filled by the detector (also when unused: saves it allocating its own)
        boolean nuclearMarker = settings.cellMode && settings.compartment == CellCompartment.NUCLEUS;
        // The tile's own blocks hold exactly its pixels (tiles are block-aligned).
        PixelScore tileScore = new PixelScore();
        for (int by = cy / bpx; by * bpx < cy + ch; by++) {
            for (int bx = cx / bpx; bx * bpx < cx + cw; bx++) tileScore.merge(grid.score(by * grid.width + bx));
        }
        List<Nucleus> nuclei = detector.detect(h, nuclearMarker ? dab : null, tissue, rw, rh, scale.pixelUm, labels, nucleusThreshold);
        // The cells go into the pixels' array: they are no longer needed once separated into stains.
        int[] cells = rgb;
        double[] cellDab = settings.cellMode || records != null
                ? compartmentMeans(labels, nuclei.size(), dab, rw, rh, settings.compartment, settings.cellExpansionUm, cells) : null;
        // Marker mode (CD45/CD3/CD8 slides): the immune-cell rule reads the DAB of each nucleus' rim.
        double[] markerDab = markerMode
                ? compartmentMeans(labels, nuclei.size(), dab, rw, rh, CellCompartment.CYTOPLASM, NucleusClassifier.MARKER_RIM_UM, cells) : null;
        int counted = 0, immune = 0;
        double[] positions = new double[16];
        boolean[] holdsInNecrosis = new boolean[8];
        CellRecords.TileCells owned = records == null ? null : new CellRecords.TileCells();
        for (int k = 0; k < nuclei.size(); k++) {
            Nucleus nu = nuclei.get(k);
            double gx = rx + nu.x, gy = ry + nu.y;
            if (gx < cx || gy < cy || gx >= cx + cw || gy >= cy + ch) continue; // another tile's nucleus
            int b = grid.blockAt(gx, gy);
            if (settings.cellMode && nu.kind != Nucleus.Kind.DEBRIS) {
                grid.addCell(t.bin(cellDab[k]), b);
            }
            Nucleus.Kind kind = markerMode ? classifier.markerModeKind(nu, markerDab[k], t.weak()) : nu.kind;
            boolean intact = classifier.isIntact(nu);
            if (owned != null) owned.add(gx, gy, nu.areaUm2, kind, intact, cellDab[k]);
            if (kind == Nucleus.Kind.LYMPHOCYTE) {
                grid.addLymphocyte(b);
                counted++;
                if (2 * immune + 2 > positions.length) positions = Arrays.copyOf(positions, positions.length * 2);
                positions[2 * immune] = gx;
                positions[2 * immune + 1] = gy;
                if (immune == holdsInNecrosis.length) holdsInNecrosis = Arrays.copyOf(holdsInNecrosis, 2 * immune);
                // A marker-positive cell is told by its marker, which a pyknotic nucleus does not carry.
                holdsInNecrosis[immune] = markerMode || classifier.holdsInNecrosis(nu);
                immune++;
            }
            // tiles.csv's "nuclei": the immune cells and the other intact nuclei, never debris.
            if (kind == Nucleus.Kind.TUMOUR && intact) counted++;
            // The necrosis input has its own lymphocyte bar (NucleusClassifier.necrosisLymphMinOd). Necrosis is
            // judged on intact nuclei: small pale fragments count as cells, not here.
            Nucleus.Kind forNecrosis = markerMode ? kind : classifier.necrosisKind(nu);
            boolean necrosisCounts = true;
            if (forNecrosis == Nucleus.Kind.DEBRIS) grid.addDebris(b);
            else if (forNecrosis == Nucleus.Kind.TUMOUR && intact) grid.addTumourNucleus(b);
            else necrosisCounts = false;
            // An object in both class counts, or in neither, is one nuclear object all the same.
            if (kind == Nucleus.Kind.LYMPHOCYTE && necrosisCounts) grid.correctNuclearObjects(b, -1);
            if (kind != Nucleus.Kind.LYMPHOCYTE && forNecrosis == Nucleus.Kind.LYMPHOCYTE) grid.correctNuclearObjects(b, 1);
        }
        if (owned != null) records.append(index, owned);
        return new TileResult(index, cx, cy, cw, ch, tileScore, counted, immune, Arrays.copyOf(positions, 2 * immune),
                intactNeighbours(nuclei, positions, immune, rx, ry), Arrays.copyOf(holdsInNecrosis, immune));
    }

    /**
     * Distance from an immune cell's centre within which an intact nucleus counts as touching it, so a
     * lymphocyte lying against living tumour cells is seen to be in living tissue: the lymphocyte's radius
     * (about 4 µm with its cytoplasm) plus a tumour cell's diameter (10-12 µm) less its nucleus' radius
     * (3-4 µm), i.e. the nucleus of a tumour cell touching it wherever that nucleus lies in its cell.
     * Chosen within that range on synthetic tuning slides (10 µm left rim cells on a core's edge in it).
     */
    static final double CONTACT_UM = 13;

    /** For each immune cell, the intact non-immune nuclei (tumour kind, at least the debris size) within {@link #CONTACT_UM}. */
    private int[] intactNeighbours(List<Nucleus> nuclei, double[] positions, int immune, int rx, int ry) {
        int[] out = new int[immune];
        if (immune == 0) return out;
        double r = CONTACT_UM / scale.pixelUm;
        // The window's margin (26 µm) exceeds the contact distance: every neighbour of an owned cell is in it.
        for (Nucleus nu : nuclei) {
            if (nu.kind != Nucleus.Kind.TUMOUR || !classifier.isIntact(nu)) continue;
            double gx = rx + nu.x, gy = ry + nu.y;
            for (int i = 0; i < immune; i++) {
                double dx = positions[2 * i] - gx, dy = positions[2 * i + 1] - gy;
                if (dx == 0 && dy == 0) continue; // the cell itself (marker mode keeps its nucleus kind)
                if (dx * dx + dy * dy <= r * r) out[i]++;
            }
        }
        return out;
    }

    /**
     * A worker thread's arrays for tile windows of one size ({@link ScratchBySize}; the slide analysis runs
     * the tiles grouped by window size). Each is several MB, a "humongous" object for the G1 collector;
     * allocating them per tile made the heap grow over a run.
     * Every element is overwritten for each tile.
     */
    private static final class Buffers {
        final float[] h, dab;
        final byte[] tissue;
        final int[] labels;
        /** The tile's pixels as read (0xFFRRGGBB), then its cells (cell mode). */
        final int[] rgb;
        /** The level's pixels when the analysis scale averages several ({@link ScaledLevel#read}). */
        final int[][] level = new int[1][];
        /** Overview column of each window column ({@link #regionMask}); grown as needed. */
        int[] overviewX = new int[0];

        Buffers(int n) {
            // Exact sizes: the tile's loops (and the detector's) take the window's pixel count from the arrays.
            rgb = new int[n];
            h = new float[n];
            dab = new float[n];
            tissue = new byte[n];
            labels = new int[n];
        }
    }

    private static final ScratchBySize<Buffers> BUFFERS = new ScratchBySize<>(Buffers::new);

    /** Fills the tile's tissue mask from the overview's tissue region (nearest overview pixel). */
    private void regionMask(int rx, int ry, int rw, int rh, byte[] tissue, Buffers buf) {
        if (buf.overviewX.length < rw) buf.overviewX = new int[rw];
        int[] ox = buf.overviewX;
        for (int x = 0; x < rw; x++) ox[x] = (int) ((rx + x + 0.5) * toOverview);
        for (int y = 0; y < rh; y++) {
            int oy = (int) ((ry + y + 0.5) * toOverview);
            for (int x = 0; x < rw; x++) tissue[y * rw + x] = (byte) (region.contains(ox[x], oy) ? 1 : 0);
        }
    }

    /** Mean DAB OD of each cell's scoring compartment, indexed by nucleus (label - 1); {@code cells} receives the cells. */
    private double[] compartmentMeans(int[] nucleusLabels, int count, float[] dab, int w, int h, CellCompartment c, double expansionUm,
            int[] cells) {
        CellExpander.expand(nucleusLabels, w, h, expansionUm / scale.pixelUm, cells);
        double[] sum = new double[count + 1];
        int[] num = new int[count + 1];
        for (int p = 0; p < cells.length; p++) {
            int id = cells[p];
            if (id == 0) continue;
            boolean inNucleus = nucleusLabels[p] == id;
            boolean take;
            switch (c) {
                case NUCLEUS: take = inNucleus; break;
                case CYTOPLASM: take = !inNucleus; break;
                case MEMBRANE: take = !inNucleus && onCellBorder(cells, p, w, h); break;
                default: take = true; break;
            }
            if (take) {
                sum[id] += dab[p];
                num[id]++;
            }
        }
        double[] mean = new double[count];
        for (int i = 0; i < count; i++) mean[i] = num[i + 1] == 0 ? 0 : sum[i + 1] / num[i + 1];
        return mean;
    }

    private static boolean onCellBorder(int[] cells, int p, int w, int h) {
        int x = p % w, y = p / w, id = cells[p];
        return x == 0 || y == 0 || x == w - 1 || y == h - 1
                || cells[p - 1] != id || cells[p + 1] != id || cells[p - w] != id || cells[p + w] != id;
    }
}
