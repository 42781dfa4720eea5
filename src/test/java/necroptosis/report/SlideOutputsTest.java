package necroptosis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.BlockGrid;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.Zone;
import necroptosis.regions.GeoJsonRegions;
import necroptosis.regions.UserRegions;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/**
 * The outputs a person looks at, on the small synthetic one-core slide scored once (a few seconds): the
 * outlines enclose exactly the blocks and pixels the numbers were measured on, the GeoJSON reads back as
 * the same cores, every file of a complete output is there and the PNGs are real images.
 */
class SlideOutputsTest {
    /** Its one core (0.0095 mm²) is just below the default minimum core area, hence the lower minimum. */
    static final Path SLIDE = Paths.get("test-images", "synthetic-2048-0.25um.tif");

    @TempDir
    static Path out;
    static SlideResult result;
    static Path dir;

    @BeforeAll
    static void score() throws IOException {
        try (SlideSource s = SlideSources.open(SLIDE)) {
            result = new SlideAnalysis(AnalysisSettings.builder().threads(2).minCoreAreaMm2(0.004).build(), ProgressListener.NONE).run(s);
        }
        assertTrue(result.cores.count >= 1, "the slide has a core");
        dir = ResultWriter.write(result, out);
    }

    @Test
    void coreOutlinesEncloseExactlyTheirBlocks() {
        BlockGrid g = result.grid;
        double block = Outlines.blockLevel0(result);
        List<Outline> cores = Outlines.cores(result);
        double[] area = new double[result.cores.count + 1];
        for (Outline o : cores) {
            assertEquals(Outline.NECROSIS, o.classification);
            area[Integer.parseInt(o.name.substring("core ".length()))] += o.areaPx();
        }
        for (int label = 1; label <= result.cores.count; label++) {
            int blocks = 0;
            for (int l : result.cores.labels) if (l == label) blocks++;
            assertEquals(blocks * block * block, area[label], 1e-6 * blocks * block * block, "core " + label);
        }
        assertTrue(g.width * block >= result.analysisScale.slide.levels().get(0).width() - block, "grid covers the slide");
    }

    @Test
    void rimOutlinesEncloseTheRimZoneWithTheCoreAsAHole() {
        double block = Outlines.blockLevel0(result);
        long rimBlocks = 0;
        for (byte z : result.zones.zones) if (z == Zone.RIM.ordinal()) rimBlocks++;
        double area = 0;
        boolean holed = false;
        for (Outline o : Outlines.rims(result)) {
            assertEquals(Outline.RIM, o.classification);
            assertTrue(o.name.matches("rim (\\d+(\\+\\d+)*|piece \\d+)"), o.name);
            area += o.areaPx();
            holed |= o.rings.size() > 1;
        }
        assertTrue(holed, "a rim surrounds its core");
        // Clipping to the slide may cut rim blocks on the last row/column; this slide's core is far from it.
        assertEquals(rimBlocks * block * block, area, 1e-6 * area);
    }

    @Test
    void tissueOutlinesEncloseTheOverviewTissuePixels() {
        long pixels = 0;
        for (byte b : result.overviewTissue) if (b != 0) pixels++;
        double s = result.overview.scale.level0PerPixel;
        double area = 0;
        for (Outline o : Outlines.tissue(result)) area += o.areaPx();
        assertTrue(pixels > 0);
        assertEquals(pixels * s * s, area, 1e-6 * area);
    }

