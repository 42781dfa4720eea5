package necroptosis.segmentation;

import java.util.Arrays;

/** Connected components of a binary grid, 8-connected (or 4-connected), labelled 1..n in raster order of their first pixel. */
public final class Labeling {
    public final int[] labels;
    public final int count;
    /** Pixels per label, index 0 unused. */
    public final int[] sizes;

    /** Pixels in all components. */
    public int labelled() {
        int total = 0;
        for (int c = 1; c <= count; c++) total += sizes[c];
        return total;
    }

    private Labeling(int[] labels, int count, int[] sizes) {
        this.labels = labels;
        this.count = count;
        this.sizes = sizes;
    }

    public static Labeling of(boolean[] mask, int width, int height) {
        return of(mask, width, height, null);
    }

    /**
     * As {@link #of(boolean[], int, int)}, writing the labels into {@code reuse} when it is large enough (a
     * caller labelling several overview-sized masks in turn needs one label array, not one per mask).
     * <p>
     * Two raster passes with union-find instead of a flood fill: a flood fill's stack grows with the largest
     * component, tens of MB for a slide's tissue, while the forest grows only with the provisional labels.
     */
    public static Labeling of(boolean[] mask, int width, int height, int[] reuse) {
        return label(mask, width, height, reuse, true, null);
    }

    /**
     * As {@link #of(boolean[], int, int, int[])} with the labelling's own arrays taken from {@code work}
     * (a caller labelling thousands of small masks, one per nucleus, would otherwise make them each time).
     * The result's {@link #sizes} are then {@code work}'s: valid until it is used again.
     */
    public static Labeling of(boolean[] mask, int width, int height, int[] reuse, Work work) {
        return label(mask, width, height, reuse, true, work);
    }

    /** As {@link #of(boolean[], int, int)} with 4-connected components (pixels touching at a corner are apart). */
    public static Labeling of4(boolean[] mask, int width, int height) {
        return label(mask, width, height, null, false, null);
    }

    /** As {@link #of4(boolean[], int, int)}, with the arrays of {@link #of(boolean[], int, int, int[], Work)}. */
    public static Labeling of4(boolean[] mask, int width, int height, int[] reuse, Work work) {
        return label(mask, width, height, reuse, false, work);
    }

    /** A labelling's own arrays (its union-find forest, the final numbers, the sizes), kept for the next one. */
    public static final class Work {
        int[] parent = new int[64], id = new int[64], sizes = new int[16];
    }

