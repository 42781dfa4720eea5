package necroptosis.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.io.Opener;
import necroptosis.TestImages;
import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.Overview;
import necroptosis.slide.OpenOptions;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import necroptosis.stain.BackgroundEstimator;
import necroptosis.stain.ColorDeconvolution;
import necroptosis.stain.StainVectors;

/** {@code stains}: the TIFFs Fiji opens hold exactly the deconvolution the analysis computes. */
class StainsCommandTest {
    static final Path SYNTHETIC = Paths.get("test-images", "synthetic-2048-0.25um.tif");

    @TempDir
    Path dir;

    @Test
    void regionOfAPngWithoutPixelSizeIsDeconvolvedWithI0FromTheRegion() throws Exception {
        Path png = TestImages.writePng(dir.resolve("s.png"), 40, 30, 9);
        Path out = dir.resolve("out");
        MainTest.Captured c = MainTest.run("stains", png.toString(), "--out", out.toString(), "--x", "3", "--y", "4", "--width", "20", "--height", "10");
        assertEquals(0, c.code, c.err);
        assertTrue(c.err.contains("I0 ("), c.err);

        int[] rgb;
        try (SlideSource s = SlideSources.open(png, OpenOptions.DEFAULT)) {
            rgb = s.readRegion(0, 3, 4, 20, 10);
        }
        StainVectors stains = new BackgroundEstimator().estimate(rgb).applyTo(StainVectors.H_DAB);
        float[][] expected = deconvolve(stains, rgb);
        String[] suffixes = {"hematoxylin", "dab", "residual"};
        for (int k = 0; k < 3; k++) {
            ImagePlus imp = IJ.openImage(out.resolve("s_3_4_20x10_L0_" + suffixes[k] + ".tif").toString());
            assertNotNull(imp, suffixes[k]);
            assertImage(imp, 20, 10, expected[k]);
            assertFalse(imp.getCalibration().scaled(), "no pixel size, no calibration");
        }
    }

