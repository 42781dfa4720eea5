package necroptosis.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import necroptosis.TestImages;

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
        Captured c = run("info", png.toString(), "--pixel-size", "0.5");
        assertEquals(0, c.code, c.err);
        JsonObject j = JsonParser.parseString(c.out).getAsJsonObject();
        assertEquals("imagej", j.get("reader").getAsString());
        assertEquals(40, j.getAsJsonArray("levels").get(0).getAsJsonObject().get("width").getAsInt());
        assertEquals(0.5, j.get("pixel_size_um").getAsDouble(), 0);
        assertEquals("override", j.get("pixel_size_source").getAsString());
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
