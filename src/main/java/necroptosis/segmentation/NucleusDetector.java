package necroptosis.segmentation;

import java.util.ArrayList;
import java.util.List;

import ij.process.AutoThresholder;

/**
 * Finds nuclei in a tile's haematoxylin optical density: local background removed by a top-hat,
 * Gaussian smoothing, objects at a fixed floor OD cut into intensity basins (one per dark maximum), each
 * basin thresholded at its own half maximum but never above the slide's threshold (the floor raised to
 * Otsu's where cytoplasm is dark), splitting of touching nuclei by an EDM watershed, then 4-connected
 * components measured on the unsmoothed OD at half their peak.
 * <p>
 * Thread-safe: the image-sized work arrays are the calling thread's ({@link ScratchBySize}), reused by
 * its next detection. Results depend only on the input, so any thread count gives the same nuclei.
 */
public final class NucleusDetector {
    private final NucleusSettings settings;

    public NucleusDetector(NucleusSettings settings) {
        this.settings = settings;
    }

    /**
     * @param hematoxylinOd haematoxylin OD per pixel, row-major (not modified)
     * @param tissue        optional mask (non-zero = tissue); null for all pixels
     * @param labelsOut     optional int[width*height] receiving 1-based nucleus labels (index into the result + 1)
     */
    public List<Nucleus> detect(float[] hematoxylinOd, byte[] tissue, int width, int height, double pixelSizeUm, int[] labelsOut) {
        return detect(hematoxylinOd, null, tissue, width, height, pixelSizeUm, labelsOut, null);
    }

    /**
     * As {@link #detect(float[], byte[], int, int, double, int[])}, with a second stain added to the
     * haematoxylin for the nucleus shapes (non-null for nuclear markers: a strongly DAB-positive nucleus
     * holds little haematoxylin). The threshold still comes from the haematoxylin alone, so the
     * marker's darkness does not shift it; it is this image's own (see {@link #threshold}) unless
     * {@code fixedThreshold} is given, as the slide analysis does so that a nucleus on a tile border is
     * segmented identically in both tiles' windows.
     */
    public List<Nucleus> detect(float[] hematoxylinOd, float[] addedStain, byte[] tissue, int width, int height,
            double pixelSizeUm, int[] labelsOut, Double fixedThreshold) {
        int n = width * height;
        Scratch scratch = SCRATCH.get(n);
        float[] flat = scratch.flat, smooth = scratch.smooth;
        // The haematoxylin alone is filtered only when it is needed: for the shapes without an added stain,
        // for the threshold when none is given (the slide analysis gives one).
        if (addedStain == null || fixedThreshold == null) filtered(hematoxylinOd, width, height, pixelSizeUm, flat, smooth);
        float t = (float) (fixedThreshold != null ? fixedThreshold : threshold(histogram(smooth, null)));
        float[] od = hematoxylinOd;
        if (addedStain != null) {
            od = scratch.od();
            for (int i = 0; i < n; i++) od[i] = hematoxylinOd[i] + Math.max(0, addedStain[i]);
            filtered(od, width, height, pixelSizeUm, flat, smooth);
        }
        // Objects are taken at the floor (the fixed threshold); each nucleus in them is then cut at its own
        // level, at most the slide's threshold (see splitTouching).
        float floor = Math.min(t, (float) settings.thresholdOd);
        boolean[] above = scratch.above;
        for (int i = 0; i < n; i++) above[i] = smooth[i] >= floor && (tissue == null || tissue[i] != 0);
        byte[] mask = scratch.mask;
        java.util.Arrays.fill(mask, (byte) 0); // splitTouching sets only the objects' pixels
        int[] labels = labelsOut != null ? labelsOut : scratch.labels();
        // Vesicular nuclei (chromatin at the rim, pale centre) threshold as rings: holes of up to a quarter
        // of the smallest lymphocyte are filled (object by object, in splitTouching), never the larger gaps
        // enclosed between nuclei.
        splitTouching(above, smooth, floor, t, width, height, 0.25 * settings.lymphMinAreaUm2 / (pixelSizeUm * pixelSizeUm), mask, labels,
                scratch.cuts, scratch.split);
        return measure(mask, flat, od, scratch.cuts, width, height, pixelSizeUm, labels, labelsOut != null, scratch.split);
    }

    /** Histogram range of the smoothed, background-free OD used for Otsu's threshold. */
    private static final double OTSU_MAX_OD = 2.0;

    /**
     * The image the threshold applies to: {background-free OD (top-hat), the same Gaussian-smoothed}.
     * Public so that a slide-wide threshold can be computed from samples before the tiles.
     */
    public float[][] filtered(float[] od, int width, int height, double pixelSizeUm) {
        float[] flat = new float[od.length], smooth = new float[od.length];
        filtered(od, width, height, pixelSizeUm, flat, smooth);
        return new float[][] {flat, smooth};
    }

    /**
     * Adds the smoothed image of {@link #filtered(float[], int, int, double)} to a histogram as
     * {@link #histogram} does, filtering in this thread's work arrays (the slide analysis samples its
     * threshold windows in parallel with this).
     */
    public int[] histogramOfFiltered(float[] od, int width, int height, double pixelSizeUm, int[] hist) {
        Scratch scratch = SCRATCH.get(width * height);
        filtered(od, width, height, pixelSizeUm, scratch.flat, scratch.smooth);
        return histogram(scratch.smooth, hist);
    }

    /** {@link #filtered(float[], int, int, double)} into the given arrays, each {@code width * height} long. */
    private void filtered(float[] od, int width, int height, double pixelSizeUm, float[] flat, float[] smooth) {
        System.arraycopy(od, 0, flat, 0, flat.length);
        ImageJFilters.subtractBackground(flat, width, height, settings.backgroundRadiusUm / pixelSizeUm);
        System.arraycopy(flat, 0, smooth, 0, smooth.length);
        ImageJFilters.gaussian(smooth, width, height, settings.sigmaUm / pixelSizeUm);
    }

