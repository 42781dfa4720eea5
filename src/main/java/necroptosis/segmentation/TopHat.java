package necroptosis.segmentation;

import java.util.Arrays;

/**
 * White top-hat (image minus its grey opening by a disk) giving exactly the values of ImageJ's
 * {@code RankFilters} TOP_HAT on a float image (same disk, same edge padding), several times faster.
 * ImageJ rescans the kernel area whenever the running maximum leaves it, which on smooth optical
 * density tiles is most pixels; this was three quarters of a whole run. Here each image row is first
 * reduced to its minima (or maxima) over every half-width 0..r, one step per half-width
 * ({@code m[w][x] = min(m[w-1][x-1], m[w-1][x], m[w-1][x+1])}), and the disk is then the extreme over its rows
 * of those row values: about 2r + 2r + 1 comparisons per pixel and pass, in flat loops the JIT
 * vectorises. Min and max over the same pixel set are exact, so the result does not depend on the
 * order of evaluation. Inputs must be finite (ImageJ's NaN handling is not reproduced).
 */
final class TopHat {
    private TopHat() {}

    /** Replaces {@code pixels} by pixels minus their opening with ImageJ's disk of {@code radius}. */
    static void whiteTopHat(float[] pixels, int width, int height, double radius) {
        int[] dx = diskHalfWidths(radius);
        Scratch s = SCRATCH.get().fit(pixels.length, width, dx.length / 2, Math.min(dx.length, height));
        extreme(pixels, s.eroded, width, height, dx, true, s);
        extreme(s.eroded, s.opened, width, height, dx, false, s);
        float[] opened = s.opened;
        for (int i = 0; i < pixels.length; i++) pixels[i] = pixels[i] - opened[i];
    }

    /**
     * The shrink factor {@link #whiteTopHatShrunk} uses for a disk of this radius: 2 beyond 10 pixels (as
     * ImageJ's Subtract Background, which shrinks by 2 from radius 10), never more: shrinking by 4 at
     * 0.25 µm per pixel moved 1.7 % of a real panel's pixels across the nucleus threshold (ShrunkTopHatTest).
     */
    static int shrinkFactor(double radius) {
        return radius <= 10 ? 1 : 2;
    }

