package necroptosis.pipeline;

import ij.process.AutoThresholder;

/** Otsu's split of a set of optical densities, by ImageJ's own thresholder over a fixed OD histogram. */
final class OdSplit {
    /** Histogram range: OD 0 up to this (darker values go into the last bin). */
    static final double MAX_OD = 2;
    static final int BINS = 256;

    private OdSplit() {}

    /** Otsu's threshold of {@code ods} in OD: the lower edge of the first bin of the upper class. */
    static double otsu(double[] ods) {
        int[] hist = new int[BINS];
        for (double od : ods) hist[Math.max(0, Math.min(BINS - 1, (int) (od / MAX_OD * BINS)))]++;
        int bin = new AutoThresholder().getThreshold(AutoThresholder.Method.Otsu, hist);
        return (bin + 1) * MAX_OD / BINS;
    }
}
