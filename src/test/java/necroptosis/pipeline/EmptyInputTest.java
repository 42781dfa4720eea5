package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import necroptosis.cli.Main;
import necroptosis.report.DistanceProfile;
import necroptosis.report.ResultWriter;
import necroptosis.report.TileTable;
import necroptosis.slide.OpenOptions;
import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import necroptosis.slide.UnknownPixelSizeException;

/**
 * Issue 3, "Bad input": a slide without a pixel size is refused with a way out; glass only, tissue without
 * necrosis and tissue without immune cells give valid outputs with zeros and a status, never an error or NaN.
 */
class EmptyInputTest {
    @TempDir
    Path dir;

    private static final String TILES_HEADER = String.join(",", TileTable.COLUMNS);
    private static final String PROFILE_HEADER = String.join(",", DistanceProfile.COLUMNS);

    private static AnalysisSettings settings() {
        return AnalysisSettings.builder().threads(2).build();
    }

    /** Runs the analysis at 0.5 um/px and writes the outputs; returns the slide's output folder. */
    private Path score(Path image) throws Exception {
        return score(image, settings());
    }

    private Path score(Path image, AnalysisSettings settings) throws Exception {
        try (SlideSource s = SlideSources.open(image, OpenOptions.DEFAULT.withPixelSize(0.5))) {
            SlideResult r = new SlideAnalysis(settings, ProgressListener.NONE).run(s);
            return ResultWriter.write(r, dir.resolve("out"));
        }
    }

    private static List<String> lines(Path csv) throws Exception {
        return Files.readAllLines(csv, StandardCharsets.UTF_8);
    }

    /** The whole summary is strict JSON with finite numbers, null only where the summary documents it. */
    private static JsonObject validSummary(Path out) throws Exception {
        JsonObject j = EdgeSlides.readStrict(out.resolve("summary.json"));
        EdgeSlides.assertFiniteAndNotNull("summary", j, Collections.singletonList("mlkl_immune_spearman"));
        return j;
    }

    // --- 1. no pixel size --------------------------------------------------------------------------------

    @Test
    void slideWithoutPixelSizeIsRefusedWithOneLineThatEachFrontEndCompletes() throws Exception {
        Path png = EdgeSlides.glass(dir.resolve("uncalibrated.png"), 64, 64, 0, 1);
        try (SlideSource s = SlideSources.open(png, OpenOptions.DEFAULT)) {
            assertFalse(s.pixelSize().isKnown(), "a plain PNG has no calibration: " + s.pixelSize());
            UnknownPixelSizeException e = assertThrows(UnknownPixelSizeException.class,
                    () -> new SlideAnalysis(settings(), ProgressListener.NONE).run(s));
            String m = e.getMessage();
            assertTrue(m.contains("uncalibrated.png") && m.contains("no usable pixel size"), m);
            // How to give one is the front end's to say: the command line's option, Fiji's field or macro key.
            assertFalse(m.contains("--pixel-size") || m.contains("pixel_size"), m);
            assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
        }
    }

    @Test
    void scoreCommandWithoutPixelSizeExits2WithThatLineAndWritesNothing() throws Exception {
        Path png = EdgeSlides.glass(dir.resolve("uncalibrated.png"), 64, 64, 0, 1);
        Path out = dir.resolve("out");
        EdgeSlides.Cli c = EdgeSlides.run("score", png.toString(), "--out", out.toString());
        assertEquals(Main.EXIT_BAD_INPUT, c.code, c.err);
        String[] lines = c.errLines();
        assertEquals(1, lines.length, c.err);
        assertTrue(lines[0].startsWith("error: "), lines[0]);
        assertTrue(lines[0].contains("uncalibrated.png") && lines[0].contains("--pixel-size"), lines[0]);
        assertFalse(Files.exists(out.resolve("uncalibrated").resolve("summary.json")));
    }

