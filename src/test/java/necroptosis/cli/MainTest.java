package necroptosis.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import necroptosis.TestImages;
import necroptosis.slide.bioformats.BioFormatsSlideSource;
import picocli.CommandLine;

/** The command line as a user types it: JSON out, PNG out, one error line and exit code 2 on bad input. */
class MainTest {
    @TempDir
    Path dir;

    static final class Captured {
        int code;
        String out;
        String err;
    }

    static Captured run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Captured c = new Captured();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            c.code = Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        c.out = out.toString();
        c.err = err.toString();
        return c;
    }

    @Test
    void helpListsTheCommands() {
        Captured c = run("--help");
        assertEquals(0, c.code);
        for (String cmd : new String[] {"info", "region"}) assertTrue(c.out.contains(cmd), c.out);
    }

    @Test
    void infoPrintsLevelsAndPixelSizeAsJson() throws Exception {
        Path png = TestImages.writePng(dir.resolve("s.png"), 40, 30, 9);
        Captured c = run("info", png.toString(), "--pixel-size", "0.5", "--reader", "imagej");
        assertEquals(0, c.code, c.err);
        JsonObject j = JsonParser.parseString(c.out).getAsJsonObject();
        assertEquals("imagej", j.get("reader").getAsString());
        assertEquals(40, j.getAsJsonArray("levels").get(0).getAsJsonObject().get("width").getAsInt());
        assertEquals(0.5, j.get("pixel_size_um").getAsDouble(), 0);
        assertEquals("override", j.get("pixel_size_source").getAsString());
    }

    @Test
    void theImageJReaderOnAnSvsSaysItsMppIsThereAndWhichReadersReadIt() {
        Path svs = dir.resolve("s.svs");
        Captured g = run("generate", "--out", svs.toString(), "--width", "512", "--height", "512",
                "--pixel-size", "0.499", "--cores", "0", "--quiet");
        assertEquals(0, g.code, g.err);
        Captured c = run("score", svs.toString(), "--reader", "imagej", "--out", dir.resolve("o").toString());
        assertEquals(Main.EXIT_BAD_INPUT, c.code);
        assertEquals("error: " + svs + ": no usable pixel size (the file gives 0.499 \u00b5m/px in its Aperio description (MPP),"
                + " which the ImageJ reader does not read); use --reader auto or tiff, which read it, or give it with --pixel-size UM",
                c.err.trim());
        assertEquals(0, run("score", svs.toString(), "--reader", "tiff", "--out", dir.resolve("o").toString()).code);
    }

    @Test
    void scoreRemovesTheUnfinishedFolderOfAKilledRunAndWritesItsOwn() throws Exception {
        Path slide = dir.resolve("s.tif"), out = dir.resolve("o");
        assertEquals(0, run("generate", "--out", slide.toString(), "--width", "512", "--height", "512",
                "--pixel-size", "0.5", "--cores", "0", "--quiet").code);
        Path stale = Files.createDirectories(out.resolve(".s.partial-4711"));
        Files.write(stale.resolve("tiles.csv"), new byte[] {1});
        Captured c = run("score", slide.toString(), "--out", out.toString());
        assertEquals(0, c.code, c.err);
        try (java.util.stream.Stream<Path> s = Files.list(out)) {
            assertEquals(java.util.Collections.singletonList("s"),
                    s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toList()));
        }
    }

    /**
     * A Bio-Formats folder without an SLF4J binding (as ../shared/bioformats/jars) must not make SLF4J warn
     * on every run. In a fresh JVM, as a user runs it, because SLF4J reports only once per process.
     */
    @Test
    void infoWithBioFormatsJarsWritesNothingToStandardError() throws Exception {
        String jars = System.getProperty(BioFormatsSlideSource.JARS_PROPERTY);
        Assumptions.assumeTrue(jars != null && !jars.startsWith("${") && BioFormatsSlideSource.isAvailable(),
                "no Bio-Formats jars configured (mvn test -Dbioformats.jars=DIR); skipped");
        Path png = TestImages.writePng(dir.resolve("s.png"), 40, 30, 9);
        Path err = dir.resolve("stderr.txt");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-D" + BioFormatsSlideSource.JARS_PROPERTY + "=" + jars, "necroptosis.cli.Main",
                "info", png.toString(), "--reader", "bioformats")
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "info did not finish within 60 s");
        String stderr = new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stderr);
        assertEquals("", stderr);
        JsonObject j = JsonParser.parseString(new String(Files.readAllBytes(dir.resolve("stdout.txt")), StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertEquals("bioformats", j.get("reader").getAsString());
    }

    @Test
    void everyCommandAnswersHelpWhateverItsRequiredOptions() {
        for (String name : new CommandLine(new Main()).getSubcommands().keySet()) {
            Captured c = run(name, "--help");
            assertEquals(0, c.code, name + ": " + c.err);
            assertTrue(c.out.contains("Usage: necroptosis-scorer " + name), name + ": " + c.out);
            assertEquals("", c.err, name);
        }
    }

    @Test
    void generateFitsTheDefaultCoresToASmallSlideAndSaysHow() throws Exception {
        Path out = dir.resolve("small.tif");
        Captured c = run("generate", "--out", out.toString(), "--width", "1024", "--height", "1024", "--threads", "1", "--quiet");
        assertEquals(0, c.code, c.err);
        assertTrue(c.err.startsWith("note: 2 necrotic cores of radius 250 µm do not fit a 1024x1024 slide"), c.err);
        assertTrue(c.err.contains("--cores"), c.err);
        JsonObject truth = JsonParser.parseString(new String(Files.readAllBytes(dir.resolve("small.truth.json")),
                StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(1, truth.getAsJsonObject("settings").get("cores").getAsInt(), "the truth records the cores drawn");
        assertEquals(1, truth.getAsJsonArray("cores").size());
    }

    @Test
    void generateWithCoresThatDoNotFitSuggestsValuesThatDo() throws Exception {
        Captured c = run("generate", "--out", dir.resolve("x.tif").toString(), "--width", "1024", "--height", "1024",
                "--cores", "1", "--quiet");
        assertEquals(Main.EXIT_BAD_INPUT, c.code);
        assertEquals(1, c.err.trim().split("\n").length, c.err);
        Matcher m = Pattern.compile("--core-radius-um (\\d+)").matcher(c.err);
        assertTrue(m.find(), c.err);
        assertTrue(c.err.contains("--width") && c.err.contains("--cores 0"), c.err);
        Captured ok = run("generate", "--out", dir.resolve("y.tif").toString(), "--width", "1024", "--height", "1024",
                "--cores", "1", "--core-radius-um", m.group(1), "--threads", "1", "--quiet");
        assertEquals(0, ok.code, "the suggested radius fits: " + ok.err);
    }

    @Test
    void regionWritesThePixelsAsPng() throws Exception {
        Path png = TestImages.writePng(dir.resolve("s.png"), 40, 30, 9);
        Path out = dir.resolve("r.png");
        Captured c = run("region", png.toString(), "--x", "3", "--y", "4", "--width", "10", "--height", "5", "--out", out.toString());
        assertEquals(0, c.code, c.err);
        java.awt.image.BufferedImage src = ImageIO.read(png.toFile()), got = ImageIO.read(out.toFile());
        assertEquals(10, got.getWidth());
        assertEquals(src.getRGB(3 + 9, 4 + 4), got.getRGB(9, 4));
    }

    @Test
    void badInputGivesOneLineAndExitCode2() {
        Captured c = run("info", dir.resolve("missing.svs").toString());
        assertEquals(Main.EXIT_BAD_INPUT, c.code);
        assertEquals(1, c.err.trim().split("\n").length, c.err);
        assertTrue(c.err.contains("missing.svs: no such file"), c.err);
        Captured r = run("info", dir.toString(), "--reader", "magic");
        assertEquals(Main.EXIT_BAD_INPUT, r.code);
        assertTrue(r.err.contains("--reader magic: accepted values are auto, bioformats, tiff, imagej"), r.err);
    }
}
