package necroptosis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Path2D;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class MaskTracerTest {
    private static boolean[] mask(String... rows) {
        int w = rows[0].length();
        boolean[] m = new boolean[w * rows.length];
        for (int y = 0; y < rows.length; y++) for (int x = 0; x < w; x++) m[y * w + x] = rows[y].charAt(x) == '#';
        return m;
    }

    private static int count(boolean[] m) {
        int n = 0;
        for (boolean b : m) if (b) n++;
        return n;
    }

    /** Fills the polygons back by pixel centres (even-odd), as a reader of the outline would. */
    private static boolean[] refill(List<MaskTracer.Polygon> polys, int w, int h) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (MaskTracer.Polygon poly : polys) {
            for (int[] r : poly.rings) {
                p.moveTo(r[0], r[1]);
                for (int i = 2; i < r.length; i += 2) p.lineTo(r[i], r[i + 1]);
                p.closePath();
            }
        }
        boolean[] m = new boolean[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) m[y * w + x] = p.contains(x + 0.5, y + 0.5);
        return m;
    }

    @Test
    void singlePixelIsAUnitSquareStartingAtItsTopLeftCorner() {
        List<MaskTracer.Polygon> p = MaskTracer.trace(mask("...", ".#.", "..."), 3, 3);
        assertEquals(1, p.size());
        assertEquals(1, p.get(0).rings.size());
        assertEquals(4, p.get(0).firstPixel);
        int[] r = p.get(0).rings.get(0);
        assertEquals(8, r.length);
        assertEquals(1, r[0]);
        assertEquals(1, r[1]);
        assertEquals(1.0, MaskTracer.signedArea(r));
    }

    @Test
    void straightRunsHaveOnlyTheirCorners() {
        List<MaskTracer.Polygon> p = MaskTracer.trace(mask("#####", "#####"), 5, 2);
        assertEquals(8, p.get(0).rings.get(0).length, "a rectangle has 4 vertices");
        assertEquals(10.0, p.get(0).area());
    }

    @Test
    void ringWithHoleHasExteriorThenNegativeHole() {
        boolean[] m = mask(
                "#####",
                "#...#",
                "#.#.#",
                "#...#",
                "#####");
        List<MaskTracer.Polygon> p = MaskTracer.trace(m, 5, 5);
        assertEquals(2, p.size(), "the island in the hole is its own polygon");
        MaskTracer.Polygon ring = p.get(0);
        assertEquals(2, ring.rings.size());
        assertEquals(25.0, MaskTracer.signedArea(ring.rings.get(0)));
        assertEquals(-9.0, MaskTracer.signedArea(ring.rings.get(1)));
        assertEquals(16.0, ring.area());
        assertEquals(1.0, p.get(1).area());
        assertEquals(12, p.get(1).firstPixel);
    }

    @Test
    void diagonalForegroundIsOnePolygonAndDiagonalBackgroundTwoHoles() {
        // Diagonal foreground pixels are one (8-connected) component: one ring touching itself.
        List<MaskTracer.Polygon> p = MaskTracer.trace(mask("#.", ".#"), 2, 2);
        assertEquals(1, p.size());
        assertEquals(1, p.get(0).rings.size());
        assertEquals(2.0, p.get(0).area());
        // Background is 4-connected: two holes meeting at a corner stay two holes.
        boolean[] m = mask(
                "####",
                "#.##",
                "##.#",
                "####");
        p = MaskTracer.trace(m, 4, 4);
        assertEquals(1, p.size());
        assertEquals(3, p.get(0).rings.size());
        assertEquals(14.0, p.get(0).area());
    }

    @Test
    void diagonallyClosedRingEnclosesAHole() {
        boolean[] m = mask(
                ".#.",
                "#.#",
                ".#.");
        List<MaskTracer.Polygon> p = MaskTracer.trace(m, 3, 3);
        assertEquals(1, p.size());
        assertEquals(2, p.get(0).rings.size(), "the centre is enclosed for a 4-connected background");
        assertEquals(4.0, p.get(0).area());
    }

    @Test
    void randomMasksTraceToTheirPixelCountAndFillBackExactly() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int t = 0; t < 200; t++) {
            int w = 1 + rnd.nextInt(14), h = 1 + rnd.nextInt(14);
            double density = rnd.nextDouble();
            boolean[] m = new boolean[w * h];
            for (int i = 0; i < m.length; i++) m[i] = rnd.nextDouble() < density;
            List<MaskTracer.Polygon> polys = MaskTracer.trace(m, w, h);
            double area = 0;
            for (MaskTracer.Polygon p : polys) {
                assertTrue(MaskTracer.signedArea(p.rings.get(0)) > 0, "exterior first");
                for (int k = 1; k < p.rings.size(); k++) assertTrue(MaskTracer.signedArea(p.rings.get(k)) < 0, "holes after");
                assertTrue(m[p.firstPixel]);
                area += p.area();
            }
            assertEquals(count(m), area, 1e-9, "trial " + t);
            boolean[] back = refill(polys, w, h);
            for (int i = 0; i < m.length; i++) assertEquals(m[i], back[i], "trial " + t + " pixel " + i);
            assertEquals(necroptosis.segmentation.Labeling.of(m, w, h).count, polys.size(), "one polygon per 8-connected component");
        }
    }

    @Test
    void emptyMaskHasNoPolygons() {
        assertTrue(MaskTracer.trace(new boolean[6], 3, 2).isEmpty());
    }
}
