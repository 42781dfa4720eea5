package necroptosis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * QuPath reads imported GeoJSON into JTS geometries and reduces their precision, which fails on invalid
 * polygons (self-touching rings, disconnected interiors). Traced masks, with every awkward corner
 * configuration random masks produce, must be valid JTS polygons and multipolygons of the same area.
 */
class TracedGeometryValidityTest {
    private static final GeometryFactory GF = new GeometryFactory();

    private static LinearRing ring(int[] r) {
        Coordinate[] c = new Coordinate[r.length / 2 + 1];
        for (int i = 0; i < r.length / 2; i++) c[i] = new Coordinate(r[2 * i], r[2 * i + 1]);
        c[c.length - 1] = c[0];
        return GF.createLinearRing(c);
    }

    @Test
    void randomMasksTraceToValidJtsGeometry() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int t = 0; t < 1000; t++) {
            int w = 1 + rnd.nextInt(18), h = 1 + rnd.nextInt(18);
            double density = rnd.nextDouble();
            boolean[] m = new boolean[w * h];
            int pixels = 0;
            for (int i = 0; i < m.length; i++) if (m[i] = rnd.nextDouble() < density) pixels++;
            List<MaskTracer.Polygon> traced = MaskTracer.trace(m, w, h);
            Polygon[] polys = new Polygon[traced.size()];
            for (int k = 0; k < polys.length; k++) {
                List<int[]> rings = traced.get(k).rings;
                LinearRing[] holes = new LinearRing[rings.size() - 1];
                for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i));
                polys[k] = GF.createPolygon(ring(rings.get(0)), holes);
                IsValidOp op = new IsValidOp(polys[k]);
                assertTrue(op.isValid(), "trial " + t + " polygon " + k + ": " + op.getValidationError());
            }
            MultiPolygon all = GF.createMultiPolygon(polys);
            IsValidOp op = new IsValidOp(all);
            assertTrue(op.isValid(), "trial " + t + ": " + op.getValidationError());
            assertEquals(pixels, all.getArea(), 1e-9);
            // What QuPath does to every imported geometry.
            assertEquals(pixels, GeometryPrecisionReducer.reduce(all, new PrecisionModel(100)).getArea(), 1e-6);
        }
    }
}
