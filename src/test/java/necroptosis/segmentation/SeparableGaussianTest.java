package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The row-wise Gaussian blur gives ImageJ's GaussianBlur's pixels exactly, edges and tiny images included. */
class SeparableGaussianTest {
    @ParameterizedTest(name = "{0} x {1}, sigma {2}")
    @CsvSource({
        "1128, 1128, 1.0", // an analysis tile at 0.5 um/px, default sigma
        "300, 211, 2.0", "64, 97, 0.5", "37, 23, 3.3", "5, 9, 1.0", "1, 40, 1.5", "40, 1, 1.5", "3, 3, 8.4",
        "120, 80, 8.5", "200, 150, 12", "1, 40, 12", "40, 1, 12" // sigma 12 is beyond the row-wise range: ImageJ's own downscaling path
    })
    void equalsImageJBitForBit(int width, int height, double sigma) {
        Random random = new Random(width * 31L + height);
        float[] image = new float[width * height];
        for (int i = 0; i < image.length; i++) {
            // OD-like values with sharp steps, where rounding differences would show.
            image[i] = random.nextFloat() < 0.1f ? 1.5f * random.nextFloat() : 0.2f * random.nextFloat();
        }
        float[] ours = image.clone(), imagej = image.clone();
        ImageJFilters.gaussian(ours, width, height, sigma);
        ImageJReference.gaussianWithImageJ(imagej, width, height, sigma);
        int differing = 0;
        for (int i = 0; i < image.length; i++) if (Float.floatToIntBits(ours[i]) != Float.floatToIntBits(imagej[i])) differing++;
        assertEquals(0, differing, "pixels differing from ImageJ's GaussianBlur");
        boolean changed = false;
        for (int i = 0; i < image.length && !changed; i++) changed = ours[i] != image[i];
        assertEquals(image.length > 1, changed, "the blur changed the image");
    }
}
