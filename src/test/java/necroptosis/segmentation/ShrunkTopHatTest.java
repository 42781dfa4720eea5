package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import necroptosis.TestImages;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import necroptosis.stain.ColorDeconvolution;
import necroptosis.stain.StainVectors;

/**
 * The top-hat the detector uses computes its opening on a shrunken image ({@link TopHat#whiteTopHatShrunk});
 * on haematoxylin OD of a synthetic and a real tile it stays close to the exact top-hat (which TopHatTest
 * checks against ImageJ pixel for pixel), and never takes more than a small share of nucleus pixels across
 * the detection threshold.
 */
class ShrunkTopHatTest {
    /** Mean absolute difference bound (OD); a nucleus is 0.2-1.0 OD above its background. */
    static final double MAX_MEAN_ABS_OD = 0.005;
    /** Share of pixels allowed to change sides of the default 0.1 OD threshold. */
    static final double MAX_FLIPPED = 0.01;

    @Test
    void syntheticTileAtHalfMicron() throws Exception {
        int side = 1024;
        int[] rgb;
        try (SlideSource s = SlideSources.open(Paths.get("test-images/synthetic-4096-1core.tif"))) {
            rgb = s.readRegion(0, 1536, 1536, side, side);
        }
        compare("synthetic-4096 centre tile, 0.5 um/px", haematoxylin(rgb), side, side, 8 / 0.5);
    }

    @Test
    void realDeepliifPanelsAtQuarterMicron() throws Exception {
        Path root = TestImages.realImages().resolve("deepliif-IHC-samples/Sample_Dataset/train");
        for (String name : new String[] {"Bladder1", "Lung1"}) {
            BufferedImage strip = ImageIO.read(root.resolve(name + ".png").toFile());
            int[] rgb = strip.getRGB(0, 0, 512, 512, null, 0, 512);
            compare("DeepLIIF " + name + " IHC panel, 0.25 um/px", haematoxylin(rgb), 512, 512, 8 / 0.25);
        }
    }

    private static float[] haematoxylin(int[] rgb) {
        float[] h = new float[rgb.length], dab = new float[rgb.length];
        new ColorDeconvolution(StainVectors.H_DAB).deconvolve(rgb, h, dab, null);
        return h;
    }

    private static void compare(String what, float[] od, int w, int h, double radius) {
        float[] exact = od.clone();
        TopHat.whiteTopHat(exact, w, h, radius);
        float[] shrunk = od.clone();
        int shrink = TopHat.shrinkFactor(radius);
        TopHat.whiteTopHatShrunk(shrunk, w, h, radius, shrink);
        double sumAbs = 0, sum = 0;
        float[] abs = new float[od.length];
        int flipped = 0, above = 0;
        for (int i = 0; i < od.length; i++) {
            float d = shrunk[i] - exact[i];
            sum += d;
            sumAbs += Math.abs(d);
            abs[i] = Math.abs(d);
            if ((shrunk[i] >= 0.1f) != (exact[i] >= 0.1f)) flipped++;
            if (exact[i] >= 0.1f) above++;
        }
        Arrays.sort(abs);
        double meanAbs = sumAbs / od.length;
        double flippedShare = flipped / (double) od.length;
        System.out.printf(Locale.ROOT, "[top-hat] %s, radius %.0f px, shrink %d: mean |diff| %.4f OD, mean diff %+.4f, "
                + "99th pct %.4f, 99.9th %.4f, max %.4f; %d of %d pixels (%.2f %%) change sides of 0.1 OD (%d above)%n",
                what, radius, shrink, meanAbs, sum / od.length, abs[(int) (0.99 * abs.length)], abs[(int) (0.999 * abs.length)],
                abs[abs.length - 1], flipped, od.length, 100 * flippedShare, above);
        assertTrue(meanAbs <= MAX_MEAN_ABS_OD, what + ": mean |diff| " + meanAbs);
        assertTrue(flippedShare <= MAX_FLIPPED, what + ": share of pixels across the threshold " + flippedShare);
    }
}
