package necroptosis.stain;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.Test;

class BackgroundEstimatorTest {

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    @Test
    void findsTheGlassIntensityPerChannel() {
        Random random = new Random(2);
        int n = 100_000;
        int[] rgb = new int[n];
        for (int i = 0; i < n; i++) {
            if (i % 3 == 0) { // glass, slightly blue, with noise
                rgb[i] = 0xff000000 | clamp(238 + random.nextGaussian() * 1.5) << 16
                        | clamp(234 + random.nextGaussian() * 1.5) << 8 | clamp(246 + random.nextGaussian() * 1.5);
            } else { // tissue, darker
                rgb[i] = 0xff000000 | clamp(150 + random.nextGaussian() * 30) << 16
                        | clamp(110 + random.nextGaussian() * 30) << 8 | clamp(160 + random.nextGaussian() * 30);
            }
        }
        BackgroundEstimator.Background bg = new BackgroundEstimator().estimate(rgb);
        assertTrue(bg.fromGlass(), bg.how());
        // The brightest 2% lie in the upper tail of the glass noise: within a few grey levels of the mode.
        assertEquals(238, bg.red(), 4);
        assertEquals(234, bg.green(), 4);
        assertEquals(246, bg.blue(), 4);
        assertTrue(bg.red() >= 238 && bg.blue() >= 246, "never darker than the glass mode: " + bg);
        assertArrayEquals(new double[] {bg.red(), bg.green(), bg.blue()}, bg.applyTo(StainVectors.H_DAB).background());
    }

    @Test
    void usesTheDefaultWhenThereIsNoGlass() {
        int[] rgb = new int[10_000];
        Random random = new Random(4);
        for (int i = 0; i < rgb.length; i++) rgb[i] = 0xff000000 | (100 + random.nextInt(90)) * 0x010101;
        BackgroundEstimator.Background bg = new BackgroundEstimator().estimate(rgb);
        assertFalse(bg.fromGlass());
        assertEquals(255, bg.red());
        assertEquals(255, bg.blue());
        assertTrue(bg.how().contains("no glass"), bg.how());
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new BackgroundEstimator(0, 200, 10));
        assertThrows(IllegalArgumentException.class, () -> new BackgroundEstimator(2, 300, 10));
        assertThrows(IllegalArgumentException.class, () -> new BackgroundEstimator(2, 200, 0));
    }
}
