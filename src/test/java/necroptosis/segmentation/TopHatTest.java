package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopHatTest {

    /** ImageJ's own top-hat, the reference. */
    private static float[] imageJ(float[] in, int w, int h, double radius) {
        float[] copy = in.clone();
        ImageJReference.subtractBackgroundWithRankFilters(copy, w, h, radius);
        return copy;
    }

    @ParameterizedTest
    @CsvSource({"64,48,16,1", "300,200,16,2", "7,5,16,3", "40,3,2.6,4", "33,90,1.6,5", "120,80,5.3,6", "1,1,4,7", "257,129,30,8"})
    void equalsImageJsRankFilterTopHatPixelForPixel(int w, int h, double radius, long seed) {
        Random random = new Random(seed);
        float[] img = new float[w * h];
        // Smooth blobs plus noise: plateaus and ties, as on real optical densities.
        for (int i = 0; i < img.length; i++) {
            int x = i % w, y = i / w;
            img[i] = (float) (0.5 + 0.4 * Math.sin(x / 7.0) * Math.cos(y / 5.0) + 0.05 * random.nextGaussian());
            if (random.nextInt(20) == 0) img[i] = 0.25f; // repeated values
        }
        float[] expected = imageJ(img, w, h, radius);
        float[] actual = img.clone();
        TopHat.whiteTopHat(actual, w, h, radius);
        for (int i = 0; i < img.length; i++) {
            // == rather than Float.compare: the order of equal extremes may turn 0 into -0.
            if (!(expected[i] == actual[i])) assertEquals(expected[i], actual[i], "pixel " + (i % w) + "," + (i / w) + " of " + w + "x" + h);
        }
    }
}