    /**
     * A thread's work arrays for detections in images of one size (see {@link ScratchBySize}): one detector
     * is shared by all the slide analysis' worker threads, so they cannot be the detector's own. Every
     * element is overwritten by each detection before it is read.
     */
    private static final class Scratch {
        final int n;
        final float[] flat, smooth;
        /** Each object pixel's nucleus threshold (its basin's cut), set by the split for the measurement. */
        final float[] cuts;
        final boolean[] above;
        final byte[] mask;
        /**
         * The split's per-object arrays, kept from tile to tile: they grow to the largest object's box, which
         * at the floor can be most of a tile, and made anew for each tile they were several MB of
         * "humongous" garbage per tile for the G1 collector.
         */
        final SplitScratch split = new SplitScratch();
        private float[] od;
        private int[] labels;

        Scratch(int n) {
            this.n = n;
            flat = new float[n];
            smooth = new float[n];
            cuts = new float[n];
            above = new boolean[n];
            mask = new byte[n];
        }

        /** The haematoxylin plus a nuclear marker; made when a detection first needs it. */
        float[] od() {
            if (od == null) od = new float[n];
            return od;
        }

        /** Labels for callers that do not take them; made when first needed. */
        int[] labels() {
            if (labels == null) labels = new int[n];
            return labels;
        }
    }

    private static final ScratchBySize<Scratch> SCRATCH = new ScratchBySize<>(Scratch::new);

    /** Adds smoothed values to a 256-bin histogram over 0-{@value #OTSU_MAX_OD} OD; a new one when null. */
    public static int[] histogram(float[] smooth, int[] hist) {
        if (hist == null) hist = new int[256];
        for (float v : smooth) hist[(int) (Math.max(0, Math.min(OTSU_MAX_OD, v)) / OTSU_MAX_OD * 255)]++;
        return hist;
    }

    /**
     * The fixed threshold, raised to Otsu's threshold of the histogram when that is higher: where
     * cytoplasm is dark (dense tumour, strong counterstain) a fixed threshold takes whole cells for
     * nuclei, while the floor keeps Otsu from splitting noise where there are almost no nuclei. All
     * pixels take part, not only those passing the tissue test: that would drop the pale cytoplasm,
     * and Otsu would then split pale nuclei from dark ones instead of nuclei from cytoplasm.
     */
    public double threshold(int[] hist) {
        double floor = settings.thresholdOd;
        long count = 0;
        for (int c : hist) count += c;
        if (!settings.autoThreshold || count < 100) return floor;
        int otsu = new AutoThresholder().getThreshold(AutoThresholder.Method.Otsu, hist);
        return Math.max(floor, (otsu + 1) * OTSU_MAX_OD / 255);
    }

    /**
     * Fills {@code mask} (255 = object) with the nuclei in the objects of {@code above} (the smoothed OD at
     * or above {@code floor}), and {@code cuts} with each nucleus pixel's threshold. Each 8-connected object
     * is cut into intensity basins (each dark maximum of the smoothed OD its own basin, as ImageJ's Find
     * Maxima "Segmented Particles", {@link #INTENSITY_BASINS}); each basin keeps its pixels at or above its
     * own threshold: half its peak, but never above the slide's threshold {@code t} nor below the floor
     * ({@link #basinCut}). A dark nucleus is thus cut at the slide's threshold, as a single threshold
     * would, while a pale (out-of-focus or lightly stained) one is taken at its own half maximum instead of
     * being lost or left as a fragment. The kept pixels are then split by shape (as ImageJ's EDM watershed:
     * touching nuclei of even darkness). Everything runs on each object alone, in its bounding box with a
     * one-pixel border: a watershed never crosses the background between objects, so an object's split is
     * independent of the rest of the tile and a nucleus on a tile border is split alike in both tiles'
     * windows. The watersheds are our own ({@link MarkerWatershed}, {@link DistanceTransform}) rather than
     * ImageJ's MaximumFinder and EDM, which sorted and flooded every pixel of every box level by level and
     * were half of a run's time; MarkerWatershedTest compares the pieces with ImageJ's. {@code work} is
     * scratch of width x height (it receives object numbers).
     */
    private void splitTouching(boolean[] above, float[] smooth, float floor, float t, int width, int height, double maxHolePixels,
            byte[] mask, int[] work, float[] cuts, SplitScratch split) {
        java.util.Arrays.fill(work, 0);
        // The calling thread's scratch: the detector is shared by threads.
        ObjectSplit objects = new ObjectSplit(above, smooth, floor, t, (float) settings.splitProminenceOd, width, height,
                maxHolePixels, mask, work, cuts, split);
        int id = 0; // work holds each pixel's object number
        for (int start = 0; start < above.length; start++) {
            if (above[start] && work[start] == 0) objects.split(start, ++id);
        }
    }

    /**
     * The objects of one tile for {@link #splitTouching}, split one at a time. An object is the unit of work
     * (thousands per tile), so each one is a call of {@link #split} and each pass over its box a method of
     * its own: the JIT compiles these small methods after the first few objects, where one tile-long
     * method would be compiled again for each of its loops entered from slow code (on-stack replacement),
     * a cost that every cold run pays while the workers wait in slower code.
     */
    private static final class ObjectSplit {
        private final boolean[] above;
        private final float[] smooth, cuts;
        private final float floor, t, prominence;
        private final int width, height;
        private final double maxHolePixels;
        private final byte[] mask;
        private final int[] work, offsets;
        private final SplitScratch scratch;
        /** Column and row (pairs) of the pixels still to visit while tracing an object. */
        private int[] stack = new int[256];
        /** The current object's box: its bounds and a one-pixel border, origin (bx0, by0), bw x bh. */
        private int bx0, by0, bw, bh;

        ObjectSplit(boolean[] above, float[] smooth, float floor, float t, float prominence, int width, int height,
                double maxHolePixels, byte[] mask, int[] work, float[] cuts, SplitScratch scratch) {
            this.above = above;
            this.smooth = smooth;
            this.floor = floor;
            this.t = t;
            this.prominence = prominence;
            this.width = width;
            this.height = height;
            this.maxHolePixels = maxHolePixels;
            this.mask = mask;
            this.work = work;
            this.cuts = cuts;
            this.scratch = scratch;
            offsets = MarkerWatershed.offsets(width);
        }

