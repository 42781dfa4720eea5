package necroptosis.regions;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import necroptosis.TestImages;
import necroptosis.cli.Main;

/** {@code score --regions FILE --regions-mode MODE} as typed: provenance on success, one error line otherwise. */
class RegionsOptionsTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            code = Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void restrictRunRecordsTheRegionsInTheSummary() throws Exception {
        Path png = TestImages.writePng(dir.resolve("s.png"), 256, 256, 3);
        Path geo = Files.write(dir.resolve("roi.geojson"),
                "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[100,0],[100,100],[0,100],[0,0]]]}".getBytes(StandardCharsets.UTF_8));
        String[] c = run("score", png.toString(), "--out", dir.resolve("out").toString(), "--pixel-size", "0.5",
                "--regions", geo.toString(), "--regions-mode", "restrict", "--threads", "1");
        assertEquals("0", c[0], c[2]);
        JsonObject s = JsonParser.parseString(new String(Files.readAllBytes(dir.resolve("out/s/summary.json")), StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject p = s.getAsJsonObject("provenance").getAsJsonObject("parameters");
        assertEquals("restrict", p.get("regions_mode").getAsString());
        assertEquals(geo.toString(), p.get("regions_file").getAsString());
        assertEquals(1, p.get("regions_polygons").getAsInt());
    }

    @Test
    void badRegionsGiveOneErrorLineAndExitCode2() throws Exception {
        Path png = TestImages.writePng(dir.resolve("s.png"), 64, 64, 3);
        Path notJson = Files.write(dir.resolve("bad.geojson"), "nope {".getBytes(StandardCharsets.UTF_8));
        Path tissueOnly = Files.write(dir.resolve("tissue.geojson"), ("{\"type\":\"Feature\",\"properties\":{\"classification\":{\"name\":\"Tissue\"}},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[10,0],[10,10],[0,0]]]}}").getBytes(StandardCharsets.UTF_8));
        String out = dir.resolve("out").toString();
        assertError(run("score", png.toString(), "--out", out, "--pixel-size", "0.5", "--regions", notJson.toString()),
                "error: " + notJson + ": not JSON");
        assertError(run("score", png.toString(), "--out", out, "--pixel-size", "0.5", "--regions", tissueOnly.toString()),
                "error: " + tissueOnly + ": no polygon classified necrosis");
        assertError(run("score", png.toString(), "--out", out, "--pixel-size", "0.5", "--regions", tissueOnly.toString(), "--regions-mode", "both"),
                "error: --regions-mode both: accepted values are override, restrict");
        assertError(run("score", png.toString(), "--out", out, "--pixel-size", "0.5", "--regions", tissueOnly.toString(), "--regions-scale", "4"),
                "error: --regions-scale 4: applies to ImageJ ROIs only");
        assertFalse(Files.exists(dir.resolve("out/s/summary.json")));
    }

    private static void assertError(String[] c, String start) {
        assertEquals("2", c[0], c[2]);
        assertTrue(c[2].startsWith(start), c[2]);
        assertEquals(1, c[2].trim().split("\n").length, c[2]);
    }
}
