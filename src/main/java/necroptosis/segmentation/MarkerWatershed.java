package necroptosis.segmentation;

import java.util.Arrays;

/**
 * The two steps of ImageJ's Find Maxima "Segmented Particles" for one small object box, written for the
 * nucleus split, where ImageJ's {@code MaximumFinder} was most of a run's time (it sorts every pixel of
 * the box and floods grey level by grey level with a fate table):
 * <ol>
 * <li>{@link #maxima}: the maxima Find Maxima keeps, by ImageJ's own rule (its {@code analyseMaxima}):
 * from the highest candidate down, a maximum counts unless the pixels reachable from it no lower than
 * its height minus the prominence include a higher one or one reached from a higher maximum;</li>
 * <li>{@link #flood}: a priority flood from those maxima (Meyer's watershed), highest level first, equal
 * levels in the order reached, where a pixel whose 8 neighbours already carry two different basins
 * becomes a one-pixel line and is cleared from the mask, so the basins are separate 8-connected
 * particles, as ImageJ's are.</li>
 * </ol>
 * The lines need not lie exactly where ImageJ draws them (ImageJ floods 8-bit quantised levels);
 * {@code MarkerWatershedTest} checks that the pieces agree with ImageJ's in number and area on many
 * generated touching nuclei. Not thread-safe: one {@link Scratch} per thread or call.
 */
final class MarkerWatershed {
    private MarkerWatershed() {}

    /** Reusable work arrays. */
    static final class Scratch {
        byte[] state = new byte[0];
        int[] list = new int[64];
        long[] order = new long[16];
        int[] markers = new int[16];
        int[] labels = new int[0];
        int[] next = new int[0];
        final int[] head = new int[LEVELS], tail = new int[LEVELS];

        void ensure(int n) {
            if (state.length < n) {
                state = new byte[n];
                labels = new int[n];
                next = new int[n];
            }
        }
    }

    private static final byte LISTED = 1, PROCESSED = 2;

    /**
     * Number of maxima that ImageJ's Find Maxima keeps within {@code in} (non-zero pixels), their pixels in
     * {@code s.markers}. Candidates are pixels with no neighbour higher in both {@code raw} and
     * {@code height} (the two differ for an EDM, where ImageJ estimates the true height of ridges; pass
     * the same array otherwise), taken from the highest {@code height} down. From each, the pixels
     * reachable (8-connected, within {@code in}) down to its height minus {@code tolerance} are listed;
     * it is a maximum unless they include one listed from a higher maximum or one higher by more than
     * {@code sortingError}. When one is higher by less (ImageJ's sorting error), the search restarts from
     * the highest such pixel. All listed pixels are done with, as in ImageJ, whatever the outcome.
     */
    static int maxima(float[] raw, float[] height, byte[] in, int w, int h, float tolerance, float sortingError, Scratch s) {
        return maxima(raw, height, in, w, h, tolerance, 0f, 0f, sortingError, s);
    }

