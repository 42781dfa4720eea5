package necroptosis.segmentation;

import ij.process.AutoThresholder;

/**
 * Step 1 of the nucleus detection: the image the threshold applies to, and the threshold. Local
 * background is removed by a top-hat ({@code flat}), which is then Gaussian-smoothed ({@code smooth});
 * the threshold is the fixed floor, raised to Otsu's threshold of the smoothed image where that is higher.
 */
final class NucleusFilter {
    /** Histogram range of the smoothed, background-free OD used for Otsu's threshold. */
    static final double OTSU_MAX_OD = 2.0;

    private final NucleusSettings settings;

    NucleusFilter(NucleusSettings settings) {
        this.settings = settings;
    }

    /** Fills {@code flat} and {@code smooth} (each {@code width * height}) from {@code od}, which is not modified. */
    void filter(float[] od, int width, int height, double pixelSizeUm, float[] flat, float[] smooth) {
        System.arraycopy(od, 0, flat, 0, flat.length);
        ImageJFilters.subtractBackground(flat, width, height, settings.backgroundRadiusUm / pixelSizeUm);
        System.arraycopy(flat, 0, smooth, 0, smooth.length);
        ImageJFilters.gaussian(smooth, width, height, settings.sigmaUm / pixelSizeUm);
    }

    /** Adds smoothed values to a 256-bin histogram over 0-{@value #OTSU_MAX_OD} OD; a new one when null. */
    static int[] histogram(float[] smooth, int[] hist) {
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
    double threshold(int[] hist) {
        double floor = settings.thresholdOd;
        long count = 0;
        for (int c : hist) count += c;
        if (!settings.autoThreshold || count < 100) return floor;
        int otsu = new AutoThresholder().getThreshold(AutoThresholder.Method.Otsu, hist);
        return Math.max(floor, (otsu + 1) * OTSU_MAX_OD / 255);
    }
}
