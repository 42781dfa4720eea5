package necroptosis.pipeline;

import java.util.Locale;

import necroptosis.stain.ColorDeconvolution;
import necroptosis.stain.StainVectors;

/**
 * Whether what the DAB channel measures looks like DAB. Colour deconvolution puts any stain into the
 * channel nearest its colour, so eosin scored with the H-DAB preset becomes "DAB-positive" tissue without a
 * word. The two differ in hue: DAB (brown) absorbs blue light most, eosin (pink) green light, and
 * haematoxylin also more green than blue. On the real images in ../shared, among pixels above the weak
 * DAB threshold, those absorbing more blue than green are 0-1 % on every H&E field with much such tissue
 * (CMU-1, NuCLS, osteosarcoma, BRACS, TCGA) and 5-98 % on every IHC field (DeepLIIF, OS-2, scikit-image's).
 * The checks are advisory: they add a note and change no number. Also said: a DAB slide with no DAB-positive
 * tissue at all, and DAB so dark that the scanner clipped it ({@link #countClipped}).
 */
public final class StainCheck {
    /** Share of tissue above the weak DAB threshold from which the hue of that "DAB" is judged. */
    static final double MIN_POSITIVE_SHARE = 0.2;
    /** Share of those pixels absorbing more blue than green below which they are not DAB. */
    static final double MIN_BROWN_SHARE = 0.02;

    /** Share of the tissue above the weak DAB threshold below which a slide is said to hold no DAB. */
    static final double NO_DAB_SHARE = 0.001;
    /**
     * A DAB-positive pixel is clipped when its blue channel, which DAB absorbs most, is at or below this level
     * of 255: optical density there is no longer measured (8-bit noise and the camera's dark level dominate),
     * so the strongest staining reads weaker than it is. On the real IHC images in ../shared (DeepLIIF, OS-2
     * on two scanners, scikit-image's) under 1 % of the DAB-positive pixels are that dark.
     */
    static final int CLIPPED_BLUE = 5;
    /** Share of the DAB-positive pixels clipped from which the note is given. */
    static final double CLIPPED_SHARE = 0.05;
    /** Fewer DAB-positive pixels in the sample windows than this say nothing about clipping. */
    static final long MIN_POSITIVE_PIXELS = 1000;

    private StainCheck() {}

    /** Whether the stain set's second stain is DAB. */
    static boolean isDab(StainVectors stains) {
        return "DAB".equalsIgnoreCase(stains.stainName(2));
    }

    /** {pixels whose DAB is at least {@code weakOd}, those of them clipped (blue channel at most {@value #CLIPPED_BLUE})}. */
    static long[] countClipped(int[] rgb, float[] dab, double weakOd) {
        long positive = 0, clipped = 0;
        for (int i = 0; i < rgb.length; i++) {
            if (dab[i] < weakOd) continue;
            positive++;
            if ((rgb[i] & 0xff) <= CLIPPED_BLUE) clipped++;
        }
        return new long[] {positive, clipped};
    }

    /** A note when much of the DAB-positive tissue is clipped, else null. */
    static String clippedNote(long positive, long clipped, String marker) {
        if (positive < MIN_POSITIVE_PIXELS || clipped < CLIPPED_SHARE * positive) return null;
        return String.format(Locale.ROOT, "DAB saturated: %.0f%% of the DAB-positive tissue is nearly black (blue channel at most %d of 255), "
                + "where optical density is clipped; strong %s staining reads weaker than it is (H-score and strong fraction low)",
                100.0 * clipped / positive, CLIPPED_BLUE, marker);
    }

    /**
     * A note when the slide's DAB channel looks like eosin (an H&E slide scored as IHC) or holds no DAB at all, else null. Only for
     * stain vectors whose second stain is DAB; judged on the overview's tissue pixels.
     */
    public static String note(StainVectors stains, double weakOd, int[] rgb, byte[] tissue, String marker) {
        if (!isDab(stains)) return null;
        ColorDeconvolution cd = new ColorDeconvolution(stains);
        double[] od = new double[3], c = new double[3];
        long tissuePixels = 0, positive = 0, brown = 0;
        for (int i = 0; i < rgb.length; i++) {
            if (tissue[i] == 0) continue;
            tissuePixels++;
            cd.opticalDensities(rgb[i], od);
            cd.concentrations(od[0], od[1], od[2], c);
            if (c[1] < weakOd) continue;
            positive++;
            if (od[2] > od[1]) brown++;
        }
        if (tissuePixels == 0) return null;
        if (positive < NO_DAB_SHARE * tissuePixels) {
            return String.format(Locale.ROOT, "no DAB staining found: %.2f%% of the tissue is above the weak DAB threshold "
                    + "(a %s-negative slide, or no DAB on it?)", 100.0 * positive / tissuePixels, marker);
        }
        if (positive < MIN_POSITIVE_SHARE * tissuePixels) return null;
        double brownShare = brown / (double) positive;
        if (brownShare >= MIN_BROWN_SHARE) return null;
        return String.format(Locale.ROOT, "the DAB channel does not look like DAB: %.0f%% of the tissue is above the weak threshold but "
                + "only %.1f%% of that absorbs more blue than green, as eosin does (an H&E slide scored with the %s preset?); "
                + "the %s figures are unreliable", 100.0 * positive / tissuePixels, 100 * brownShare, stains.name(), marker);
    }
}
