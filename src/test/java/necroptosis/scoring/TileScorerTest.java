package necroptosis.scoring;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import necroptosis.stain.ColorDeconvolution;
import necroptosis.stain.StainVectors;
import necroptosis.stain.TissueTest;

class TileScorerTest {

    /** Realistic-ish pixels: glass, pale, haematoxylin-blue and DAB-brown, plus fully random ones. */
    private static int[] pixels(int n, long seed) {
        Random random = new Random(seed);
        int[] rgb = new int[n];
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(4)) {
                case 0: rgb[i] = 0xff000000 | (230 + random.nextInt(26)) * 0x010101; break;
                case 1: rgb[i] = 0xff000000 | (60 + random.nextInt(120)) << 16 | (60 + random.nextInt(100)) << 8 | (120 + random.nextInt(120)); break;
                case 2: rgb[i] = 0xff000000 | (90 + random.nextInt(120)) << 16 | (50 + random.nextInt(100)) << 8 | (10 + random.nextInt(80)); break;
                default: rgb[i] = random.nextInt();
            }
        }
        return rgb;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.15, 0.4})
    void fusedPassEqualsDeconvolutionThenPixelScorerExactly(double minOdSum) {
        int n = 300_000;
        int[] rgb = pixels(n, 17);
        ColorDeconvolution cd = new ColorDeconvolution(StainVectors.H_DAB.withBackground(245, 242, 250));
        TissueTest tissueTest = TissueTest.minOdSum(minOdSum);
        DabThresholds t = DabThresholds.of(0.1, 0.3, 0.5);

        float[] dab = new float[n];
        byte[] tissue = new byte[n];
        cd.deconvolve(rgb, 0, n, null, dab, null, tissueTest, tissue);
        PixelScore twoPass = new PixelScore();
        new PixelScorer(t).score(dab, tissue, n, twoPass);

        PixelScore fused = new PixelScore();
        new TileScorer(cd, 2, tissueTest, t).score(rgb, 0, n, fused);

        assertEquals(twoPass.negativePixels(), fused.negativePixels());
        assertEquals(twoPass.weakPixels(), fused.weakPixels());
        assertEquals(twoPass.moderatePixels(), fused.moderatePixels());
        assertEquals(twoPass.strongPixels(), fused.strongPixels());
        assertEquals(twoPass.sumDabOd(), fused.sumDabOd(), 0.0, "same values summed in the same order");
        assertTrue(fused.strongPixels() > 0 && fused.negativePixels() > 0, "input must exercise every bin: " + fused);

        byte[] zones = new byte[n];
        Random random = new Random(5);
        for (int i = 0; i < n; i++) zones[i] = (byte) random.nextInt(3);
        PixelScore[] a = {new PixelScore(), null, new PixelScore()};
        PixelScore[] b = {new PixelScore(), null, new PixelScore()};
        new PixelScorer(t).scoreZones(dab, tissue, zones, n, a);
        new TileScorer(cd, 2, tissueTest, t).scoreZones(rgb, zones, b);
        for (int z : new int[] {0, 2}) {
            assertEquals(a[z].toString(), b[z].toString(), "zone " + z);
        }
    }
}