    @Test
    void tiffRegionCarriesCalibrationAndMatchesTheOverviewBackground() throws Exception {
        Path out = dir.resolve("out");
        MainTest.Captured c = MainTest.run("stains", SYNTHETIC.toString(), "--out", out.toString(),
                "--level", "1", "--x", "100", "--y", "200", "--width", "300", "--height", "200");
        assertEquals(0, c.code, c.err);

        float[][] expected;
        try (SlideSource s = SlideSources.open(SYNTHETIC, OpenOptions.DEFAULT)) {
            int[] rgb = s.readRegion(1, 100, 200, 300, 200);
            int[] overview = Overview.read(s, AnalysisSettings.DEFAULT_OVERVIEW_PIXEL_UM).rgb;
            expected = deconvolve(new BackgroundEstimator().estimate(overview).applyTo(StainVectors.H_DAB), rgb);
        }
        String[] suffixes = {"hematoxylin", "dab", "residual"};
        String[] stainNames = {"Haematoxylin", "DAB", "Residual"};
        for (int k = 0; k < 3; k++) {
            Path file = out.resolve("synthetic-2048-0.25um_100_200_300x200_L1_" + suffixes[k] + ".tif");
            ImagePlus imp = new Opener().openImage(file.toString());
            assertNotNull(imp, file.toString());
            assertImage(imp, 300, 200, expected[k]);
            // 0.25 um at level 0, level 1 downsampled 2x.
            assertEquals(0.5, imp.getCalibration().pixelWidth, 1e-9);
            assertEquals(0.5, imp.getCalibration().pixelHeight, 1e-9);
            assertEquals("\u00b5m", imp.getCalibration().getUnit());
            String info = (String) imp.getProperty("Info");
            assertNotNull(info, "Info saved in the TIFF");
            assertTrue(info.startsWith(stainNames[k] + " optical density"), info);
            assertTrue(info.contains("0.6500, 0.7040, 0.2860"), info); // the haematoxylin vector used
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(3, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void wholeLevelByDefaultAndEosinForHAndE() throws Exception {
        Path png = TestImages.writePng(dir.resolve("s.png"), 40, 30, 5);
        Path out = dir.resolve("out");
        MainTest.Captured c = MainTest.run("stains", png.toString(), "--out", out.toString(), "--stains", "H&E", "--pixel-size", "0.5");
        assertEquals(0, c.code, c.err);

        int[] rgb;
        StainVectors stains;
        try (SlideSource s = SlideSources.open(png, OpenOptions.DEFAULT.withPixelSize(0.5))) {
            rgb = s.readRegion(0, 0, 0, 40, 30);
            stains = new BackgroundEstimator().estimate(Overview.read(s, AnalysisSettings.DEFAULT_OVERVIEW_PIXEL_UM).rgb).applyTo(StainVectors.H_E);
        }
        ImagePlus eosin = IJ.openImage(out.resolve("s_0_0_40x30_L0_eosin.tif").toString());
        assertNotNull(eosin);
        assertImage(eosin, 40, 30, deconvolve(stains, rgb)[1]);
        assertEquals(0.5, eosin.getCalibration().pixelWidth, 1e-9);
    }

    @Test
    void customVectorsAreParsedAsScoreParsesThem() throws Exception {
        Path png = TestImages.writePng(dir.resolve("s.png"), 16, 12, 3);
        Path out = dir.resolve("out");
        MainTest.Captured c = MainTest.run("stains", png.toString(), "--out", out.toString(), "--stain-vectors", "0.6,0.7,0.3; 0.3,0.6,0.8");
        assertEquals(0, c.code, c.err);
        int[] rgb;
        try (SlideSource s = SlideSources.open(png, OpenOptions.DEFAULT)) {
            rgb = s.readRegion(0, 0, 0, 16, 12);
        }
        StainVectors stains = new BackgroundEstimator().estimate(rgb)
                .applyTo(StainVectors.H_DAB.withStains("custom", new double[] {0.6, 0.7, 0.3}, new double[] {0.3, 0.6, 0.8}));
        assertImage(IJ.openImage(out.resolve("s_0_0_16x12_L0_dab.tif").toString()), 16, 12, deconvolve(stains, rgb)[1]);
    }

    @Test
    void scoreParsesTheSameVectorsThroughTheSharedOptions() {
        ScoreCommand score = new ScoreCommand();
        new picocli.CommandLine(score).parseArgs("x.svs", "--out", "o", "--stains", "he", "--stain-vectors", "0.6,0.7,0.3;0.1,0.9,0.3");
        StainVectors expected = StainVectors.H_E.withStains("custom", new double[] {0.6, 0.7, 0.3}, new double[] {0.1, 0.9, 0.3});
        assertEquals(expected, score.analysis.settings().stains);
    }

    @Test
    void oddSlideNamesStayInsideTheOutputFolder() throws Exception {
        Path png = TestImages.writePng(dir.resolve("a b;..&c.png"), 8, 8, 1);
        Path out = dir.resolve("out");
        MainTest.Captured c = MainTest.run("stains", png.toString(), "--out", out.toString());
        assertEquals(0, c.code, c.err);
        assertTrue(Files.isRegularFile(out.resolve("a_b_.._c_0_0_8x8_L0_residual.tif")), String.join(",", new File(out.toString()).list()));
    }

    @Test
    void badRegionsGiveOneLineAndExitCode2() throws Exception {
        Path png = TestImages.writePng(dir.resolve("s.png"), 40, 30, 9);
        Path out = dir.resolve("out");
        String[][] bad = {
                {"--x", "30", "--width", "11"},     // beyond the right edge
                {"--y", "30"},                      // starts below the level
                {"--width", "0"},
                {"--level", "1"},                   // a PNG has one level
                {"--stain-vectors", "0.6,0.7;0.3,0.6,0.8"},
        };
        for (String[] region : bad) {
            String[] args = Stream.concat(Stream.of("stains", png.toString(), "--out", out.toString()), Stream.of(region)).toArray(String[]::new);
            MainTest.Captured c = MainTest.run(args);
            assertEquals(Main.EXIT_BAD_INPUT, c.code, String.join(" ", region) + ": " + c.err);
            assertTrue(c.err.startsWith("error: "), c.err);
            assertEquals(1, c.err.trim().split("\n").length, c.err);
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", region));
        }
    }

    @Test
    void aLevelTooLargeToWriteWholeAsksForARegion() {
        MainTest.Captured c = MainTest.run("stains", Paths.get("test-images", "synthetic-5000x4000-2cores.tif").toString(), "--out", dir.toString());
        assertEquals(Main.EXIT_BAD_INPUT, c.code, c.err);
        assertTrue(c.err.contains("5000x4000") && c.err.contains("--width"), c.err);
        assertEquals(1, c.err.trim().split("\n").length, c.err);
    }

    private static float[][] deconvolve(StainVectors stains, int[] rgb) {
        float[][] od = new float[3][rgb.length];
        new ColorDeconvolution(stains).deconvolve(rgb, od[0], od[1], od[2]);
        return od;
    }

    private static void assertImage(ImagePlus imp, int w, int h, float[] expected) {
        assertEquals(ImagePlus.GRAY32, imp.getType());
        assertEquals(w, imp.getWidth());
        assertEquals(h, imp.getHeight());
        float[] got = (float[]) imp.getProcessor().getPixels();
        double maxDiff = 0;
        for (int i = 0; i < expected.length; i++) maxDiff = Math.max(maxDiff, Math.abs(got[i] - expected[i]));
        assertTrue(maxDiff <= 1e-6, "max difference " + maxDiff);
        // A test image of random colours must give some non-zero OD, or the comparison proves little.
        double sum = 0;
        for (float v : expected) sum += Math.abs(v);
        assertTrue(sum > 0);
    }
}
