package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

import ij.Prefs;
import ij.util.ThreadUtil;

/** The core's calls of ImageJ's filters leave ImageJ's thread setting, which is the Fiji user's, and its thread pool alone. */
class ImageJFiltersTest {
    @Test
    void blurWithDownscaledLinesRunsInTheCallingThreadAndKeepsImageJsThreadSetting() {
        int saved = Prefs.getThreads();
        Prefs.setThreads(4);
        try {
            Random random = new Random(5);
            int width = 300, height = 200;
            float[] image = new float[width * height];
            for (int i = 0; i < image.length; i++) image[i] = random.nextFloat();
            float[] ours = image.clone(), imagej = image.clone();
            long tasks = ThreadUtil.threadPoolExecutor.getTaskCount();
            ImageJFilters.gaussian(ours, width, height, 2 * ImageJFilters.GAUSSIAN_MAX_UNSCALED_SIGMA);
            assertEquals(tasks, ThreadUtil.threadPoolExecutor.getTaskCount(), "tasks given to ImageJ's thread pool");
            assertEquals(4, Prefs.getThreads(), "ImageJ's thread setting");
            ImageJReference.gaussianWithImageJ(imagej, width, height, 2 * ImageJFilters.GAUSSIAN_MAX_UNSCALED_SIGMA);
            assertArrayEquals(imagej, ours, "ImageJ's own blur, all lines at once");
        } finally {
            Prefs.setThreads(saved);
        }
    }
}