    /**
     * White top-hat whose opening is computed on the image shrunk by {@code shrink}: the minimum of each
     * shrink x shrink block (never above the pixels it stands for) is eroded with a disk of radius / shrink,
     * dilated with one half a shrunken pixel wider (the shrunken dilation sees only block centres, and
     * without it the background came out low on average), and brought back by bilinear interpolation
     * between block centres, never above the pixel itself. ImageJ's Subtract Background shrinks the same way
     * for large radii: the opening is a smooth background, so a coarser grid changes it little
     * (ShrunkTopHatTest bounds the difference from the exact opening on real and synthetic tiles) at about
     * 1/shrink^3 of the cost.
     */
    static void whiteTopHatShrunk(float[] pixels, int width, int height, double radius, int shrink) {
        if (shrink <= 1) {
            whiteTopHat(pixels, width, height, radius);
            return;
        }
        int sw = (width + shrink - 1) / shrink, sh = (height + shrink - 1) / shrink, sn = sw * sh;
        int[] erode = diskHalfWidths(radius / shrink), dilate = diskHalfWidths(radius / shrink + 0.5);
        int most = Math.max(erode.length, dilate.length);
        Scratch s = SHRUNK.get().fit(sn, sw, most / 2, Math.min(most, sh));
        if (s.small.length < sn) s.small = new float[sn];
        float[] small = s.small;
        Arrays.fill(small, 0, sn, Float.POSITIVE_INFINITY);
        if (s.block.length < width) {
            s.block = new int[width];
            s.x0 = new int[width];
            s.fx = new float[width];
            s.upper = new float[width];
            s.lower = new float[width];
        }
        int[] block = s.block; // x / shrink, without a division per pixel
        for (int x = 0; x < width; x++) block[x] = x / shrink;
        for (int y = 0; y < height; y++) {
            int row = (y / shrink) * sw, base = y * width;
            for (int x = 0; x < width; x++) {
                int j = row + block[x];
                float v = pixels[base + x];
                if (v < small[j]) small[j] = v;
            }
        }
        extreme(small, s.eroded, sw, sh, erode, true, s);
        extreme(s.eroded, s.opened, sw, sh, dilate, false, s);
        float[] opened = s.opened;
        // Block j's centre lies at full-resolution coordinate j * shrink + (shrink - 1) / 2.
        double half = (shrink - 1) / 2.0;
        int[] x0 = s.x0;
        float[] fx = s.fx;
        for (int x = 0; x < width; x++) {
            double u = Math.max(0, Math.min(sw - 1, (x - half) / shrink));
            x0[x] = Math.min(sw - 2 < 0 ? 0 : sw - 2, (int) u);
            fx[x] = (float) (u - x0[x]);
        }
        // Each shrunken row interpolated along x once (two kept: the rows above and below a pixel row).
        int upperRow = -1, lowerRow = -1;
        for (int y = 0; y < height; y++) {
            double v = Math.max(0, Math.min(sh - 1, (y - half) / shrink));
            int y0 = Math.min(sh - 2 < 0 ? 0 : sh - 2, (int) v), y1 = Math.min(sh - 1, y0 + 1);
            float fy = (float) (v - y0);
            if (upperRow != y0) {
                if (lowerRow == y0) {
                    float[] t = s.upper;
                    s.upper = s.lower;
                    s.lower = t;
                } else {
                    interpolateRow(opened, y0 * sw, sw, x0, fx, s.upper, width);
                }
                upperRow = y0;
                lowerRow = -1;
            }
            if (lowerRow != y1) {
                interpolateRow(opened, y1 * sw, sw, x0, fx, s.lower, width);
                lowerRow = y1;
            }
            float[] top = s.upper, bottom = s.lower;
            int base = y * width;
            for (int x = 0; x < width; x++) {
                float background = top[x] + fy * (bottom[x] - top[x]);
                float p = pixels[base + x];
                pixels[base + x] = p - Math.min(p, background);
            }
        }
    }

    /** Shrunken row {@code (start..start+sw)} interpolated linearly at every full-resolution x (0..width). */
    private static void interpolateRow(float[] opened, int start, int sw, int[] x0, float[] fx, float[] out, int width) {
        for (int x = 0; x < width; x++) {
            int a = start + x0[x], b = start + Math.min(sw - 1, x0[x] + 1);
            out[x] = opened[a] + fx[x] * (opened[b] - opened[a]);
        }
    }

    /**
     * Per-thread work arrays, reused from tile to tile: a tile's two intermediate images are "humongous"
     * objects for the G1 collector, and allocating them for every tile made the heap grow with the run.
     * They only grow (every loop is bounded by the image's own size, never by an array's length), so the
     * smaller windows at a slide's edges and the threshold samples reuse the inner tiles' arrays instead of
     * replacing them at every change of size.
     */
    private static final class Scratch {
        float[] eroded = new float[0], opened = new float[0];
        float[][][] rows = new float[0][][];
        float[] acc = new float[0];
        int[] rowInSlot = new int[0];
        float[] small = new float[0], upper = new float[0], lower = new float[0], fx = new float[0];
        int[] block = new int[0], x0 = new int[0];

