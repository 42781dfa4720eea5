package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The tissue threshold follows the slide's glass, and falls back to the default where there is none. */
class TissueThresholdTest {
    static final double DEFAULT = 0.15;

    /** {@code glass} share of pixels at OD sum {@code glassAt} ± {@code noise}, the rest tissue spread over 0.04-1. */
    private static float[] field(double glass, double glassAt, double noise, long seed) {
        Random r = new Random(seed);
        float[] v = new float[200_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextDouble() < glass ? Math.max(0, glassAt + noise * r.nextGaussian()) : 0.04 + 0.96 * r.nextDouble());
        }
        return v;
    }

    @Test
    void paleGlassGivesAThresholdJustAboveIt() {
        TissueThreshold t = TissueThreshold.of(field(0.3, 0.03, 0.002, 1), DEFAULT);
        assertTrue(t.glass, t.how);
        assertTrue(t.minOdSum > 0.035 && t.minOdSum < 0.06, t.how);
    }

    @Test
    void cleanGlassNearZeroGivesTheFloor() {
        TissueThreshold t = TissueThreshold.of(field(0.5, 0.005, 0.002, 2), DEFAULT);
        assertTrue(t.glass, t.how);
        assertEquals(TissueThreshold.FLOOR, t.minOdSum, 1e-12, t.how);
    }

    @Test
    void noisyGlassNeverGivesMoreThanTheDefault() {
        TissueThreshold t = TissueThreshold.of(field(0.5, 0.095, 0.04, 3), DEFAULT);
        assertEquals(DEFAULT, t.minOdSum, 1e-12, t.how);
    }

    @Test
    void aFieldOfTissueAloneHasNoGlass() {
        TissueThreshold t = TissueThreshold.of(field(0, 0, 0, 4), DEFAULT);
        assertFalse(t.glass, t.how);
        assertEquals(DEFAULT, t.minOdSum, 1e-12);
    }

    @Test
    void aFewBrightPixelsInALumenAreNoGlass() {
        TissueThreshold t = TissueThreshold.of(field(0.005, 0.02, 0.001, 5), DEFAULT);
        assertFalse(t.glass, t.how);
    }
}
