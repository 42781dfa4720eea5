package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import necroptosis.scoring.DabThresholds;
import necroptosis.scoring.PixelScore;

/** The slide analysis's per-pixel binning: each core pixel in its own block, once, with the DESIGN thresholds. */
class BlockGridTest {

    private static final DabThresholds T = DabThresholds.of(0.15, 0.35, 0.60);

    /** Counts are 16-bit: a block of 255 x 255 pixels fills one to 65025, a larger block is refused. */
    @Test
    void blocksLargerThanTheCountsCanHoldAreRefused() {
        BlockGrid g = new BlockGrid(1, 1, BlockGrid.MAX_BLOCK_PX, 127.5, false);
        int side = BlockGrid.MAX_BLOCK_PX, n = side * side;
        float[] dab = new float[n];
        byte[] tissue = new byte[n];
        Arrays.fill(tissue, (byte) 1);
        Arrays.fill(dab, 5f);
        g.addPixels(new float[n], dab, tissue, 0, 0, side, 0, 0, side, side, T);
        assertEquals(n, g.pixels(0));
        assertEquals(n, g.strong(0));
        assertEquals(0, g.negative(0));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new BlockGrid(1, 1, BlockGrid.MAX_BLOCK_PX + 1, 128, false));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("at most 255 px"), e.getMessage());
    }

    /** An object both an immune call and necrosis debris counts once; a necrosis lymphocyte not called immune counts too. */
    @Test
    void nuclearObjectsCountEachObjectOnce() {
        BlockGrid g = new BlockGrid(2, 1, 4, 2.0, false);
        g.addLymphocyte(0);
        g.addDebris(0);
        g.correctNuclearObjects(0, -1);
        g.addTumourNucleus(0);
        g.correctNuclearObjects(1, 1);
        assertEquals(2, g.nuclearObjects(0));
        assertEquals(1, g.nuclearObjects(1));
    }

    @Test
    void handComputedBlockOfATileWithMargin() {
        // One 2x2-pixel block (blockPx 2) at (2, 2); the region read is 4x4 from (1, 1): a one-pixel margin that
        // must not count. The four core pixels: glass, "0.35" (moderate, not weak: float comparison), weak, strong.
        BlockGrid grid = new BlockGrid(3, 3, 2, 1.0, false);
        int rx = 1, ry = 1, rw = 4;
        float[] dab = new float[16], h = new float[16];
        byte[] tissue = new byte[16];
        Arrays.fill(dab, 0.9f); // the margin: strong, and tissue, so counting it would show
        Arrays.fill(tissue, (byte) 1);
        int[][] core = {{2, 2}, {3, 2}, {2, 3}, {3, 3}};
        float[] values = {0.9f, 0.35f, 0.2f, 0.7f};
        for (int k = 0; k < 4; k++) {
            int p = (core[k][1] - ry) * rw + core[k][0] - rx;
            dab[p] = values[k];
            h[p] = 0.1f * (k + 1);
        }
        tissue[(2 - ry) * rw + 2 - rx] = 0;

        grid.addPixels(h, dab, tissue, rx, ry, rw, 2, 2, 2, 2, T);

        int b = 1 * grid.width + 1;
        assertEquals(4, grid.pixels(b));
        assertEquals(3, grid.tissue(b));
        assertEquals(0, grid.negative(b));
        assertEquals(1, grid.weak(b));
        assertEquals(1, grid.moderate(b));
        assertEquals(1, grid.strong(b));
        assertEquals(0.35f + 0.2f + 0.7f, grid.dabSum(b), 1e-6);
        assertEquals(0.2f + 0.3f + 0.4f, grid.hematoxylinSum(b), 1e-6);
        assertEquals(0.75, grid.tissueFraction(b), 1e-12);
        for (int i = 0; i < grid.size(); i++) if (i != b) assertEquals(0, grid.pixels(i), "block " + i + " got pixels");
        // 1 weak, 1 moderate, 1 strong of 3: H-score (33.3 + 66.7 + 100)
        assertEquals(200, grid.score(b).hScore(), 1e-9);
    }

    @Test
    void tilesCoveringTheGridGiveEachBlockThePixelsOfItsOwnSquare() {
        // A 12x10 level in 4-pixel blocks, scored as four tiles read with a 3-pixel margin, equals scoring each
        // block's own pixels one by one.
        int w = 12, hgt = 10, bpx = 4, margin = 3;
        Random random = new Random(5);
        float[] dab = new float[w * hgt], h = new float[w * hgt];
        byte[] tissue = new byte[w * hgt];
        for (int i = 0; i < dab.length; i++) {
            dab[i] = (float) (random.nextDouble() * 0.9);
            h[i] = random.nextFloat();
            tissue[i] = (byte) (random.nextInt(4) > 0 ? 1 : 0);
        }
        BlockGrid grid = new BlockGrid(3, 3, bpx, 2.0, false);
        int tile = 8;
        for (int cy = 0; cy < hgt; cy += tile) {
            for (int cx = 0; cx < w; cx += tile) {
                int cw = Math.min(tile, w - cx), ch = Math.min(tile, hgt - cy);
                int rx = Math.max(0, cx - margin), ry = Math.max(0, cy - margin);
                int rw = Math.min(w, cx + cw + margin) - rx, rh = Math.min(hgt, cy + ch + margin) - ry;
                float[] d = new float[rw * rh], hh = new float[rw * rh];
                byte[] t = new byte[rw * rh];
                for (int y = 0; y < rh; y++) {
                    System.arraycopy(dab, (ry + y) * w + rx, d, y * rw, rw);
                    System.arraycopy(h, (ry + y) * w + rx, hh, y * rw, rw);
                    System.arraycopy(tissue, (ry + y) * w + rx, t, y * rw, rw);
                }
                grid.addPixels(hh, d, t, rx, ry, rw, cx, cy, cw, ch, T);
            }
        }
        for (int by = 0; by < 3; by++) {
            for (int bx = 0; bx < 3; bx++) {
                PixelScore expected = new PixelScore();
                int pixels = 0;
                for (int y = by * bpx; y < Math.min(hgt, (by + 1) * bpx); y++) {
                    for (int x = bx * bpx; x < Math.min(w, (bx + 1) * bpx); x++) {
                        pixels++;
                        if (tissue[y * w + x] != 0) expected.add(dab[y * w + x], T);
                    }
                }
                int b = by * 3 + bx;
                assertEquals(pixels, grid.pixels(b), "pixels of block " + b);
                PixelScore got = grid.score(b);
                assertEquals(expected.tissuePixels(), got.tissuePixels(), "block " + b);
                assertEquals(expected.weakPixels(), got.weakPixels(), "block " + b);
                assertEquals(expected.moderatePixels(), got.moderatePixels(), "block " + b);
                assertEquals(expected.strongPixels(), got.strongPixels(), "block " + b);
                assertEquals(expected.sumDabOd(), got.sumDabOd(), 1e-5, "block " + b);
            }
        }
    }

    /** The tiles fill the grid, then only immune cells move or go: each phase refuses the other's changes. */
    @Test
    void afterTheTilesOnlyImmuneCellsAreCorrected() {
        BlockGrid g = new BlockGrid(2, 1, 2, 1.0, true);
        g.addLymphocyte(0);
        g.addLymphocyte(0);
        g.addTumourNucleus(1);
        g.addCell(3, 1);
        assertThrows(IllegalStateException.class, () -> g.moveImmuneCell(0, 1), "a correction while tiles still add");
        g.finishTiles();
        g.moveImmuneCell(0, 1);
        g.removeImmuneCell(0);
        assertEquals(0, g.lymphocytes(0));
        assertEquals(1, g.lymphocytes(1));
        assertEquals(1, g.total(g::lymphocytes));
        assertEquals(1, g.cells(3, 1));
        assertThrows(IllegalStateException.class, () -> g.addLymphocyte(0));
        assertThrows(IllegalStateException.class, () -> g.addPixels(new float[4], new float[4], new byte[4], 0, 0, 4, 0, 0, 4, 1, T));
        assertEquals(1, g.tumourNuclei(1), "unchanged by the refused additions");
    }
}
