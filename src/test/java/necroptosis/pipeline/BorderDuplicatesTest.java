package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import necroptosis.scoring.PixelScore;

/**
 * Immune cells reported by two tiles are counted once, also on slides wider than 131072 analysis pixels,
 * where a float position is only good to 1/64 pixel.
 */
class BorderDuplicatesTest {
    static final double PIXEL_UM = 0.5; // 2.5 um = 5 px
    static final int BLOCK_PX = 32;

    private static TileResult tile(int index, double... xy) {
        return new TileResult(index, 0, 0, 1, 1, new PixelScore(), xy.length / 2, xy.length / 2, xy, new int[xy.length / 2], new boolean[xy.length / 2]);
    }

    private static BlockGrid grid(double[]... cells) {
        BlockGrid g = new BlockGrid(200_100 / BLOCK_PX, 8, BLOCK_PX, BLOCK_PX * PIXEL_UM, false);
        for (double[] c : cells) g.addLymphocyte(((int) c[1] / BLOCK_PX) * g.width + (int) c[0] / BLOCK_PX);
        g.finishTiles();
        return g;
    }

    /** 4.995 px apart (below the 5 px of 2.5 um) at x ~ 200000: as floats they are exactly 5.0 px apart. */
    @Test
    void pairJustCloserThanTheLimitAtX200000IsOneCell() {
        double[] a = {200_000.0, 100}, b = {200_004.995, 100};
        BlockGrid g = grid(a, b);
        List<TileResult> out = BorderDuplicates.remove(Arrays.asList(tile(0, a), tile(1, b)), g, PIXEL_UM);
        assertEquals(1, out.get(0).immuneCells);
        assertEquals(0, out.get(1).immuneCells, "a duplicate 2.4975 um away was kept");
        assertEquals(1, g.total(g::lymphocytes));
    }

    @Test
    void pairJustBeyondTheLimitAtX200000IsTwoCells() {
        double[] a = {200_000.0, 100}, b = {200_005.005, 100};
        BlockGrid g = grid(a, b);
        List<TileResult> out = BorderDuplicates.remove(Arrays.asList(tile(0, a), tile(1, b)), g, PIXEL_UM);
        assertEquals(1, out.get(1).immuneCells, "two cells 2.5025 um apart merged");
        assertEquals(2, g.total(g::lymphocytes));
    }

    /**
     * The dropped duplicate is taken off the block the tile counted it in: 199999.996 lies in block 6249,
     * while as a float it is 200000.0, the first pixel of block 6250 (which would go to -1).
     */
    @Test
    void droppedDuplicateLeavesItsOwnBlockAtX200000() {
        double[] a = {199_998.5, 100}, b = {199_999.996, 100};
        BlockGrid g = grid(a, b);
        int block = 3 * g.width + 6249;
        assertEquals(2, g.lymphocytes(block));
        BorderDuplicates.remove(Arrays.asList(tile(0, a), tile(1, b)), g, PIXEL_UM);
        assertEquals(1, g.lymphocytes(block));
        assertEquals(0, g.lymphocytes(block + 1), "the duplicate was taken off the next block");
    }
}