    @Test
    void aCompleteOutputHasEveryFileAndNoPartFiles() throws IOException {
        List<String> files = ResultWriter.outputFiles();
        assertEquals("summary.json", files.get(files.size() - 1));
        assertTrue(files.contains("rois.zip"), "the ImageJ ROI set");
        for (String f : new String[] {"overview.png", "mlkl_heatmap.png", "immune_heatmap.png", "distance_profile.png", "necrosis.geojson"}) {
            assertTrue(files.contains(f), f);
        }
        for (String f : files) assertTrue(Files.size(dir.resolve(f)) > 0, f);
        assertTrue(ResultWriter.isComplete(dir));
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.toString().endsWith(".part")));
        }
        Files.move(dir.resolve("overview.png"), dir.resolve("overview.bak"));
        try {
            assertFalse(ResultWriter.isComplete(dir), "a missing picture makes the output incomplete");
        } finally {
            Files.move(dir.resolve("overview.bak"), dir.resolve("overview.png"));
        }
    }

    @Test
    void imagesAreReadablePngsOfTheSlidesProportions() throws IOException {
        for (String f : new String[] {"overview.png", "mlkl_heatmap.png", "immune_heatmap.png", "distance_profile.png"}) {
            BufferedImage img = ImageIO.read(dir.resolve(f).toFile());
            assertTrue(img != null && img.getWidth() >= 600 && img.getHeight() >= 400, f);
        }
        // The overview draws cores and rims in their legend colours.
        BufferedImage ov = ImageIO.read(dir.resolve("overview.png").toFile());
        assertTrue(count(ov, Outlines.NECROSIS_RGB) > 50, "core outline drawn");
        assertTrue(count(ov, Outlines.RIM_RGB) > 50, "rim outline drawn");
        assertTrue(count(ov, Outlines.TISSUE_RGB) > 50, "tissue outline drawn");
    }

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) n++;
        return n;
    }

    @Test
    void geoJsonIsAQuPathFeatureCollectionInLevel0Pixels() throws IOException {
        JsonObject fc = JsonParser.parseString(new String(Files.readAllBytes(dir.resolve("necrosis.geojson")), StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals("FeatureCollection", fc.get("type").getAsString());
        long w = result.analysisScale.slide.levels().get(0).width(), h = result.analysisScale.slide.levels().get(0).height();
        List<String> classes = new ArrayList<>();
        double necrosisMm2 = 0;
        for (JsonElement e : fc.getAsJsonArray("features")) {
            JsonObject f = e.getAsJsonObject();
            assertEquals("Feature", f.get("type").getAsString());
            JsonObject p = f.getAsJsonObject("properties");
            assertEquals("annotation", p.get("objectType").getAsString());
            String cls = p.getAsJsonObject("classification").get("name").getAsString();
            assertEquals(3, p.getAsJsonObject("classification").getAsJsonArray("color").size());
            classes.add(cls);
            assertEquals("Polygon", f.getAsJsonObject("geometry").get("type").getAsString());
            for (JsonElement ring : f.getAsJsonObject("geometry").getAsJsonArray("coordinates")) {
                JsonArray r = ring.getAsJsonArray();
                assertEquals(r.get(0), r.get(r.size() - 1), "closed ring");
                for (JsonElement pt : r) {
                    double x = pt.getAsJsonArray().get(0).getAsDouble(), y = pt.getAsJsonArray().get(1).getAsDouble();
                    assertTrue(x >= 0 && y >= 0 && x <= w && y <= h, "inside the level-0 slide: " + pt);
                }
            }
            if (cls.equals("necrosis")) {
                necrosisMm2 += p.get("area_mm2").getAsDouble();
                assertFalse(p.get("uncertain").getAsBoolean(), "the synthetic slide's cores are sure: " + p);
                assertFalse(p.has("doubt"), "a sure core has no doubt: " + p);
            } else {
                assertFalse(p.has("uncertain"), "only cores are judged: " + p);
            }
        }
        assertTrue(classes.contains("necrosis") && classes.contains("rim") && classes.contains("tissue"), classes.toString());
        // The polygons hold whole blocks; the summary counts only the tissue in them: equal within the edge blocks.
        double summary = 0;
        for (int c = 1; c <= result.cores.count; c++) summary += result.cores.areasMm2[c];
        assertTrue(necrosisMm2 >= summary - 1e-9 && necrosisMm2 <= summary * 1.1, necrosisMm2 + " vs " + summary);
    }

    @Test
    void geoJsonReadsBackAsTheSameCores() throws IOException {
        UserRegions back = GeoJsonRegions.read(dir.resolve("necrosis.geojson")).withMode(UserRegions.Mode.OVERRIDE);
        assertTrue(back.corePolygons().size() >= result.cores.count && back.corePolygons().size() < back.polygons().size(),
                "the necrosis features are cores, the rims and tissue are not");
        BlockGrid g = result.grid;
        byte[] mask = back.coreMask(g.width, g.height, Outlines.blockLevel0(result));
        byte[] expected = new byte[g.size()];
        for (int i = 0; i < expected.length; i++) expected[i] = (byte) (result.cores.labels[i] > 0 ? 1 : 0);
        assertArrayEquals(expected, mask, "rasterised back to the block grid, the same blocks");
    }

    @Test
    void emptyDistanceProfileSaysSoInsteadOfFailing() {
        BufferedImage img = DistancePlot.render(result, Collections.emptyList());
        assertEquals(DistancePlot.WIDTH, img.getWidth());
    }

    /** Every file of a slide folder and its bytes, to compare a folder before and after a failed re-run. */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : (Iterable<Path>) s::iterator) m.put(p.getFileName().toString(), Arrays.toString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        return m;
    }

    private static List<String> hidden(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).forEach(names::add);
        }
        return names;
    }

    @Test
    void aFailedRerunKeepsTheEarlierResultWholeAndNamesTheFile(@TempDir Path out2) throws IOException {
        Path slideDir = ResultWriter.write(result, out2);
        Files.write(slideDir.resolve("summary.json"), "earlier".getBytes(StandardCharsets.UTF_8)); // to tell old from new
        Map<String, String> before = contents(slideDir);
        for (String failing : new String[] {"mlkl_heatmap.png", "summary.json"}) {
            ResultWriter.fault = f -> {
                if (f.equals(failing)) throw new IOException("No space left on device");
            };
            try {
                IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> ResultWriter.write(result, out2));
                assertTrue(e.getMessage().startsWith(slideDir.resolve(failing) + ": ") && e.getMessage().contains("No space left on device"),
                        e.getMessage());
            } finally {
                ResultWriter.fault = f -> {};
            }
            assertEquals(before, contents(slideDir), "the earlier result is untouched when " + failing + " fails");
            assertEquals(Collections.emptyList(), hidden(out2), "no partial folder is left");
        }
        ResultWriter.write(result, out2);
        assertTrue(ResultWriter.isComplete(slideDir));
        Map<String, String> first = contents(dir), again = contents(slideDir);
        first.remove("rois.zip"); // its entries carry the time they were written
        again.remove("rois.zip");
        assertEquals(first, again, "a successful re-run replaces every file");
        assertEquals(Collections.emptyList(), hidden(out2), "nothing set aside is left");
        assertEquals(Collections.singletonList(slideDir.getFileName().toString()), listNames(out2));
    }

    private static List<String> listNames(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<String> names = new ArrayList<>();
            s.forEach(p -> names.add(p.getFileName().toString()));
            return names;
        }
    }

    @Test
    void temporaryFoldersAreNotResults() {
        assertTrue(ResultWriter.isTemporary(Paths.get("out", ".CASE-1" + ResultWriter.PARTIAL + "123")));
        assertTrue(ResultWriter.isTemporary(Paths.get("out", ".CASE-1.replaced-123")));
        assertFalse(ResultWriter.isTemporary(Paths.get("out", "CASE-1")));
    }
}
