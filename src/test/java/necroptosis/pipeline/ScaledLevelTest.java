package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import necroptosis.slide.ImageJSlideSource;

/** Box-averaged reads: the same pixels whatever level buffer a worker reuses, and the plain average. */
class ScaledLevelTest {
    @Test
    void reusedLevelBufferGivesTheSamePixelsAsAFreshRead() throws Exception {
        int w = 301, h = 257;
        ColorProcessor cp = new ColorProcessor(w, h);
        int[] px = (int[]) cp.getPixels();
        Random rnd = new Random(7);
        for (int i = 0; i < px.length; i++) px[i] = 0xFF000000 | rnd.nextInt(0x1000000);
        ImageJSlideSource slide = ImageJSlideSource.of(new ImagePlus("noise", cp), 0.25);
        ScaledLevel half = new ScaledLevel(slide, 0.5); // factor 2 on the only level
        assertEquals(2, half.factor);

        int[][] buffer = new int[1][];
        // Regions of changing sizes in one thread, as a worker reads its tiles: large, small, large again.
        int[][] regions = {{0, 0, 150, 128}, {10, 20, 31, 17}, {0, 0, 150, 128}, {149, 127, 1, 1}, {40, 0, 110, 128}};
        for (int[] r : regions) {
            int[] fresh = half.read(r[0], r[1], r[2], r[3]);
            int[] reused = new int[r[2] * r[3] + 5]; // longer than the region, as per-thread arrays may be
            half.read(r[0], r[1], r[2], r[3], reused, buffer);
            assertArrayEquals(fresh, Arrays.copyOf(reused, fresh.length), "region " + Arrays.toString(r));
        }
        // One pixel, averaged by hand (rounded to nearest).
        int x = 37, y = 11, sr = 0;
        for (int j = 0; j < 2; j++) for (int i = 0; i < 2; i++) sr += (px[(2 * y + j) * w + 2 * x + i] >> 16) & 0xFF;
        assertEquals((sr + 2) / 4, (half.read(x, y, 1, 1)[0] >> 16) & 0xFF);
    }
}
