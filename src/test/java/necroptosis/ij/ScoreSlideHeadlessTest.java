package necroptosis.ij;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.IJ;

/**
 * The Fiji commands in a plain headless JVM (surefire runs with java.awt.headless=true): a macro line, as
 * the recorder writes it, scores a slide with no dialog; bad input is one line on stderr naming the option
 * and what it accepts, and the macro stops there.
 */
class ScoreSlideHeadlessTest {
    private static final Path SLIDE = Paths.get("test-images/synthetic-4096-1core.tif").toAbsolutePath();

    @TempDir
    Path dir;

    @BeforeAll
    static void registerCommands() throws IOException {
        assertTrue(java.awt.GraphicsEnvironment.isHeadless(), "this test is about headless runs");
        // ImageJ 1.54p cannot build its menus headless; HeadlessMacro gives run() our commands instead.
        assertTrue(HeadlessMacro.install().containsKey("Score Slide..."));
    }

    /** Runs a macro in this JVM and returns what it printed on stderr. */
    private static String runMacro(String macro) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            IJ.runMacro(macro);
        } finally {
            System.setErr(old);
        }
        String s = new String(err.toByteArray(), StandardCharsets.UTF_8);
        old.print(s);
        return s;
    }

    private static String q(Path p) {
        return p.toString().replace("\\", "/");
    }

    @Test
    void aMacroLineScoresTheSlideWithoutADialog() throws IOException {
        Path out = dir.resolve("results");
        Path after = dir.resolve("after.txt");
        // analysis_pixel=1 keeps the test to seconds; weak=0.2 checks that options reach the analysis.
        String err = runMacro("run(\"Score Slide...\", \"slide=[" + q(SLIDE) + "] output=[" + q(out) + "] analysis_pixel=1 weak=0.2 rim_width=120\");\n"
                + "File.saveString('done', '" + q(after) + "');");
        assertTrue(Files.exists(after), "the macro went on after the command; stderr: " + err);
        Path summary = out.resolve("synthetic-4096-1core").resolve("summary.json");
        assertTrue(Files.isRegularFile(summary), "no summary.json; stderr: " + err);
        JsonObject s = JsonParser.parseString(new String(Files.readAllBytes(summary), StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject truth = JsonParser.parseString(new String(Files.readAllBytes(Paths.get("test-images/synthetic-4096-1core.truth.json")),
                StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals("ok", s.get("status").getAsString());
        assertEquals(truth.getAsJsonArray("cores").size(), s.get("necrotic_core_count").getAsInt());
        assertEquals(truth.get("pixel_size_um").getAsDouble(), s.get("pixel_size_um").getAsDouble(), 1e-9);
        double necrosis = s.getAsJsonObject("areas_mm2").get("necrosis").getAsDouble();
        double truthNecrosis = truth.getAsJsonObject("areas_mm2").get("necrosis").getAsDouble();
        assertEquals(truthNecrosis, necrosis, 0.3 * truthNecrosis, "necrotic area (mm2) far from the truth");
        JsonObject parameters = s.getAsJsonObject("provenance").getAsJsonObject("parameters");
        assertEquals(0.2, parameters.get("dab_weak_od").getAsDouble());
        assertEquals(120, parameters.get("rim_width_um").getAsDouble());
        assertEquals(1, parameters.get("analysis_pixel_um").getAsDouble());
        assertEquals("morphological", parameters.get("immune_mode").getAsString());
    }

    @Test
    void aBadOptionNamesTheOptionAndTheAcceptedValuesAndStopsTheMacro() {
        Path out = dir.resolve("results");
        Path after = dir.resolve("after.txt");
        String err = runMacro("run(\"Score Slide...\", \"slide=[" + q(SLIDE) + "] output=[" + q(out) + "] immune=foo\");\n"
                + "File.saveString('done', '" + q(after) + "');");
        assertEquals("Score Slide: immune=foo: accepted values are morphological, marker", err.trim());
        assertFalse(Files.exists(after), "the macro should stop at the failed command");
        assertFalse(Files.exists(out), "nothing may be written for a bad option");
    }

    @Test
    void aMisspeltOptionIsReportedNotIgnored() {
        String err = runMacro("run(\"Score Slide...\", \"slide=[" + q(SLIDE) + "] output=[" + q(dir) + "] wek=0.2\");");
        assertTrue(err.startsWith("Score Slide: unknown option 'wek'; known options are "), err);
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsReportedBeforeAnyWork() throws IOException {
        Path file = Files.write(dir.resolve("not-a-folder"), new byte[] {1});
        long t0 = System.nanoTime();
        String err = runMacro("run(\"Score Slide...\", \"slide=[" + q(SLIDE) + "] output=[" + q(file.resolve("out")) + "]\");");
        assertTrue(err.startsWith("Score Slide: " + file.resolve("out") + ": the output folder cannot be written"), err);
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "the slide was analysed before the output folder was checked");
    }

    @Test
    void aSlideWithoutPixelSizeIsOneLineSayingWhereFijiTakesIt() throws IOException {
        Path png = dir.resolve("uncalibrated.png");
        java.awt.image.BufferedImage white = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) white.setRGB(x, y, 0xFFFFFF);
        javax.imageio.ImageIO.write(white, "png", png.toFile());
        String err = runMacro("run(\"Score Slide...\", \"slide=[" + q(png) + "] output=[" + q(dir.resolve("o")) + "]\");");
        assertTrue(err.trim().startsWith("Score Slide: " + png + ": no usable pixel size"), err);
        assertTrue(err.contains("pixel_size=UM") && err.contains("Image > Properties") && !err.contains("--pixel-size"), err);
        assertEquals(1, err.trim().split("\n").length, "one line: " + err);
    }

    @Test
    void aPixelSizeTheChosenReaderDoesNotReadIsNamedWithTheReadersThatDo() {
        Path svs = dir.resolve("s.svs");
        assertEquals(0, necroptosis.cli.Main.run("generate", "--out", svs.toString(), "--width", "512", "--height", "512",
                "--pixel-size", "0.499", "--cores", "0", "--quiet"));
        String err = runMacro("run(\"Score Slide...\", \"slide=[" + q(svs) + "] reader=imagej output=[" + q(dir.resolve("o")) + "]\");");
        assertEquals("Score Slide: " + svs + ": no usable pixel size (the file gives 0.499 \u00b5m/px in its Aperio description (MPP),"
                + " which the ImageJ reader does not read); choose Reader auto or tiff (reader=auto in the macro), which read it,"
                + " or give it as Pixel size in the dialog or pixel_size=UM in the macro", err.trim());
    }

    @Test
    void aMissingSlideIsOneLineWithTheFileAndTheReason() {
        Path missing = dir.resolve("no such slide.svs");
        String err = runMacro("run(\"Score Slide...\", \"slide=[" + q(missing) + "] output=[" + q(dir.resolve("o")) + "]\");");
        assertEquals("Score Slide: " + missing + ": no such file", err.trim());
    }

    @Test
    void withoutOptionsHeadlessItSaysHowToGiveThem() {
        String err = runMacro("run(\"Score Slide...\");");
        assertTrue(err.startsWith("Score Slide: headless runs need macro options"), err);
    }
}
