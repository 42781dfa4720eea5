package necroptosis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Path2D;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    void pixelsTouchingOnlyAtACornerAreSeparatePolygons() {
        // No interior in common: two polygons meeting at a point (valid for JTS/QuPath; one ring through the
        // point twice is not).
        List<MaskTracer.Polygon> p = MaskTracer.trace(mask("#.", ".#"), 2, 2);
        assertEquals(2, p.size());
        assertEquals(1.0, p.get(0).area());
        assertEquals(1.0, p.get(1).area());
        p = MaskTracer.trace(mask(".#.", "#.#", ".#."), 3, 3);
        assertEquals(4, p.size(), "a diamond of corner-touching pixels encloses nothing");
        for (MaskTracer.Polygon q : p) assertEquals(1, q.rings.size());
    }

    @Test
    void holesMeetingAtACornerStayTwoHoles() {
        boolean[] m = mask(
                "####",
                "#.##",
                "##.#",
                "####");
        List<MaskTracer.Polygon> p = MaskTracer.trace(m, 4, 4);
        assertEquals(1, p.size());
        assertEquals(3, p.get(0).rings.size());
        assertEquals(14.0, p.get(0).area());
    }

    @Test
    void aRingClosedOnlyAtACornerIsAnExteriorWithATouchingHole() {
        boolean[] m = mask(
                "####.",
                "#...#",
                "#...#",
                "#####");
        List<MaskTracer.Polygon> p = MaskTracer.trace(m, 5, 4);
        assertEquals(1, p.size());
        assertEquals(2, p.get(0).rings.size(), "exterior and the enclosed gap as a hole touching it at the corner");
        assertEquals(13.0, p.get(0).area());
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
            assertEquals(pieces4(m, w, h), polys.size(), "one polygon per 4-connected piece");
            for (MaskTracer.Polygon p : polys) {
                Set<Long> seen = new HashSet<>();
                for (int[] r : p.rings) {
                    Set<Long> inRing = new HashSet<>();
                    for (int i = 0; i < r.length; i += 2) {
                        assertTrue(inRing.add((long) r[i] << 32 | r[i + 1]), "trial " + t + ": a ring passes twice through a point");
                        seen.add((long) r[i] << 32 | r[i + 1]);
                    }
                    int n = r.length / 2;
                    for (int i = 0; i < n; i++) {
                        int a = (i + n - 1) % n, c = (i + 1) % n;
                        boolean straight = (r[2 * a] == r[2 * i] && r[2 * i] == r[2 * c]) || (r[2 * a + 1] == r[2 * i + 1] && r[2 * i + 1] == r[2 * c + 1]);
                        assertTrue(!straight, "trial " + t + ": vertex without a turn");
                    }
                }
            }
        }
    }

    /** 4-connected pieces by union-find, independent of the tracer's own labelling. */
    private static int pieces4(boolean[] m, int w, int h) {
        int[] parent = new int[m.length];
        for (int i = 0; i < m.length; i++) parent[i] = i;
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
            int i = y * w + x;
            if (!m[i]) continue;
            if (x + 1 < w && m[i + 1]) union(parent, i, i + 1);
            if (y + 1 < h && m[i + w]) union(parent, i, i + w);
        }
        int n = 0;
        for (int i = 0; i < m.length; i++) if (m[i] && find(parent, i) == i) n++;
        return n;
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) i = p[i] = p[p[i]];
        return i;
    }

    private static void union(int[] p, int a, int b) {
        p[find(p, a)] = find(p, b);
    }

    @Test
    void emptyMaskHasNoPolygons() {
        assertTrue(MaskTracer.trace(new boolean[6], 3, 2).isEmpty());
    }
}
