package necroptosis.synth;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Path2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import necroptosis.TruthPolygons;
import necroptosis.cli.Main;

/** The generator's styles: classic unchanged, varied deterministic, and the truth right for every look. */
class SyntheticStylesTest {
    @TempDir
    static Path dir;

    /** Seed 9022's varied look: H-DAB, no glass, two keratin, one collagen and two fat patches. */
    static final SyntheticSlideSettings NO_GLASS = SyntheticSlideSettings.builder().size(3000, 3000).pixelSizeUm(0.5)
            .seed(9022).cores(1).coreRadiusUm(160).style(SlideStyle.VARIED).build();
    /** Seed 9007's varied look: H&amp;E on glass with keratin, collagen and fat. */
    static final SyntheticSlideSettings HE = NO_GLASS.toBuilder().seed(9007).build();

    static JsonObject read(Path p) throws IOException {
        try (Reader r = Files.newBufferedReader(p)) {
            return JsonParser.parseReader(r).getAsJsonObject();
        }
    }

    static JsonObject generate(SyntheticSlideSettings s, String name, int threads) throws IOException {
        Path tif = dir.resolve(name + ".tif");
        new SyntheticSlideGenerator(s, threads, null).generate(tif, SyntheticSlideGenerator.defaultTruthPath(tif));
        return read(SyntheticSlideGenerator.defaultTruthPath(tif));
    }

    @Test
    void classicIsTheDefaultAndItsTruthHasNoStyleKeys() throws IOException {
        SyntheticSlideSettings s = SyntheticSlideSettings.builder().size(600, 500).pixelSizeUm(1).cores(0).seed(3).build();
        assertEquals(SlideStyle.CLASSIC, s.style());
        JsonObject t = generate(s, "classic", 1);
        assertAll(
                () -> assertFalse(t.getAsJsonObject("settings").has("style")),
                () -> assertFalse(t.has("appearance")),
                () -> assertFalse(t.has("materials")),
                () -> assertTrue(t.has("mlkl_positive_fraction")));
    }

