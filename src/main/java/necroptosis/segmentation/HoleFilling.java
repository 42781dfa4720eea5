package necroptosis.segmentation;

import java.util.Arrays;

/**
 * The split's two hole fillers, on one object in its box. Vesicular nuclei (chromatin at the rim, pale
 * centre) threshold as rings: their holes, up to a size, belong to the nucleus, never the larger gaps
 * enclosed between nuclei. Holes are 4-connected regions, found by {@link Labeling}.
 */
final class HoleFilling {
    private HoleFilling() {}

    /**
     * Fills the holes of the object in {@code box} (non-zero) of at most {@code maxHolePixels}: background
     * pixels, 4-connected, that cannot reach the box's border. The box has a one-pixel border of background
     * except at the tile's edge, so a gap open to the tile's edge is no hole, as on the whole tile. A hole
     * holding part of another object (a pixel of {@code above}, a tile {@code width} wide in which the box
     * lies at {@code where}) stays open, so objects are never merged here. Returns whether any was filled.
     */
    static boolean fillSmallHoles(byte[] box, Box where, boolean[] above, int width, double maxHolePixels, ObjectScratch s) {
        int bw = where.w, bh = where.h, n = bw * bh;
        boolean[] background = s.region(n);
        boolean any = false;
        for (int b = 0; b < n; b++) any |= background[b] = box[b] == 0;
        if (!any) return false;
        Labeling regions = Labeling.of4(background, bw, bh, s.regionLabels(n));
        int[] labels = regions.labels;
        boolean[] open = s.open(regions.count + 1);
        // Regions reaching the border are no holes (for most objects, that is every region).
        int holes = regions.count;
        for (int x = 0; x < bw; x++) holes -= opened(open, labels[x]) + opened(open, labels[(bh - 1) * bw + x]);
        for (int y = 1; y < bh - 1; y++) holes -= opened(open, labels[y * bw]) + opened(open, labels[y * bw + bw - 1]);
        if (holes == 0) return false;
        for (int c = 1; c <= regions.count; c++) if (regions.sizes[c] > maxHolePixels) open[c] = true;
        for (int by = 0, b = 0; by < bh; by++) {
            for (int bx = 0, p = (where.y0 + by) * width + where.x0; bx < bw; bx++, b++, p++) {
                if (labels[b] > 0 && above[p]) open[labels[b]] = true;
            }
        }
        boolean filled = false;
        for (int b = 0; b < n; b++) {
            if (labels[b] > 0 && !open[labels[b]]) {
                box[b] = (byte) 255;
                filled = true;
            }
        }
        return filled;
    }

    /** Marks region {@code label} (0: none) open; 1 when it was not yet. */
    private static int opened(boolean[] open, int label) {
        if (label == 0 || open[label]) return 0;
        open[label] = true;
        return 1;
    }

    /**
     * Fills the holes the cut opened in the object in {@code box} (bw x bh): 4-connected sets of
     * {@code removed} pixels (the object's own, cut away) of at most {@code maxHolePixels} that touch neither
     * background nor the box's edge, i.e. are enclosed by the kept pixels (as {@link #fillSmallHoles} would
     * find them: background or another object beside them would make the hole reach out or hold that
     * object). Clears {@code removed} for the next object.
     */
    static void refillHoles(byte[] box, byte[] removed, int bw, int bh, double maxHolePixels, ObjectScratch s) {
        int n = bw * bh;
        boolean[] cut = s.region(n);
        for (int b = 0; b < n; b++) cut[b] = removed[b] != 0;
        Labeling regions = Labeling.of4(cut, bw, bh, s.regionLabels(n));
        int[] labels = regions.labels;
        boolean[] open = s.open(regions.count + 1);
        for (int y = 0, b = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++, b++) {
                int c = labels[b];
                if (c == 0 || open[c]) continue;
                if (x == 0 || y == 0 || x == bw - 1 || y == bh - 1
                        || outside(box, removed, b - 1) || outside(box, removed, b + 1)
                        || outside(box, removed, b - bw) || outside(box, removed, b + bw)) {
                    open[c] = true;
                }
            }
        }
        for (int b = 0; b < n; b++) {
            int c = labels[b];
            if (c > 0 && !open[c] && regions.sizes[c] <= maxHolePixels) box[b] = (byte) 255;
        }
        Arrays.fill(removed, 0, n, (byte) 0);
    }

    /** Background (or a line, or another object's pixel) beside a cut region. */
    private static boolean outside(byte[] box, byte[] removed, int q) {
        return removed[q] == 0 && box[q] == 0;
    }
}
