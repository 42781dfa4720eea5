package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import necroptosis.scoring.DabThresholds;
import necroptosis.scoring.PixelScore;

/** Inside a core only immune cells that hold there count; elsewhere every immune cell does. */
class CoreImmuneCellsTest {
    static final int BPX = 32, W = 6, H = 3;

    @Test
    void onlyCellsThatHoldInNecrosisStayInACore() {
        BlockGrid g = new BlockGrid(W, H, BPX, 16, false);
        byte[] tissue = new byte[W * BPX * H * BPX];
        Arrays.fill(tissue, (byte) 1);
        g.addPixels(new float[tissue.length], new float[tissue.length], tissue, 0, 0, W * BPX, 0, 0, W * BPX, H * BPX, DabThresholds.DEFAULT);
        int[] core = new int[W * H];
        for (int i = 0; i < W * H; i++) core[i] = i % W < 3 ? 1 : 0; // core: the three left columns
        // Four cells on the middle row: in the core holding, in the core not holding, outside holding, outside not.
        double y = 1.5 * BPX;
        double[] xy = {0.5 * BPX, y, 1.5 * BPX, y, 4.5 * BPX, y, 5.5 * BPX, y};
        for (int i = 0; i < xy.length; i += 2) g.addLymphocyte(W + (int) (xy[i] / BPX));
        TileResult t = new TileResult(0, 0, 0, W * BPX, H * BPX, new PixelScore(), 10, 4, xy, new int[4],
                new boolean[] {true, false, true, false});
        g.finishTiles();

        List<TileResult> out = CoreImmuneCells.remove(Collections.singletonList(t), g, core, null);

        TileResult kept = out.get(0);
        assertEquals(3, kept.immuneCells);
        assertEquals(9, kept.nuclei, "a cell taken off is no intact nucleus either");
        assertArrayEquals(new double[] {0.5 * BPX, y, 4.5 * BPX, y, 5.5 * BPX, y}, kept.immunePositions);
        assertArrayEquals(new boolean[] {true, true, false}, kept.immuneHoldsInNecrosis);
        int[] perColumn = new int[W];
        for (int i = 0; i < W * H; i++) perColumn[i % W] += g.lymphocytes(i);
        assertArrayEquals(new int[] {1, 0, 0, 0, 1, 1}, perColumn);
    }

    @Test
    void aTileWithNothingToTakeOffIsKeptAsItIs() {
        BlockGrid g = new BlockGrid(W, H, BPX, 16, false);
        TileResult t = new TileResult(0, 0, 0, W * BPX, H * BPX, new PixelScore(), 1, 1, new double[] {4.5 * BPX, 1.5 * BPX},
                new int[1], new boolean[1]);
        g.addLymphocyte(W + 4);
        g.finishTiles();
        assertEquals(t, CoreImmuneCells.remove(Collections.singletonList(t), g, new int[W * H], null).get(0));
    }
}
