package necroptosis.stain;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColorDeconvolutionTest {

    private static final double LN10 = Math.log(10);

    /** Beer-Lambert intensity of one channel for the given concentrations, unquantised. */
    private static double intensity(double i0, double cH, double cD, double[] vH, double[] vD, int ch) {
        return i0 * Math.pow(10, -(cH * vH[ch] + cD * vD[ch]));
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 236})
    void recoversKnownConcentrationsBeforeQuantisation(int i0) {
        StainVectors s = StainVectors.H_DAB.withBackground(i0, i0, i0);
        ColorDeconvolution cd = new ColorDeconvolution(s);
        double[] vH = s.stain(1), vD = s.stain(2);
        double[] c = new double[3];
        for (double cH = 0; cH <= 1.2001; cH += 0.05) {
            for (double cD = 0; cD <= 1.2001; cD += 0.05) {
                double[] od = new double[3];
                for (int ch = 0; ch < 3; ch++) {
                    od[ch] = ColorDeconvolution.opticalDensity(intensity(i0, cH, cD, vH, vD, ch), i0);
                }
                cd.concentrations(od[0], od[1], od[2], c);
                assertEquals(cH, c[0], 1e-9);
                assertEquals(cD, c[1], 1e-9);
                assertEquals(0, c[2], 1e-9);
            }
        }
    }

    /**
     * After rounding to 8 bits an intensity I is off by at most 0.5, so its OD is off by at most
     * log10(I / (I - 0.5)); a concentration is a linear combination of the three ODs with weights
     * M⁻¹[k][j], so its error is at most Σ_k |M⁻¹[k][j]| · log10(I_k / (I_k - 0.5)). The test uses that
     * per-pixel bound (plus 1e-6 for the float tables), nothing looser.
     */
    @ParameterizedTest
    @ValueSource(ints = {255, 240})
    void recoversKnownConcentrationsAfterQuantisationWithinTheDerivedBound(int i0) {
        StainVectors s = StainVectors.H_DAB.withBackground(i0, i0 - 3, i0);
        double[] bg = s.background();
        ColorDeconvolution cd = new ColorDeconvolution(s);
        double[] vH = s.stain(1), vD = s.stain(2);
        double[][] inv = s.inverse();
        int steps = 25;
        int n = steps * steps;
        int[] rgb = new int[n];
        double[] truthH = new double[n], truthD = new double[n], bound0 = new double[n], bound1 = new double[n], bound2 = new double[n];
        int i = 0;
        for (int a = 0; a < steps; a++) {
            for (int b = 0; b < steps; b++, i++) {
                double cH = a * 0.05, cD = b * 0.05;
                int[] q = new int[3];
                double[] err = new double[3];
                for (int ch = 0; ch < 3; ch++) {
                    double exact = intensity(bg[ch], cH, cD, vH, vD, ch);
                    q[ch] = (int) Math.round(exact);
                    assertTrue(q[ch] >= 2, "grid must stay clear of the clamp at 1");
                    err[ch] = Math.log10(q[ch] / (q[ch] - 0.5));
                }
                rgb[i] = 0xff000000 | q[0] << 16 | q[1] << 8 | q[2];
                truthH[i] = cH;
                truthD[i] = cD;
                bound0[i] = bound(inv, 0, err);
                bound1[i] = bound(inv, 1, err);
                bound2[i] = bound(inv, 2, err);
            }
        }
        float[] h = new float[n], d = new float[n], r = new float[n];
        cd.deconvolve(rgb, h, d, r);
        double worst = 0;
        for (i = 0; i < n; i++) {
            assertEquals(truthH[i], h[i], bound0[i] + 1e-6, "H at pixel " + i);
            assertEquals(truthD[i], d[i], bound1[i] + 1e-6, "DAB at pixel " + i);
            assertEquals(0, r[i], bound2[i] + 1e-6, "residual at pixel " + i);
            worst = Math.max(worst, Math.abs(truthD[i] - d[i]));
        }
        // The bound must be meaningful, not huge: quantisation error of a mid-grey is ~0.002 OD.
        assertTrue(worst < 0.05, "worst DAB error " + worst);
    }

    private static double bound(double[][] inv, int stain, double[] err) {
        return Math.abs(inv[0][stain]) * err[0] + Math.abs(inv[1][stain]) * err[1] + Math.abs(inv[2][stain]) * err[2];
    }

    @Test
    void opticalDensityClampsToTheMeasurableRange() {
        assertEquals(0, ColorDeconvolution.opticalDensity(250, 240), 0, "brighter than the background is glass");
        assertEquals(0, ColorDeconvolution.opticalDensity(240, 240), 0);
        assertEquals(Math.log10(240), ColorDeconvolution.opticalDensity(0, 240), 1e-12, "0 counts as 1");
        assertEquals(-Math.log10(120 / 240.0), ColorDeconvolution.opticalDensity(120, 240), 1e-12);
    }

    @Test
    void lookupTablesEqualTheLogarithm() {
        ColorDeconvolution cd = new ColorDeconvolution(StainVectors.H_DAB.withBackground(230, 245, 251));
        double[] bg = {230, 245, 251};
        for (int ch = 0; ch < 3; ch++) {
            float[] lut = cd.odLut(ch);
            for (int v = 0; v < 256; v++) {
                double exact = -Math.log10(Math.min(Math.max(v, 1), bg[ch]) / bg[ch]);
                assertEquals(exact, lut[v], 1e-6);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"H-DAB", "H&E"})
    void lutPathEqualsDirectLogPathWithin1e6(String preset) {
        ColorDeconvolution cd = new ColorDeconvolution(StainVectors.preset(preset).withBackground(243, 239, 250));
        Random random = new Random(42);
        int n = 1 << 18;
        int[] rgb = new int[n];
        for (int i = 0; i < n; i++) rgb[i] = i < 256 ? 0xff000000 | i * 0x010101 : random.nextInt();
        float[][] lut = {new float[n], new float[n], new float[n]};
        float[][] direct = {new float[n], new float[n], new float[n]};
        cd.deconvolve(rgb, lut[0], lut[1], lut[2]);
        cd.deconvolveWithoutLut(rgb, direct[0], direct[1], direct[2]);
        double worst = 0;
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < n; i++) worst = Math.max(worst, Math.abs(lut[s][i] - direct[s][i]));
        }
        assertTrue(worst <= 1e-6, "largest difference " + worst);
    }

    @Test
    void rangeVariantWritesOnlyItsRangeAndTheTissueMask() {
        ColorDeconvolution cd = new ColorDeconvolution(StainVectors.H_DAB.withBackground(240, 240, 240));
        int[] rgb = {0xfff0f0f0, 0xfff5f5f5, 0xff8040a0, 0xff202020, 0xffeeeeee, 0xff102030};
        float[] d = new float[6];
        Arrays.fill(d, -7f);
        byte[] tissue = new byte[6];
        Arrays.fill(tissue, (byte) 9);
        cd.deconvolve(rgb, 1, 4, null, d, null, TissueTest.DEFAULT, tissue);
        assertEquals(-7f, d[0]);
        assertEquals(-7f, d[5]);
        assertEquals(9, tissue[0]);
        assertEquals(9, tissue[5]);
        assertEquals(0, tissue[1], "brighter than I0: glass");
        assertEquals(1, tissue[2]);
        assertEquals(1, tissue[3]);
        // 0xee = 238 vs I0 240: OD sum 3*log10(240/238) = 0.011, glass.
        assertEquals(0, tissue[4]);
        assertEquals(0, d[1], 0, "glass has no DAB");
        assertThrows(IllegalArgumentException.class, () -> cd.deconvolve(rgb, 4, 4, null, d, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> cd.deconvolve(rgb, new float[3], null, null));
        assertThrows(IllegalArgumentException.class, () -> cd.deconvolve(rgb, 0, 6, null, d, null, TissueTest.DEFAULT, null));
    }

    @Test
    void tissueTestUsesTheSummedOpticalDensity() {
        TissueTest t = TissueTest.minOdSum(0.3);
        assertTrue(t.isTissue(0.1, 0.1, 0.1));
        assertFalse(t.isTissue(0.1, 0.1, 0.09));
        assertThrows(IllegalArgumentException.class, () -> TissueTest.minOdSum(-0.1));
        assertThrows(IllegalArgumentException.class, () -> TissueTest.minOdSum(Double.NaN));
        ColorDeconvolution cd = new ColorDeconvolution(StainVectors.H_DAB);
        int[] rgb = new int[256];
        for (int v = 0; v < 256; v++) rgb[v] = v * 0x010101;
        byte[] mask = new byte[256];
        cd.tissueMask(rgb, TissueTest.DEFAULT, mask);
        for (int v = 0; v < 256; v++) {
            double od = -Math.log10(Math.max(v, 1) / 255.0);
            assertEquals(3 * od >= TissueTest.DEFAULT_MIN_OD_SUM ? 1 : 0, mask[v], "grey " + v);
        }
    }

    @Test
    void tilePathAllocatesNothingPerCall() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean.isThreadAllocatedMemorySupported(), "allocation counting unsupported");
        ColorDeconvolution cd = new ColorDeconvolution(StainVectors.H_DAB);
        int n = 1 << 20;
        int[] rgb = new Random(1).ints(n).toArray();
        float[] h = new float[n], d = new float[n], r = new float[n];
        byte[] t = new byte[n];
        cd.deconvolve(rgb, 0, n, h, d, r, TissueTest.DEFAULT, t); // warm up
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        cd.deconvolve(rgb, 0, n, h, d, r, TissueTest.DEFAULT, t);
        long allocated = bean.getThreadAllocatedBytes(tid) - before;
        // Anything per pixel would be megabytes; allow for the measuring call itself.
        assertTrue(allocated < 4096, allocated + " bytes allocated for " + n + " pixels");
    }
}