    /**
     * As {@link #maxima(float[], float[], byte[], int, int, float, float, Scratch)}, with each candidate's
     * tolerance lowered to {@code fraction} of its height above {@code base} where that is smaller (no
     * lowering when {@code fraction} is 0): a maximum only a little above the base (a pale nucleus) then
     * needs only a proportionate dip to its neighbour to count, not the full tolerance.
     */
    static int maxima(float[] raw, float[] height, byte[] in, int w, int h, float tolerance, float base, float fraction,
            float sortingError, Scratch s) {
        int n = w * h;
        s.ensure(n);
        byte[] state = s.state;
        Arrays.fill(state, 0, n, (byte) 0);
        long[] order = s.order;
        int candidates = 0;
        int[] off = offsets(w);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
            int i = y * w + x;
            if (in[i] == 0) continue;
            float v = raw[i], t = height[i];
            boolean max = true;
            int valid = neighbours(x, y, w, h);
            for (int d = 0; d < 8; d++) {
                if ((valid & 1 << d) == 0) continue;
                int q = i + off[d];
                if (in[q] != 0 && raw[q] > v && height[q] > t) { max = false; break; }
            }
            if (max) {
                if (candidates == order.length) order = s.order = Arrays.copyOf(order, candidates * 2);
                order[candidates++] = ((long) sortable(t) << 32) | i;
            }
        }
        if (candidates == 1) {
            // The only candidate is the highest pixel (no neighbour is higher): a maximum, and nothing
            // reachable is higher, so the search would only confirm it.
            s.markers[0] = (int) order[0];
            return 1;
        }
        int[] list = s.list;
        boolean framed = framed(in, w, h);
        int count = 0, remaining = candidates, rounds = 0;
        boolean sorted = false;
        while (remaining > 0) {
            // The highest candidate not yet listed by a search. Most objects need only a few searches, each
            // listing most candidates, so selecting (and dropping the listed) beats sorting them all; past a
            // few rounds the rest is sorted.
            int start;
            if (!sorted && rounds >= 4 && remaining > 16) {
                Arrays.sort(order, 0, remaining);
                sorted = true;
            }
            if (sorted) {
                start = (int) order[--remaining];
                if (state[start] != 0) continue;
            } else {
                int best = -1, kept = 0;
                for (int c = 0; c < remaining; c++) {
                    long key = order[c];
                    if (state[(int) key] != 0) continue;
                    order[kept] = key;
                    if (best < 0 || key > order[best]) best = kept;
                    kept++;
                }
                if (best < 0) break;
                start = (int) order[best];
                order[best] = order[--kept];
                remaining = kept;
                rounds++;
            }
            boolean sortingErrorFound;
            do {
                float v0 = height[start];
                float tol = fraction > 0 ? Math.min(tolerance, fraction * (v0 - base)) : tolerance;
                boolean isMax = true;
                sortingErrorFound = false;
                int len = 0;
                list[len++] = start;
                state[start] = LISTED;
                for (int k = 0; k < len; k++) {
                    int p = list[k], valid = framed ? ALL : neighbours(p % w, p / w, w, h);
                    // ImageJ's order of directions (clockwise from up), which decides what is listed when the
                    // search stops at a pixel.
                    for (int d = 0; d < 8; d++) {
                        if ((valid & 1 << d) == 0) continue;
                        int q = p + off[d];
                        if (in[q] == 0 || state[q] == LISTED) continue;
                        // As ImageJ: on meeting a processed or a much higher pixel, this pixel's remaining
                        // neighbours are skipped but the listing goes on from the others.
                        if (state[q] == PROCESSED) { isMax = false; break; }
                        float v2 = height[q];
                        if (v2 > v0 + sortingError) { isMax = false; break; }
                        if (v2 >= v0 - tol) {
                            if (v2 > v0) {
                                sortingErrorFound = true;
                                start = q;
                                v0 = v2;
                            }
                            if (len == list.length) list = s.list = Arrays.copyOf(list, len * 2);
                            list[len++] = q;
                            state[q] = LISTED;
                        }
                    }
                }
                if (sortingErrorFound) {
                    for (int k = 0; k < len; k++) state[list[k]] = 0;
                } else {
                    for (int k = 0; k < len; k++) state[list[k]] = PROCESSED;
                    if (isMax) {
                        if (count == s.markers.length) s.markers = Arrays.copyOf(s.markers, count * 2);
                        s.markers[count++] = start;
                    }
                }
            } while (sortingErrorFound);
        }
        return count;
    }

    /** Grey levels of the flood's queue, as ImageJ's watershed floods 8-bit levels. */
    static final int LEVELS = 256;

    /**
     * Floods {@code in} (non-zero pixels) from the first {@code count} markers of {@code s} (from
     * {@link #maxima}) over {@code values}, highest first, and clears the pixels where basins meet.
     * The queue holds {@value #LEVELS} levels between the object's lowest and highest value, each first in
     * first out (ImageJ's watershed likewise floods 8-bit levels); equal levels thus spread evenly from
     * where they are reached, which puts a line across a symmetric neck in its middle. Pixels no basin
     * reaches are left as they are.
     */
    static void flood(float[] values, byte[] in, int w, int h, int count, Scratch s) {
        int n = w * h;
        s.ensure(n);
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (in[i] == 0) continue;
            float v = values[i];
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        float scale = hi > lo ? (LEVELS - 1) / (hi - lo) : 0;
        int[] labels = s.labels, next = s.next, head = s.head, tail = s.tail;
        Arrays.fill(labels, 0, n, 0);
        Arrays.fill(head, -1);
        final int queued = -1, done = -2; // done: a line, or (never in practice) a pixel with no basin beside it
        int current = 0;
        int[] off = offsets(w);
        boolean framed = framed(in, w, h);
        for (int m = 0; m < count; m++) labels[s.markers[m]] = m + 1;
        for (int m = 0; m <= count; m++) {
            // Markers first, then (m == count) the pixels taken from the queue.
            while (true) {
                int p;
                if (m < count) {
                    p = s.markers[m];
                } else {
                    while (current >= 0 && head[current] < 0) current--;
                    if (current < 0) break;
                    p = head[current];
                    head[current] = next[p];
                    int label = 0;
                    boolean line = false;
                    int valid = framed ? ALL : neighbours(p % w, p / w, w, h);
                    for (int d = 0; d < 8; d++) {
                        if ((valid & 1 << d) == 0) continue;
                        int l = labels[p + off[d]];
                        if (l <= 0) continue;
                        if (label == 0) label = l;
                        else if (l != label) { line = true; break; }
                    }
                    if (line || label == 0) {
                        labels[p] = done;
                        if (line) in[p] = 0;
                        continue;
                    }
                    labels[p] = label;
                }
                // Queue the unreached neighbours at their level, after those queued there before.
                int valid = framed ? ALL : neighbours(p % w, p / w, w, h);
                for (int d = 0; d < 8; d++) {
                    if ((valid & 1 << d) == 0) continue;
                    int q = p + off[d];
                    if (in[q] == 0 || labels[q] != 0) continue;
                    labels[q] = queued;
                    int level = Math.min(LEVELS - 1, (int) ((values[q] - lo) * scale));
                    next[q] = -1;
                    if (head[level] < 0) head[level] = q;
                    else next[tail[level]] = q;
                    tail[level] = q;
                    if (level > current) current = level;
                }
                if (m < count) break;
            }
        }
    }

    /** The 8 neighbours clockwise from up, as ImageJ's MaximumFinder orders them. */
    static final int[] DX = {0, 1, 1, 1, 0, -1, -1, -1}, DY = {-1, -1, 0, 1, 1, 1, 0, -1};

    /** Index offsets of the neighbours {@link #DX}, {@link #DY} in an image {@code w} wide. */
    static int[] offsets(int w) {
        int[] off = new int[8];
        for (int d = 0; d < 8; d++) off[d] = DY[d] * w + DX[d];
        return off;
    }

    /**
     * Whether the box's outermost rows and columns hold no pixel of {@code in}: then every pixel of it has
     * all 8 neighbours inside the box, and the searches skip the bounds tests (and the divisions that
     * find a pixel's column and row). Boxes have such a frame except where an object meets the tile's edge.
     */
    static boolean framed(byte[] in, int w, int h) {
        int last = (h - 1) * w;
        for (int x = 0; x < w; x++) if (in[x] != 0 || in[last + x] != 0) return false;
        for (int i = w; i < last; i += w) if (in[i] != 0 || in[i + w - 1] != 0) return false;
        return true;
    }

    /** Every neighbour direction (bit d = direction d of {@link #DX}, {@link #DY}). */
    private static final int ALL = 0xFF;

    /** The directions in which pixel (x, y) has a neighbour inside the w x h box, as bits. */
    private static int neighbours(int x, int y, int w, int h) {
        if (x > 0 && y > 0 && x < w - 1 && y < h - 1) return ALL;
        int valid = 0;
        for (int d = 0; d < 8; d++) {
            int nx = x + DX[d], ny = y + DY[d];
            if (nx >= 0 && ny >= 0 && nx < w && ny < h) valid |= 1 << d;
        }
        return valid;
    }

    /** An int whose signed order is the float's order. */
    private static int sortable(float v) {
        int bits = Float.floatToIntBits(v);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }
}
