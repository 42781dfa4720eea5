package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The unrolled {@link ShapeSplit#edmHeights} gives what its plain per-direction loop (ImageJ's trueEdmHeight rule) gives. */
class EdmHeightsTest {
    static final float SQRT2 = 1.4142135624f;

    /** The rule written plainly, direction by direction, as ImageJ's MaximumFinder.trueEdmHeight states it. */
    static float[] reference(float[] edm, int w, int h) {
        float[] out = edm.clone();
        for (int y = 1; y < h - 1; y++) for (int x = 1; x < w - 1; x++) {
            int i = y * w + x;
            float v = edm[i];
            if (v == 0) continue;
            float height = v + 0.5f * SQRT2;
            boolean ridge = false;
            for (int d = 0; d < 4; d++) {
                int off = d == 0 ? -w : d == 1 ? -w + 1 : d == 2 ? 1 : w + 1;
                float v1 = edm[i + off], v2 = edm[i - off];
                float step;
                if (v >= v1 && v >= v2) {
                    ridge = true;
                    step = (v1 + v2) / 2;
                } else {
                    step = Math.min(v1, v2);
                }
                step += (d % 2 == 0) ? 1 : SQRT2;
                if (height > step) height = step;
            }
            out[i] = ridge ? height : v;
        }
        return out;
    }

    @Test
    void sameAsThePlainRule() {
        Random rnd = new Random(8);
        for (int trial = 0; trial < 200; trial++) {
            int w = 1 + rnd.nextInt(50), h = 1 + rnd.nextInt(50);
            byte[] mask = new byte[w * h];
            for (int d = 0; d < 1 + rnd.nextInt(5); d++) {
                double cx = rnd.nextDouble() * w, cy = rnd.nextDouble() * h, r = 2 + rnd.nextDouble() * 15;
                for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) mask[y * w + x] = (byte) 255;
                }
            }
            float[] edm = DistanceTransform.distanceToBackground(mask, w, h);
            float[] ours = new float[w * h + 3];
            ShapeSplit.edmHeights(edm, w, h, ours);
            assertArrayEquals(reference(edm, w, h), Arrays.copyOf(ours, w * h), "trial " + trial);
        }
    }
}
