package necroptosis.segmentation;

import java.util.Arrays;

import ij.plugin.filter.GaussianBlur;
import ij.process.FloatProcessor;

/**
 * The core's image filters, and the one place where it calls ImageJ's processing filters from
 * {@code ij.plugin.filter}: ImageJ's Gaussian kernel (and, for large sigma, its whole blur). Only their
 * processing methods are used, never their dialogs, so they run headless. The top-hat, distance maps and
 * watersheds are our own, for speed; the tests compare each with ImageJ's ({@code ImageJReference}).
 * Keeping ImageJ behind this facade keeps every other core class free of {@code ij.plugin} imports.
 * Every filter runs in the calling thread without changing ImageJ's settings (its thread count stays the
 * Fiji user's): the slide analysis runs one tile per thread.
 */
public final class ImageJFilters {
    private ImageJFilters() {}

    /**
     * Gaussian blur in place: ImageJ's GaussianBlur as {@code FloatProcessor.blurGaussian} runs it
     * (accuracy 0.0002 for float images). Up to the sigma where ImageJ starts to downscale lines, its
     * kernels are applied by {@link SeparableGaussian}, which gives the same pixels several times faster.
     */
    public static void gaussian(float[] pixels, int width, int height, double sigmaPx) {
        if (sigmaPx <= 0) return;
        if (sigmaPx > GAUSSIAN_MAX_UNSCALED_SIGMA) {
            blurLineByLine(pixels, width, height, sigmaPx);
            return;
        }
        GaussianBlur g = new GaussianBlur();
        // ImageJ limits each direction's kernel by the line length (the image's width, then its height).
        SeparableGaussian.blur(pixels, width, height, g.makeGaussianKernel(sigmaPx, GAUSSIAN_ACCURACY, width),
                g.makeGaussianKernel(sigmaPx, GAUSSIAN_ACCURACY, height));
    }

    /**
     * ImageJ's own blur with downscaled lines, as {@code FloatProcessor.blurGaussian} runs it, one line per
     * call. Each line is blurred on its own, so the pixels are the same; but ImageJ splits a call's lines
     * over {@code Prefs.getThreads()} threads of its shared pool ({@code ij.util.ThreadUtil}), whose
     * non-daemon threads never end, and runs a single line in the calling thread. The slide analysis
     * already runs one tile per thread, and ImageJ's thread setting stays the user's for the whole
     * session. Used only for sigmas above {@link #GAUSSIAN_MAX_UNSCALED_SIGMA} pixels.
     */
    private static void blurLineByLine(float[] pixels, int width, int height, double sigmaPx) {
        FloatProcessor ip = new FloatProcessor(width, height, pixels);
        GaussianBlur g = new GaussianBlur();
        g.showProgress(false);
        for (int y = 0; y < height; y++) {
            ip.setRoi(0, y, width, 1);
            g.blur1Direction(ip, sigmaPx, GAUSSIAN_ACCURACY, true, 0);
        }
        for (int x = 0; x < width; x++) {
            ip.setRoi(x, 0, 1, height);
            g.blur1Direction(ip, sigmaPx, GAUSSIAN_ACCURACY, false, 0);
        }
    }

    /** The kernel accuracy ImageJ's GaussianBlur uses for float images. */
    static final double GAUSSIAN_ACCURACY = 0.0002;
    /** Above this sigma (pixels) ImageJ's GaussianBlur downscales each line before convolving it. */
    static final double GAUSSIAN_MAX_UNSCALED_SIGMA = 2 * 4 + 0.5;

    /**
     * Removes the local background in place with ImageJ's white top-hat (Process > Filters > Top Hat):
     * the image minus its grey opening by a disk of the given radius. Unlike the rolling ball, a flat disk
     * does not depend on the intensity scale, which for optical densities (0-3) would make the ball fit
     * under every nucleus. What remains is the signal of objects narrower than the disk.
     */
    public static void subtractBackground(float[] pixels, int width, int height, double radiusPx) {
        if (radiusPx <= 0) return;
        // As ImageJ's Subtract Background, large radii work on a shrunken image (TopHat.whiteTopHatShrunk;
        // TopHatTest bounds the difference from the exact opening, which TopHat.whiteTopHat computes
        // exactly as RankFilters does).
        TopHat.whiteTopHatShrunk(pixels, width, height, radiusPx, TopHat.shrinkFactor(radiusPx));
    }

    /**
     * ImageJ's float EDM of a binary mask as its EDM watershed computes it: for every non-zero pixel the
     * distance to the nearest zero pixel, the image's edge not counting as background. Computed by
     * {@link DistanceTransform}, which gives ImageJ's values (DistanceTransformTest) without its
     * progress-bar overhead, which dominated on the small boxes of the nucleus split.
     */
    public static float[] distanceToBackground(byte[] mask, int width, int height) {
        return DistanceTransform.distanceToBackground(mask, width, height);
    }

    /**
     * Euclidean distance (in pixels) from every pixel to the nearest pixel where {@code target} is
     * non-zero; 0 on the target itself (ImageJ's float EDM, exact, through {@link DistanceTransform}).
     * Without any target every distance is {@link Float#POSITIVE_INFINITY}.
     */
    public static float[] distanceTo(byte[] target, int width, int height) {
        boolean any = false;
        byte[] others = new byte[target.length];
        for (int i = 0; i < target.length; i++) {
            if (target[i] != 0) any = true;
            else others[i] = (byte) 255;
        }
        if (!any) {
            float[] inf = new float[target.length];
            Arrays.fill(inf, Float.POSITIVE_INFINITY);
            return inf;
        }
        // The distance map gives, for each non-background pixel, the distance to the nearest background (0) pixel.
        return DistanceTransform.distanceToBackground(others, width, height);
    }
}
