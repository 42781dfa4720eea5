package necroptosis.stain;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StainEstimatorTest {

    /** Pixels rendered by Beer-Lambert from two known vectors, quantised to 8 bits with a little noise. */
    static int[] synthesise(double[] vH, double[] vD, int n, long seed) {
        double[] h = unit(vH), d = unit(vD);
        Random random = new Random(seed);
        int[] rgb = new int[n];
        for (int i = 0; i < n; i++) {
            double cH = 0, cD = 0;
            int kind = random.nextInt(10);
            if (kind < 4) cH = 0.1 + random.nextDouble() * 0.9;          // haematoxylin only
            else if (kind < 7) cD = 0.1 + random.nextDouble() * 0.9;     // DAB only
            else if (kind < 9) { cH = random.nextDouble() * 0.6; cD = random.nextDouble() * 0.6; } // mixed
            // else: glass
            int p = 0xff000000;
            for (int ch = 0; ch < 3; ch++) {
                double intensity = 255 * Math.pow(10, -(cH * h[ch] + cD * d[ch])) + random.nextGaussian() * 0.7;
                int q = (int) Math.max(0, Math.min(255, Math.round(intensity)));
                p |= q << (16 - 8 * ch);
            }
            rgb[i] = p;
        }
        return rgb;
    }

    static double[] unit(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    @Test
    void recoversKnownVectorsFromSyntheticPixels() {
        // Deliberately off the preset (by ~6-9 degrees) so that returning the preset would fail.
        double[] trueH = {0.55, 0.76, 0.35};
        double[] trueD = {0.33, 0.64, 0.69};
        assertTrue(StainVectors.angleDegrees(trueH, StainVectors.HAEMATOXYLIN_HDAB) > 5);
        assertTrue(StainVectors.angleDegrees(trueD, StainVectors.DAB) > 5);
        int[] rgb = synthesise(trueH, trueD, 200_000, 5);
        StainEstimator.Result r = new StainEstimator().estimate(rgb, StainVectors.H_DAB);
        assertTrue(r.estimated(), r.how());
        double eH = StainVectors.angleDegrees(r.stains().stain(1), trueH);
        double eD = StainVectors.angleDegrees(r.stains().stain(2), trueD);
        System.out.printf(Locale.ROOT, "Macenko synthetic: H error %.2f deg, DAB error %.2f deg (%s)%n", eH, eD, r.how());
        assertTrue(eH < 3, "haematoxylin off by " + eH + " degrees");
        assertTrue(eD < 3, "DAB off by " + eD + " degrees");
        assertEquals("Haematoxylin", r.stains().stainName(1));
        assertTrue(r.stains().hasResidual());
    }

    @Test
    void ordersHaematoxylinFirstWhateverThePresetOrderSuggests() {
        // Eosin-like second stain: haematoxylin still comes out as stain 1.
        int[] rgb = synthesise(StainVectors.HAEMATOXYLIN_HE, StainVectors.EOSIN, 100_000, 9);
        StainEstimator.Result r = new StainEstimator().estimate(rgb, StainVectors.H_E);
        assertTrue(r.estimated(), r.how());
        assertTrue(StainVectors.angleDegrees(r.stains().stain(1), StainVectors.HAEMATOXYLIN_HE) < 3, r.toString());
        assertTrue(StainVectors.angleDegrees(r.stains().stain(2), StainVectors.EOSIN) < 3, r.toString());
    }

    @Test
    void fallsBackToThePresetWithAReasonWhenThereIsLittleStain() {
        int[] rgb = new int[50_000];
        Arrays.fill(rgb, 0xfff8f8f8);
        for (int i = 0; i < 100; i++) rgb[i] = 0xff604080;
        StainEstimator.Result r = new StainEstimator().estimate(rgb, StainVectors.H_DAB);
        assertFalse(r.estimated());
        assertSame(StainVectors.H_DAB, r.stains());
        assertTrue(r.how().contains("only 100 stained pixels"), r.how());
    }

    @Test
    void fallsBackWhenTheEstimateIsFarFromThePreset() {
        // Purple-ish and magenta-ish "stains", each over 25 degrees from its H-DAB counterpart.
        int[] rgb = synthesise(new double[] {0.75, 0.2, 0.6}, new double[] {0.3, 0.9, 0.3}, 50_000, 3);
        StainEstimator.Result r = new StainEstimator().estimate(rgb, StainVectors.H_DAB);
        assertFalse(r.estimated(), r.how());
        assertTrue(r.how().contains("too far"), r.how());
    }

    @Test
    void jacobiEigenvectorsSatisfyTheDefinition() {
        double[][] a = {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 1}};
        double[][] v = StainEstimator.eigenvectorsDescending(a);
        double previous = Double.POSITIVE_INFINITY;
        for (double[] e : v) {
            double[] av = {a[0][0] * e[0] + a[0][1] * e[1] + a[0][2] * e[2], a[1][0] * e[0] + a[1][1] * e[1] + a[1][2] * e[2],
                    a[2][0] * e[0] + a[2][1] * e[1] + a[2][2] * e[2]};
            double lambda = av[0] * e[0] + av[1] * e[1] + av[2] * e[2];
            for (int k = 0; k < 3; k++) assertEquals(lambda * e[k], av[k], 1e-10);
            assertTrue(lambda <= previous);
            previous = lambda;
        }
        // Trace is preserved: eigenvalues sum to 8.
    }

    @Test
    void estimatesVectorsNearTheHDabPresetOnSkimageIhc() throws Exception {
        int[] rgb = RealImages.rgb(RealImages.file("debian-skimage-ihc/ihc.png"), 0, 0, 512, 512);
        BackgroundEstimator.Background bg = new BackgroundEstimator().estimate(rgb);
        StainVectors preset = bg.applyTo(StainVectors.H_DAB);
        StainEstimator.Result r = new StainEstimator().estimate(rgb, preset);
        double aH = StainVectors.angleDegrees(r.stains().stain(1), StainVectors.HAEMATOXYLIN_HDAB);
        double aD = StainVectors.angleDegrees(r.stains().stain(2), StainVectors.DAB);
        System.out.printf(Locale.ROOT, "Macenko ihc.png: %s; %s; H %s %.1f deg from preset, DAB %s %.1f deg%n", bg,
                r.how(), fmt(r.stains().stain(1)), aH, fmt(r.stains().stain(2)), aD);
        assertTrue(r.estimated(), r.how());
        assertTrue(aH < 15 && aD < 15, "angles to the preset: H " + aH + ", DAB " + aD);
    }

    private static String fmt(double[] v) {
        return String.format(Locale.ROOT, "(%.3f, %.3f, %.3f)", v[0], v[1], v[2]);
    }
}
