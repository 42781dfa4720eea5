package necroptosis.regions;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import necroptosis.TruthPolygons;
import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.BlockGrid;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.TileResult;
import necroptosis.pipeline.Zone;
import necroptosis.report.ZoneTotals;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/**
 * The synthetic one-core slide scored with user regions, checked against its truth file: the truth core
 * drawn as a QuPath annotation becomes the core (override), and a rectangle limits the analysis to the
 * tissue inside it (restrict). One run per mode for the whole class (~10 s each).
 */
class UserRegionsPipelineTest {
    static final Path SLIDE = Paths.get("test-images", "synthetic-4096-1core.tif");
    static final Path TRUTH = Paths.get("test-images", "synthetic-4096-1core.truth.json");

    /** A square of viable tissue (level-0 px) annotated as necrosis: automatic detection would never find it. */
    static final Rectangle2D EXTRA_CORE = new Rectangle2D.Double(3000, 1400, 200, 200);
    /** A rectangle across the tissue edge marked Ignore* (QuPath's exclusion class). */
    static final Rectangle2D EXCLUDED = new Rectangle2D.Double(2800, 2600, 600, 400);
    /** The region of interest for restrict: holds the whole core, crosses the tissue edge. */
    static final Rectangle2D ROI = new Rectangle2D.Double(200, 1300, 2100, 2500);

    @TempDir
    static Path dir;

    static JsonObject truth;
    static Path2D truthCore;
    static Area truthTissue;
    static SlideResult override;
    static SlideResult restrict;

    @BeforeAll
    static void score() throws IOException {
        truth = JsonParser.parseString(new String(Files.readAllBytes(TRUTH), StandardCharsets.UTF_8)).getAsJsonObject();
        JsonArray cores = truth.getAsJsonArray("cores");
        assertEquals(1, cores.size());
        JsonArray corePoly = cores.get(0).getAsJsonObject().getAsJsonArray("polygon");
        truthCore = TruthPolygons.path(corePoly);
        truthTissue = new Area(TruthPolygons.path(truth.getAsJsonArray("tissue_polygon")));

        // As QuPath exports annotations: a closed ring, classification object with name and colour.
        String overrideJson = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature(ring(corePoly), "Necrosis") + ","
                + feature(ring(EXTRA_CORE), "Necrosis") + ","
                + feature(ring(EXCLUDED), "Ignore*") + "]}";
        String restrictJson = "{\"type\":\"FeatureCollection\",\"features\":[" + feature(ring(ROI), "Region*") + "]}";
        Path o = Files.write(dir.resolve("override.geojson"), overrideJson.getBytes(StandardCharsets.UTF_8));
        Path r = Files.write(dir.resolve("restrict.geojson"), restrictJson.getBytes(StandardCharsets.UTF_8));

        override = run(GeoJsonRegions.read(o).withMode(UserRegions.Mode.OVERRIDE));
        restrict = run(GeoJsonRegions.read(r).withMode(UserRegions.Mode.RESTRICT));
    }

    private static SlideResult run(UserRegions regions) throws IOException {
        AnalysisSettings s = AnalysisSettings.builder().threads(2).userRegions(regions).build();
        try (SlideSource slide = SlideSources.open(SLIDE)) {
            return new SlideAnalysis(s, ProgressListener.NONE).run(slide);
        }
    }

    @Test
    void overrideMakesTheAnnotatedPolygonsTheCores() {
        SlideResult r = override;
        assertEquals(2, r.cores.count, "the truth core and the annotated square of viable tissue");
        BlockGrid g = r.grid;
        double l0 = r.analysisScale.level0PerPixel * g.blockPx;
        Rectangle2D b = truthCore.getBounds2D();
        int coreLabel = r.cores.labels[(int) (b.getCenterY() / l0) * g.width + (int) (b.getCenterX() / l0)];
        int squareLabel = r.cores.labels[(int) (EXTRA_CORE.getCenterY() / l0) * g.width + (int) (EXTRA_CORE.getCenterX() / l0)];
        assertTrue(coreLabel > 0 && squareLabel > 0 && coreLabel != squareLabel);

        double truthArea = truth.getAsJsonObject("areas_mm2").get("necrosis").getAsDouble();
        double coreArea = r.cores.areasMm2[coreLabel];
        assertEquals(truthArea, coreArea, 0.03 * truthArea, "block rasterisation of the truth core");
        // 100 µm square on 16 µm blocks: between 6 x 6 and 7 x 7 blocks.
        double block = g.blockUm * g.blockUm * 1e-6;
        assertTrue(r.cores.areasMm2[squareLabel] >= 36 * block * 0.99 && r.cores.areasMm2[squareLabel] <= 49 * block * 1.01,
                "square: " + r.cores.areasMm2[squareLabel]);
        ZoneTotals zt = new ZoneTotals(r);
        assertEquals(coreArea + r.cores.areasMm2[squareLabel], zt.areaMm2(Zone.NECROSIS), 1e-9);
        assertTrue(zt.areaMm2(Zone.RIM) > 0);
    }

