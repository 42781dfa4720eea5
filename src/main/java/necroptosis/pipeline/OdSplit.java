package necroptosis.pipeline;

import ij.process.AutoThresholder;

/** Otsu's split of a set of optical densities, by ImageJ's own thresholder over a fixed OD histogram. */
final class OdSplit {
    /** Histogram range: OD 0 up to this (darker values go into the last bin, negative ones into the first). */
    static final double MAX_OD = 2;
    static final int BINS = 256;

    private OdSplit() {}

    /**
     * Otsu's threshold of {@code ods} in OD: the lower edge of the first bin of the upper class (ImageJ returns
     * the last bin of the lower class), so the values at or above it are the darker class. Values that are not
     * finite are left out; 0 when none is left.
     */
    static double otsu(double[] ods) {
        int[] hist = new int[BINS];
        int n = 0;
        for (double od : ods) {
            if (Double.isNaN(od) || Double.isInfinite(od)) continue;
            hist[Math.max(0, Math.min(BINS - 1, (int) Math.floor(od / MAX_OD * BINS)))]++;
            n++;
        }
        if (n == 0) return 0;
        int bin = new AutoThresholder().getThreshold(AutoThresholder.Method.Otsu, hist);
        return (bin + 1) * MAX_OD / BINS;
    }
}
