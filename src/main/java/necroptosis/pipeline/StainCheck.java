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
 * The check is advisory: it adds a note and changes no number.
 */
public final class StainCheck {
    /** Share of tissue above the weak DAB threshold from which the hue of that "DAB" is judged. */
    static final double MIN_POSITIVE_SHARE = 0.2;
    /** Share of those pixels absorbing more blue than green below which they are not DAB. */
    static final double MIN_BROWN_SHARE = 0.02;

    private StainCheck() {}

    /**
     * A note when the slide's DAB channel looks like eosin (an H&E slide scored as IHC), else null. Only for
     * stain vectors whose second stain is DAB; judged on the overview's tissue pixels.
     */
    public static String note(StainVectors stains, double weakOd, int[] rgb, byte[] tissue, String marker) {
        if (!"DAB".equalsIgnoreCase(stains.stainName(2))) return null;
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
        if (tissuePixels == 0 || positive < MIN_POSITIVE_SHARE * tissuePixels) return null;
        double brownShare = brown / (double) positive;
        if (brownShare >= MIN_BROWN_SHARE) return null;
        return String.format(Locale.ROOT, "the DAB channel does not look like DAB: %.0f%% of the tissue is above the weak threshold but "
                + "only %.1f%% of that absorbs more blue than green, as eosin does (an H&E slide scored with the %s preset?); "
                + "the %s figures are unreliable", 100.0 * positive / tissuePixels, 100 * brownShare, stains.name(), marker);
    }
}
