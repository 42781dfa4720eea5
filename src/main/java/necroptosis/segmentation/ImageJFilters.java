package necroptosis.segmentation;

import ij.plugin.filter.EDM;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

/**
 * The one place where the core calls ImageJ's processing filters from {@code ij.plugin.filter}. They are
 * the reference implementations Fiji users know (STYLE.md asks for them); only their processing methods
 * are used, never their dialogs, so they run headless. Keeping them behind this facade keeps every other
 * core class free of {@code ij.plugin} imports.
 */
public final class ImageJFilters {
    private ImageJFilters() {}

    /** Gaussian blur in place (ImageJ's GaussianBlur, accuracy 0.002 as for float images). */
    public static void gaussian(float[] pixels, int width, int height, double sigmaPx) {
        if (sigmaPx <= 0) return;
        new FloatProcessor(width, height, pixels).blurGaussian(sigmaPx);
    }

    /**
     * Splits touching objects of a binary mask (255 = object, 0 = background) in place with ImageJ's EDM
     * watershed (Process > Binary > Watershed).
     */
    public static void watershed(byte[] mask, int width, int height) {
        ByteProcessor bp = new ByteProcessor(width, height, mask);
        // toWatershed treats 255 as foreground on a normal (non-inverted) LUT with a black background.
        new EDM().toWatershed(bp);
    }
}