    private static Labeling label(boolean[] mask, int width, int height, int[] reuse, boolean eight, Work work) {
        int n = width * height;
        int[] labels = reuse != null && reuse.length >= n ? reuse : new int[n];
        int[] parent = work != null ? work.parent : new int[64];
        int provisional = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int p = row + x;
                if (!mask[p]) {
                    labels[p] = 0;
                    continue;
                }
                // Neighbours already visited: west and north, and with 8-connectivity north-west and north-east.
                int l = 0;
                if (x > 0) l = join(parent, l, labels[p - 1]);
                if (y > 0) {
                    int up = p - width;
                    l = join(parent, l, labels[up]);
                    if (eight && x > 0) l = join(parent, l, labels[up - 1]);
                    if (eight && x < width - 1) l = join(parent, l, labels[up + 1]);
                }
                if (l == 0) {
                    l = ++provisional;
                    if (l == parent.length) parent = Arrays.copyOf(parent, parent.length * 2);
                    parent[l] = l;
                }
                labels[p] = l;
            }
        }
        // Final ids in the raster order of each component's first pixel: the order its root is first met.
        int[] id;
        if (work == null) {
            id = new int[provisional + 1];
        } else {
            work.parent = parent;
            id = work.id = work.id.length > provisional ? work.id : new int[Math.max(provisional + 1, 2 * work.id.length)];
            Arrays.fill(id, 0, provisional + 1, 0);
        }
        int[] sizes = work != null ? work.sizes : new int[16];
        int count = 0;
        for (int p = 0; p < n; p++) {
            if (labels[p] == 0) continue;
            int r = root(parent, labels[p]);
            if (id[r] == 0) {
                id[r] = ++count;
                if (count >= sizes.length) sizes = Arrays.copyOf(sizes, sizes.length * 2);
                sizes[count] = 0;
            }
            labels[p] = id[r];
            sizes[id[r]]++;
        }
        if (work == null) return new Labeling(labels, count, Arrays.copyOf(sizes, count + 1));
        work.sizes = sizes;
        return new Labeling(labels, count, sizes);
    }

    /** Unites the trees of provisional labels a (0 = none yet) and b (0 = background); returns the root. */
    private static int join(int[] parent, int a, int b) {
        if (b == 0) return a;
        int rb = root(parent, b);
        if (a == 0) return rb;
        int ra = root(parent, a);
        if (ra == rb) return ra;
        // The smaller label becomes the root, so roots stay the oldest label of their component.
        if (ra < rb) {
            parent[rb] = ra;
            return ra;
        }
        parent[ra] = rb;
        return rb;
    }

    private static int root(int[] parent, int l) {
        int r = l;
        while (parent[r] != r) r = parent[r];
        while (parent[l] != r) { // path compression
            int next = parent[l];
            parent[l] = r;
            l = next;
        }
        return r;
    }

    /** Fills holes: pixels not in the mask that cannot reach the border through non-mask pixels (4-connected). */
    public static boolean[] fillHoles(boolean[] mask, int width, int height) {
        boolean[] outside = new boolean[mask.length];
        int[] stack = new int[64];
        int sp = 0;
        for (int x = 0; x < width; x++) { sp = seed(mask, outside, x, stack, sp); sp = seed(mask, outside, (height - 1) * width + x, stack, sp); stack = grow(stack, sp); }
        for (int y = 0; y < height; y++) { sp = seed(mask, outside, y * width, stack, sp); sp = seed(mask, outside, y * width + width - 1, stack, sp); stack = grow(stack, sp); }
        while (sp > 0) {
            int p = stack[--sp];
            int x = p % width, y = p / width;
            // Four explicit neighbours: an array of them per pixel was most of a run's allocation.
            if (x > 0) sp = push(mask, outside, p - 1, stack = grow(stack, sp), sp);
            if (x < width - 1) sp = push(mask, outside, p + 1, stack = grow(stack, sp), sp);
            if (y > 0) sp = push(mask, outside, p - width, stack = grow(stack, sp), sp);
            if (y < height - 1) sp = push(mask, outside, p + width, stack = grow(stack, sp), sp);
        }
        boolean[] filled = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) filled[i] = mask[i] || !outside[i];
        return filled;
    }

    /**
     * Fills only the holes of at most {@code maxHolePixels} pixels (holes as in {@link #fillHoles}); larger
     * enclosed regions stay outside the mask. Returns a new mask.
     */
    public static boolean[] fillHolesUpTo(boolean[] mask, int width, int height, double maxHolePixels) {
        boolean[] filled = fillHoles(mask, width, height);
        boolean[] holes = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) holes[i] = filled[i] && !mask[i];
        Labeling parts = of(holes, width, height);
        boolean[] out = mask.clone();
        for (int i = 0; i < mask.length; i++) {
            int h = parts.labels[i];
            if (h > 0 && parts.sizes[h] <= maxHolePixels) out[i] = true;
        }
        return out;
    }

    private static int seed(boolean[] mask, boolean[] outside, int p, int[] stack, int sp) {
        if (!mask[p] && !outside[p]) {
            outside[p] = true;
            stack[sp++] = p;
        }
        return sp;
    }

    private static int push(boolean[] mask, boolean[] outside, int q, int[] stack, int sp) {
        if (!mask[q] && !outside[q]) {
            outside[q] = true;
            stack[sp++] = q;
        }
        return sp;
    }

    private static int[] grow(int[] stack, int sp) {
        return sp + 4 >= stack.length ? Arrays.copyOf(stack, stack.length * 2 + 8) : stack;
    }
}