    @Test
    void exclusionsAreCutFromTheTissue() {
        double px = truth.get("pixel_size_um").getAsDouble() * 1e-3;
        double tissue = truth.getAsJsonObject("areas_mm2").get("tissue").getAsDouble();
        Area cut = new Area(truthTissue);
        cut.intersect(new Area(EXCLUDED));
        double excluded = area(cut) * px * px;
        assertTrue(excluded > 0.02, "the exclusion covers tissue: " + excluded);
        double measured = new ZoneTotals(override).tissueAreaMm2();
        // Tissue detection on the overview is within ~0.5% of the truth; the cut is exact to an overview pixel.
        double tolerance = 0.005 * tissue + (EXCLUDED.getWidth() + EXCLUDED.getHeight()) * 2 * 8 * px * px;
        assertEquals(tissue - excluded, measured, tolerance);
        assertEquals(0, tissueInside(override, EXCLUDED, -16), "no tissue left inside the exclusion");
    }

    @Test
    void restrictAnalysesOnlyInsideTheRegion() {
        SlideResult r = restrict;
        double px = truth.get("pixel_size_um").getAsDouble() * 1e-3;
        Area in = new Area(truthTissue);
        in.intersect(new Area(ROI));
        double expected = area(in) * px * px;
        double measured = new ZoneTotals(r).tissueAreaMm2();
        double blockRow = ROI.getWidth() * px * r.grid.blockUm * 1e-3;
        assertEquals(expected, measured, blockRow, "tissue inside the rectangle");
        assertTrue(expected < 0.9 * ROI.getWidth() * ROI.getHeight() * px * px, "the rectangle crosses the tissue edge");

        // Nothing outside the rectangle (one overview pixel of slack): no tissue, nuclei, immune cells, cores.
        BlockGrid g = r.grid;
        double l0 = r.analysisScale.level0PerPixel * g.blockPx;
        double slack = r.overview.scale.level0PerPixel;
        Rectangle2D grown = new Rectangle2D.Double(ROI.getX() - slack, ROI.getY() - slack, ROI.getWidth() + 2 * slack, ROI.getHeight() + 2 * slack);
        long outside = 0, nucleiOutside = 0, coreBlocksOutside = 0;
        for (int i = 0; i < g.size(); i++) {
            Rectangle2D block = new Rectangle2D.Double((i % g.width) * l0, (i / g.width) * l0, l0, l0);
            if (grown.intersects(block)) continue;
            outside += g.tissue(i);
            nucleiOutside += g.tumourNuclei(i) + g.lymphocytes(i) + g.debris(i);
            if (r.cores.labels[i] > 0) coreBlocksOutside++;
        }
        assertEquals(0, outside);
        assertEquals(0, nucleiOutside);
        assertEquals(0, coreBlocksOutside);
        for (TileResult t : r.tiles) {
            double s = r.analysisScale.level0PerPixel;
            assertTrue(grown.intersects(t.x * s, t.y * s, t.width * s, t.height * s), "tile outside the region was analysed");
        }
        assertTrue(r.tilesSkipped > 0);

        // The core lies wholly inside, so it is still found automatically.
        assertEquals(1, r.cores.count);
        double truthArea = truth.getAsJsonObject("areas_mm2").get("necrosis").getAsDouble();
        assertEquals(truthArea, r.cores.areasMm2[1], 0.25 * truthArea);
    }

    @Test
    void provenanceNamesTheFileModeAndPolygonCount() {
        assertEquals("restrict", restrict.settings.toMap().get("regions_mode"));
        assertEquals(1, restrict.settings.toMap().get("regions_polygons"));
        assertTrue(((String) restrict.settings.toMap().get("regions_file")).endsWith("restrict.geojson"));
        assertEquals("override", override.settings.toMap().get("regions_mode"));
        assertEquals(3, override.settings.toMap().get("regions_polygons"));
        assertEquals("none", AnalysisSettings.defaults().toMap().get("regions_mode"));
    }

