package necroptosis.pipeline;

import java.util.function.IntUnaryOperator;

import necroptosis.scoring.DabThresholds;
import necroptosis.scoring.PixelScore;
import necroptosis.segmentation.NecrosisSegmenter;

/**
 * Per-block sums over the whole slide at the analysis resolution: the finest unit at which zones are
 * assigned. Every tissue pixel and every nucleus is added to exactly one block (the block holding the
 * pixel, or the nucleus centroid), so sums over blocks of a zone count each pixel and object once.
 * <p>
 * The grid has two phases. The tiles fill it ({@link #addPixels}, {@link #addTumourNucleus} and the other
 * {@code add} methods; tiles are block-aligned and disjoint, so threads write disjoint blocks) until
 * {@link #finishTiles}. After that the sums are fixed, except where an immune cell is counted: a duplicate
 * seen by two tiles is removed ({@link #removeImmuneCell}) and a cell on a zone boundary moved to the block
 * of its side ({@link #moveImmuneCell}). Everyone else reads the sums block by block.
 * <p>
 * The grid is the one whole-slide array set that grows with the slide, so it is kept small: 26 bytes per
 * block (a 40k x 40k slide at 0.5 µm/px with 16 µm blocks is 1.6 M blocks, 42 MB). Counts are 16-bit:
 * a block holds at most {@link #MAX_BLOCK_PX}² pixels, and objects are counted in the block of their
 * centroid, so no count can reach 65536. DAB-negative pixels are not stored: every tissue pixel is in
 * exactly one bin.
 */
public final class BlockGrid {
    public final int width;
    public final int height;
    /** Block edge in analysis-level pixels and in µm. */
    public final int blockPx;
    public final double blockUm;

    /** Largest block edge in pixels: its pixel count, 255², must fit the 16-bit counts. */
    public static final int MAX_BLOCK_PX = 255;

    /** Pixels analysed (inside the slide and in an analysed tile). */
    private final char[] pixels;
    /** Tissue pixels among them, and how many fall in each DAB bin but the negative one. */
    private final char[] tissue;
    private final char[] weak;
    private final char[] moderate;
    private final char[] strong;
    private final float[] dabSum;
    private final float[] hematoxylinSum;
    /**
     * Objects by class, each in the block of its centroid: immune calls ({@code lymphocytes}), and intact nuclei and
     * debris as the necrosis input classes them (its own lymphocyte bar, {@code NucleusClassifier.necrosisLymphMinOd}).
     * The two bars differ, so an object near them can be both an immune call and debris or intact (a pale
     * slide), or neither (a dark slide): {@code overlapCorrection} (per block, objects in none of the three
     * less objects in two) makes {@link #nuclearObjects} count each object once.
     */
    private final char[] tumourNuclei;
    private final char[] lymphocytes;
    private final char[] debris;
    private final short[] overlapCorrection;
    /** Cell-level counts per bin (negative, 1+, 2+, 3+); null unless cell mode is on. */
    private final char[][] cellBins;
    /** Set once every tile is added: from then on only the immune-cell corrections change the grid. */
    private boolean tilesFinished;

    public BlockGrid(int width, int height, int blockPx, double blockUm, boolean cells) {
        if ((long) width * height > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("block grid " + width + "x" + height + " is too large; use larger blocks");
        }
        if (blockPx < 1 || blockPx > MAX_BLOCK_PX) {
            throw new IllegalArgumentException("block of " + blockPx + " px; at most " + MAX_BLOCK_PX + " px per side");
        }
        this.width = width;
        this.height = height;
        this.blockPx = blockPx;
        this.blockUm = blockUm;
        int n = width * height;
        pixels = new char[n];
        tissue = new char[n];
        weak = new char[n];
        moderate = new char[n];
        strong = new char[n];
        dabSum = new float[n];
        hematoxylinSum = new float[n];
        tumourNuclei = new char[n];
        lymphocytes = new char[n];
        debris = new char[n];
        overlapCorrection = new short[n];
        cellBins = cells ? new char[4][n] : null;
    }

    public int size() { return width * height; }

    /** Bytes per block: eight 16-bit counts and two float sums, and four more counts in cell mode. */
    static int bytesPerBlock(boolean cells) {
        return 8 * Character.BYTES + Short.BYTES + 2 * Float.BYTES + (cells ? 4 * Character.BYTES : 0);
    }

    /** Area of one analysis pixel in mm². */
    public double pixelAreaMm2() {
        double px = blockUm / blockPx / 1000.0;
        return px * px;
    }

    // ---- reading, block by block ----

    public int pixels(int block) { return pixels[block]; }

    public int tissue(int block) { return tissue[block]; }

    public int weak(int block) { return weak[block]; }

    public int moderate(int block) { return moderate[block]; }

    public int strong(int block) { return strong[block]; }

    public float dabSum(int block) { return dabSum[block]; }

    public float hematoxylinSum(int block) { return hematoxylinSum[block]; }

    public int tumourNuclei(int block) { return tumourNuclei[block]; }

    /**
     * The block holding the analysis-scale position (x, y) of an object's centre; one expression for every
     * counting and correction, so a centre on a block edge always lands in the same block.
     */
    public int blockAt(double x, double y) {
        return ((int) y / blockPx) * width + (int) x / blockPx;
    }