    // --- 2. glass only ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "noise +-{0}, cell mode {1}")
    @CsvSource({"0, false", "3, false", "3, true"})
    void glassOnlyGivesStatusNoTissueAndZerosEverywhere(int noise, boolean cellMode) throws Exception {
        Path out = score(EdgeSlides.glass(dir.resolve("glass.png"), 512, 384, noise, 2), settings().toBuilder().cellMode(cellMode).build());
        JsonObject j = validSummary(out);
        assertEquals(cellMode, j.has("cells"), "a cells block exactly in cell mode");
        assertEquals("no_tissue", j.get("status").getAsString());
        // Every result number is 0; only the slide's own pixel size and the provenance are not results.
        for (Map.Entry<String, JsonElement> e : j.entrySet()) {
            if (Arrays.asList("slide", "pixel_size_um", "provenance").contains(e.getKey())) continue;
            EdgeSlides.assertAllZero(e.getKey(), e.getValue());
        }
        assertTrue(j.get("mlkl_immune_spearman").isJsonNull() || j.get("mlkl_immune_spearman").getAsDouble() == 0);
        assertEquals(0, j.getAsJsonArray("distance_profile").size());
        assertEquals(Collections.singletonList(TILES_HEADER), lines(out.resolve("tiles.csv")));
        assertEquals(Collections.singletonList(PROFILE_HEADER), lines(out.resolve("distance_profile.csv")));
    }

    @Test
    void glassOnlyThroughTheCommandLineIsNotAnError() throws Exception {
        Path png = EdgeSlides.glass(dir.resolve("glass.png"), 256, 256, 2, 3);
        EdgeSlides.Cli c = EdgeSlides.run("score", png.toString(), "--out", dir.resolve("cli").toString(), "--pixel-size", "0.5", "--threads", "1");
        assertEquals(0, c.code, c.err);
        assertEquals("no_tissue", validSummary(dir.resolve("cli").resolve("glass")).get("status").getAsString());
    }

    // --- tiny slides --------------------------------------------------------------------------------------

    /**
     * Slides of a few pixels (a thumbnail, a mis-typed pixel size) either give a valid summary or a one-line
     * refusal naming the file; nothing else (no index or arithmetic exception, no NaN). A strip thousands of
     * times longer than wide makes an overview one pixel high, and its pictures must still be drawn.
     */
    @ParameterizedTest(name = "{0}x{1} px at {2} um/px")
    @CsvSource({"1, 1, 0.5", "3, 3, 0.5", "1, 600, 0.5", "600, 1, 0.5", "40, 40, 0.5", "40, 40, 0.01", "1, 1, 25",
            "100000, 16, 0.5", "100000, 64, 0.5", "64, 100000, 0.5"})
    void tinySlidesGiveAValidSummaryOrOneLine(int w, int h, double pixelUm) throws Exception {
        int[] rgb = new int[w * h];
        Arrays.fill(rgb, 0xFF8090C0); // well-stained tissue colour, far from glass
        Path png = EdgeSlides.png(dir.resolve("tiny.png"), w, h, rgb);
        try (SlideSource s = SlideSources.open(png, OpenOptions.DEFAULT.withPixelSize(pixelUm))) {
            SlideResult r;
            try {
                r = new SlideAnalysis(settings(), ProgressListener.NONE).run(s);
            } catch (SlideException e) {
                assertTrue(e.getMessage().contains("tiny.png") && !e.getMessage().contains("\n"), e.getMessage());
                return;
            }
            JsonObject j = validSummary(ResultWriter.write(r, dir.resolve("out")));
            assertTrue(Arrays.asList("no_tissue", "no_necrosis", "ok", "too_small").contains(j.get("status").getAsString()), j.get("status").toString());
        }
    }

    @Test
    void aScanCoarserThanTheAnalysisResolutionIsNoted() throws Exception {
        Path png = EdgeSlides.paleTissue(dir.resolve("coarse.png"), 256, 256, 32, 0.12, 3, 0.3, 10, 5);
        Path out;
        try (SlideSource s = SlideSources.open(png, OpenOptions.DEFAULT.withPixelSize(2.0))) {
            out = ResultWriter.write(new SlideAnalysis(settings(), ProgressListener.NONE).run(s), dir.resolve("out"));
        }
        JsonObject j = validSummary(out);
        String notes = j.get("notes").toString();
        assertTrue(notes.contains("coarser") && notes.contains("unreliable"), notes);
        // ... and not at the resolution asked for.
        assertFalse(validSummary(score(png)).get("notes").toString().contains("coarser"));
    }

    // --- 3. tissue without necrosis ---------------------------------------------------------------------

