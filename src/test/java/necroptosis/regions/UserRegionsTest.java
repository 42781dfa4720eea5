package necroptosis.regions;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Rasterising polygons onto grids, and what each mode makes of each classification. */
class UserRegionsTest {
    private static UserRegions.Polygon rect(double x0, double y0, double x1, double y1, String cls) {
        return new UserRegions.Polygon(Collections.singletonList(new double[] {x0, y0, x1, y0, x1, y1, x0, y1}), cls);
    }

    @Test
    void scanlineFillAgreesWithPath2DContainsAtCellCentres() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            // A star-shaped polygon (concave, possibly self-touching) with a hole inside it.
            int n = 5 + rnd.nextInt(40);
            double cx = 300 + rnd.nextDouble() * 100, cy = 250 + rnd.nextDouble() * 100;
            double[] outer = new double[2 * n];
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * i / n, r = 60 + rnd.nextDouble() * 240;
                outer[2 * i] = cx + r * Math.cos(a);
                outer[2 * i + 1] = cy + r * Math.sin(a);
            }
            double[] hole = {cx - 20, cy - 15, cx + 25, cy - 10, cx + 5, cy + 30};
            UserRegions.Polygon p = new UserRegions.Polygon(Arrays.asList(outer, hole), "Necrosis");
            double s = 3 + rnd.nextDouble() * 20;
            int w = 50 + rnd.nextInt(150), h = 50 + rnd.nextInt(150);
            byte[] m = new byte[w * h];
            p.fill(m, w, h, s, (byte) 1);
            Path2D path = p.path();
            int inside = 0;
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
                boolean expect = path.contains((x + 0.5) * s, (y + 0.5) * s);
                assertEquals(expect, m[y * w + x] != 0, "trial " + trial + " cell " + x + "," + y);
                if (expect) inside++;
            }
            if (trial == 0) assertTrue(inside > 100, "the test polygon covers cells");
        }
    }

    @Test
    void polygonsOutsideTheGridAreClipped() {
        byte[] m = new byte[10 * 10];
        rect(-50, -50, 35, 1000, null).fill(m, 10, 10, 10, (byte) 1);
        int count = 0;
        for (byte b : m) count += b;
        // Columns with centres 5, 15, 25 are inside; the centre 35 lies on the right edge, which is outside.
        assertEquals(30, count);
    }

    @Test
    void overrideTakesNecrosisAndUnclassifiedAsCoresAndCutsExclusions() {
        List<UserRegions.Polygon> p = new ArrayList<>();
        p.add(rect(0, 0, 40, 40, "Necrosis"));
        p.add(rect(60, 60, 100, 100, null));
        p.add(rect(0, 60, 40, 100, "Tissue"));
        p.add(rect(0, 0, 20, 20, "Exclude"));
        UserRegions r = new UserRegions("f", UserRegions.Mode.OVERRIDE, p).check();
        byte[] core = r.coreMask(10, 10, 10);
        assertEquals(1, core[3 * 10 + 3]);
        assertEquals(1, core[8 * 10 + 8]);
        assertEquals(0, core[8 * 10 + 1], "a tissue-class polygon is not a core");
        assertEquals(0, core[1 * 10 + 1], "excluded");
        byte[] analysed = r.analysedMask(10, 10, 10);
        assertEquals(0, analysed[0]);
        assertEquals(1, analysed[5 * 10 + 5], "override analyses everything but the exclusions");
        assertNull(new UserRegions("f", UserRegions.Mode.OVERRIDE, p.subList(0, 3)).analysedMask(10, 10, 10),
                "nothing to restrict");
    }

    @Test
    void restrictAnalysesOnlyInsideTheRegionsMinusExclusions() {
        List<UserRegions.Polygon> p = new ArrayList<>();
        p.add(rect(0, 0, 50, 100, "Region*"));
        p.add(rect(0, 0, 20, 20, "Ignore*"));
        byte[] m = new UserRegions("f", UserRegions.Mode.RESTRICT, p).check().analysedMask(10, 10, 10);
        int count = 0;
        for (byte b : m) count += b;
        assertEquals(5 * 10 - 2 * 2, count);
        assertEquals(0, m[5], "column 5 is outside");
    }

    @Test
    void modesRefuseRegionsThatCannotDoWhatTheyAsk() {
        UserRegions onlyTissue = new UserRegions("roi.geojson", UserRegions.Mode.OVERRIDE,
                Collections.singletonList(rect(0, 0, 1, 1, "Tissue")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, onlyTissue::check);
        assertTrue(e.getMessage().startsWith("roi.geojson: no polygon classified necrosis"), e.getMessage());
        assertTrue(e.getMessage().contains("restrict"), e.getMessage());
        onlyTissue.withMode(UserRegions.Mode.RESTRICT).check();
        UserRegions onlyExclude = new UserRegions("x", UserRegions.Mode.RESTRICT, Collections.singletonList(rect(0, 0, 1, 1, "Exclude")));
        assertThrows(IllegalArgumentException.class, onlyExclude::check);
        assertThrows(IllegalArgumentException.class, () -> UserRegions.Mode.parse("both"));
        assertEquals(UserRegions.Mode.RESTRICT, UserRegions.Mode.parse(" Restrict "));
    }

    @Test
    void scalingMultipliesEveryCoordinate() {
        UserRegions r = new UserRegions("f", UserRegions.Mode.OVERRIDE, Collections.singletonList(rect(1, 2, 3, 5, "Necrosis"))).scaled(4);
        assertArrayEquals(new double[] {4, 8, 12, 8, 12, 20, 4, 20}, r.polygons().get(0).rings().get(0));
        assertEquals(6 * 16, r.polygons().get(0).area(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> r.scaled(0));
    }

    @Test
    void classificationNames() {
        assertEquals(UserRegions.Kind.NECROSIS, UserRegions.Kind.of("Necrotic core"));
        assertEquals(UserRegions.Kind.NECROSIS, UserRegions.Kind.of("NECROSIS"));
        assertEquals(UserRegions.Kind.EXCLUDE, UserRegions.Kind.of("Ignore*"));
        assertEquals(UserRegions.Kind.EXCLUDE, UserRegions.Kind.of("excluded"));
        assertEquals(UserRegions.Kind.REGION, UserRegions.Kind.of("Region of interest"));
        assertEquals(UserRegions.Kind.UNCLASSIFIED, UserRegions.Kind.of(" "));
    }

    @Test
    void regionsAreCutToTheSlideAndThoseOutsideDropped() {
        UserRegions u = new UserRegions("r.geojson", UserRegions.Mode.OVERRIDE, Arrays.asList(
                rect(10, 10, 50, 50, "Necrosis"), rect(80, 20, 150, 60, "Necrosis"), rect(200, 200, 300, 300, "Necrosis")));
        UserRegions.Fit fit = u.fitTo(100, 80);
        assertFalse(fit.outside);
        assertEquals(1, fit.clipped);
        assertEquals(1, fit.dropped);
        assertEquals(2, fit.regions.polygons().size());
        assertEquals(40 * 40, fit.regions.polygons().get(0).area(), 1e-9, "inside: unchanged");
        assertEquals(20 * 40, fit.regions.polygons().get(1).area(), 1e-9, "cut at x = 100");
        assertEquals("regions r.geojson reach outside the slide (100 x 80 px at level 0): 1 polygon clipped to the slide, "
                + "1 polygon wholly outside it dropped; check --regions-scale", fit.note());
        // The cut polygon marks only the cells on the slide.
        byte[] m = fit.regions.coreMask(20, 20, 10);
        for (int gy = 0; gy < 20; gy++) for (int gx = 0; gx < 20; gx++) {
            boolean expected = (gx >= 1 && gx <= 4 && gy >= 1 && gy <= 4) || (gx >= 8 && gx <= 9 && gy >= 2 && gy <= 5);
            assertEquals(expected ? 1 : 0, m[gy * 20 + gx], gx + "," + gy);
        }
    }

    @Test
    void regionsInsideTheSlideAreLeftAsTheyAre() {
        UserRegions u = new UserRegions("r.geojson", UserRegions.Mode.OVERRIDE, Collections.singletonList(rect(0, 0, 100, 80, "Necrosis")));
        UserRegions.Fit fit = u.fitTo(100, 80);
        assertSame(u, fit.regions);
        assertNull(fit.note());
        assertFalse(fit.outside);
    }

    @Test
    void regionsWhollyOutsideOrLeavingNoCoreAreOutside() {
        UserRegions far = new UserRegions("r.geojson", UserRegions.Mode.OVERRIDE, Collections.singletonList(rect(200, 200, 300, 300, "Necrosis")));
        UserRegions.Fit fit = far.fitTo(100, 80);
        assertTrue(fit.outside);
        assertEquals("the regions lie outside the slide (100 x 80 px at level 0); check --regions-scale", fit.outsideReason());
        // Only an exclusion left on the slide: no core to use.
        UserRegions onlyExclusion = new UserRegions("r.geojson", UserRegions.Mode.OVERRIDE, Arrays.asList(
                rect(200, 200, 300, 300, "Necrosis"), rect(10, 10, 20, 20, "Ignore*")));
        assertTrue(onlyExclusion.fitTo(100, 80).outside);
        UserRegions restrict = new UserRegions("r.geojson", UserRegions.Mode.RESTRICT, Collections.singletonList(rect(-50, -50, -1, -1, "Region*")));
        assertTrue(restrict.fitTo(100, 80).outside);
    }

    @Test
    void holesOutsideTheSlideAreDroppedFromTheirPolygon() {
        double[] outer = {-10, -10, 120, -10, 120, 90, -10, 90};
        double[] hole = {110, 10, 118, 10, 118, 20, 110, 20}; // beyond x = 100
        UserRegions u = new UserRegions(null, UserRegions.Mode.RESTRICT,
                Collections.singletonList(new UserRegions.Polygon(Arrays.asList(outer, hole), "Region*")));
        UserRegions.Fit fit = u.fitTo(100, 80);
        assertEquals(1, fit.clipped);
        assertEquals(0, fit.dropped);
        assertEquals(1, fit.regions.polygons().get(0).rings().size());
        assertEquals(100 * 80, fit.regions.polygons().get(0).area(), 1e-9);
    }
}
