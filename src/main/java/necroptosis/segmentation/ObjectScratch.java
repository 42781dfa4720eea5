package necroptosis.segmentation;

import java.util.Arrays;

/**
 * One thread's work arrays for the per-object steps (split, hole filling, measurement), reused from
 * object to object and tile to tile, never shared. They grow to the largest object's box, which at the
 * floor can be most of a tile: made anew per tile they were several MB of "humongous" garbage per tile
 * for the G1 collector. Each is at least the size asked for, and the callers overwrite what they read
 * unless a method says it comes zeroed.
 */
final class ObjectScratch {
    final DistanceTransform.Scratch distances = new DistanceTransform.Scratch();
    final MarkerWatershed.Scratch watershed = new MarkerWatershed.Scratch();
    final Labeling.Work labelling = new Labeling.Work();
    private float[] values = new float[0], edm = new float[0], heights = new float[0];
    private float[] basinCuts = new float[16], pixelCuts = new float[0], peakValues = new float[1024];
    private byte[] lined = new byte[0], removed = new byte[0];
    private int[] regionLabels = new int[0], boxLabels = new int[0], bounds = new int[0], pixelList = new int[0];
    private boolean[] region = new boolean[0], open = new boolean[0];

    float[] values(int n) { return values = atLeast(values, n); }

    float[] edm(int n) { return edm = atLeast(edm, n); }

    float[] heights(int n) { return heights = atLeast(heights, n); }

    float[] basinCuts(int n) { return basinCuts = atLeast(basinCuts, n); }

    float[] pixelCuts(int n) { return pixelCuts = atLeast(pixelCuts, n); }

    /** A component's values for its robust peak. */
    float[] peakValues(int n) { return peakValues = atLeast(peakValues, n); }

    byte[] lined(int n) { return lined = atLeast(lined, n); }

    /** All zero: {@link HoleFilling#refillHoles} clears what was marked. */
    byte[] removed(int n) { return removed = atLeast(removed, n); }

    /** The pixels a hole filler labels (background, or the pixels a cut removed). */
    boolean[] region(int n) { return region = atLeast(region, n); }

    /** Their labels. */
    int[] regionLabels(int n) { return regionLabels = atLeast(regionLabels, n); }

    /** Per region label: whether that region is open (no hole); zeroed. */
    boolean[] open(int n) {
        if (open.length < n) open = new boolean[Math.max(n, 2 * open.length)];
        else Arrays.fill(open, 0, n, false);
        return open;
    }

    /**
     * A nucleus' pixels in its box, for its measurement, labelled with a new {@link #stamp()} each time:
     * older labels are smaller, so the array is never cleared.
     */
    int[] boxLabels(int n) { return boxLabels = atLeast(boxLabels, n); }

    private int stamp;

    /** A label larger than any in {@link #boxLabels}. */
    int stamp() {
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(boxLabels, 0);
            stamp = 0;
        }
        return ++stamp;
    }

    /** A tile's nucleus pixels, grouped by component: a fraction of the tile, so not one of its image-sized arrays. */
    int[] pixelList(int n) { return pixelList = atLeast(pixelList, n); }

    /** Per object: its bounds, four values each. */
    int[] bounds(int n) { return bounds = atLeast(bounds, n); }

    /** {@code a}, or a new zeroed array of at least {@code n} and twice {@code a}'s length when it is shorter. */
    private static float[] atLeast(float[] a, int n) {
        return a.length >= n ? a : new float[Math.max(n, 2 * a.length)];
    }

    private static byte[] atLeast(byte[] a, int n) {
        return a.length >= n ? a : new byte[Math.max(n, 2 * a.length)];
    }

    private static int[] atLeast(int[] a, int n) {
        return a.length >= n ? a : new int[Math.max(n, 2 * a.length)];
    }

    private static boolean[] atLeast(boolean[] a, int n) {
        return a.length >= n ? a : new boolean[Math.max(n, 2 * a.length)];
    }
}
