package necroptosis.regions;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.slide.SlideException;

/** GeoJSON as QuPath writes it, and the one-line errors for files that are not. */
class GeoJsonRegionsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static final String SQUARE = "[[[0,0],[100,0],[100,100],[0,100],[0,0]]]";
    private static final String SQUARE_WITH_HOLE = "[[[0,0],[100,0],[100,100],[0,100],[0,0]],[[40,40],[60,40],[60,60],[40,60],[40,40]]]";

    @Test
    void readsAQuPathFeatureCollectionWithClassifications() throws IOException {
        // The shape of QuPath 0.4+ "Export objects as GeoJSON" for annotations.
        Path f = write("qupath.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"id\":\"a\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "},"
                + "\"properties\":{\"objectType\":\"annotation\",\"classification\":{\"name\":\"Necrosis\",\"color\":[255,0,0]}}},"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "},"
                + "\"properties\":{\"objectType\":\"annotation\",\"classification\":{\"name\":\"Ignore*\"}}},"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "},\"properties\":{\"name\":\"Tumor\"}},"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "},\"properties\":{\"class\":\"Exclude\"}},"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[5,5]},\"properties\":{}},"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "},\"properties\":null}]}");
        UserRegions r = GeoJsonRegions.read(f);
        List<UserRegions.Polygon> p = r.polygons();
        assertEquals(5, p.size(), "the point is skipped");
        assertEquals("Necrosis", p.get(0).classification);
        assertEquals(UserRegions.Kind.NECROSIS, p.get(0).kind());
        assertEquals(UserRegions.Kind.EXCLUDE, p.get(1).kind());
        assertEquals(UserRegions.Kind.REGION, p.get(2).kind());
        assertEquals(UserRegions.Kind.EXCLUDE, p.get(3).kind());
        assertEquals(UserRegions.Kind.UNCLASSIFIED, p.get(4).kind());
        assertEquals(f.toString(), r.source());
        // The closing point of a GeoJSON ring is not kept twice.
        assertEquals(8, p.get(0).rings().get(0).length);
        assertEquals(10000, p.get(0).area(), 1e-9);
        assertEquals(2, r.corePolygons().size(), "necrosis and the unclassified polygon");
    }

    @Test
    void readsAMultiPolygonWithAHoleAsOnePolygonPerPart() throws IOException {
        Path f = write("multi.json", "{\"type\":\"Feature\",\"properties\":{\"classification\":\"Necrosis\"},\"geometry\":"
                + "{\"type\":\"MultiPolygon\",\"coordinates\":[" + SQUARE_WITH_HOLE + ",[[[200,0],[300,0],[300,50],[200,50]]]]}}");
        List<UserRegions.Polygon> p = GeoJsonRegions.read(f).polygons();
        assertEquals(2, p.size());
        assertEquals(2, p.get(0).rings().size());
        assertEquals(100 * 100 - 20 * 20, p.get(0).area(), 1e-9);
        assertEquals(100 * 50, p.get(1).area(), 1e-9, "an unclosed ring is accepted");
        assertTrue(p.get(0).path().contains(10, 10));
        assertFalse(p.get(0).path().contains(50, 50), "inside the hole");
        assertEquals("Necrosis", p.get(1).classification);
    }

    @Test
    void readsABareGeometry() throws IOException {
        Path f = write("bare.geojson", "{\"type\":\"Polygon\",\"coordinates\":" + SQUARE_WITH_HOLE + "}");
        UserRegions r = GeoJsonRegions.read(f);
        assertEquals(1, r.polygons().size());
        assertNull(r.polygons().get(0).classification);
    }

    @Test
    void aClassNameWithALineBreakKeepsTheRegionsMessageOnOneLine() throws IOException {
        // Found by fuzzing (GeoJsonRegionsFuzz): the classes listed when no polygon can be a core were shown raw.
        Path f = dir.resolve("classes.geojson");
        Files.write(f, ("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[9,0],[9,9],[0,0]]]},"
                + "\"properties\":{\"classification\":{\"name\":\"Exclude\\nme\"}}}").getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GeoJsonRegions.read(f).check());
        assertTrue(e.getMessage().endsWith("classes found: {Exclude\\u000ame=1}"), e.getMessage());
    }

    @Test
    void badFilesGiveOneLineNamingTheFileAndTheProblem() throws IOException {
        assertError(write("a.geojson", "this is { not json"), "not JSON");
        assertError(write("b.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}"), "no Polygon or MultiPolygon");
        assertError(write("c.geojson", "{\"type\":\"Point\",\"coordinates\":[1,2]}"), "no Polygon or MultiPolygon");
        assertError(write("d.geojson", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[\"x\",0],[1,1]]]}"), "bad coordinates");
        assertError(write("e.geojson", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}"), "at least 3 distinct points");
        assertError(write("f.geojson", "{\"type\":\"Polygon\"}"), "without a coordinates array");
        assertError(write("g.geojson", "{\"features\":[]}"), "without \"type\"");
        assertError(write("h.geojson", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1],[1,1],[0,1]]]}"), "expected [x, y]");
        assertError(write("i.geojson", ""), "no Polygon");
        assertError(dir.resolve("missing.geojson"), "no such file");
        assertError(dir, "is a folder");
        Path bin = dir.resolve("j.geojson");
        Files.write(bin, new byte[] {'I', 'I', 42, 0, (byte) 0xff, (byte) 0xfe, 0, 1});
        assertError(bin, "not JSON");
    }

    private static void assertError(Path f, String reason) {
        SlideException e = assertThrows(SlideException.class, () -> GeoJsonRegions.read(f));
        assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void deeplyNestedInputIsRefusedInOneLineNotAStackOverflow() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100_000; i++) b.append('[');
        Path f = write("deep.geojson", b.toString());
        SlideException e = assertThrows(SlideException.class, () -> GeoJsonRegions.read(f));
        assertEquals(f + ": not GeoJSON: arrays or objects nested more than " + GeoJsonRegions.MAX_DEPTH + " deep", e.getMessage());
        // Brackets inside strings are not nesting.
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 1000; i++) name.append("[{");
        Path ok = write("brackets-in-names.geojson", "{\"type\":\"Feature\",\"properties\":{\"name\":\"\\\"" + name
                + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}}");
        assertEquals(1, GeoJsonRegions.read(ok).polygons().size());
    }
}
