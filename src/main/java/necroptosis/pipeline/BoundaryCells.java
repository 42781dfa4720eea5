package necroptosis.pipeline;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Places immune cells on the right side of a core boundary that runs through a block. Zones are assigned
 * per block, so a block on the boundary holds cells of both sides; where the two sides differ tenfold in
 * immune density (a dense peri-necrotic infiltrate beside a sparse core) the cells of the denser side
 * would inflate the other. A cell in a boundary block is therefore judged at its own position by the
 * same criterion that made the core, the smoothed intact-nucleus density relative to the necrosis cut,
 * interpolated bilinearly between block centres, and when it lies on the other side of that boundary it
 * is counted in the nearest neighbouring block of the other side. Necrosis holds no intact cells, so a cell
 * that touches an intact non-immune nucleus ({@link TileResult#immuneIntactNeighbours}) is on the living
 * side whatever the interpolated ratio says. The outer edge of the rim is treated
 * the same way with the interpolated signed distance. Areas stay per block; only the cells of blocks
 * that touch the other zone move, by one block at most.
 */
public final class BoundaryCells {
    private BoundaryCells() {}

    /**
     * Likewise at the outer edge of the rim: a cell in a rim block next to viable tumour (or the reverse)
     * is judged by the signed distance to the core boundary interpolated between block centres at its
     * position, and counted in the nearest neighbouring block of the other zone when that distance puts it
     * there. Returns the number of cells moved.
     */
    static int assignRimEdge(List<TileResult> tiles, BlockGrid grid, ZoneMap zones, double rimWidthUm) {
        int moved = 0;
        for (TileResult t : tiles) {
            for (int i = 0; i < t.immunePositions.length; i += 2) {
                double x = t.immunePositions[i], y = t.immunePositions[i + 1];
                int target = rimEdgeTarget(grid, zones, rimWidthUm, x, y);
                if (target < 0) continue;
                grid.moveImmuneCell(grid.blockAt(x, y), target);
                moved++;
            }
        }
        return moved;
    }

    /** The block an immune cell at (x, y) counts in instead of its own by {@link #assignRimEdge}'s rule; -1: its own. */
    private static int rimEdgeTarget(BlockGrid grid, ZoneMap zones, double rimWidthUm, double x, double y) {
        int w = grid.width, h = grid.height, bpx = grid.blockPx;
        byte rim = (byte) Zone.RIM.ordinal(), viable = (byte) Zone.VIABLE.ordinal();
        int bx = (int) x / bpx, by = (int) y / bpx;
        if (bx >= w || by >= h) return -1;
        byte z = zones.zones[by * w + bx];
        if (z != rim && z != viable) return -1;
        byte other = z == rim ? viable : rim;
        // Blocks that also touch a core are left to the core boundary (a rim one block wide).
        byte necrosis = (byte) Zone.NECROSIS.ordinal();
        if (nearestNeighbour(grid, bx, by, x, y, q -> zones.zones[q] == necrosis) >= 0) return -1;
        int target = nearestNeighbour(grid, bx, by, x, y, q -> zones.zones[q] == other);
        if (target < 0) return -1;
        double d = interpolate(zones.signedDistanceUm, w, h, x / bpx - 0.5, y / bpx - 0.5);
        if (Double.isNaN(d) || (d > rimWidthUm) == (z == viable)) return -1;
        return target;
    }

    /**
     * The block whose zone an immune cell at (x, y) counts in once {@link #assign} and {@link #assignRimEdge}
     * have run (a cell one moves, the other leaves alone), for the cells' own table.
     */
    static int countedBlock(BlockGrid grid, int[] core, float[] ratio, ZoneMap zones, double rimWidthUm, double x, double y,
            int intactNeighbours) {
        int target = coreSideTarget(grid, core, ratio, x, y, intactNeighbours);
        if (target < 0) target = rimEdgeTarget(grid, zones, rimWidthUm, x, y);
        return target >= 0 ? target : grid.blockAt(x, y);
    }

    /** The 8-neighbour of block (bx, by) with tissue that passes {@code accept} and whose centre is nearest to (x, y); -1 if none. */
    private static int nearestNeighbour(BlockGrid grid, int bx, int by, double x, double y, IntPredicate accept) {
        int w = grid.width, h = grid.height, bpx = grid.blockPx, target = -1;
        double best = Double.MAX_VALUE;
        for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) {
            int nx = bx + dx, ny = by + dy;
            if ((dx | dy) == 0 || nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
            int q = ny * w + nx;
            if (grid.tissue(q) == 0 || !accept.test(q)) continue;
            double d = Math.hypot((nx + 0.5) * bpx - x, (ny + 0.5) * bpx - y);
            if (d < best) {
                best = d;
                target = q;
            }
        }
        return target;
    }

    /**
     * Moves lymphocyte counts in {@code grid} between core and non-core blocks; {@code ratio} is the
     * segmenter's density ratio per block (below 1: necrotic), {@code core} its labels (> 0: core).
     * Returns the number of cells moved.
     */
    static int assign(List<TileResult> tiles, BlockGrid grid, int[] core, float[] ratio) {
        int moved = 0;
        for (TileResult t : tiles) {
            for (int i = 0; i < t.immunePositions.length; i += 2) {
                double x = t.immunePositions[i], y = t.immunePositions[i + 1];
                int target = coreSideTarget(grid, core, ratio, x, y, t.immuneIntactNeighbours[i / 2]);
                if (target < 0) continue;
                grid.moveImmuneCell(grid.blockAt(x, y), target);
                moved++;
            }
        }
        return moved;
    }

    /** The block an immune cell at (x, y) counts in instead of its own by {@link #assign}'s rule; -1: its own. */
    private static int coreSideTarget(BlockGrid grid, int[] core, float[] ratio, double x, double y, int intactNeighbours) {
        if (ratio == null) return -1;
        int w = grid.width, h = grid.height, bpx = grid.blockPx;
        int bx = (int) x / bpx, by = (int) y / bpx;
        if (bx >= w || by >= h) return -1;
        boolean inCore = core[by * w + bx] > 0;
        if (countsInCore(grid, core, ratio, x, y, intactNeighbours) == inCore) return -1;
        return nearestNeighbour(grid, bx, by, x, y, q -> (core[q] > 0) != inCore);
    }

    /**
     * Whether an immune cell at (x, y) (analysis pixels) with {@code intactNeighbours} intact non-immune nuclei
     * within reach counts in a core: its block's side, unless the block touches the other side and the
     * density ratio interpolated at the cell (below 1: necrotic) puts it there. Outside the grid: false.
     */
    public static boolean countsInCore(BlockGrid grid, int[] core, float[] ratio, double x, double y, int intactNeighbours) {
        int w = grid.width, h = grid.height, bpx = grid.blockPx;
        int bx = (int) x / bpx, by = (int) y / bpx;
        if (bx >= w || by >= h) return false;
        boolean inCore = core[by * w + bx] > 0;
        if (ratio == null || nearestNeighbour(grid, bx, by, x, y, q -> (core[q] > 0) != inCore) < 0) return inCore;
        double r = interpolate(ratio, w, h, x / bpx - 0.5, y / bpx - 0.5);
        if (Double.isNaN(r)) return inCore;
        // Necrosis holds no intact cells: a cell touching one lies in the living tissue at the edge.
        return r < 1 && intactNeighbours == 0;
    }

    /** Bilinear interpolation between block centres (block coordinates minus 0.5); NaN when a corner is NaN. */
    static double interpolate(float[] v, int w, int h, double fx, double fy) {
        fx = Math.max(0, Math.min(w - 1, fx));
        fy = Math.max(0, Math.min(h - 1, fy));
        int x0 = Math.min(w - 2 < 0 ? 0 : w - 2, (int) Math.floor(fx)), y0 = Math.min(h - 2 < 0 ? 0 : h - 2, (int) Math.floor(fy));
        int x1 = Math.min(w - 1, x0 + 1), y1 = Math.min(h - 1, y0 + 1);
        double ax = fx - x0, ay = fy - y0;
        double top = v[y0 * w + x0] * (1 - ax) + v[y0 * w + x1] * ax;
        double bottom = v[y1 * w + x0] * (1 - ax) + v[y1 * w + x1] * ax;
        return top * (1 - ay) + bottom * ay;
    }
}
