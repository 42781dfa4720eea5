package necroptosis.segmentation;

/**
 * The EDM watershed of ImageJ's Process > Binary > Watershed (touching nuclei of even darkness), on one
 * object in its box: the exact distance map ({@link DistanceTransform}), its maxima by Find Maxima's rule
 * and a flood from them ({@link MarkerWatershed}). Ours rather than ImageJ's for speed on thousands of
 * small boxes per tile; MarkerWatershedTest compares the pieces with ImageJ's.
 */
final class ShapeSplit {
    private ShapeSplit() {}

    private static final float SQRT2 = 1.4142135624f;

    /**
     * Splits the object in {@code box} (bw x bh, non-zero) in place: the distance map's maxima by Find
     * Maxima's rule (tolerance 0.5, sorting error 1.1 x half a diagonal, heights of ridges as ImageJ
     * estimates them) and, when there are two or more, a flood from them down the distance map with
     * one-pixel lines between the basins.
     */
    static void splitByShape(byte[] box, int bw, int bh, ObjectScratch s) {
        int n = bw * bh;
        float[] edm = s.edm(n), heights = s.heights(edm.length);
        DistanceTransform.distanceToBackground(box, bw, bh, s.distances, edm);
        edmHeights(edm, bw, bh, heights);
        int maxima = MarkerWatershed.maxima(edm, heights, box, bw, bh, 0.5f, 1.1f * 0.5f * SQRT2, s.watershed);
        if (maxima > 1) MarkerWatershed.flood(edm, box, bw, bh, maxima, s.watershed);
    }

    /**
     * ImageJ's estimate of an EDM's true height at each pixel (MaximumFinder's EDM mode): on a ridge or
     * maximum, the lowest over the four directions of the mean of the two neighbours plus the step to
     * them, at most the value plus half a diagonal; elsewhere, and on the box's edge, the value itself.
     * Written to {@code out[0 .. w*h)}.
     */
    static void edmHeights(float[] edm, int w, int h, float[] out) {
        System.arraycopy(edm, 0, out, 0, w * h);
        float halfDiagonal = 0.5f * SQRT2;
        for (int y = 1; y < h - 1; y++) for (int x = 1; x < w - 1; x++) {
            int i = y * w + x;
            float v = edm[i];
            if (v == 0) continue;
            // The four directions (vertical, diagonal up-right, horizontal, diagonal down-right), unrolled.
            float a = edm[i - w], b = edm[i + w], c = edm[i - w + 1], d = edm[i + w - 1];
            float e = edm[i + 1], f = edm[i - 1], g = edm[i + w + 1], k = edm[i - w - 1];
            boolean r0 = v >= a && v >= b, r1 = v >= c && v >= d, r2 = v >= e && v >= f, r3 = v >= g && v >= k;
            if (!(r0 || r1 || r2 || r3)) continue; // not a ridge: the value itself
            float height = v + halfDiagonal;
            height = Math.min(height, (r0 ? (a + b) / 2 : Math.min(a, b)) + 1);
            height = Math.min(height, (r1 ? (c + d) / 2 : Math.min(c, d)) + SQRT2);
            height = Math.min(height, (r2 ? (e + f) / 2 : Math.min(e, f)) + 1);
            height = Math.min(height, (r3 ? (g + k) / 2 : Math.min(g, k)) + SQRT2);
            out[i] = height;
        }
    }
}
