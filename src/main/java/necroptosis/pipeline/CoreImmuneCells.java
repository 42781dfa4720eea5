package necroptosis.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Inside a necrotic core only whole round lymphocytes count as immune cells. The immune-cell rule judges a
 * nucleus against the slide's own nuclei and accepts sectioned lymphocytes down to 8 µm², as real lymphocytes
 * are often cut small; pyknotic nuclei (dead, shrunken, dark and round) pass it too, and abound only where
 * cells died. Zones are known only after the tiles, so each tile records per immune cell whether it also
 * passes the stricter rule ({@link TileResult#immuneHoldsInNecrosis}), and once the cores are segmented the
 * others are taken off where the cell counts in a core, judged at its own position as {@link BoundaryCells}
 * judges it.
 */
final class CoreImmuneCells {
    private CoreImmuneCells() {}

    /**
     * Returns the tiles without the immune cells that count in a core ({@code core} labels > 0, {@code ratio}
     * the segmenter's density ratio per block or null) but do not hold there, and takes them off the grid's
     * counts. Runs before {@link BoundaryCells#assign}, while each cell is still counted in its own block.
     */
    static List<TileResult> remove(List<TileResult> tiles, BlockGrid grid, int[] core, float[] ratio) {
        List<TileResult> out = new ArrayList<>(tiles.size());
        for (TileResult t : tiles) {
            out.add(t.withoutImmuneCells(i -> {
                if (t.immuneHoldsInNecrosis[i]) return false;
                double x = t.immunePositions[2 * i], y = t.immunePositions[2 * i + 1];
                if (!BoundaryCells.countsInCore(grid, core, ratio, x, y, t.immuneIntactNeighbours[i])) return false;
                grid.removeImmuneCell(grid.blockAt(x, y));
                return true;
            }));
        }
        return out;
    }
}
