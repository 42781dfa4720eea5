package necroptosis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.Zone;
import necroptosis.regions.GeoJsonRegions;
import necroptosis.regions.UserRegions;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import necroptosis.summary.SlideSummary;

/**
 * cells.csv and cells.geojson ({@code --export-cells}) on the small synthetic one-core slide, cut into 16
 * tiles so that nuclei on tile borders occur: they list exactly the nuclei the summary and tiles.csv count,
 * read as documented, do not depend on the threads or on cell mode, and without the setting nothing changes.
 */
class CellFilesTest {
    static final Path SLIDE = SlideOutputsTest.SLIDE;

    @TempDir
    static Path out;
    static Path off, on, oneThread, cellMode, override, restrict, marker;
    static Map<Path, SlideSummary> summaries = new HashMap<>();
    static SlideSummary summary;
    static List<String[]> rows;
    /** The restricting region, level-0 pixels: x0, y0, x1, y1. */
    static final double[] ROI = {300, 200, 1700, 1500};

    static AnalysisSettings.Builder settings() {
        // Tiles of 8 blocks (64 µm): 16 tiles on the slide, with borders through nuclei and immune cells.
        return AnalysisSettings.builder().threads(2).tileBlocks(8).minCoreAreaMm2(0.004);
    }

    static Path score(AnalysisSettings s, String name) throws IOException {
        try (SlideSource slide = SlideSources.open(SLIDE)) {
            SlideResult r = new SlideAnalysis(s, ProgressListener.NONE).run(slide);
            ResultWriter.Written w = ResultWriter.writeAll(r, out.resolve(name), ResultWriter.safeName(r.slidePath));
            summaries.put(w.dir, w.summary);
            return w.dir;
        }
    }

    @BeforeAll
    static void scoreAll() throws IOException {
        off = score(settings().build(), "off");
        on = score(settings().exportCells(true).build(), "on");
        oneThread = score(settings().exportCells(true).threads(1).build(), "one-thread");
        cellMode = score(settings().exportCells(true).cellMode(true).build(), "cell-mode");
        // A square of viable tissue made a core, and the analysis restricted to a rectangle.
        override = score(settings().exportCells(true).userRegions(regions(UserRegions.Mode.OVERRIDE, 600, 1300, 1000, 1700)).build(), "override");
        restrict = score(settings().exportCells(true).userRegions(regions(UserRegions.Mode.RESTRICT, ROI)).build(), "restrict");
        marker = score(settings().exportCells(true).immuneMode(AnalysisSettings.ImmuneMode.MARKER).build(), "marker");
        summary = summaries.get(on);
        rows = csv(on.resolve(CellFiles.CSV));
    }

