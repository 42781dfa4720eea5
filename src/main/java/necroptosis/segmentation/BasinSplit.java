package necroptosis.segmentation;

/**
 * Step 2 of the nucleus detection: the objects at the floor, cut into nuclei. Each 8-connected object is
 * cut into intensity basins (each dark maximum of the smoothed OD its own basin, as ImageJ's Find Maxima
 * "Segmented Particles", {@link #INTENSITY_BASINS}); each basin keeps its pixels at or above its own
 * threshold: half its peak, but never above the slide's threshold nor below the floor
 * ({@link #basinCut}). A dark nucleus is thus cut at the slide's threshold, as a single threshold would,
 * while a pale (out-of-focus or lightly stained) one is taken at its own half maximum instead of being
 * lost or left as a fragment. The kept pixels are then split by shape ({@link ShapeSplit}: touching
 * nuclei of even darkness).
 * <p>
 * Everything runs on each object alone, in its bounding box with a one-pixel border: a watershed never
 * crosses the background between objects, so an object's split is independent of the rest of the tile
 * and a nucleus on a tile border is split alike in both tiles' windows. The watersheds are our own
 * ({@link MarkerWatershed}, {@link DistanceTransform}) rather than ImageJ's MaximumFinder and EDM, which
 * sorted and flooded every pixel of every box level by level and were half of a run's time.
 * <p>
 * An object is the unit of work (thousands per tile), so each one is a call of {@link #split} and each
 * pass over its box a method of its own: the JIT compiles these small methods after the first few
 * objects, where one tile-long method would be compiled again for each of its loops entered from slow
 * code (on-stack replacement), a cost that every cold run pays while the workers wait in slower code.
 */
final class BasinSplit {
    /**
     * A dark maximum is its own nucleus when it stands out from the saddle to a higher one by the split
     * prominence (0.1 OD), or by this fraction of its height above the floor where that is less: a pale
     * nucleus, only 0.05-0.15 OD above the floor, is otherwise never prominent enough and joins a darker
     * neighbour's basin, whose higher threshold then cuts it away.
     */
    static final double INTENSITY_BASINS = 0.5;

    /**
     * The prominence a maximum needs in {@code images} (0, no intensity split, when the split prominence is not
     * positive): the split prominence, capped by {@link #INTENSITY_BASINS}
     * of its height; where a nuclear marker's DAB is added to the haematoxylin, that fraction of its height
     * alone. The chromogen is granular and a positive nucleus holds 1-2 OD of it, so its grains stand out by
     * more than 0.1 OD and would cut one positive nucleus into two to four (each counted as a cell, the
     * darker pieces as lymphocytes or debris); touching positive nuclei are still cut by shape.
     */
    static float prominence(OdImages images, float splitProminence) {
        if (!(splitProminence > 0)) return 0;
        return images.holdsMarker() ? Float.POSITIVE_INFINITY : splitProminence;
    }

    /** A basin's threshold: half its peak (its half maximum), within [floor, the slide's threshold]. */
    static float basinCut(float peak, float floor, float t) {
        return Math.max(floor, Math.min(t, 0.5f * peak));
    }

    private final boolean[] above;
    private final float[] smooth;
    private final int width, height;
    /** The floor, the slide's threshold and the prominence of a basin's maximum, all in OD. */
    private final float floor, t, prominence;
    /** Holes of up to this many pixels are filled ({@link HoleFilling}). */
    private final double maxHolePixels;
    /** Each pixel's object number (0 = none). */
    private final int[] work;
    private final byte[] mask;
    private final float[] cuts;
    private final ObjectScratch scratch;

    /**
     * @param above  the objects: pixels of the smoothed OD at or above {@code floor} (and in the tissue)
     * @param work   receives each pixel's object number
     * @param out    receives the nuclei; its mask must be all zero (only the objects' pixels are set)
     */
    BasinSplit(boolean[] above, OdImages images, float floor, float t, float prominence, double maxHolePixels, int[] work,
            NucleusMask out, ObjectScratch scratch) {
        this.above = above;
        this.smooth = images.smooth;
        this.width = images.width;
        this.height = images.height;
        this.floor = floor;
        this.t = t;
        this.prominence = prominence(images, prominence);
        this.maxHolePixels = maxHolePixels;
        this.work = work;
        this.mask = out.mask;
        this.cuts = out.cuts;
        this.scratch = scratch;
    }

    /** Splits every object, in raster order of its first pixel. */
    void splitAll() {
        Labeling objects = Labeling.of(above, width, height, work, scratch.labelling);
        int[] bounds = bounds(objects.count);
        for (int id = 1; id <= objects.count; id++) {
            int b = 4 * id;
            // The bounds and a one-pixel border of background, except at the tile's edge, which ImageJ's EDM
            // does not take for background (so the object meets it as it does in the whole tile).
            int x0 = Math.max(0, bounds[b] - 1), y0 = Math.max(0, bounds[b + 1] - 1);
            split(id, new Box(x0, y0, Math.min(width - 1, bounds[b + 2] + 1) - x0 + 1, Math.min(height - 1, bounds[b + 3] + 1) - y0 + 1));
        }
    }

