package necroptosis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DrawingTest {
    @Test
    void scaleBarLengthsAreRoundNumbersNoLongerThanTheSpace() {
        assertEquals(500, Drawing.roundDown125(731), 1e-9);
        assertEquals(200, Drawing.roundDown125(499), 1e-9);
        assertEquals(1000, Drawing.roundDown125(1000), 1e-9);
        assertEquals(0.5, Drawing.roundDown125(0.93), 1e-12);
        assertEquals("500 \u00b5m", Drawing.length(500));
        assertEquals("2 mm", Drawing.length(2000));
        assertEquals("0.5 \u00b5m", Drawing.length(0.5));
    }

    @Test
    void axisEndsAreRoundAndHoldTheData() {
        assertEquals(30, Drawing.niceMax(29.9, 5), 1e-9);
        assertEquals(1500, Drawing.niceMax(1416, 5), 1e-9);
        assertEquals(1, Drawing.niceMax(0, 5), 1e-9);
        for (double v : new double[] {0.013, 7, 99.5, 123456}) assertTrue(Drawing.niceMax(v, 5) >= v, "" + v);
    }

    @Test
    void colourMapsRunFromDarkToLightWithoutReversal() {
        for (ColorMap m : new ColorMap[] {ColorMap.VIRIDIS, ColorMap.INFERNO}) {
            double last = -1;
            for (int i = 0; i <= 100; i++) {
                int c = m.rgb(i / 100.0);
                double luma = 0.2126 * ((c >> 16) & 0xFF) + 0.7152 * ((c >> 8) & 0xFF) + 0.0722 * (c & 0xFF);
                assertTrue(luma > last - 0.5, m.name + " at " + i);
                last = luma;
            }
            assertEquals(m.rgb(0), m.rgb(-3), "clamped below");
            assertEquals(m.rgb(1), m.rgb(7), "clamped above");
            assertEquals(m.rgb(0), m.rgb(Double.NaN));
        }
        assertEquals(0x440154, ColorMap.VIRIDIS.rgb(0));
        assertEquals(0xFDE725, ColorMap.VIRIDIS.rgb(1));
    }

    @Test
    void oneHotTileDoesNotWashOutTheHeatmapScale() {
        double[] v = new double[101];
        for (int i = 0; i < 100; i++) v[i] = i + 1;
        v[100] = 10000;
        assertEquals(100, Heatmap.upperEnd(v, Heatmap.Kind.IMMUNE), 1e-9);
        v[100] = 280;
        for (int i = 0; i < 100; i++) v[i] = 290;
        assertEquals(300, Heatmap.upperEnd(v, Heatmap.Kind.MLKL), 1e-9, "H-scores never above 300");
        assertEquals(300, Heatmap.upperEnd(new double[0], Heatmap.Kind.MLKL), 1e-9);
    }
}