    @Test
    void variedGivesIdenticalBytesWhateverTheThreadCountAndDiffersFromClassic() throws IOException {
        SyntheticSlideSettings s = HE.toBuilder().size(1400, 1200).pixelSizeUm(1.0).coreRadiusUm(100).build();
        generate(s, "v1", 1);
        generate(s, "v3", 3);
        generate(s.toBuilder().style(SlideStyle.CLASSIC).build(), "c", 2);
        byte[] a = Files.readAllBytes(dir.resolve("v1.tif"));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("v3.tif")), "varied TIFF differs between 1 and 3 threads");
        assertEquals(new String(Files.readAllBytes(dir.resolve("v1.truth.json")), "UTF-8").replace("v1.tif", "X"),
                new String(Files.readAllBytes(dir.resolve("v3.truth.json")), "UTF-8").replace("v3.tif", "X"));
        assertNotEquals(Files.size(dir.resolve("c.tif")), (long) a.length, "varied and classic slides of one seed are the same");
    }

    /** Row, cached point and polygon zone queries agree with patches present, and a patch is stroma throughout. */
    @Test
    void zoneQueriesAgreeWithPatches() {
        SlideLayout layout = new SlideLayout(NO_GLASS);
        assertEquals(5, layout.patches.size(), "seed 9022 draws two keratin, one collagen and two fat patches");
        int w = NO_GLASS.width();
        byte[] zones = new byte[w], core = new byte[w], patch = new byte[w];
        double[] field = new double[w];
        SplitMix r = new SplitMix(5);
        int inPatch = 0;
        for (int n = 0; n < 400; n++) {
            int y = r.nextInt(NO_GLASS.height());
            layout.zoneRow(y, 0, w, zones, core, patch, field, 0);
            for (int x = 0; x < w; x += 5) {
                TruthZone row = TruthZone.VALUES[zones[x]];
                assertEquals(layout.zoneAt(x + 0.5, y + 0.5), row, "polygon query at " + x + "," + y);
                assertEquals(layout.zoneOfPixel(x + 0.3, y + 0.9), row, "cached row query at " + x + "," + y);
                assertEquals(layout.patchOfPixel(x + 0.7, y + 0.2), patch[x], "patch index at " + x + "," + y);
                assertNotEquals(TruthZone.BACKGROUND, row, "a field without glass is tissue everywhere");
                if (patch[x] >= 0) {
                    inPatch++;
                    assertEquals(TruthZone.STROMA, row, "patch pixel at " + x + "," + y);
                    assertTrue(layout.patches.get(patch[x]).outline.contains(x + 0.5, y + 0.5));
                }
            }
        }
        assertTrue(inPatch > 100, "sampled " + inPatch + " patch pixels");
    }

    @Test
    void noGlassTruthHasNoBackgroundAndNoLymphocyteInAPatch() throws IOException {
        JsonObject t = generate(NO_GLASS, "noglass", 2);
        assertEquals(0, t.getAsJsonObject("pixel_counts").get("background").getAsLong());
        assertFalse(t.getAsJsonObject("appearance").get("glass").getAsBoolean());
        List<Path2D> patches = new ArrayList<>();
        for (JsonElement m : t.getAsJsonArray("materials")) patches.add(TruthPolygons.path(m.getAsJsonObject().getAsJsonArray("polygon")));
        assertEquals(5, patches.size());
        int n = 0;
        for (JsonElement e : t.getAsJsonObject("lymphocytes").getAsJsonArray("positions")) {
            JsonArray p = e.getAsJsonArray();
            double x = p.get(0).getAsDouble(), y = p.get(1).getAsDouble();
            for (Path2D m : patches) assertFalse(m.contains(x, y), "lymphocyte in a patch at " + x + "," + y);
            n++;
        }
        assertTrue(n > 100, n + " lymphocytes");
    }

    @Test
    void heTruthHasEosinAndNoMlkl() throws IOException {
        JsonObject t = generate(HE.toBuilder().size(1400, 1200).pixelSizeUm(1.0).coreRadiusUm(100).build(), "he", 2);
        assertAll(
                () -> assertEquals("H&E", t.getAsJsonObject("appearance").get("stain").getAsString()),
                () -> assertEquals("varied", t.getAsJsonObject("settings").get("style").getAsString()),
                () -> assertTrue(t.getAsJsonObject("stain_vectors").has("eosin")),
                () -> assertFalse(t.getAsJsonObject("stain_vectors").has("dab")),
                () -> assertFalse(t.has("mlkl_positive_fraction")),
                () -> assertFalse(t.has("necroptotic_fraction")),
                () -> assertTrue(t.getAsJsonObject("lymphocytes").getAsJsonObject("counts").get("tissue").getAsLong() > 0));
    }

    @Test
    void generateTakesTheStyleAndRefusesAnUnknownOne() throws Exception {
        Path out = dir.resolve("cli.tif");
        assertEquals(0, Main.run("generate", "--out", out.toString(), "--width", "700", "--height", "600", "--pixel-size", "1",
                "--cores", "1", "--core-radius-um", "60", "--rim-width-um", "40", "--seed", "4", "--style", "varied", "--quiet"));
        assertEquals("varied", read(dir.resolve("cli.truth.json")).getAsJsonObject("settings").get("style").getAsString());
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, "UTF-8"));
        int rc;
        try {
            rc = Main.run("generate", "--out", dir.resolve("bad.tif").toString(), "--style", "fancy");
        } finally {
            System.setErr(saved);
        }
        assertEquals(Main.EXIT_BAD_INPUT, rc);
        assertTrue(err.toString("UTF-8").contains("style must be classic or varied"), err.toString("UTF-8"));
        assertFalse(Files.exists(dir.resolve("bad.tif")));
    }
}