    /** Immune cells (lymphocytes, or marker-positive cells in marker mode) counted in a block. */
    public int lymphocytes(int block) { return lymphocytes[block]; }

    public int debris(int block) { return debris[block]; }

    /** Every nuclear object counted in a block: intact nuclei, immune cells and debris. */
    public int nuclearObjects(int block) { return tumourNuclei[block] + lymphocytes[block] + debris[block] + overlapCorrection[block]; }

    /** Whether the grid counts cells per DAB bin (cell mode). */
    public boolean hasCells() { return cellBins != null; }

    /** Cells of a block in DAB bin 0 (negative) to 3 (3+); only in cell mode. */
    public int cells(int bin, int block) { return cellBins[bin][block]; }

    /** The DAB pixel score of one block. */
    public PixelScore score(int block) {
        return PixelScore.of(negative(block), weak[block], moderate[block], strong[block], dabSum[block]);
    }

    /** DAB-negative tissue pixels of a block. */
    public int negative(int block) {
        return tissue[block] - weak[block] - moderate[block] - strong[block];
    }

    /** Tissue fraction of a block (0 for a block without pixels, e.g. beyond the slide edge). */
    public double tissueFraction(int i) {
        return pixels[i] == 0 ? 0 : tissue[i] / (double) pixels[i];
    }

    /** The sum of a per-block count over all blocks, e.g. {@code grid.total(grid::lymphocytes)}. */
    public long total(IntUnaryOperator count) {
        long s = 0;
        for (int b = 0, n = size(); b < n; b++) s += count.applyAsInt(b);
        return s;
    }

    /**
     * What the necrosis segmenter reads: tissue area and fraction per block, and the intact-nucleus and
     * debris counts (shared, not copied: the grid is large and the segmenter only reads them).
     */
    NecrosisSegmenter.Input necrosisInput() {
        int n = size();
        float[] mm2 = new float[n], frac = new float[n];
        double a = pixelAreaMm2();
        for (int i = 0; i < n; i++) {
            mm2[i] = (float) (tissue[i] * a);
            frac[i] = (float) tissueFraction(i);
        }
        return new NecrosisSegmenter.Input(width, height, blockUm, mm2, frac, tumourNuclei, debris);
    }

    // ---- filling, by the tiles ----

    /**
     * Adds the pixels of the block-aligned rectangle (cx, cy, cw, ch) to their blocks: every pixel to the
     * analysed pixels; tissue pixels to the tissue count, the stain sums and their DAB bin. The arrays hold the
     * region (rx, ry) of row length rw that contains the rectangle (a tile with its margin).
     */
    public void addPixels(float[] h, float[] dab, byte[] tissueMask, int rx, int ry, int rw, int cx, int cy, int cw, int ch,
            DabThresholds t) {
        checkFilling();
        for (int y = cy; y < cy + ch; y++) {
            int row = (y - ry) * rw - rx;
            int brow = (y / blockPx) * width;
            for (int x = cx; x < cx + cw; x++) {
                int b = brow + x / blockPx;
                pixels[b]++;
                int p = row + x;
                if (tissueMask[p] == 0) continue;
                float d = dab[p];
                tissue[b]++;
                dabSum[b] += d;
                hematoxylinSum[b] += h[p];
                switch (t.bin(d)) {
                    case 0: break;
                    case 1: weak[b]++; break;
                    case 2: moderate[b]++; break;
                    default: strong[b]++; break;
                }
            }
        }
    }

    public void addTumourNucleus(int block) {
        checkFilling();
        tumourNuclei[block]++;
    }

    public void addLymphocyte(int block) {
        checkFilling();
        lymphocytes[block]++;
    }

    public void addDebris(int block) {
        checkFilling();
        debris[block]++;
    }

    /**
     * Corrects {@link #nuclearObjects} for an object the class counts hold twice ({@code -1}: an immune call that
     * the necrosis input takes for debris or an intact nucleus) or not at all ({@code +1}: a lymphocyte for the
     * necrosis input that is no immune call).
     */
    public void correctNuclearObjects(int block, int by) {
        checkFilling();
        overlapCorrection[block] += by;
    }

    /** Adds a cell in DAB bin 0 (negative) to 3 (3+); only in cell mode. */
    public void addCell(int bin, int block) {
        checkFilling();
        cellBins[bin][block]++;
    }

    private void checkFilling() {
        if (tilesFinished) throw new IllegalStateException("the tiles are finished: the grid takes no more pixels or objects");
    }

    /** Ends the tiles' phase: the sums are complete, and only the immune-cell corrections below change them. */
    public void finishTiles() {
        tilesFinished = true;
    }

    // ---- correcting where immune cells count, after the tiles ----

    /** Takes off an immune cell counted twice (two tiles reported it; see BorderDuplicates). */
    void removeImmuneCell(int block) {
        checkFinished();
        lymphocytes[block]--;
    }

    /** Counts an immune cell in the block of its side of a zone boundary instead (see BoundaryCells). */
    void moveImmuneCell(int from, int to) {
        checkFinished();
        lymphocytes[from]--;
        lymphocytes[to]++;
    }

    private void checkFinished() {
        if (!tilesFinished) throw new IllegalStateException("immune cells are corrected after the tiles are finished");
    }
}
