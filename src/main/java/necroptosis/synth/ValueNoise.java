package necroptosis.synth;

/**
 * Smooth 2-D value noise in [-1, 1] on a square lattice with hashed corner values: a pure function of
 * the position, used for the stroma pattern, the illumination field and shape wiggle. {@link #row} gives
 * the same values as {@link #at} for a run of pixels, hashing each lattice corner once.
 */
final class ValueNoise {
    private final long seed;
    private final double invSpacing;

    /** @param spacingPx lattice spacing in pixels (the feature size) */
    ValueNoise(long seed, double spacingPx) {
        this.seed = seed;
        this.invSpacing = 1.0 / spacingPx;
    }

    double at(double x, double y) {
        double fx = x * invSpacing;
        double fy = y * invSpacing;
        long ix = (long) Math.floor(fx);
        long iy = (long) Math.floor(fy);
        double tx = smooth(fx - ix);
        double ty = smooth(fy - iy);
        double v00 = corner(ix, iy);
        double v10 = corner(ix + 1, iy);
        double v01 = corner(ix, iy + 1);
        double v11 = corner(ix + 1, iy + 1);
        // y first, then x: the same operations as addRow, so both give identical doubles
        double a0 = v00 + (v01 - v00) * ty;
        double a1 = v10 + (v11 - v10) * ty;
        return a0 + (a1 - a0) * tx;
    }

    /** Values at pixel centres (x0 + i + 0.5, y) for i in [0, n), added times {@code weight} into out. */
    void addRow(double y, int x0, int n, double weight, double[] out, int offset) {
        double fy = y * invSpacing;
        long iy = (long) Math.floor(fy);
        double ty = smooth(fy - iy);
        long cached = Long.MIN_VALUE;
        double a0 = 0, a1 = 0;
        for (int i = 0; i < n; i++) {
            double fx = (x0 + i + 0.5) * invSpacing;
            long ix = (long) Math.floor(fx);
            if (ix != cached) {
                // column values at the lattice lines ix and ix + 1, interpolated in y
                double v00 = corner(ix, iy), v01 = corner(ix, iy + 1);
                double v10 = corner(ix + 1, iy), v11 = corner(ix + 1, iy + 1);
                a0 = v00 + (v01 - v00) * ty;
                a1 = v10 + (v11 - v10) * ty;
                cached = ix;
            }
            double tx = smooth(fx - ix);
            out[offset + i] += weight * (a0 + (a1 - a0) * tx);
        }
    }

    private static double smooth(double t) { return t * t * (3 - 2 * t); }

    private double corner(long ix, long iy) {
        long h = SplitMix.hash(seed, ix, iy, 0x5EED);
        return (h >>> 11) * 0x1.0p-52 - 1.0;
    }
}
