package necroptosis.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts an immune cell once when two neighbouring tiles both report it. Each tile keeps the nuclei
 * whose centroid lies in its own area, and a nucleus on the border is segmented from the same pixels in
 * both windows, but splitting touching nuclei (watershed, maxima) is not purely local, so now and then
 * one tile sees one nucleus where the other sees two, and a centroid lands on each side. Detections
 * from different tiles closer than {@link #MIN_DISTANCE_UM} are such a pair: the one from the tile
 * with the higher index is dropped, which does not depend on the order tiles finished in.
 */
final class BorderDuplicates {
    /** Two lymphocyte centres closer than this cannot be two cells (a lymphocyte is 5-9 µm across). */
    static final double MIN_DISTANCE_UM = 2.5;

    private BorderDuplicates() {}

    /** One reported immune cell: position in analysis pixels (double: see {@link TileResult#immunePositions}) and its tile. */
    private static final class Cell {
        final double x, y;
        final int tile;

        Cell(double x, double y, int tile) {
            this.x = x;
            this.y = y;
            this.tile = tile;
        }
    }

    /** Returns the tiles with duplicates removed and the grid's lymphocyte counts corrected. */
    static List<TileResult> remove(List<TileResult> tiles, BlockGrid grid, double pixelUm) {
        double d = MIN_DISTANCE_UM / pixelUm;
        Map<Long, List<Cell>> cells = new HashMap<>();
        for (TileResult t : tiles) {
            for (int i = 0; i < t.immunePositions.length; i += 2) {
                Cell c = new Cell(t.immunePositions[i], t.immunePositions[i + 1], t.index);
                cells.computeIfAbsent(key(c.x, c.y, d), k -> new ArrayList<>()).add(c);
            }
        }
        List<TileResult> out = new ArrayList<>(tiles.size());
        for (TileResult t : tiles) {
            out.add(t.withoutImmuneCells(i -> {
                double x = t.immunePositions[2 * i], y = t.immunePositions[2 * i + 1];
                if (!seenByLowerTile(cells, x, y, t.index, d)) return false;
                grid.removeImmuneCell(grid.blockAt(x, y));
                return true;
            }));
        }
        return out;
    }

    private static boolean seenByLowerTile(Map<Long, List<Cell>> cells, double x, double y, int tile, double d) {
        long bx = (long) Math.floor(x / d), by = (long) Math.floor(y / d);
        for (long dy = -1; dy <= 1; dy++) for (long dx = -1; dx <= 1; dx++) {
            List<Cell> list = cells.get(((bx + dx) << 32) ^ ((by + dy) & 0xffffffffL));
            if (list == null) continue;
            for (Cell c : list) {
                if (c.tile < tile && Math.hypot(c.x - x, c.y - y) < d) return true;
            }
        }
        return false;
    }

    private static long key(double x, double y, double d) {
        long bx = (long) Math.floor(x / d), by = (long) Math.floor(y / d);
        return (bx << 32) ^ (by & 0xffffffffL);
    }
}