    static UserRegions regions(UserRegions.Mode mode, double... r) throws IOException {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[["
                + "[" + r[0] + "," + r[1] + "],[" + r[2] + "," + r[1] + "],[" + r[2] + "," + r[3] + "],[" + r[0] + "," + r[3] + "],[" + r[0] + "," + r[1] + "]"
                + "]]},\"properties\":{\"objectType\":\"annotation\",\"classification\":{\"name\":\""
                + (mode == UserRegions.Mode.OVERRIDE ? "Necrosis" : "Region*") + "\"}}}]}";
        Path f = Files.write(out.resolve(mode.key() + ".geojson"), json.getBytes(StandardCharsets.UTF_8));
        return GeoJsonRegions.read(f).withMode(mode);
    }

    static List<String[]> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String[]> out = new ArrayList<>();
        for (String l : lines) out.add(l.split(",", -1));
        return out;
    }

    static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    /** summary.json without its run time and the export_cells parameter, which differ between the runs. */
    static JsonObject summaryOfTheNumbers(Path dir) throws IOException {
        JsonObject s = JsonParser.parseString(text(dir.resolve("summary.json"))).getAsJsonObject();
        JsonObject prov = s.getAsJsonObject("provenance");
        prov.remove("run_seconds");
        prov.getAsJsonObject("parameters").remove("export_cells");
        return s;
    }

    @Test
    void withoutTheSettingNoCellFilesAndTheOtherOutputsUnchanged() throws IOException {
        assertFalse(Files.exists(off.resolve(CellFiles.CSV)));
        assertFalse(Files.exists(off.resolve(CellFiles.GEOJSON)));
        assertFalse(text(off.resolve("summary.json")).contains("export_cells"), "recorded only when on");
        assertTrue(text(on.resolve("summary.json")).contains("\"export_cells\": true"));
        Set<String> offFiles, onFiles;
        try (Stream<Path> s = Files.list(off)) {
            offFiles = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        try (Stream<Path> s = Files.list(on)) {
            onFiles = s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        Set<String> expected = new HashSet<>(offFiles);
        expected.add(CellFiles.CSV);
        expected.add(CellFiles.GEOJSON);
        assertEquals(expected, onFiles);
        for (String f : offFiles) {
            if (f.equals("summary.json") || f.endsWith(".zip")) continue;
            assertArrayEquals(Files.readAllBytes(off.resolve(f)), Files.readAllBytes(on.resolve(f)), f);
        }
        assertEquals(summaryOfTheNumbers(off), summaryOfTheNumbers(on));
    }

    @Test
    void csvReadsAsDocumented() {
        assertArrayEquals(CellFiles.COLUMNS, rows.get(0));
        assertArrayEquals(new String[] {"x_px", "y_px", "x_um", "y_um", "area_um2", "zone", "class", "dab_od", "dab_grade", "tile"}, rows.get(0));
        Set<String> zones = new HashSet<>(), classes = new HashSet<>();
        for (Zone z : Zone.values()) zones.add(z.key);
        for (necroptosis.pipeline.CellRecords.CellClass c : necroptosis.pipeline.CellRecords.CellClass.values()) classes.add(c.key);
        assertTrue(rows.size() > 500, "hundreds of nuclei: " + rows.size());
        double um = summary.pixelSizeUm;
        for (String[] r : rows.subList(1, rows.size())) {
            assertEquals(10, r.length);
            double x = Double.parseDouble(r[0]), y = Double.parseDouble(r[1]);
            assertTrue(x >= 0 && x <= 2048 && y >= 0 && y <= 2048, Arrays.toString(r));
            assertEquals(x * um, Double.parseDouble(r[2]), 0.002);
            assertEquals(y * um, Double.parseDouble(r[3]), 0.002);
            assertTrue(Double.parseDouble(r[4]) > 0);
            assertTrue(zones.contains(r[5]), r[5]);
            assertTrue(classes.contains(r[6]), r[6]);
            double dab = Double.parseDouble(r[7]);
            int grade = Arrays.asList(CellFiles.GRADES).indexOf(r[8]);
            // The grade is of the unrounded OD: one step off only within the rounding of the written OD.
            int expected = dab >= 0.6 ? 3 : dab >= 0.35 ? 2 : dab >= 0.15 ? 1 : 0;
            assertTrue(grade == expected || Math.abs(dab - new double[] {0.15, 0.35, 0.6}[Math.min(grade, expected)]) <= 5e-5, Arrays.toString(r));
            Integer.parseInt(r[9]);
        }
    }

    @Test
    void immuneRowsAreTheSummarysImmuneCellsZoneByZone() throws IOException {
        for (Path dir : new Path[] {on, cellMode, override, restrict, marker}) {
            SlideSummary sum = summaries.get(dir);
            String run = dir.getParent().getFileName().toString();
            Map<String, Integer> immune = new HashMap<>();
            for (String[] r : rows(dir)) if (r[6].equals("immune")) immune.merge(r[5], 1, Integer::sum);
            assertEquals(sum.immune.tissue.cells, immune.getOrDefault("necrosis", 0) + immune.getOrDefault("rim", 0) + immune.getOrDefault("viable", 0), run);
            assertEquals(sum.immune.necrosis.cells, (long) immune.getOrDefault("necrosis", 0), run + ", necrosis");
            assertEquals(sum.immune.rim.cells, (long) immune.getOrDefault("rim", 0), run + ", rim");
            assertEquals(sum.immune.viable.cells, (long) immune.getOrDefault("viable", 0), run + ", viable");
            assertTrue(sum.immune.tissue.cells > 5, run + ": immune cells on the slide");
        }
        assertTrue(summary.immune.necrosis.cells + summary.immune.rim.cells > 0, "immune cells in or around the core");
        assertTrue(summaries.get(override).immune.necrosis.cells > 0, "immune cells in the square made a core");
    }

    @Test
    void rowsPerTileAreTilesCsvsNucleiAndImmuneCells() throws IOException {
        for (Path dir : new Path[] {on, cellMode, override, restrict, marker}) {
            String run = dir.getParent().getFileName().toString();
            Map<String, int[]> perTile = new HashMap<>();
            for (String[] r : rows(dir)) {
                int[] n = perTile.computeIfAbsent(r[9], k -> new int[2]);
                if (r[6].equals("immune")) n[1]++;
                if (r[6].equals("immune") || r[6].equals("tumour")) n[0]++;
            }
            List<String[]> tiles = csv(dir.resolve("tiles.csv"));
            List<String> header = Arrays.asList(tiles.get(0));
            int nuclei = header.indexOf("nuclei"), immune = header.indexOf("immune_cells");
            assertTrue(tiles.size() - 1 >= 9, run + ": several tiles");
            for (String[] t : tiles.subList(1, tiles.size())) {
                int[] n = perTile.remove(t[0]);
                if (n == null) n = new int[2];
                assertEquals(Integer.parseInt(t[nuclei]), n[0], run + ": nuclei of tile " + t[0]);
                assertEquals(Integer.parseInt(t[immune]), n[1], run + ": immune cells of tile " + t[0]);
            }
            assertTrue(perTile.isEmpty(), run + ": rows of tiles not in tiles.csv: " + perTile.keySet());
        }
    }

    @Test
    void restrictedToARegionOnlyItsNuclei() throws IOException {
        List<String[]> inside = rows(restrict);
        assertTrue(inside.size() > 100 && inside.size() < rows.size() - 100, inside.size() + " of " + rows.size());
        for (String[] r : inside) {
            double x = Double.parseDouble(r[0]), y = Double.parseDouble(r[1]);
            // The region is rasterised on the overview (here 0.5 µm, 2 level-0 pixels).
            assertTrue(x >= ROI[0] - 2 && x <= ROI[2] + 2 && y >= ROI[1] - 2 && y <= ROI[3] + 2, Arrays.toString(r));
        }
    }

    static List<String[]> rows(Path dir) throws IOException {
        List<String[]> all = csv(dir.resolve(CellFiles.CSV));
        return all.subList(1, all.size());
    }

    @Test
    void geoJsonIsQuPathDetectionsOfTheSameCells() throws IOException {
        JsonObject fc = JsonParser.parseString(text(on.resolve(CellFiles.GEOJSON))).getAsJsonObject();
        assertEquals("FeatureCollection", fc.get("type").getAsString());
        JsonArray features = fc.getAsJsonArray("features");
        assertEquals(rows.size() - 1, features.size());
        for (int i = 0; i < features.size(); i++) {
            JsonObject f = features.get(i).getAsJsonObject();
            assertEquals("Feature", f.get("type").getAsString());
            JsonObject g = f.getAsJsonObject("geometry");
            assertEquals("Polygon", g.get("type").getAsString());
            JsonArray ring = g.getAsJsonArray("coordinates").get(0).getAsJsonArray();
            assertEquals(CellFiles.VERTICES + 1, ring.size());
            assertEquals(ring.get(0), ring.get(ring.size() - 1), "closed");
            String[] row = rows.get(i + 1);
            double cx = 0, cy = 0;
            for (int k = 0; k < CellFiles.VERTICES; k++) {
                cx += ring.get(k).getAsJsonArray().get(0).getAsDouble() / CellFiles.VERTICES;
                cy += ring.get(k).getAsJsonArray().get(1).getAsDouble() / CellFiles.VERTICES;
            }
            assertEquals(Double.parseDouble(row[0]), cx, 0.1, "centred on the nucleus");
            assertEquals(Double.parseDouble(row[1]), cy, 0.1);
            JsonObject p = f.getAsJsonObject("properties");
            assertEquals("detection", p.get("objectType").getAsString());
            JsonObject c = p.getAsJsonObject("classification");
            assertEquals(row[6], c.get("name").getAsString());
            assertEquals(3, c.getAsJsonArray("color").size());
            assertEquals(row[5], p.get("zone").getAsString());
            JsonObject m = p.getAsJsonObject("measurements");
            for (Map.Entry<String, JsonElement> e : m.entrySet()) assertTrue(e.getValue().getAsJsonPrimitive().isNumber(), e.getKey());
            assertEquals(Double.parseDouble(row[4]), m.get("area_um2").getAsDouble(), 1e-9);
        }
    }

    @Test
    void sameFilesOnOneThreadAndInCellMode() throws IOException {
        for (String f : new String[] {CellFiles.CSV, CellFiles.GEOJSON}) {
            assertArrayEquals(Files.readAllBytes(on.resolve(f)), Files.readAllBytes(oneThread.resolve(f)), f + ", 1 and 2 threads");
            // The default compartment (cytoplasm) does not change the nuclei: pixel and cell mode list the same cells.
            assertArrayEquals(Files.readAllBytes(on.resolve(f)), Files.readAllBytes(cellMode.resolve(f)), f + ", pixel and cell mode");
        }
    }

    @Test
    void theTemporaryRecordsAreGoneOnceWritten() throws IOException {
        try (SlideSource slide = SlideSources.open(SLIDE)) {
            SlideResult r = new SlideAnalysis(settings().exportCells(true).build(), ProgressListener.NONE).run(slide);
            ResultWriter.write(r, out.resolve("again"));
            assertThrows(IOException.class, () -> r.cellRecords.forEach(r, c -> {}), "the temporary file is closed");
        }
    }
}
