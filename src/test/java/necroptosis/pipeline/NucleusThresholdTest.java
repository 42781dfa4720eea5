package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import java.util.List;

import org.junit.jupiter.api.Test;

import necroptosis.stain.ColorDeconvolution;
import necroptosis.stain.StainVectors;
import necroptosis.stain.TissueTest;

import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/**
 * The slide-wide nucleus threshold is a property of the slide: it was once sampled from tile centres,
 * so 32-, 8- and 4-block tiles gave 0.165, 0.173 and 0.180 OD on the same slide.
 */
class NucleusThresholdTest {
    static final Path SLIDE = Paths.get("test-images/synthetic-2048-0.25um.tif");

    private static double threshold(int tileBlocks) throws IOException {
        return threshold(tileBlocks, 2);
    }

    private static double threshold(int tileBlocks, int threads) throws IOException {
        try (SlideSource s = SlideSources.open(SLIDE)) {
            return new SlideAnalysis(AnalysisSettings.builder().tileBlocks(tileBlocks).threads(threads).build(), ProgressListener.NONE)
                    .run(s).nucleusThresholdOd;
        }
    }

    /** The windows are sampled on the run's threads; their histograms add up to the same threshold. */
    @Test
    void thresholdDoesNotDependOnTheThreads() throws IOException {
        double one = threshold(32, 1);
        assertTrue(one > 0, "no threshold");
        assertEquals(one, threshold(32, 3), 0.0, "three threads change the nucleus threshold");
    }

    @Test
    void thresholdDoesNotDependOnTileSize() throws IOException {
        double t32 = threshold(32), t8 = threshold(8), t4 = threshold(4);
        assertTrue(t32 > 0, "no threshold");
        assertEquals(t32, t8, 0.0, "8-block tiles change the nucleus threshold");
        assertEquals(t32, t4, 0.0, "4-block tiles change the nucleus threshold");
    }

    /** A 2.5 x 2 mm slide has ~80 windows of 256 µm; at most 16 are read, all inside the slide and mostly tissue. */
    @Test
    void atMostSixteenWindowsOnTissue() throws IOException {
        try (SlideSource s = SlideSources.open(Paths.get("test-images/synthetic-5000x4000-2cores.tif"))) {
            ScaledLevel scale = new ScaledLevel(s, 0.5);
            Overview o = Overview.read(s, 8);
            TissueRegion region = TissueRegion.of(o, new ColorDeconvolution(StainVectors.preset("H-DAB")), TissueTest.DEFAULT);
            List<int[]> windows = SlideAnalysis.thresholdWindows(scale, o, region.mask);
            assertTrue(windows.size() >= 8 && windows.size() <= SlideAnalysis.THRESHOLD_SAMPLES, windows.size() + " windows");
            double toOverview = scale.level0PerPixel / o.scale.level0PerPixel;
            for (int[] w : windows) {
                assertTrue(w[0] >= 0 && w[1] >= 0 && w[0] + w[2] <= scale.width && w[1] + w[3] <= scale.height, "window outside the slide");
                assertEquals(512, w[2], "window not 256 um wide");
                int ox = (int) ((w[0] + w[2] / 2) * toOverview), oy = (int) ((w[1] + w[3] / 2) * toOverview);
                assertTrue(region.contains(ox, oy), "window centre not on tissue");
            }
        }
    }
}