        /** Splits the object (8-connected pixels of {@code above}) holding {@code start}, numbered {@code id}. */
        void split(int start, int id) {
            trace(start, id);
            int bn = bw * bh;
            byte[] box = boxOf(id);
            fillSmallHoles(box, bw, bh, above, bx0, by0, width, maxHolePixels, scratch.holes);
            float[] values = scratch.values(bn);
            float highest = boxValues(box, values);
            int basins = prominence > 0 ? MarkerWatershed.maxima(values, values, box, bw, bh, prominence, floor,
                    (float) INTENSITY_BASINS, 0f, scratch.watershed) : 1;
            byte[] lined = null;
            float[] basinCut = scratch.basinCuts(basins + 1);
            if (basins > 1) {
                // The basins on a copy: the cut below is made on the object without the lines, whose pixels
                // are cleared again afterwards, so hole filling never closes a line ring into one nucleus.
                lined = scratch.lined(bn);
                System.arraycopy(box, 0, lined, 0, bn);
                MarkerWatershed.flood(values, lined, bw, bh, basins, scratch.watershed);
                for (int m = 0; m < basins; m++) basinCut[m + 1] = basinCut(values[scratch.watershed.markers[m]], floor, t);
            } else {
                basinCut[1] = basinCut(highest, floor, t);
            }
            // Each pixel's threshold, its basin's (on lines and where no basin reached: the slide's), kept apart
            // because the shape split below reuses the flood's labels.
            int[] basinOf = basins > 1 ? scratch.watershed.labels : null; // basin number, <= 0 on lines or unreached
            float[] pixelCut = scratch.pixelCuts(bn);
            byte[] removed = scratch.removed(bn);
            // The cut can open new holes (a vesicular nucleus' pale centre): filled as above, unless they hold
            // another object's pixels.
            if (cutBasins(box, id, values, basinOf, basinCut, pixelCut, removed)) refillHoles(box, removed, bw, bh, maxHolePixels, scratch);
            if (lined != null) for (int b = 0; b < bn; b++) if (lined[b] == 0) box[b] = 0;
            splitByShape(box, bw, bh, scratch);
            store(box, id, pixelCut);
        }

        /**
         * Numbers the object's pixels {@code id} in {@code work} (a flood from {@code start}) and sets its box:
         * the bounds and a one-pixel border of background, except at the tile's edge, which ImageJ's EDM
         * does not take for background (so the object meets it as it does in the whole tile).
         */
        private void trace(int start, int id) {
            boolean[] above = this.above;
            int[] work = this.work, offsets = this.offsets, stack = this.stack;
            int width = this.width, height = this.height;
            // The stack holds column and row (pairs), which spares two divisions per pixel.
            int sp = 0;
            int x0 = width, y0 = height, x1 = -1, y1 = -1;
            stack[sp++] = start % width;
            stack[sp++] = start / width;
            work[start] = id;
            while (sp > 0) {
                int y = stack[--sp], x = stack[--sp], p = y * width + x;
                if (x < x0) x0 = x;
                if (x > x1) x1 = x;
                if (y < y0) y0 = y;
                if (y > y1) y1 = y;
                boolean inner = x > 0 && y > 0 && x < width - 1 && y < height - 1;
                for (int d = 0; d < 8; d++) {
                    int nx = x + MarkerWatershed.DX[d], ny = y + MarkerWatershed.DY[d];
                    if (!inner && (nx < 0 || ny < 0 || nx >= width || ny >= height)) continue;
                    int q = p + offsets[d];
                    if (above[q] && work[q] == 0) {
                        work[q] = id;
                        if (sp + 2 > stack.length) stack = this.stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                        stack[sp++] = nx;
                        stack[sp++] = ny;
                    }
                }
            }
            bx0 = Math.max(0, x0 - 1);
            by0 = Math.max(0, y0 - 1);
            bw = Math.min(width - 1, x1 + 1) - bx0 + 1;
            bh = Math.min(height - 1, y1 + 1) - by0 + 1;
        }

        /** The object's pixels in its box (255, the rest 0). */
        private byte[] boxOf(int id) {
            int[] work = this.work;
            int width = this.width, bw = this.bw, bh = this.bh, bx0 = this.bx0, by0 = this.by0;
            byte[] box = new byte[bw * bh];
            for (int by = 0, b = 0; by < bh; by++) {
                for (int bx = 0, p = (by0 + by) * width + bx0; bx < bw; bx++, b++, p++) if (work[p] == id) box[b] = (byte) 255;
            }
            return box;
        }

        /**
         * The smoothed OD of the box's object pixels into {@code values}, and the highest (at least the floor).
         * Filled holes take the floor's value at least: they belong to the nucleus, and a basin reaches them
         * (ImageJ's thresholded Find Maxima would leave them out of every basin). Only the object's own
         * pixels are read.
         */
        private float boxValues(byte[] box, float[] values) {
            float[] smooth = this.smooth;
            float floor = this.floor;
            int width = this.width, bw = this.bw, bh = this.bh, bx0 = this.bx0, by0 = this.by0;
            float highest = floor;
            for (int by = 0, b = 0; by < bh; by++) {
                for (int bx = 0, p = (by0 + by) * width + bx0; bx < bw; bx++, b++, p++) {
                    if (box[b] == 0) continue;
                    float v = Math.max(floor, smooth[p]);
                    values[b] = v;
                    if (v > highest) highest = v;
                }
            }
            return highest;
        }

        /**
         * Sets each box pixel's threshold in {@code pixelCut}: its basin's ({@code basinOf}, null for a single
         * basin), the slide's on lines and where no basin reached. The object's own pixels below it are
         * cleared from {@code box} and marked in {@code removed} (filled holes stay). Returns whether any was.
         */
        private boolean cutBasins(byte[] box, int id, float[] values, int[] basinOf, float[] basinCut, float[] pixelCut,
                byte[] removed) {
            int[] work = this.work;
            float t = this.t;
            int width = this.width, bw = this.bw, bh = this.bh, bx0 = this.bx0, by0 = this.by0;
            boolean cutAny = false;
            for (int by = 0, b = 0; by < bh; by++) {
                for (int bx = 0, p = (by0 + by) * width + bx0; bx < bw; bx++, b++, p++) {
                    if (box[b] == 0) continue;
                    int m = basinOf == null ? 1 : basinOf[b];
                    float cut = m > 0 ? basinCut[m] : t;
                    pixelCut[b] = cut;
                    if (work[p] != id) continue; // filled holes stay
                    if (values[b] < cut) {
                        box[b] = 0;
                        removed[b] = 1;
                        cutAny = true;
                    }
                }
            }
            return cutAny;
        }