        Scratch fit(int n, int width, int r, int slots) {
            if (eroded.length < n) {
                eroded = null; // the old arrays can go before the new ones are made
                opened = null;
                eroded = new float[n];
                opened = new float[n];
            }
            if (acc.length < width) acc = new float[width];
            if (rows.length < slots || rows[0].length < r + 1 || rows[0][0].length < width + 2 * r) {
                int s = Math.max(slots, rows.length), w = Math.max(r + 1, rows.length == 0 ? 0 : rows[0].length);
                int len = Math.max(width + 2 * r, rows.length == 0 ? 0 : rows[0][0].length);
                rows = new float[s][w][len];
                rowInSlot = new int[s];
            }
            return this;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    /** Separate from {@link #SCRATCH} so that the two sizes do not reallocate each other's arrays. */
    private static final ThreadLocal<Scratch> SHRUNK = ThreadLocal.withInitial(Scratch::new);

    /**
     * Half-width of the disk's row at each vertical offset {@code -r..r} (index offset + r), as ImageJ's
     * {@code RankFilters.makeLineRadii} builds it: radius squared rounded down plus one, with ImageJ's
     * two small-radius adjustments kept for identical kernels.
     */
    static int[] diskHalfWidths(double radius) {
        if (radius >= 1.5 && radius < 1.75) radius = 1.75;
        else if (radius >= 2.5 && radius < 2.85) radius = 2.85;
        int r2 = (int) (radius * radius) + 1;
        int r = (int) Math.sqrt(r2 + 1e-10);
        int[] dx = new int[2 * r + 1];
        for (int y = 0; y <= r; y++) {
            int w = y == 0 ? r : (int) Math.sqrt(r2 - y * y + 1e-10);
            dx[r - y] = w;
            dx[r + y] = w;
        }
        return dx;
    }

    /**
     * Minimum ({@code min} true) or maximum over the disk around every pixel, into {@code out}; pixels
     * beyond the image take the value of the nearest edge pixel (ImageJ's padding).
     */
    private static void extreme(float[] in, float[] out, int width, int height, int[] dx, boolean min, Scratch scratch) {
        int r = dx.length / 2;
        // Ring of row reductions: rows[slot][w] holds the padded row's extreme over half-width w.
        int slots = Math.min(2 * r + 1, height);
        float[][][] rows = scratch.rows;
        int[] rowInSlot = scratch.rowInSlot;
        Arrays.fill(rowInSlot, -1);
        float[] acc = scratch.acc;
        for (int y = 0; y < height; y++) {
            for (int k = 0; k < dx.length; k++) {
                int sy = Math.min(height - 1, Math.max(0, y + k - r));
                float[] src = reducedRow(in, width, r, sy, rows, rowInSlot, slots, min)[dx[k]];
                if (k == 0) {
                    System.arraycopy(src, r, acc, 0, width);
                } else if (min) {
                    for (int x = 0; x < width; x++) acc[x] = Math.min(acc[x], src[x + r]);
                } else {
                    for (int x = 0; x < width; x++) acc[x] = Math.max(acc[x], src[x + r]);
                }
            }
            System.arraycopy(acc, 0, out, y * width, width);
        }
    }

    /** The reductions of image row {@code sy}, computed once while it is within reach of the disk. */
    private static float[][] reducedRow(float[] in, int width, int r, int sy, float[][][] rows, int[] rowInSlot, int slots,
            boolean min) {
        int slot = sy % slots;
        float[][] m = rows[slot];
        if (rowInSlot[slot] == sy) return m;
        rowInSlot[slot] = sy;
        float[] row0 = m[0];
        int base = sy * width;
        System.arraycopy(in, base, row0, r, width);
        Arrays.fill(row0, 0, r, in[base]);
        Arrays.fill(row0, r + width, width + 2 * r, in[base + width - 1]);
        int n = width + 2 * r;
        for (int w = 1; w <= r; w++) {
            float[] prev = m[w - 1], cur = m[w];
            // Valid where both neighbours exist; the padding makes every needed index (r - w .. r + width - 1 + w) valid.
            if (min) {
                for (int x = 1; x < n - 1; x++) cur[x] = Math.min(prev[x], Math.min(prev[x - 1], prev[x + 1]));
            } else {
                for (int x = 1; x < n - 1; x++) cur[x] = Math.max(prev[x], Math.max(prev[x - 1], prev[x + 1]));
            }
        }
        return m;
    }
}
