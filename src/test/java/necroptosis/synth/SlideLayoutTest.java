package necroptosis.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Line2D;

import org.junit.jupiter.api.Test;

/** Zone geometry: the row queries used for pixels agree with the point queries used for objects. */
class SlideLayoutTest {
    private static final SyntheticSlideSettings S = SyntheticSlideSettings.builder().size(3000, 2500).pixelSizeUm(0.5)
            .seed(42).cores(3).coreRadiusUm(90).rimWidthUm(60).build();

    @Test
    void rowZonesEqualPointZones() {
        SlideLayout layout = new SlideLayout(S);
        int w = S.width();
        byte[] zones = new byte[w], core = new byte[w];
        double[] field = new double[w];
        SplitMix r = new SplitMix(1);
        int[] seen = new int[TruthZone.VALUES.length];
        for (int n = 0; n < 300; n++) {
            int y = r.nextInt(S.height());
            layout.zoneRow(y, 0, w, zones, core, field, 0);
            for (int x = 0; x < w; x += 7) {
                TruthZone row = TruthZone.VALUES[zones[x]];
                assertEquals(layout.zoneAt(x + 0.5, y + 0.5), row, "polygon query at " + x + "," + y);
                assertEquals(layout.zoneOfPixel(x + 0.3, y + 0.9), row, "cached row query at " + x + "," + y);
                seen[row.ordinal()]++;
            }
        }
        for (TruthZone z : TruthZone.VALUES) assertTrue(seen[z.ordinal()] > 0, "sampled some " + z);
    }

    @Test
    void rimIntervalsMatchBruteForceDistance() {
        SlideLayout layout = new SlideLayout(S);
        SynthPolygon c = layout.cores.get(0);
        double rim = layout.rimPx;
        int wrong = 0, checked = 0;
        for (double y = c.minY - rim - 3; y <= c.maxY + rim + 3; y += 5.5) {
            double[] iv = c.nearIntervals(y, rim);
            for (double x = c.minX - rim - 3; x <= c.maxX + rim + 3; x += 1.25) {
                double d = Double.MAX_VALUE;
                for (int i = 0, j = c.size() - 1; i < c.size(); j = i++) {
                    d = Math.min(d, Line2D.ptSegDist(c.xs[j], c.ys[j], c.xs[i], c.ys[i], x, y));
                }
                boolean inIntervals = false;
                for (int k = 0; k < iv.length; k += 2) inIntervals |= iv[k] <= x && x <= iv[k + 1];
                if (Math.abs(d - rim) > 1e-6 && inIntervals != (d <= rim)) wrong++;
                checked++;
            }
        }
        assertTrue(checked > 10000);
        assertEquals(0, wrong, "points where the interval union disagrees with the distance");
    }

    @Test
    void coresLieInsideTissueAndApart() {
        SlideLayout layout = new SlideLayout(S);
        assertEquals(3, layout.cores.size());
        for (SynthPolygon c : layout.cores) {
            for (int i = 0; i < c.size(); i++) {
                assertTrue(layout.tissue.contains(c.xs[i], c.ys[i]), "core vertex inside tissue");
                assertTrue(!layout.tissue.near(c.xs[i], c.ys[i], layout.rimPx), "rim stays inside tissue");
            }
        }
    }
}
