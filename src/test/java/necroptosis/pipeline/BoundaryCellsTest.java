package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import necroptosis.scoring.DabThresholds;
import necroptosis.scoring.PixelScore;

/** Cells in a block crossed by the core boundary are counted on their own side of it. */
class BoundaryCellsTest {
    static final int BPX = 32, W = 6, H = 6;

    /** Every pixel of the grid is tissue (DAB-negative). */
    private static void fillTissue(BlockGrid g) {
        int w = g.width * BPX, h = g.height * BPX;
        byte[] tissue = new byte[w * h];
        Arrays.fill(tissue, (byte) 1);
        g.addPixels(new float[w * h], new float[w * h], tissue, 0, 0, w, 0, 0, w, h, DabThresholds.DEFAULT);
    }

    /** Core = the three left columns; the density ratio rises by 0.25 per block and crosses 1 at x = 2.9 blocks. */
    private static int moveOne(double xBlocks, boolean startInCore) {
        return moveOne(xBlocks, startInCore, 0);
    }

    private static int moveOne(double xBlocks, boolean startInCore, int intactNeighbours) {
        BlockGrid g = new BlockGrid(W, H, BPX, 16, false);
        fillTissue(g);
        int[] core = new int[W * H];
        float[] ratio = new float[W * H];
        for (int i = 0; i < W * H; i++) {
            core[i] = i % W < 3 ? 1 : 0;
            ratio[i] = 0.4f + 0.25f * (i % W);
        }
        double x = xBlocks * BPX, y = 2.5 * BPX;
        int b = 2 * W + (int) xBlocks;
        g.addLymphocyte(b);
        assertEquals(startInCore, core[b] > 0);
        TileResult t = new TileResult(0, 0, 0, W * BPX, H * BPX, new PixelScore(), 1, 1, new double[] {x, y}, new int[] {intactNeighbours}, new boolean[1]);
        g.finishTiles();
        BoundaryCells.assign(Collections.singletonList(t), g, core, ratio);
        for (int i = 0; i < W * H; i++) if (g.lymphocytes(i) == 1) return i % W;
        return -1;
    }

    @Test
    void cellBeyondTheInterpolatedBoundaryMovesToTheRimBlock() {
        assertEquals(3, moveOne(2.95, true), "a cell past the crossing (2.9 blocks) stays in the core block");
    }

    @Test
    void cellBeforeTheBoundaryStaysInItsCoreBlock() {
        assertEquals(2, moveOne(2.6, true));
    }

    @Test
    void cellTouchingAnIntactNucleusMovesOutOfTheCore() {
        assertEquals(3, moveOne(2.6, true, 1), "on the necrotic side by the ratio, but against a living tumour cell");
    }

    @Test
    void rimCellBeyondTheBoundaryStays() {
        assertEquals(3, moveOne(3.1, false));
    }

    @Test
    void rimCellInsideTheInterpolatedCoreMovesIn() {
        // ratio 0.4 + 0.25 x with cores to x < 3; shift the core one column right so that a rim cell at
        // 2.2 blocks lies where the ratio (0.825) says necrosis
        BlockGrid g = new BlockGrid(W, H, BPX, 16, false);
        fillTissue(g);
        int[] core = new int[W * H];
        float[] ratio = new float[W * H];
        for (int i = 0; i < W * H; i++) {
            core[i] = i % W < 2 ? 1 : 0;
            ratio[i] = 0.4f + 0.25f * (i % W);
        }
        int b = 2 * W + 2;
        g.addLymphocyte(b);
        TileResult t = new TileResult(0, 0, 0, W * BPX, H * BPX, new PixelScore(), 1, 1, new double[] {2.2 * BPX, 2.5 * BPX}, new int[1], new boolean[1]);
        g.finishTiles();
        assertEquals(1, BoundaryCells.assign(Collections.singletonList(t), g, core, ratio));
        assertEquals(1, g.lymphocytes(2 * W + 1));
        assertEquals(0, g.lymphocytes(b));
    }

    /**
     * Rim to 100 um from a core in the left column. Block centres lie at 8, 24, ... um from the core
     * boundary, so columns 1-6 are rim and column 7 (centre 104 um) viable, although 100 um lies at x = 7.25
     * blocks: a cell at 7.1 blocks (97.6 um) belongs to the rim, one at 7.4 blocks (102.4 um) to viable tumour.
     */
    @Test
    void outerRimEdgeFollowsTheInterpolatedDistance() {
        int w = 12;
        BlockGrid g = new BlockGrid(w, 3, BPX, 16, false);
        fillTissue(g);
        int[] core = new int[w * 3];
        for (int y = 0; y < 3; y++) core[y * w] = 1;
        ZoneMap zones = ZoneMap.of(g, core, 100);
        assertEquals(Zone.RIM, zones.zone(w + 6));
        assertEquals(Zone.VIABLE, zones.zone(w + 7));
        double[] xy = {7.1 * BPX, 1.5 * BPX, 7.4 * BPX, 1.5 * BPX, 6.6 * BPX, 1.5 * BPX};
        g.addLymphocyte(w + 6);
        g.addLymphocyte(w + 7);
        g.addLymphocyte(w + 7);
        TileResult t = new TileResult(0, 0, 0, w * BPX, 3 * BPX, new PixelScore(), 3, 3, xy, new int[3], new boolean[3]);
        g.finishTiles();
        assertEquals(1, BoundaryCells.assignRimEdge(Collections.singletonList(t), g, zones, 100));
        assertEquals(2, g.lymphocytes(w + 6), "the cell at 97.6 um was not moved into the rim");
        assertEquals(1, g.lymphocytes(w + 7), "the cell at 102.4 um left viable tumour");
    }
}
