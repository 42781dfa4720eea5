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
        if (!backgroundWithinRows(box, bw, bh)) return false;
        boolean[] background = s.region(n);
        for (int b = 0; b < n; b++) background[b] = box[b] == 0;
        Labeling regions = Labeling.of4(background, bw, bh, s.regionLabels(n), s.labelling);
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

    /**
     * Whether a background pixel lies between two object pixels of its row. Every hole pixel does (along its
     * row it would otherwise reach the border through background), and most nuclei have none: one pass
     * over the box then spares labelling its background.
     */
    private static boolean backgroundWithinRows(byte[] box, int bw, int bh) {
        for (int row = 0, end = bw * bh; row < end; row += bw) {
            int first = row, last = row + bw - 1;
            while (first < last && box[first] == 0) first++;
            while (last > first && box[last] == 0) last--;
            for (int b = first + 1; b < last; b++) if (box[b] == 0) return true;
        }
        return false;
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
        if (!enclosedRunInRows(box, removed, bw, bh)) {
            Arrays.fill(removed, 0, n, (byte) 0);
            return;
        }
        boolean[] cut = s.region(n);
        for (int b = 0; b < n; b++) cut[b] = removed[b] != 0;
        Labeling regions = Labeling.of4(cut, bw, bh, s.regionLabels(n), s.labelling);
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

    /**
     * Whether some row holds a run of removed pixels with kept object pixels on both sides. Every pixel of a
     * hole the cut opened lies in such a run (its row reaches background or the box's edge otherwise), and
     * most cuts only trim an object's rim: one pass over the box then spares labelling the removed pixels.
     */
    private static boolean enclosedRunInRows(byte[] box, byte[] removed, int bw, int bh) {
        for (int row = 0, end = bw * bh; row < end; row += bw) {
            for (int b = row + 1, last = row + bw - 1; b < last; b++) {
                if (removed[b] == 0 || removed[b - 1] != 0) continue;
                if (box[b - 1] == 0) continue; // the run starts at background
                int e = b;
                while (e < last && removed[e + 1] != 0) e++;
                if (e < last && box[e + 1] != 0) return true;
                b = e;
            }
        }
        return false;
    }

    /** Background (or a line, or another object's pixel) beside a cut region. */
    private static boolean outside(byte[] box, byte[] removed, int q) {
        return removed[q] == 0 && box[q] == 0;
    }
}
