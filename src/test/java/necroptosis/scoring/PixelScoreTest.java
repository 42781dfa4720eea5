package necroptosis.scoring;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PixelScoreTest {

    private static final DabThresholds T = DabThresholds.of(0.15, 0.35, 0.60);

    /** Adds the first n pixels whose mask byte is non-zero (all when the mask is null). */
    private static void score(float[] dab, byte[] tissue, int n, PixelScore out) {
        for (int i = 0; i < n; i++) if (tissue == null || tissue[i] != 0) out.add(dab[i], T);
    }

    @Test
    void hScoreAndFractionsOnAHandComputedTile() {
        // 10 tissue pixels: 4 negative, 3 weak, 2 moderate, 1 strong; 2 glass pixels that must not count.
        float[] dab = {0.0f, 0.1f, -0.02f, 0.14f, 0.15f, 0.2f, 0.3f, 0.35f, 0.5f, 0.9f, 2f, 2f};
        byte[] tissue = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0};
        PixelScore s = new PixelScore();
        score(dab, tissue, dab.length, s);
        assertEquals(10, s.tissuePixels());
        assertEquals(4, s.negativePixels());
        assertEquals(3, s.weakPixels());
        assertEquals(2, s.moderatePixels());
        assertEquals(1, s.strongPixels());
        assertEquals(0.6, s.positiveFraction(), 1e-12);
        assertEquals(0.3, s.weakFraction(), 1e-12);
        assertEquals(0.2, s.moderateFraction(), 1e-12);
        assertEquals(0.1, s.strongFraction(), 1e-12);
        // 1*30 + 2*20 + 3*10
        assertEquals(100, s.hScore(), 1e-9);
        // (0 + 0.1 - 0.02 + 0.14 + 0.15 + 0.2 + 0.3 + 0.35 + 0.5 + 0.9) / 10 = 2.62 / 10
        assertEquals(0.262, s.meanDabOd(), 1e-6);
    }

    @Test
    void allStrongGivesThreeHundred() {
        PixelScore s = new PixelScore();
        score(new float[] {0.7f, 1f, 3f}, null, 3, s);
        assertEquals(300, s.hScore(), 1e-12);
        assertEquals(1, s.positiveFraction());
    }

    @Test
    void noTissueGivesZerosNotNaN() {
        PixelScore s = new PixelScore();
        score(new float[] {0.5f, 0.9f}, new byte[2], 2, s);
        assertEquals(0, s.tissuePixels());
        for (double v : new double[] {s.positiveFraction(), s.weakFraction(), s.moderateFraction(), s.strongFraction(),
                s.hScore(), s.meanDabOd()}) {
            assertEquals(0.0, v);
        }
    }

    @Test
    void mergingTilesEqualsOneSinglePass() {
        Random random = new Random(7);
        int n = 100_003;
        float[] dab = new float[n];
        byte[] tissue = new byte[n];
        for (int i = 0; i < n; i++) {
            dab[i] = (float) (random.nextGaussian() * 0.3 + 0.2);
            tissue[i] = (byte) (random.nextInt(10) < 7 ? 1 : 0);
        }
        PixelScore whole = new PixelScore();
        score(dab, tissue, n, whole);

        PixelScore merged = new PixelScore();
        int start = 0;
        while (start < n) {
            int len = Math.min(n - start, 1 + random.nextInt(5000));
            float[] d = Arrays.copyOfRange(dab, start, start + len);
            byte[] t = Arrays.copyOfRange(tissue, start, start + len);
            PixelScore tile = new PixelScore();
            score(d, t, len, tile);
            merged.merge(tile);
            start += len;
        }
        assertEquals(whole.negativePixels(), merged.negativePixels());
        assertEquals(whole.weakPixels(), merged.weakPixels());
        assertEquals(whole.moderatePixels(), merged.moderatePixels());
        assertEquals(whole.strongPixels(), merged.strongPixels());
        assertEquals(whole.sumDabOd(), merged.sumDabOd(), 1e-9 * Math.abs(whole.sumDabOd()));
        assertEquals(whole.hScore(), merged.hScore(), 1e-9);

    }


    @Test
    void countsMustBeNonNegative() {
        assertThrows(IllegalArgumentException.class, () -> PixelScore.of(1, -1, 0, 0, 0));
        assertEquals(50, PixelScore.of(1, 1, 0, 0, 0.5).hScore(), 1e-12);
        assertEquals(100, PixelScore.of(1, 0, 1, 0, 0.5).hScore(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> PixelScore.of(0, 0, 0, 0, Double.NaN));
    }
}
