package necroptosis.segmentation;

import java.util.Arrays;

/**
 * Cells as nuclei grown outward by a fixed distance into unlabelled pixels, each pixel going to the
 * nucleus whose boundary is nearest (as QuPath's cell expansion does), so neighbouring cells never
 * overlap. Distances come from ImageJ's exact EDM of the nucleus mask; ties between two nuclei go to the
 * one reached first in a breadth-first growth ordered by distance.
 */
public final class CellExpander {
    private CellExpander() {}

    /**
     * @param nucleusLabels 1-based nucleus labels, 0 = none (not modified)
     * @param expansionPx   how far beyond the nucleus boundary the cell reaches
     * @return cell labels: the nucleus label for the whole cell
     */
    public static int[] expand(int[] nucleusLabels, int width, int height, double expansionPx) {
        return expand(nucleusLabels, width, height, expansionPx, new int[nucleusLabels.length]);
    }

    /**
     * As {@link #expand(int[], int, int, double)}, into {@code cells} (as long as the labels, not the same
     * array), with this thread's work arrays: the slide analysis expands the nuclei of every tile, and
     * these arrays were a fifth of what a cell-mode run allocated.
     *
     * @return {@code cells}
     */
    public static int[] expand(int[] nucleusLabels, int width, int height, double expansionPx, int[] cells) {
        int n = nucleusLabels.length;
        if (cells.length != n || cells == nucleusLabels) throw new IllegalArgumentException("cells must be a separate array of " + n);
        System.arraycopy(nucleusLabels, 0, cells, 0, n);
        // The distance map of the pixels outside nuclei gives each its distance to the nearest nucleus
        // pixel (what ImageJFilters.distanceTo computes, here in this thread's arrays: a tile-sized mask and
        // map per tile were most of what cell mode allocated).
        Scratch s = SCRATCH.get();
        byte[] outside = s.mask(n); // the first n values
        boolean any = false;
        for (int i = 0; i < n; i++) {
            boolean in = nucleusLabels[i] != 0;
            outside[i] = in ? 0 : (byte) 255;
            any |= in;
        }
        if (!any) return cells; // no nucleus, no cell
        DistanceTransform.Scratch distances = s.distances;
        distances.ensure(n, Math.max(width, height)); // before out is passed: ensure may replace it
        DistanceTransform.distanceToBackground(outside, width, height, distances, distances.out);
        float[] dist = distances.out; // the first n values
        // Visit candidate pixels in order of distance; each takes the label of an already-labelled
        // neighbour, which by the ordering is on a shortest path back to the nearest nucleus.
        int m = 0;
        for (int i = 0; i < n; i++) if (nucleusLabels[i] == 0 && dist[i] <= expansionPx) m++;
        s.fit(m);
        int[] order = s.order;
        int[] keys = s.keys;
        m = 0;
        for (int i = 0; i < n; i++) {
            if (nucleusLabels[i] == 0 && dist[i] <= expansionPx) {
                order[m] = i;
                keys[m++] = Float.floatToIntBits(dist[i]); // non-negative floats sort as their bits
            }
        }
        // By distance, ties in pixel order (the pixels are listed in that order and the sort is stable).
        sortByKey(order, keys, m);
        for (int k = 0; k < m; k++) {
            int p = order[k], x = p % width, y = p / width;
            int best = 0;
            float bestD = Float.MAX_VALUE;
            for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx, ny = y + dy;
                if ((dx | dy) == 0 || nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
                int q = ny * width + nx;
                if (cells[q] != 0 && dist[q] < bestD) {
                    bestD = dist[q];
                    best = cells[q];
                }
            }
            cells[p] = best; // 0 when cut off from every nucleus within the distance
        }
        return cells;
    }

    /**
     * Stable sort of {@code items} by their non-negative {@code keys} (sorted along): two passes of a
     * 16-bit radix sort, linear in the number of pixels (a comparison sort of a tile's pixels was a tenth
     * of a cell-mode run).
     */
    static void sortByKey(int[] items, int[] keys, int m) {
        Scratch s = SCRATCH.get().fit(m);
        int[] items2 = s.items2, keys2 = s.keys2;
        int[] count = s.count;
        for (int shift = 0; shift < 32; shift += 16) {
            Arrays.fill(count, 0);
            for (int k = 0; k < m; k++) count[((keys[k] >>> shift) & 0xFFFF) + 1]++;
            for (int b = 1; b <= 65536; b++) count[b] += count[b - 1];
            for (int k = 0; k < m; k++) {
                int at = count[(keys[k] >>> shift) & 0xFFFF]++;
                items2[at] = items[k];
                keys2[at] = keys[k];
            }
            System.arraycopy(items2, 0, items, 0, m);
            System.arraycopy(keys2, 0, keys, 0, m);
        }
    }

    /**
     * A thread's work arrays: the mask and distance map, the lists of candidate pixels and the sort's
     * buffers. They only grow: every loop is bounded by the pixel or candidate count, so one set serves
     * tiles of every size.
     */
    private static final class Scratch {
        int[] order = new int[0], keys = new int[0], items2 = new int[0], keys2 = new int[0];
        final int[] count = new int[65537];
        final DistanceTransform.Scratch distances = new DistanceTransform.Scratch();
        private byte[] mask = new byte[0];

        byte[] mask(int n) {
            if (mask.length < n) mask = new byte[n];
            return mask;
        }

        Scratch fit(int m) {
            if (order.length < m) {
                order = keys = items2 = keys2 = null; // the old arrays can go before the new ones are made
                int capacity = m + m / 8; // tiles differ a little in their number of candidates
                order = new int[capacity];
                keys = new int[capacity];
                items2 = new int[capacity];
                keys2 = new int[capacity];
            }
            return this;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
}
