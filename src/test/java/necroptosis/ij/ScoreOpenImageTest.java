package necroptosis.ij;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.OvalRoi;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/**
 * Score Slide on the image open in ImageJ (pixel size from its calibration, its selection restricting the
 * analysis), and Esc: a cancelled run writes no results.
 */
class ScoreOpenImageTest {
    private static final Path SLIDE = Paths.get("test-images/synthetic-4096-1core.tif");

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() {
        WindowManager.setTempCurrentImage(null);
        IJ.resetEscape();
    }

    /** Level 1 of the test slide (2048 x 2048 at 1 µm/px) as an ImageJ image, as if opened in Fiji. */
    private static ImagePlus level1() throws IOException {
        try (SlideSource s = SlideSources.open(SLIDE)) {
            int w = (int) s.levels().get(1).width(), h = (int) s.levels().get(1).height();
            ImagePlus imp = new ImagePlus("slide level 1", new ColorProcessor(w, h, s.readRegion(1, 0, 0, w, h)));
            Calibration cal = imp.getCalibration();
            cal.pixelWidth = cal.pixelHeight = s.pixelSize().micrometers() * s.levels().get(1).downsample();
            cal.setUnit("micron");
            return imp;
        }
    }

    /** Runs Score Slide in this thread with macro options, as IJ.run does, on {@code imp} as the current image. */
    private static void score(ImagePlus imp, String options) {
        WindowManager.setTempCurrentImage(imp);
        Thread.currentThread().setName("Run$_test"); // Macro.setOptions applies to threads named so
        Macro.setOptions(options);
        try {
            new ScoreSlideCommand().run("");
        } finally {
            Macro.setOptions(null);
        }
    }

    @Test
    void theOpenImageIsScoredWithItsCalibrationAndOnlyInsideItsSelection() throws IOException {
        ImagePlus imp = level1();
        score(imp, "source=[current image] analysis_pixel=1 output=[" + dir + "]");
        JsonObject whole = summary(dir.resolve("slide_level_1"));
        assertEquals(1.0, whole.get("pixel_size_um").getAsDouble(), 1e-9, "pixel size from the calibration");
        assertEquals("none", whole.getAsJsonObject("provenance").getAsJsonObject("parameters").get("regions_mode").getAsString());

        imp.setRoi(new OvalRoi(200, 200, 800, 800));
        Path restricted = dir.resolve("restricted");
        score(imp, "source=[current image] analysis_pixel=1 output=[" + restricted + "]");
        JsonObject part = summary(restricted.resolve("slide_level_1"));
        assertEquals("restrict", part.getAsJsonObject("provenance").getAsJsonObject("parameters").get("regions_mode").getAsString());
        double tissue = part.getAsJsonObject("areas_mm2").get("tissue").getAsDouble();
        double oval = Math.PI * 0.4 * 0.4; // 800 px at 1 µm: a circle of radius 0.4 mm
        assertTrue(tissue <= oval * 1.05, "tissue " + tissue + " mm2 outside the selection (" + oval + " mm2)");
        assertTrue(tissue < whole.getAsJsonObject("areas_mm2").get("tissue").getAsDouble());
    }

    @Test
    void anOpenImageWithoutCalibrationWhoseFileGivesOneSaysSoAndHowToGiveIt() throws Exception {
        Path svs = dir.resolve("s.svs");
        assertEquals(0, necroptosis.cli.Main.run("generate", "--out", svs.toString(), "--width", "512", "--height", "512",
                "--pixel-size", "0.499", "--cores", "0", "--quiet"));
        ImagePlus imp = new ImagePlus("s.svs", new ColorProcessor(javax.imageio.ImageIO.read(svs.toFile())));
        ij.io.FileInfo fi = new ij.io.FileInfo();
        fi.directory = dir.toString();
        fi.fileName = "s.svs";
        imp.setFileInfo(fi);
        java.io.PrintStream old = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true));
        try {
            score(imp, "source=[current image] output=[" + dir.resolve("o") + "]");
        } finally {
            System.setErr(old);
        }
        assertEquals("Score Slide: " + svs + ": no usable pixel size (the image has no calibration, though its file gives 0.499 \u00b5m/px"
                + " in its Aperio description (MPP)); score the file itself (Source: slide file, Reader auto), set the calibration in"
                + " Image > Properties, or give it as Pixel size in the dialog or pixel_size=UM in the macro",
                new String(err.toByteArray(), StandardCharsets.UTF_8).trim());
    }

    @Test
    void escCancelsBetweenTilesAndWritesNothing() throws Exception {
        Path out = dir.resolve("cancelled");
        Thread esc = new Thread(() -> {
            try {
                // After the command's own reset of Esc at its start, well before the tiles end (one thread).
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            IJ.setKeyDown(KeyEvent.VK_ESCAPE);
        });
        esc.start();
        long t0 = System.nanoTime();
        WindowManager.setTempCurrentImage(null);
        Thread.currentThread().setName("Run$_test");
        Macro.setOptions("slide=[" + SLIDE.toAbsolutePath() + "] output=[" + out + "] threads=1");
        try {
            new ScoreSlideCommand().run("");
        } finally {
            Macro.setOptions(null);
        }
        esc.join();
        assertFalse(IJ.escapePressed(), "Esc must be reset after the cancel");
        try (Stream<Path> files = Files.walk(out)) {
            assertEquals(1, files.count(), "a cancelled run wrote results");
        }
        // A whole run of this slide at 0.5 µm/px takes far longer than the cancel.
        assertTrue((System.nanoTime() - t0) / 1e9 < 30, "the run was not stopped");
    }

    private static JsonObject summary(Path slideDir) throws IOException {
        Path f = slideDir.resolve("summary.json");
        assertTrue(Files.isRegularFile(f), "no " + f);
        return JsonParser.parseString(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).getAsJsonObject();
    }
}
