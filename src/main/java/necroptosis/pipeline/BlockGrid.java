package necroptosis.pipeline;

import necroptosis.scoring.DabThresholds;
import necroptosis.scoring.PixelScore;

/**
 * Per-block sums over the whole slide at the analysis resolution: the finest unit at which zones are
 * assigned. Every tissue pixel and every nucleus is added to exactly one block (the block holding the
 * pixel, or the nucleus centroid), so sums over blocks of a zone count each pixel and object once.
 * <p>
 * The grid is the one whole-slide array set that grows with the slide, so it is kept small: 24 bytes per
 * block (a 40k x 40k slide at 0.5 µm/px with 16 µm blocks is 1.6 M blocks, 37 MB). Counts are 16-bit:
 * a block holds at most {@link #MAX_BLOCK_PX}² pixels, and objects are counted in the block of their
 * centroid, so no count can reach 65536. DAB-negative pixels are not stored: every tissue pixel is in
 * exactly one bin. Tiles are block-aligned and disjoint, so threads write disjoint blocks.
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
    public final char[] pixels;
    /** Tissue pixels among them, and how many fall in each DAB bin but the negative one. */
    public final char[] tissue;
    public final char[] weak;
    public final char[] moderate;
    public final char[] strong;
    public final float[] dabSum;
    public final float[] hematoxylinSum;
    /** Objects by class, each in the block of its centroid. */
    public final char[] tumourNuclei;
    public final char[] lymphocytes;
    public final char[] debris;
    /** Cell-level counts per bin (negative, 1+, 2+, 3+); null unless cell mode is on. */
    public final char[][] cellBins;

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
        cellBins = cells ? new char[4][n] : null;
    }

    public int size() { return width * height; }

    /** Bytes per block: eight 16-bit counts and two float sums, and four more counts in cell mode. */
    static int bytesPerBlock(boolean cells) {
        return 8 * Character.BYTES + 2 * Float.BYTES + (cells ? 4 * Character.BYTES : 0);
    }

    /** Area of one analysis pixel in mm². */
    public double pixelAreaMm2() {
        double px = blockUm / blockPx / 1000.0;
        return px * px;
    }

    /** The DAB pixel score of one block. */
    public PixelScore score(int block) {
        return PixelScore.of(negative(block), weak[block], moderate[block], strong[block], dabSum[block]);
    }

    /** DAB-negative tissue pixels of a block. */
    public int negative(int block) {
        return tissue[block] - weak[block] - moderate[block] - strong[block];
    }

    /** The sum of one of the grid's count arrays over all blocks. */
    public static long total(char[] counts) {
        long s = 0;
        for (char c : counts) s += c;
        return s;
    }

    /**
     * Adds the pixels of the block-aligned rectangle (cx, cy, cw, ch) to their blocks: every pixel to
     * {@link #pixels}; tissue pixels to {@link #tissue}, the stain sums and their DAB bin. The arrays hold the
     * region (rx, ry) of row length rw that contains the rectangle (a tile with its margin).
     */
    public void addPixels(float[] h, float[] dab, byte[] tissueMask, int rx, int ry, int rw, int cx, int cy, int cw, int ch,
            DabThresholds t) {
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

    /** Tissue fraction of a block (0 for a block without pixels, e.g. beyond the slide edge). */
    public double tissueFraction(int i) {
        return pixels[i] == 0 ? 0 : tissue[i] / (double) pixels[i];
    }
}