    /** Tissue pixels in blocks lying wholly inside {@code rect} shrunk by {@code grow} (negative) level-0 px. */
    private static long tissueInside(SlideResult r, Rectangle2D rect, double grow) {
        BlockGrid g = r.grid;
        double l0 = r.analysisScale.level0PerPixel * g.blockPx;
        Rectangle2D inner = new Rectangle2D.Double(rect.getX() - grow, rect.getY() - grow, rect.getWidth() + 2 * grow, rect.getHeight() + 2 * grow);
        long n = 0;
        for (int i = 0; i < g.size(); i++) {
            if (inner.contains((i % g.width) * l0, (i / g.width) * l0, l0, l0)) n += g.tissue(i);
        }
        return n;
    }

    /** Area of a polygonal shape: signed shoelace over its sub-paths (holes run the other way). */
    private static double area(Area a) {
        double sum = 0, x0 = 0, y0 = 0, px = 0, py = 0;
        double[] c = new double[6];
        for (PathIterator it = a.getPathIterator(null); !it.isDone(); it.next()) {
            int seg = it.currentSegment(c);
            if (seg == PathIterator.SEG_MOVETO) {
                x0 = px = c[0];
                y0 = py = c[1];
            } else if (seg == PathIterator.SEG_LINETO) {
                sum += px * c[1] - c[0] * py;
                px = c[0];
                py = c[1];
            } else if (seg == PathIterator.SEG_CLOSE) {
                sum += px * y0 - x0 * py;
                px = x0;
                py = y0;
            } else {
                throw new IllegalStateException("curved segment");
            }
        }
        return Math.abs(sum / 2);
    }

    private static List<double[]> ring(JsonArray poly) {
        List<double[]> out = new ArrayList<>();
        for (JsonElement e : poly) out.add(new double[] {e.getAsJsonArray().get(0).getAsDouble(), e.getAsJsonArray().get(1).getAsDouble()});
        return out;
    }

    private static List<double[]> ring(Rectangle2D r) {
        List<double[]> out = new ArrayList<>();
        out.add(new double[] {r.getMinX(), r.getMinY()});
        out.add(new double[] {r.getMaxX(), r.getMinY()});
        out.add(new double[] {r.getMaxX(), r.getMaxY()});
        out.add(new double[] {r.getMinX(), r.getMaxY()});
        return out;
    }

    private static String feature(List<double[]> ring, String cls) {
        StringBuilder sb = new StringBuilder("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
        for (double[] p : ring) sb.append('[').append(p[0]).append(',').append(p[1]).append("],");
        sb.append('[').append(ring.get(0)[0]).append(',').append(ring.get(0)[1]).append("]]]},");
        sb.append("\"properties\":{\"objectType\":\"annotation\",\"classification\":{\"name\":\"").append(cls).append("\",\"color\":[200,0,0]}}}");
        return sb.toString();
    }

    @Test
    void regionsOutsideTheSlideAreAnErrorNamingTheFileAndTheSlideSize() throws IOException {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[" + feature(ring(new Rectangle2D.Double(50000, 50000, 400, 400)), "Necrosis") + "]}";
        Path f = Files.write(dir.resolve("far.geojson"), json.getBytes(StandardCharsets.UTF_8));
        necroptosis.slide.SlideException e = assertThrows(necroptosis.slide.SlideException.class,
                () -> run(GeoJsonRegions.read(f).withMode(UserRegions.Mode.OVERRIDE)));
        assertTrue(e.getMessage().startsWith(f + ": the regions lie outside the slide (4096 x 4096 px at level 0)")
                && e.getMessage().endsWith("check --regions-scale"), e.getMessage());
    }

    @Test
    void regionsPartlyOutsideAreClippedWithANote() throws IOException {
        JsonArray corePoly = truth.getAsJsonArray("cores").get(0).getAsJsonObject().getAsJsonArray("polygon");
        String json = "{\"type\":\"FeatureCollection\",\"features\":[" + feature(ring(corePoly), "Necrosis") + ","
                + feature(ring(new Rectangle2D.Double(3900, 1400, 600, 200)), "Necrosis") + ","
                + feature(ring(new Rectangle2D.Double(9000, 9000, 100, 100)), "Necrosis") + "]}";
        Path f = Files.write(dir.resolve("partly.geojson"), json.getBytes(StandardCharsets.UTF_8));
        SlideResult r = run(GeoJsonRegions.read(f).withMode(UserRegions.Mode.OVERRIDE));
        List<String> notes = necroptosis.report.Summary.of(r, necroptosis.report.TileTable.rows(r)).notes;
        assertTrue(notes.contains("regions " + f + " reach outside the slide (4096 x 4096 px at level 0): 1 polygon clipped to the slide, "
                + "1 polygon wholly outside it dropped; check --regions-scale"), notes.toString());
        assertEquals(2, r.cores.count, "the dropped polygon is no core");
    }
}