        /** The object's pixels, and its filled holes (no other object's pixels: a hole holding one stays open), into the tile. */
        private void store(byte[] box, int id, float[] pixelCut) {
            int[] work = this.work;
            byte[] mask = this.mask;
            float[] cuts = this.cuts;
            int width = this.width, bw = this.bw, bh = this.bh, bx0 = this.bx0, by0 = this.by0;
            for (int by = 0, b = 0; by < bh; by++) {
                for (int bx = 0, p = (by0 + by) * width + bx0; bx < bw; bx++, b++, p++) {
                    if (work[p] == id || work[p] == 0 && box[b] != 0) {
                        mask[p] = box[b];
                        if (box[b] != 0) cuts[p] = pixelCut[b];
                    }
                }
            }
        }
    }

    /**
     * Fills the holes the cut opened in the object in {@code box}: 4-connected sets of {@code removed}
     * pixels (the object's own, cut away) of at most {@code maxHolePixels} that touch neither background
     * nor the box's edge, i.e. are enclosed by the kept pixels (as {@link #fillSmallHoles} would find them:
     * background or another object beside them would make the hole reach out or hold that object). Only
     * the removed pixels are visited, not the box's background. Clears {@code removed} for the next object.
     */
    private static void refillHoles(byte[] box, byte[] removed, int bw, int bh, double maxHolePixels, SplitScratch s) {
        int n = bw * bh;
        int[] list = s.holeList;
        for (int start = 0; start < n; start++) {
            if (removed[start] != 1) continue;
            removed[start] = 2;
            int len = 0;
            if (list.length < 1) list = new int[64];
            list[len++] = start;
            boolean open = false;
            for (int k = 0; k < len; k++) {
                int b = list[k], x = b % bw, y = b / bw;
                if (x == 0 || y == 0 || x == bw - 1 || y == bh - 1) open = true;
                for (int d = 0; d < 4; d++) {
                    int q;
                    if (d == 0) { if (x == 0) continue; q = b - 1; }
                    else if (d == 1) { if (x == bw - 1) continue; q = b + 1; }
                    else if (d == 2) { if (y == 0) continue; q = b - bw; }
                    else { if (y == bh - 1) continue; q = b + bw; }
                    if (removed[q] == 1) {
                        removed[q] = 2;
                        if (len == list.length) list = java.util.Arrays.copyOf(list, 2 * len);
                        list[len++] = q;
                    } else if (removed[q] == 0 && box[q] == 0) {
                        open = true; // background (or a line, or another object's pixel)
                    }
                }
            }
            if (!open && len <= maxHolePixels) for (int k = 0; k < len; k++) box[list[k]] = (byte) 255;
        }
        s.holeList = list;
        java.util.Arrays.fill(removed, 0, n, (byte) 0);
    }

    /**
     * A dark maximum is its own nucleus when it stands out from the saddle to a higher one by the split
     * prominence (0.1 OD), or by this fraction of its height above the floor where that is less: a pale
     * nucleus, only 0.05-0.15 OD above the floor, is otherwise never prominent enough and joins a darker
     * neighbour's basin, whose higher threshold then cuts it away.
     */
    static final double INTENSITY_BASINS = 0.5;

    /** A basin's threshold: half its peak (its half maximum), within [floor, the slide's threshold]. */
    static float basinCut(float peak, float floor, float t) {
        return Math.max(floor, Math.min(t, 0.5f * peak));
    }

    /** Work arrays of the split, reused from object to object and tile to tile (one thread's, never shared). */
    static final class SplitScratch {
        final DistanceTransform.Scratch distances = new DistanceTransform.Scratch();
        final MarkerWatershed.Scratch watershed = new MarkerWatershed.Scratch();
        final HoleScratch holes = new HoleScratch();
        private float[] values = new float[0], edm = new float[0], heights = new float[0];

        private float[] basinCuts = new float[16], pixelCuts = new float[0];
        private byte[] lined = new byte[0], removed = new byte[0];
        int[] holeList = new int[64];

        float[] values(int n) { return values = atLeast(values, n); }

        float[] basinCuts(int n) { return basinCuts = atLeast(basinCuts, n); }

        float[] pixelCuts(int n) { return pixelCuts = atLeast(pixelCuts, n); }

        byte[] lined(int n) { return lined = atLeast(lined, n); }

        /** All zero: {@link #refillHoles} clears what it marked. */
        byte[] removed(int n) { return removed = atLeast(removed, n); }

        /** {@code a}, or a new zeroed array of at least {@code n} and twice {@code a}'s length when it is shorter. */
        private static float[] atLeast(float[] a, int n) {
            return a.length >= n ? a : new float[Math.max(n, 2 * a.length)];
        }

        private static byte[] atLeast(byte[] a, int n) {
            return a.length >= n ? a : new byte[Math.max(n, 2 * a.length)];
        }

        void ensure(int n) {
            edm = atLeast(edm, n);
            if (heights.length < edm.length) heights = new float[edm.length];
        }
    }