    /** Each object's bounds {x0, y0, x1, y1} (inclusive) at {@code 4 * id}. */
    private int[] bounds(int count) {
        int[] bounds = scratch.bounds(4 * (count + 1)), work = this.work;
        int width = this.width, height = this.height;
        for (int id = 1; id <= count; id++) {
            bounds[4 * id] = width;
            bounds[4 * id + 1] = height;
            bounds[4 * id + 2] = -1;
            bounds[4 * id + 3] = -1;
        }
        for (int y = 0, p = 0; y < height; y++) {
            for (int x = 0; x < width; x++, p++) {
                int id = work[p];
                if (id == 0) continue;
                int b = 4 * id;
                if (x < bounds[b]) bounds[b] = x;
                if (x > bounds[b + 2]) bounds[b + 2] = x;
                if (y < bounds[b + 1]) bounds[b + 1] = y;
                bounds[b + 3] = y; // rows come in order
            }
        }
        return bounds;
    }

    /** Splits object {@code id}, whose pixels and a border lie in {@code box}. */
    private void split(int id, Box box) {
        int bw = box.w, bh = box.h, bn = bw * bh;
        byte[] object = boxOf(id, box);
        HoleFilling.fillSmallHoles(object, box, above, width, maxHolePixels, scratch);
        float[] values = scratch.values(bn);
        float highest = boxValues(object, box, values);
        int basins = prominence > 0 ? MarkerWatershed.maxima(values, values, object, bw, bh, prominence, floor,
                (float) INTENSITY_BASINS, 0f, scratch.watershed) : 1;
        byte[] lined = null;
        float[] basinCut = scratch.basinCuts(basins + 1);
        if (basins > 1) {
            // The basins on a copy: the cut below is made on the object without the lines, whose pixels
            // are cleared again afterwards, so hole filling never closes a line ring into one nucleus.
            lined = scratch.lined(bn);
            System.arraycopy(object, 0, lined, 0, bn);
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
        if (cutBasins(object, id, box, values, basinOf, basinCut, pixelCut, removed)) {
            HoleFilling.refillHoles(object, removed, bw, bh, maxHolePixels, scratch);
        }
        if (lined != null) for (int b = 0; b < bn; b++) if (lined[b] == 0) object[b] = 0;
        ShapeSplit.splitByShape(object, bw, bh, scratch);
        store(object, id, box, pixelCut);
    }

    /** The object's pixels in its box (255, the rest 0). */
    private byte[] boxOf(int id, Box box) {
        int[] work = this.work;
        int width = this.width, bw = box.w, bh = box.h, bx0 = box.x0, by0 = box.y0;
        byte[] object = new byte[bw * bh];
        for (int by = 0, b = 0; by < bh; by++) {
            for (int bx = 0, p = (by0 + by) * width + bx0; bx < bw; bx++, b++, p++) if (work[p] == id) object[b] = (byte) 255;
        }
        return object;
    }

    /**
     * The smoothed OD of the box's object pixels into {@code values}, and the highest (at least the floor).
     * Filled holes take the floor's value at least: they belong to the nucleus, and a basin reaches them
     * (ImageJ's thresholded Find Maxima would leave them out of every basin). Only the object's own
     * pixels are read.
     */
    private float boxValues(byte[] object, Box box, float[] values) {
        float[] smooth = this.smooth;
        float floor = this.floor;
        int width = this.width, bw = box.w, bh = box.h, bx0 = box.x0, by0 = box.y0;
        float highest = floor;
        for (int by = 0, b = 0; by < bh; by++) {
            for (int bx = 0, p = (by0 + by) * width + bx0; bx < bw; bx++, b++, p++) {
                if (object[b] == 0) continue;
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
     * cleared from {@code object} and marked in {@code removed} (filled holes stay). Returns whether any was.
     */
    private boolean cutBasins(byte[] object, int id, Box box, float[] values, int[] basinOf, float[] basinCut, float[] pixelCut,
            byte[] removed) {
        int[] work = this.work;
        float t = this.t;
        int width = this.width, bw = box.w, bh = box.h, bx0 = box.x0, by0 = box.y0;
        boolean cutAny = false;
        for (int by = 0, b = 0; by < bh; by++) {
            for (int bx = 0, p = (by0 + by) * width + bx0; bx < bw; bx++, b++, p++) {
                if (object[b] == 0) continue;
                int m = basinOf == null ? 1 : basinOf[b];
                float cut = m > 0 ? basinCut[m] : t;
                pixelCut[b] = cut;
                if (work[p] != id) continue; // filled holes stay
                if (values[b] < cut) {
                    object[b] = 0;
                    removed[b] = 1;
                    cutAny = true;
                }
            }
        }
        return cutAny;
    }

    /** The object's pixels, and its filled holes (no other object's pixels: a hole holding one stays open), into the tile. */
    private void store(byte[] object, int id, Box box, float[] pixelCut) {
        int[] work = this.work;
        byte[] mask = this.mask;
        float[] cuts = this.cuts;
        int width = this.width, bw = box.w, bh = box.h, bx0 = box.x0, by0 = box.y0;
        for (int by = 0, b = 0; by < bh; by++) {
            for (int bx = 0, p = (by0 + by) * width + bx0; bx < bw; bx++, b++, p++) {
                if (work[p] == id || work[p] == 0 && object[b] != 0) {
                    mask[p] = object[b];
                    if (object[b] != 0) cuts[p] = pixelCut[b];
                }
            }
        }
    }
}