    /** Viable tumour and stroma of the bundled one-core slide, far (> 400 um) from its core. */
    @Test
    void tissueAwayFromTheCoreGivesStatusNoNecrosisAndNoCoreNumbers() throws Exception {
        Path slide = Paths.get("test-images", "synthetic-4096-1core.tif");
        assertTrue(Files.isRegularFile(slide), "bundled test slide missing: " + slide.toAbsolutePath());
        int x = 2400, y = 2300, w = 1024, h = 1024;
        Path crop;
        try (SlideSource s = SlideSources.open(slide, OpenOptions.DEFAULT)) {
            crop = EdgeSlides.png(dir.resolve("viable-crop.png"), w, h, s.readRegion(0, x, y, w, h));
        }
        Path out = score(crop);
        JsonObject j = validSummary(out);
        assertEquals("no_necrosis", j.get("status").getAsString());
        JsonObject areas = j.getAsJsonObject("areas_mm2");
        assertTrue(areas.get("tissue").getAsDouble() > 0.1, "the crop is mostly tissue: " + areas);
        assertEquals(0.0, areas.get("necrosis").getAsDouble(), 0.0);
        assertEquals(0.0, areas.get("rim").getAsDouble(), 0.0);
        assertEquals(0, j.get("necrotic_core_count").getAsInt());
        assertEquals(0.0, j.get("necrosis_fraction").getAsDouble(), 0.0);
        assertEquals(0.0, j.get("necroptotic_fraction").getAsDouble(), 0.0);
        assertEquals(0.0, j.get("necroptotic_tumor_burden").getAsDouble(), 0.0);
        EdgeSlides.assertAllZero("mlkl.necrosis", j.getAsJsonObject("mlkl").get("necrosis"));
        EdgeSlides.assertAllZero("mlkl.rim", j.getAsJsonObject("mlkl").get("rim"));
        EdgeSlides.assertAllZero("immune.necrosis", j.getAsJsonObject("immune").get("necrosis"));
        EdgeSlides.assertAllZero("immune.rim", j.getAsJsonObject("immune").get("rim"));
        assertEquals(0, j.getAsJsonArray("distance_profile").size());
        assertEquals(Collections.singletonList(PROFILE_HEADER), lines(out.resolve("distance_profile.csv")));
        // The tissue itself was measured: the zeros above are not those of an empty run.
        assertTrue(j.getAsJsonObject("mlkl").getAsJsonObject("viable").get("positive_fraction").getAsDouble() > 0);
        assertTrue(lines(out.resolve("tiles.csv")).size() > 1);
    }

    // --- 4. tissue without immune cells -----------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(AnalysisSettings.ImmuneMode.class)
    void tissueWithoutSmallDarkRoundNucleiHasNoImmuneCellsAndSaysSo(AnalysisSettings.ImmuneMode mode) throws Exception {
        // 0.5 um/px: nuclei 12 px (6 um) in radius, about 113 um2, and pale (OD 0.3) without DAB: tumour, not
        // lymphocytes by morphology, and not marker-positive.
        Path png = EdgeSlides.paleTissue(dir.resolve("pale.png"), 768, 768, 96, 0.12, 12, 0.3, 40, 4);
        Path out = score(png, settings().toBuilder().immuneMode(mode).build());
        JsonObject j = validSummary(out);
        double drawnMm2 = (768 - 2 * 96) * (768 - 2 * 96) * 0.5 * 0.5 * 1e-6;
        assertEquals(drawnMm2, j.getAsJsonObject("areas_mm2").get("tissue").getAsDouble(), 0.1 * drawnMm2, "the drawn square is the tissue");
        assertNotEquals("no_tissue", j.get("status").getAsString());
        EdgeSlides.assertAllZero("immune", j.get("immune"));
        List<String> notes = Arrays.asList(new com.google.gson.Gson().fromJson(j.get("notes"), String[].class));
        assertTrue(notes.contains("no immune cells found"), notes.toString());
        // Nuclei were found (so the detector ran on this tissue), none of them immune.
        List<String> rows = lines(out.resolve("tiles.csv"));
        List<String> cols = Arrays.asList(TileTable.COLUMNS);
        long nuclei = 0, immune = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] v = row.split(",", -1);
            nuclei += Long.parseLong(v[cols.indexOf("nuclei")]);
            immune += Long.parseLong(v[cols.indexOf("immune_cells")]);
            assertEquals(0.0, Double.parseDouble(v[cols.indexOf("immune_density_per_mm2")]), 0.0, row);
        }
        assertTrue(nuclei > 100, "nuclei found: " + nuclei);
        assertEquals(0, immune);
    }
}
