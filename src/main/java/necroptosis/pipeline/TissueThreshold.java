package necroptosis.pipeline;

import java.util.Locale;

/**
 * The summed-OD threshold between glass and tissue on one slide, measured on its glass. Glass is uniform:
 * on the smoothed overview its OD sums form a narrow peak a few hundredths above zero (scanner noise, JPEG
 * steps, uneven illumination), while tissue spreads from there to well above 1. Where such a peak is found,
 * tissue begins just above its upper flank (where the histogram has fallen below {@value #FLANK} of the
 * peak, plus {@value #MARGIN}), never below {@value #FLOOR} and never above the default threshold: pale
 * cytoplasm, at 0.04-0.1 on a pale scan, is then tissue as it is on a dark scan of the same section. A
 * field without such a peak (cut from inside the tissue) has no glass to measure: its brightest pixels
 * are tissue, so neither the glass level nor this threshold can come from them.
 */
final class TissueThreshold {
    /** Histogram bin, OD sum: finer than the glass peak, coarser than the 8-bit OD steps near zero. */
    static final double BIN = 0.0025;
    /** The glass peak lies below this OD sum (glass at 90 % of the background level in every channel). */
    static final double GLASS_MAX = 0.1;
    /** Tissue starts where the histogram above the glass peak has fallen below this share of the peak. */
    static final double FLANK = 0.25;
    /** Added to the end of the peak's flank, for the smoothed tails of glass at the tissue's edge. */
    static final double MARGIN = 0.01;
    /** Least threshold: below it, haze, dust and the glass's own unevenness would become tissue. */
    static final double FLOOR = 0.04;
    /** Least share of the overview in the glass peak: a few bright pixels in a lumen are no glass. */
    static final double MIN_GLASS_SHARE = 0.01;

    /** The threshold to use, OD summed over r, g and b. */
    final double minOdSum;
    /** Whether the field shows glass (a glass peak was found). */
    final boolean glass;
    /** How the threshold was chosen, for the summary. */
    final String how;

    private TissueThreshold(double minOdSum, boolean glass, String how) {
        this.minOdSum = minOdSum;
        this.glass = glass;
        this.how = how;
    }

    /** The threshold for the smoothed OD sums {@code odSum} of an overview; {@code defaultMinOdSum} without glass, and the ceiling. */
    static TissueThreshold of(float[] odSum, double defaultMinOdSum) {
        int bins = (int) Math.ceil(defaultMinOdSum / BIN) + 1;
        long[] hist = new long[bins];
        for (float v : odSum) {
            int k = (int) Math.floor(v / BIN);
            if (k >= 0 && k < bins) hist[k]++;
        }
        int peak = 0;
        int glassBins = Math.min(bins, (int) Math.round(GLASS_MAX / BIN));
        for (int k = 1; k < glassBins; k++) if (hist[k] > hist[peak]) peak = k;
        int flank = -1;
        for (int k = peak + 1; k < bins; k++) {
            if (hist[k] < FLANK * hist[peak]) {
                flank = k;
                break;
            }
        }
        long inPeak = 0;
        for (int k = 0; k <= Math.max(flank, 0); k++) inPeak += hist[k];
        if (hist[peak] == 0 || flank < 0 || inPeak < MIN_GLASS_SHARE * odSum.length) {
            return new TissueThreshold(defaultMinOdSum, false, String.format(Locale.ROOT,
                    "no glass in the field (no narrow peak of OD sums below %.2f): OD sum >= %.3f", GLASS_MAX, defaultMinOdSum));
        }
        double t = Math.min(defaultMinOdSum, Math.max(FLOOR, flank * BIN + MARGIN));
        return new TissueThreshold(t, true, String.format(Locale.ROOT,
                "glass peak at OD sum %.4f (%.0f%% of the overview): OD sum >= %.3f", (peak + 0.5) * BIN, 100.0 * inPeak / odSum.length, t));
    }
}
