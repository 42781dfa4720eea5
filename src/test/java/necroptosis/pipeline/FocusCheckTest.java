package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import necroptosis.segmentation.ImageJFilters;

/** The edge width reads the blur of nucleus-like discs, whatever their darkness, and the note follows it. */
class FocusCheckTest {
    static final double PIXEL_UM = 0.5;

    /** Discs of 7 µm at OD {@code od} on 0.1 OD cytoplasm, scattered over 512 x 512 pixels, with a little noise. */
    static float[] nuclei(double od, long seed) {
        int n = 512;
        float[] h = new float[n * n];
        Random r = new Random(seed);
        java.util.Arrays.fill(h, 0.1f);
        double radiusPx = 3.5 / PIXEL_UM;
        for (int k = 0; k < 300; k++) {
            double cx = r.nextDouble() * n, cy = r.nextDouble() * n;
            for (int y = (int) Math.max(0, cy - radiusPx); y < Math.min(n, cy + radiusPx + 1); y++) {
                for (int x = (int) Math.max(0, cx - radiusPx); x < Math.min(n, cx + radiusPx + 1); x++) {
                    if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= radiusPx) h[y * n + x] = (float) od;
                }
            }
        }
        for (int i = 0; i < h.length; i++) h[i] += (float) (0.01 * r.nextGaussian());
        return h;
    }

    static double width(float[] h) {
        return FocusCheck.edgeWidthUm(h, 512, 512, PIXEL_UM);
    }

    static float[] blurred(float[] h, double sigmaUm) {
        float[] b = h.clone();
        ImageJFilters.gaussian(b, 512, 512, sigmaUm / PIXEL_UM);
        return b;
    }

    @Test
    void sharpEdgesAreNarrowAndBlurWidensThemInProportion() {
        for (double od : new double[] {0.3, 0.6, 1.0}) {
            float[] h = nuclei(od, 7);
            double sharp = width(h), soft = width(blurred(h, 1.5)), softer = width(blurred(h, 2.5));
            String numbers = String.format("OD %.1f: sharp %.2f, sigma 1.5 um %.2f, sigma 2.5 um %.2f um", od, sharp, soft, softer);
            assertTrue(sharp < 1.5, numbers);
            // A Gaussian of sigma s spreads a step over about 2.5 s; blur as wide as the disc also lowers its
            // peak (the contrast), so the width grows more slowly beyond.
            assertEquals(2.5 * 1.5, soft, 0.8, numbers);
            assertTrue(softer > soft + 0.5, numbers);
            assertNull(FocusCheck.note(sharp, PIXEL_UM), numbers);
            assertNotNull(FocusCheck.note(soft, PIXEL_UM), numbers);
        }
    }

    @Test
    void aWindowWithoutContrastSaysNothing() {
        float[] flat = new float[512 * 512];
        java.util.Arrays.fill(flat, 0.2f);
        assertTrue(Double.isNaN(width(flat)));
        assertTrue(Double.isNaN(FocusCheck.medianWidth(new double[] {Double.NaN})));
        assertEquals(2.0, FocusCheck.medianWidth(new double[] {1, Double.NaN, 2, 5}));
        assertNull(FocusCheck.note(Double.NaN, PIXEL_UM));
    }

    @Test
    void theLimitGrowsWithCoarsePixels() {
        assertNull(FocusCheck.note(2.5, 0.5));
        assertNotNull(FocusCheck.note(2.7, 0.5));
        // At 1.5 µm/px a sharp edge already spans two pixels (3 µm).
        assertNull(FocusCheck.note(3.5, 1.5));
        String note = FocusCheck.note(4.2, 1.5);
        assertNotNull(note);
        assertTrue(note.startsWith("the slide looks out of focus: nucleus edges spread over 4.2 um (in-focus scans: under 3.9 um)"), note);
    }
}
