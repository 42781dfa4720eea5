package necroptosis.segmentation;

import static necroptosis.segmentation.NucleusDetectorTest.PX;
import static necroptosis.segmentation.NucleusDetectorTest.disc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A nuclear marker's positive nucleus (Ki67) holds granular chromogen: it is found as one nucleus, not cut
 * at its grains, while touching positive nuclei are still cut apart by their shape.
 */
class MarkerNucleusSplitTest {
    static final int W = 200, H = 100;

    /** Haematoxylin 0.2 OD in every nucleus; DAB 1.2 OD with grains of +-0.35 OD (1.5 µm) in the positive ones. */
    static float[][] field(double[][] positive) {
        float[] h = new float[W * H], dab = new float[W * H], grains = new float[W * H];
        Arrays.fill(h, 0.03f);
        Random r = new Random(7);
        int cell = (int) Math.round(1.5 / PX);
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) {
            Random g = new Random(31L * (x / cell) + 1_000_003L * (y / cell));
            grains[y * W + x] = (float) (0.7 * g.nextDouble() - 0.35) + 0.02f * r.nextFloat();
        }
        for (double[] c : positive) {
            disc(h, W, c[0], c[1], 5.0, 0.2f);
            disc(dab, W, c[0], c[1], 5.0, 1.2f);
        }
        for (int i = 0; i < dab.length; i++) if (dab[i] > 0) dab[i] += grains[i];
        return new float[][] {h, dab};
    }

    static List<Nucleus> detect(float[][] f) {
        return new NucleusDetector(NucleusSettings.DEFAULT).detect(f[0], f[1], null, W, H, PX, null, 0.15);
    }

    static String describe(List<Nucleus> found) {
        StringBuilder sb = new StringBuilder();
        for (Nucleus n : found) sb.append(String.format(" (%.0f,%.0f %.1fum2 %s)", n.x, n.y, n.areaUm2, n.kind));
        return sb.toString();
    }

    @Test
    void aGrainyPositiveNucleusIsOneNucleus() {
        List<Nucleus> found = detect(field(new double[][] {{50, 50}, {140, 50}}));
        assertEquals(2, found.size(), "two positive nuclei of 79 µm², grains of +-0.35 OD:" + describe(found));
        for (Nucleus n : found) assertEquals(Math.PI * 25, n.areaUm2, 20, "each whole:" + describe(found));
    }

    @Test
    void touchingPositiveNucleiAreStillCutApart() {
        List<Nucleus> found = detect(field(new double[][] {{90, 50}, {108, 50}}));
        assertEquals(2, found.size(), "two positive nuclei 9 µm apart, 10 µm across:" + describe(found));
        for (Nucleus n : found) assertEquals(70, n.areaUm2, 20, "each most of a 79 µm² disc (the cut takes the overlap):" + describe(found));
    }
}
