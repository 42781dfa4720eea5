package necroptosis.segmentation;

import java.util.Arrays;

/** Connected components of a binary grid, 8-connected, labelled 1..n in raster order of their first pixel. */
public final class Labeling {
    public final int[] labels;
    public final int count;
    /** Pixels per label, index 0 unused. */
    public final int[] sizes;

    private Labeling(int[] labels, int count, int[] sizes) {
        this.labels = labels;
        this.count = count;
        this.sizes = sizes;
    }

    public static Labeling of(boolean[] mask, int width, int height) {
        int[] labels = new int[mask.length];
        int[] sizes = new int[16];
        int[] stack = new int[64];
        int count = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || labels[start] != 0) continue;
            int id = ++count;
            if (id >= sizes.length) sizes = Arrays.copyOf(sizes, sizes.length * 2);
            int sp = 0;
            stack[sp++] = start;
            labels[start] = id;
            while (sp > 0) {
                int p = stack[--sp];
                sizes[id]++;
                int x = p % width, y = p / width;
                for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx, ny = y + dy;
                    if ((dx | dy) == 0 || nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
                    int q = ny * width + nx;
                    if (mask[q] && labels[q] == 0) {
                        labels[q] = id;
                        if (sp == stack.length) stack = Arrays.copyOf(stack, sp * 2);
                        stack[sp++] = q;
                    }
                }
            }
        }
        return new Labeling(labels, count, Arrays.copyOf(sizes, count + 1));
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