    /**
     * The EDM watershed of ImageJ's Process > Binary > Watershed, of {@code box} in place: the exact distance
     * map ({@link DistanceTransform}), its maxima by Find Maxima's rule (tolerance 0.5,
     * sorting error 1.1 x half a diagonal, heights of ridges as ImageJ estimates them) and, when there
     * are two or more, a flood from them down the distance map with one-pixel lines between the basins.
     */
    static void splitByShape(byte[] box, int bw, int bh, SplitScratch s) {
        int n = bw * bh;
        s.ensure(n);
        DistanceTransform.distanceToBackground(box, bw, bh, s.distances, s.edm);
        edmHeights(s.edm, bw, bh, s.heights);
        int maxima = MarkerWatershed.maxima(s.edm, s.heights, box, bw, bh, 0.5f, 1.1f * 0.5f * SQRT2, s.watershed);
        if (maxima > 1) MarkerWatershed.flood(s.edm, box, bw, bh, maxima, s.watershed);
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

    private static final float SQRT2 = 1.4142135624f;

    private List<Nucleus> measure(byte[] mask, float[] flat, float[] od, float[] cuts, int width, int height, double pixelSizeUm,
            int[] labels, boolean keepLabels, SplitScratch split) {
        java.util.Arrays.fill(labels, 0);
        double pixelArea = pixelSizeUm * pixelSizeUm;
        // Indexed by provisional label - 1; null = dropped. Its size is the last provisional label given.
        List<Nucleus> nuclei = new ArrayList<>();
        Component component = new Component();
        for (int start = 0; start < mask.length; start++) {
            if (mask[start] == 0 || labels[start] != 0) continue;
            // One call per component (thousands per tile), which the JIT compiles after the first few rather
            // than compiling this tile-long loop again at each of its loops (see ObjectSplit).
            component.trace(start, nuclei.size() + 1, mask, labels, width, height);
            measureComponent(component, cuts[start], labels, flat, od, width, height, pixelArea, nuclei, split);
        }
        // Renumber so that labels index the returned list (components below the minimum area are dropped).
        int provisional = nuclei.size();
        int[] remap = new int[provisional + 1];
        List<Nucleus> kept = new ArrayList<>(nuclei.size());
        for (int i = 0; i < nuclei.size(); i++) {
            if (nuclei.get(i) != null && nuclei.get(i).areaUm2 >= settings.minAreaUm2) {
                kept.add(nuclei.get(i));
                remap[i + 1] = kept.size();
            }
        }
        if (keepLabels) for (int i = 0; i < labels.length; i++) labels[i] = remap[labels[i]];
        return kept;
    }

    /** The pixels of one 4-connected component of the nucleus mask, and work arrays of its measurement. */
    private static final class Component {
        int id, members;
        int[] stack = new int[256], pixels = new int[1024];
        float[] values = new float[1024];

        /** Labels the component of {@code mask} holding {@code start} with {@code id} and lists its pixels. */
        void trace(int start, int id, byte[] mask, int[] labels, int width, int height) {
            int[] stack = this.stack, pixels = this.pixels;
            int sp = 0, members = 0;
            stack[sp++] = start;
            labels[start] = id;
            while (sp > 0) {
                int p = stack[--sp];
                if (members == pixels.length) {
                    pixels = this.pixels = java.util.Arrays.copyOf(pixels, pixels.length * 2);
                    values = java.util.Arrays.copyOf(values, values.length * 2);
                }
                pixels[members++] = p;
                int x = p % width, y = p / width;
                for (int k = 0; k < 4; k++) { // the four neighbours extend the component
                    int nx = x + (k == 0 ? 1 : k == 1 ? -1 : 0), ny = y + (k == 2 ? 1 : k == 3 ? -1 : 0);
                    if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
                    int q = ny * width + nx;
                    if (mask[q] == 0) continue;
                    if (labels[q] == 0) {
                        labels[q] = id;
                        if (sp == stack.length) stack = this.stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                        stack[sp++] = q;
                    }
                }
            }
            this.id = id;
            this.members = members;
        }
    }

    /**
     * Adds the nucleus of a traced component (whose threshold, its basin's, set by the split, is
     * {@code threshold}) to {@code nuclei} at its provisional label; null when nothing of it is at its cut.
     * A clump of lymphocytes cut apart replaces it by its pieces, added after it with the next labels.
     */
    private void measureComponent(Component component, float threshold, int[] labels, float[] flat, float[] od,
            int width, int height, double pixelArea, List<Nucleus> nuclei, SplitScratch split) {
        int id = component.id, members = component.members;
        int[] pixels = component.pixels;
        float[] values = component.values;
        // Size, shape and darkness from the unsmoothed pixels at or above half the object's typical
        // peak (and the threshold): smoothing, and a halo of counterstained cytoplasm or membrane,
        // would otherwise inflate small dark nuclei such as lymphocytes.
        float cut = Math.max(threshold, 0.5f * robustPeak(flat, pixels, members, values));
        Nucleus nucleus = measureAt(cut, labels, id, pixels, members, flat, od, width, height, pixelArea);
        float darkest = values[members - 1]; // robustPeak left the largest value last
        float lymphCut = Math.max(threshold, 0.5f * darkest);
        if (nucleus != null && nucleus.kind == Nucleus.Kind.TUMOUR && lymphCut > cut) {
            // A lymphocyte touching a paler nucleus can form one object; at half the darkest value
            // only the lymphocyte remains. Take it when it then looks like one.
            Nucleus dark = measureAt(lymphCut, labels, id, pixels, members, flat, od, width, height, pixelArea);
            if (dark != null && dark.kind == Nucleus.Kind.LYMPHOCYTE) nucleus = dark;
        }
        nuclei.add(nucleus);
        if (nucleus != null && nucleus.meanHematoxylinOd >= settings.lymphMinOd && (nucleus.kind == Nucleus.Kind.TUMOUR
                || nucleus.kind == Nucleus.Kind.LYMPHOCYTE && nucleus.areaUm2 >= 2 * settings.lymphMinAreaUm2)) {
            // A dark object too large or too irregular for one lymphocyte, or large enough for two, is
            // often a clump of touching lymphocytes (dense infiltrates): its dark core, cut by ImageJ's
            // EDM watershed, falls apart into round pieces. Taken only when there are at least two and
            // every piece is itself a lymphocyte, so a dark tumour nucleus is never cut into fragments
            // and a single large round lymphocyte (one EDM maximum) stays whole.
            List<Nucleus> pieces = splitDarkCore(cut, labels, id, pixels, members, flat, od, width, height, pixelArea, nuclei.size(), split);
            if (pieces != null) {
                nuclei.set(id - 1, null);
                nuclei.addAll(pieces);
            } else if (nucleus.kind == Nucleus.Kind.TUMOUR) {
                Nucleus trimmed = withoutDust(cut, pixels, members, flat, od, width, pixelArea);
                if (trimmed != null) nuclei.set(id - 1, trimmed);
            }
        }
    }

    /**
     * The pieces of a component's pixels at or above {@code cut} after an EDM watershed, when there are at
     * least two and every piece of at least the minimum area is a lymphocyte; null otherwise. The pieces'
     * pixels are relabelled {@code firstId + 1, firstId + 2, ...} in the order returned.
     */
    private List<Nucleus> splitDarkCore(float cut, int[] labels, int id, int[] pixels, int members, float[] flat, float[] od,
            int width, int height, double pixelArea, int firstId, SplitScratch split) {
        int[] box = boxAtOrAbove(cut, pixels, members, flat, width);
        if (box == null) return null;
        int x0 = box[0], y0 = box[1], x1 = box[2], y1 = box[3];
        // One pixel of background around the box, so that the EDM sees the object's whole outline.
        int bw = x1 - x0 + 3, bh = y1 - y0 + 3;
        // Each pass over the pixels or the box is a method of its own, as in withoutDust.
        byte[] mask = maskAtOrAbove(cut, pixels, members, flat, width, x0 - 1, y0 - 1, bw, bh);
        splitByShape(mask, bw, bh, split); // the thread's: a new one per call sized its arrays anew for every clump
        Labeling parts = Labeling.of(nonZero(mask), bw, bh); // the watershed lines separate 8-connected particles
        if (parts.count < 2) return null;
        List<Nucleus> out = new ArrayList<>();
        int[] newId = new int[parts.count + 1];
        for (int c = 1; c <= parts.count; c++) {
            if (parts.sizes[c] * pixelArea < settings.minAreaUm2) continue;
            Nucleus n = measurePiece(parts.labels, c, bw, bh, x0 - 1, y0 - 1, flat, od, width, pixelArea);
            if (n.kind != Nucleus.Kind.LYMPHOCYTE) return null;
            out.add(n);
            newId[c] = firstId + out.size();
        }
        if (out.size() < 2) return null;
        relabel(labels, pixels, members, width, parts.labels, x0 - 1, y0 - 1, bw, bh, newId);
        return out;
    }

    /** Gives each of a component's pixels the new label of its piece (box labels, box origin (ox, oy)), where it has one. */
    private static void relabel(int[] labels, int[] pixels, int members, int width, int[] boxLabels, int ox, int oy, int bw, int bh,
            int[] newId) {
        for (int k = 0; k < members; k++) {
            int p = pixels[k];
            int bx = p % width - ox, by = p / width - oy;
            if (bx >= 0 && by >= 0 && bx < bw && by < bh) {
                int c = boxLabels[by * bw + bx];
                if (c > 0 && newId[c] > 0) labels[p] = newId[c];
            }
        }
    }

    /**
     * A component's pixels at or above {@code cut} (255, the rest 0) in a box of bw x bh whose origin is
     * (ox, oy) in the image, which holds them all.
     */
    private static byte[] maskAtOrAbove(float cut, int[] pixels, int members, float[] flat, int width, int ox, int oy, int bw, int bh) {
        byte[] box = new byte[bw * bh];
        for (int k = 0; k < members; k++) {
            int p = pixels[k];
            if (flat[p] >= cut) box[(p / width - oy) * bw + (p % width - ox)] = (byte) 255;
        }
        return box;
    }

    /** Whether each pixel is non-zero. */
    private static boolean[] nonZero(byte[] mask) {
        boolean[] in = new boolean[mask.length];
        for (int i = 0; i < in.length; i++) in[i] = mask[i] != 0;
        return in;
    }

    /** Bounding box {x0, y0, x1, y1} (inclusive) of a component's pixels at or above {@code cut}; null when none are. */
    private static int[] boxAtOrAbove(float cut, int[] pixels, int members, float[] flat, int width) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int k = 0; k < members; k++) {
            int p = pixels[k];
            if (flat[p] < cut) continue;
            int x = p % width, y = p / width;
            x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1, y1};
    }

    /** Radius of the opening that trims nuclear dust (karyorrhectic fragments under 3 µm across) off a nucleus. */
    static final double DUST_OPENING_UM = 1.5;

    /**
     * A dark object that is neither a lymphocyte nor a clump of them may be one with nuclear dust stuck to it
     * (in necrosis, karyorrhectic fragments lie everywhere): its pixels at or above {@code cut}, opened with a
     * disc of radius {@value #DUST_OPENING_UM} µm, which removes anything narrower than 3 µm and keeps a
     * lymphocyte nucleus (5 µm or more across). The remaining nucleus when there is exactly one, it is a
     * lymphocyte and every part trimmed off is below the debris size; null otherwise.
     */
    private Nucleus withoutDust(float cut, int[] pixels, int members, float[] flat, float[] od, int width, double pixelArea) {
        double r = DUST_OPENING_UM / Math.sqrt(pixelArea);
        int pad = (int) Math.ceil(r) + 2;
        int[] box = boxAtOrAbove(cut, pixels, members, flat, width);
        if (box == null) return null;
        int x0 = box[0], y0 = box[1], x1 = box[2], y1 = box[3];
        int bw = x1 - x0 + 1 + 2 * pad, bh = y1 - y0 + 1 + 2 * pad, ox = x0 - pad, oy = y0 - pad;
        // Each pass over the pixels or the box is a method of its own: the JIT compiles this one once, where
        // each of its own loops was an entry it compiled again, with all that follows (on-stack replacement).
        byte[] object = maskAtOrAbove(cut, pixels, members, flat, width, ox, oy, bw, bh);
        boolean[] opened = opened(object, bw, bh, r);
        if (opened == null) return null;
        Labeling kept = Labeling.of(opened, bw, bh);
        if (kept.count != 1) return null;
        Labeling dust = Labeling.of(trimmedOff(object, opened), bw, bh);
        for (int c = 1; c <= dust.count; c++) if (dust.sizes[c] * pixelArea >= NucleusSettings.DEBRIS_MAX_AREA_UM2) return null;
        Nucleus n = measurePiece(kept.labels, 1, bw, bh, ox, oy, flat, od, width, pixelArea);
        return n.kind == Nucleus.Kind.LYMPHOCYTE ? n : null;
    }

    /**
     * The object's opening with a disc of radius {@code r}: erosion then dilation by the same disc, each from
     * an exact Euclidean distance map; null when the erosion leaves nothing.
     */
    private static boolean[] opened(byte[] object, int bw, int bh, double r) {
        float[] toOutside = ImageJFilters.distanceToBackground(object, bw, bh);
        byte[] eroded = new byte[bw * bh];
        boolean any = false;
        for (int i = 0; i < eroded.length; i++) if (toOutside[i] > r) { eroded[i] = (byte) 255; any = true; }
        if (!any) return null;
        float[] toEroded = ImageJFilters.distanceTo(eroded, bw, bh);
        boolean[] opened = new boolean[bw * bh];
        for (int i = 0; i < opened.length; i++) opened[i] = object[i] != 0 && toEroded[i] <= r;
        return opened;
    }

    /** The object's pixels outside its opening. */
    private static boolean[] trimmedOff(byte[] object, boolean[] opened) {
        boolean[] trimmed = new boolean[opened.length];
        for (int i = 0; i < trimmed.length; i++) trimmed[i] = object[i] != 0 && !opened[i];
        return trimmed;
    }

    /** A piece of a split component, measured like {@link #measureAt}; box coordinates offset by (ox, oy) in the image. */
    private Nucleus measurePiece(int[] boxLabels, int c, int bw, int bh, int ox, int oy, float[] flat, float[] od, int width, double pixelArea) {
        long core = 0, edges = 0;
        double sx = 0, sy = 0, sod = 0;
        for (int by = 0; by < bh; by++) for (int bx = 0; bx < bw; bx++) {
            int i = by * bw + bx;
            if (boxLabels[i] != c) continue;
            int x = ox + bx, y = oy + by;
            core++;
            sx += x;
            sy += y;
            sod += od[y * width + x];
            edges += (bx == 0 || boxLabels[i - 1] != c ? 1 : 0) + (bx == bw - 1 || boxLabels[i + 1] != c ? 1 : 0)
                    + (by == 0 || boxLabels[i - bw] != c ? 1 : 0) + (by == bh - 1 || boxLabels[i + bw] != c ? 1 : 0);
        }
        double areaUm2 = core * pixelArea;
        double perimeter = edges * Math.PI / 4;
        double circularity = Math.min(1, 4 * Math.PI * core / (perimeter * perimeter));
        double meanOd = sod / core;
        return new Nucleus(sx / core + 0.5, sy / core + 0.5, areaUm2, circularity, meanOd, classify(areaUm2, circularity, meanOd));
    }

    /** The nucleus formed by the component's pixels at or above {@code cut}; null when there are none. */
    private Nucleus measureAt(float cut, int[] labels, int id, int[] pixels, int members, float[] flat, float[] od,
            int width, int height, double pixelArea) {
        long core = 0, edges = 0;
        double sx = 0, sy = 0, sod = 0;
        for (int k = 0; k < members; k++) {
            int p = pixels[k];
            if (flat[p] < cut) continue;
            int x = p % width, y = p / width;
            core++;
            sx += x;
            sy += y;
            sod += od[p];
            edges += (x == 0 || !inCore(labels, flat, p - 1, id, cut) ? 1 : 0)
                    + (x == width - 1 || !inCore(labels, flat, p + 1, id, cut) ? 1 : 0)
                    + (y == 0 || !inCore(labels, flat, p - width, id, cut) ? 1 : 0)
                    + (y == height - 1 || !inCore(labels, flat, p + width, id, cut) ? 1 : 0);
        }
        if (core == 0) return null; // a smoothing artefact: no pixel above the cut itself
        double areaUm2 = core * pixelArea;
        // Boundary-edge count times pi/4 estimates the perimeter of a digitised convex shape without the
        // staircase bias (Cauchy-Crofton): a digital disc has circularity close to 1.
        double perimeter = edges * Math.PI / 4;
        double circularity = Math.min(1, 4 * Math.PI * core / (perimeter * perimeter));
        double meanOd = sod / core;
        return new Nucleus(sx / core + 0.5, sy / core + 0.5, areaUm2, circularity, meanOd, classify(areaUm2, circularity, meanOd));
    }

    /**
     * The object's typical peak darkness: the {@value #PEAK_QUANTILE} quantile of its values rather than
     * the maximum, so that one dark granule in a textured nucleus does not shrink it to that granule.
     */
    private static float robustPeak(float[] flat, int[] pixels, int members, float[] values) {
        for (int k = 0; k < members; k++) values[k] = flat[pixels[k]];
        int rank = (int) Math.min(members - 1, Math.floor(PEAK_QUANTILE * members));
        // Selection instead of a full sort (a sort per object was a few per cent of a run): the value at
        // {@code rank} is the same, and everything after it is at least as large.
        float peak = select(values, members, rank);
        int top = rank;
        for (int k = rank + 1; k < members; k++) if (values[k] > values[top]) top = k;
        float largest = values[top];
        values[top] = values[members - 1];
        values[members - 1] = largest;
        return peak;
    }

    /**
     * Rearranges {@code a[0..n)} so that {@code a[k]} holds the value a sort would put there, smaller or
     * equal values before it and larger or equal after (Hoare's selection, median-of-three pivot).
     */
    static float select(float[] a, int n, int k) {
        int lo = 0, hi = n - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // Median of three as the pivot, which keeps sorted or constant runs from degrading it.
            if (a[mid] < a[lo]) swap(a, mid, lo);
            if (a[hi] < a[lo]) swap(a, hi, lo);
            if (a[hi] < a[mid]) swap(a, hi, mid);
            float pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) swap(a, i++, j--);
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else break;
        }
        return a[k];
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    static final double PEAK_QUANTILE = 0.9;

    /**
     * Fills the holes of the object in {@code box} (non-zero) of at most {@code maxHolePixels}: background
     * pixels, 4-connected, that cannot reach the box's border. The box has a one-pixel border of background
     * except at the tile's edge, so a gap open to the tile's edge is no hole, as on the whole tile. A hole
     * holding part of another object (a pixel of {@code above}, box offset (bx0, by0) in a tile
     * {@code width} wide) stays open, so objects are never merged here. Returns whether any was filled.
     */
    static boolean fillSmallHoles(byte[] box, int bw, int bh, boolean[] above, int bx0, int by0, int width, double maxHolePixels,
            HoleScratch holes) {
        int n = bw * bh;
        int sp = 0, background = 0;
        for (int b = 0; b < n; b++) if (box[b] == 0) background++;
        if (background == 0) return false;
        HoleScratch scratch = holes.fit(n);
        byte[] state = scratch.state; // 1 = reaches the border, 2 = looked at as part of a hole
        int[] stack = scratch.stack;
        // The border's background pixels start the flood of what reaches it.
        for (int k = 0, perimeter = 2 * bw + 2 * Math.max(0, bh - 2); k < perimeter; k++) {
            int e = k < bw ? k : k < 2 * bw ? (bh - 1) * bw + k - bw : ((k - 2 * bw) / 2 + 1) * bw + ((k & 1) == 0 ? 0 : bw - 1);
            if (e >= n || box[e] != 0 || state[e] != 0) continue;
            state[e] = 1;
            if (sp == stack.length) stack = java.util.Arrays.copyOf(stack, sp * 2);
            stack[sp++] = e;
        }
        int[][] list = {scratch.list};
        int[] size = {0};
        flood4(box, state, (byte) 1, stack, sp, bw, bh, list, size);
        // Every background pixel reaches the border: no holes (most objects).
        if (size[0] == background) return false;
        boolean filled = false;
        for (int start = 0; start < n; start++) {
            if (box[start] != 0 || state[start] != 0) continue;
            state[start] = 2;
            stack[0] = start;
            flood4(box, state, (byte) 2, stack, 1, bw, bh, list, size);
            int[] hole = list[0];
            boolean open = size[0] > maxHolePixels;
            for (int k = 0; k < size[0] && !open; k++) {
                int b = hole[k];
                if (above[(by0 + b / bw) * width + bx0 + b % bw]) open = true;
            }
            if (!open) {
                for (int k = 0; k < size[0]; k++) box[hole[k]] = (byte) 255;
                filled = true;
            }
        }
        return filled;
    }

    /**
     * Work arrays of {@link #fillSmallHoles}, sized for the largest box so far (part of {@link SplitScratch}):
     * each pixel is stacked and listed at most once, so neither array grows during a call.
     */
    static final class HoleScratch {
        byte[] state = new byte[0];
        int[] stack = new int[0], list = new int[0];

        HoleScratch fit(int n) {
            if (state.length < n) {
                state = new byte[n];
                stack = new int[n + 4];
                list = new int[n];
            } else {
                java.util.Arrays.fill(state, 0, n, (byte) 0);
            }
            return this;
        }
    }

    /**
     * Spreads {@code mark} from the stacked pixels over 4-connected background ({@code box} zero) pixels
     * not yet marked; the reached pixels are listed in {@code list[0]} (grown as needed), their number in
     * {@code size[0]}.
     */
    private static void flood4(byte[] box, byte[] state, byte mark, int[] stack, int sp, int bw, int bh, int[][] list, int[] size) {
        int[] out = list[0];
        int len = 0, n = bw * bh;
        while (sp > 0) {
            int b = stack[--sp];
            if (len == out.length) out = java.util.Arrays.copyOf(out, len * 2);
            out[len++] = b;
            int x = b % bw;
            // Up to four neighbours; the stack holds each pixel once, so it never outgrows the box.
            if (stack.length < sp + 4) stack = java.util.Arrays.copyOf(stack, Math.max(2 * stack.length, sp + 4));
            if (x > 0 && box[b - 1] == 0 && state[b - 1] == 0) { state[b - 1] = mark; stack[sp++] = b - 1; }
            if (x < bw - 1 && box[b + 1] == 0 && state[b + 1] == 0) { state[b + 1] = mark; stack[sp++] = b + 1; }
            if (b >= bw && box[b - bw] == 0 && state[b - bw] == 0) { state[b - bw] = mark; stack[sp++] = b - bw; }
            if (b + bw < n && box[b + bw] == 0 && state[b + bw] == 0) { state[b + bw] = mark; stack[sp++] = b + bw; }
        }
        list[0] = out;
        size[0] = len;
    }

    private static boolean inCore(int[] labels, float[] flat, int q, int id, float cut) {
        return labels[q] == id && flat[q] >= cut;
    }

    private Nucleus.Kind classify(double areaUm2, double circularity, double meanOd) {
        // Karyorrhectic debris is small and dark (condensed chromatin); a small pale object is a nucleus
        // cut by the section or seen at its tip, and still a cell.
        if (areaUm2 < NucleusSettings.DEBRIS_MAX_AREA_UM2) {
            return meanOd >= settings.lymphMinOd ? Nucleus.Kind.DEBRIS : Nucleus.Kind.TUMOUR;
        }
        if (areaUm2 < settings.lymphMinAreaUm2) return Nucleus.Kind.TUMOUR;
        if (areaUm2 <= settings.lymphMaxAreaUm2 && circularity >= settings.lymphMinCircularity && meanOd >= settings.lymphMinOd) {
            // A lymphocyte is a resting diploid cell: its chromatin (integrated OD, area x mean OD) does not
            // shrink with its nucleus, which only grows darker. A small round nucleus holding less is not one:
            // in necrosis a dead nucleus shrunken after losing DNA (pyknosis, karyolysis), elsewhere a small
            // or tangentially cut tumour nucleus. It stays a (non-immune) nucleus, as it was before this test,
            // so cell counts and necrosis detection do not depend on it.
            return areaUm2 * meanOd >= NucleusSettings.LYMPH_MIN_INTEGRATED_OD ? Nucleus.Kind.LYMPHOCYTE : Nucleus.Kind.TUMOUR;
        }
        return Nucleus.Kind.TUMOUR;
    }
}
