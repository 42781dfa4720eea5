package necroptosis.segmentation;

import ij.plugin.filter.EDM;
import ij.plugin.filter.MaximumFinder;
import ij.plugin.filter.RankFilters;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

/**
 * ImageJ's own filters, called as Fiji users know them: the references that the tests compare the core's
 * faster versions with ({@link SeparableGaussian}, {@link TopHat}, {@link MarkerWatershed},
 * {@link DistanceTransform}). Test code only: the analysis no longer runs them.
 */
final class ImageJReference {
    private ImageJReference() {}

    /** {@link ImageJFilters#gaussian} through ImageJ's GaussianBlur itself: the reference for {@link SeparableGaussian}. */
    static void gaussianWithImageJ(float[] pixels, int width, int height, double sigmaPx) {
        if (sigmaPx > 0) new FloatProcessor(width, height, pixels).blurGaussian(sigmaPx);
    }

    /** {@link ImageJFilters#subtractBackground} through ImageJ's RankFilters itself: the reference for {@link TopHat}. */
    static void subtractBackgroundWithRankFilters(float[] pixels, int width, int height, double radiusPx) {
        if (radiusPx <= 0) return;
        new RankFilters().rank(new FloatProcessor(width, height, pixels), radiusPx, RankFilters.TOP_HAT, 0, 0f, false, false);
    }

    /**
     * Intensity watershed (Process > Find Maxima..., output "Segmented Particles") through ImageJ itself,
     * flooding only pixels at or above {@code threshold} ("above lower threshold"): each maximum with at
     * least the given prominence gets its own basin, separated by one-pixel lines. Returns 255 inside
     * basins and 0 on the lines and below the threshold. The reference for the nucleus split's own
     * {@link MarkerWatershed}, which replaced it for speed (MarkerWatershedTest).
     */
    static byte[] basinsOfMaxima(float[] pixels, int width, int height, double prominence, double threshold) {
        FloatProcessor fp = new FloatProcessor(width, height, pixels.clone());
        ByteProcessor out = new MaximumFinder().findMaxima(fp, prominence, threshold, MaximumFinder.SEGMENTED, false, false);
        return (byte[]) out.getPixels();
    }

    /**
     * ImageJ's EDM watershed (Process > Binary > Watershed) of a binary mask (255 = object) in place: the
     * reference for {@link ShapeSplit#splitByShape}.
     */
    static void watershedWithImageJ(byte[] mask, int width, int height) {
        // toWatershed treats 255 as foreground on a normal (non-inverted) LUT with a black background.
        new EDM().toWatershed(new ByteProcessor(width, height, mask));
    }

    /** {@link ImageJFilters#distanceToBackground} through ImageJ's {@code EDM.makeFloatEDM}: the reference. */
    static float[] distanceToBackgroundWithImageJ(byte[] mask, int width, int height) {
        return (float[]) new EDM().makeFloatEDM(new ByteProcessor(width, height, mask), 0, false).getPixels();
    }
}
