package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link DistanceTransform} is the exact Euclidean distance map (checked by brute force) and equals ImageJ's
 * float EDM ({@code EDM.makeFloatEDM}) except at rare pixels where ImageJ's nearest-point propagation
 * finds a slightly farther background pixel.
 */
class DistanceTransformTest {

    /** The exact map by brute force: the nearest zero pixel, the edge not counting. */
    static float[] bruteForce(byte[] mask, int w, int h) {
        float[] out = new float[w * h];
        for (int i = 0; i < out.length; i++) {
            if (mask[i] == 0) continue;
            long best = Long.MAX_VALUE;
            for (int j = 0; j < out.length; j++) {
                if (mask[j] != 0) continue;
                long dx = i % w - j % w, dy = i / w - j / w;
                best = Math.min(best, dx * dx + dy * dy);
            }
            out[i] = best == Long.MAX_VALUE ? DistanceTransform.NO_BACKGROUND : (float) Math.sqrt((float) best);
        }
        return out;
    }

    @Test
    void equalsImageJOnRandomMasksIncludingObjectsOnTheEdge() {
        Random rnd = new Random(5);
        DistanceTransform.Scratch scratch = new DistanceTransform.Scratch();
        long pixels = 0, differing = 0;
        double maxRelative = 0;
        for (int trial = 0; trial < 400; trial++) {
            int w = 1 + rnd.nextInt(60), h = 1 + rnd.nextInt(60);
            byte[] mask = new byte[w * h];
            int kind = trial % 4;
            if (kind == 0) { // salt and pepper of varying density
                double p = rnd.nextDouble();
                for (int i = 0; i < mask.length; i++) if (rnd.nextDouble() < p) mask[i] = (byte) 255;
            } else { // overlapping discs, free to cross the box's edge
                int discs = 1 + rnd.nextInt(kind == 3 ? 12 : 4);
                for (int d = 0; d < discs; d++) {
                    double cx = rnd.nextDouble() * w, cy = rnd.nextDouble() * h, r = 1 + rnd.nextDouble() * 25;
                    for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
                        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) mask[y * w + x] = (byte) 255;
                    }
                }
            }
            float[] ours = new float[w * h + 7]; // longer than needed, as the reused scratch is
            DistanceTransform.distanceToBackground(mask, w, h, scratch, ours);
            ours = Arrays.copyOf(ours, w * h);
            assertArrayEquals(bruteForce(mask, w, h), ours, "trial " + trial + " (" + w + "x" + h + ")");
            float[] imagej = ImageJReference.distanceToBackgroundWithImageJ(mask.clone(), w, h);
            for (int i = 0; i < ours.length; i++) {
                pixels++;
                if (imagej[i] == ours[i]) continue;
                differing++;
                // ImageJ's can only be farther (ours is the minimum), and then by little.
                assertTrue(imagej[i] > ours[i] && imagej[i] - ours[i] < 0.05 * ours[i], "trial " + trial + " pixel " + i
                        + ": ImageJ " + imagej[i] + ", exact " + ours[i]);
                maxRelative = Math.max(maxRelative, (imagej[i] - ours[i]) / ours[i]);
            }
        }
        System.out.printf("[edt] %d of %d pixels differ from ImageJ's EDM (ImageJ's farther by at most %.2f %%)%n",
                differing, pixels, 100 * maxRelative);
        assertTrue(differing <= pixels / 1000, differing + " of " + pixels + " pixels differ from ImageJ's EDM");
    }

    @Test
    void maskWithoutBackgroundGetsImageJsValue() {
        byte[] mask = new byte[12];
        Arrays.fill(mask, (byte) 255);
        float[] imagej = ImageJReference.distanceToBackgroundWithImageJ(mask.clone(), 4, 3);
        assertArrayEquals(imagej, DistanceTransform.distanceToBackground(mask, 4, 3));
        assertEquals(DistanceTransform.NO_BACKGROUND, imagej[5]);
    }

    @Test
    void knownDistances() {
        // A 5x5 square in a 7x7 box: the centre is 3 from the background ring.
        byte[] mask = new byte[49];
        for (int y = 1; y < 6; y++) for (int x = 1; x < 6; x++) mask[y * 7 + x] = (byte) 255;
        float[] d = DistanceTransform.distanceToBackground(mask, 7, 7);
        assertEquals(3f, d[3 * 7 + 3]);
        assertEquals(1f, d[1 * 7 + 1]);
        assertEquals(0f, d[0]);
        // One background pixel in a corner: distances are to it alone (the edge is no background).
        byte[] one = new byte[4 * 3];
        Arrays.fill(one, (byte) 255);
        one[0] = 0;
        assertEquals((float) Math.sqrt(3 * 3 + 2 * 2), DistanceTransform.distanceToBackground(one, 4, 3)[11]);
    }

    @Test
    void distanceToMatchesImageJ() {
        Random rnd = new Random(11);
        int w = 80, h = 50;
        byte[] target = new byte[w * h];
        for (int k = 0; k < 6; k++) target[rnd.nextInt(target.length)] = 1;
        byte[] others = new byte[w * h];
        for (int i = 0; i < others.length; i++) others[i] = target[i] != 0 ? 0 : (byte) 255;
        assertArrayEquals(ImageJReference.distanceToBackgroundWithImageJ(others, w, h), ImageJFilters.distanceTo(target, w, h));
    }
}
