package necroptosis.stain;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StainVectorsTest {

    static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    @ParameterizedTest
    @ValueSource(strings = {"H-DAB", "H&E"})
    void presetVectorsAreUnitAndResidualIsOrthogonal(String preset) {
        StainVectors s = StainVectors.preset(preset);
        assertTrue(s.hasResidual());
        for (int i = 1; i <= 3; i++) assertEquals(1, norm(s.stain(i)), 1e-12);
        assertEquals(0, dot(s.stain(3), s.stain(1)), 1e-12);
        assertEquals(0, dot(s.stain(3), s.stain(2)), 1e-12);
    }

    @Test
    void presetsKeepTheLiteratureDirections() {
        // Same direction as the published (unnormalised) numbers.
        assertEquals(0, StainVectors.angleDegrees(StainVectors.H_DAB.stain(1), new double[] {0.650, 0.704, 0.286}), 1e-6);
        assertEquals(0, StainVectors.angleDegrees(StainVectors.H_DAB.stain(2), new double[] {0.268, 0.570, 0.776}), 1e-6);
        assertEquals(0, StainVectors.angleDegrees(StainVectors.H_E.stain(2), new double[] {0.093, 0.954, 0.283}), 0.1);
        assertEquals("DAB", StainVectors.preset("hdab").stainName(2));
        assertEquals("Eosin", StainVectors.preset("H E").stainName(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"H-DAB", "H&E"})
    void inverseTimesMatrixIsIdentity(String preset) {
        StainVectors s = StainVectors.preset(preset);
        double[][] inv = s.inverse();
        for (int i = 0; i < 3; i++) {
            double[] row = s.stain(i + 1);
            for (int j = 0; j < 3; j++) {
                double v = row[0] * inv[0][j] + row[1] * inv[1][j] + row[2] * inv[2][j];
                assertEquals(i == j ? 1 : 0, v, 1e-12, "M·M⁻¹ at " + i + "," + j);
            }
        }
    }

    @Test
    void customVectorsAreNormalised() {
        StainVectors s = StainVectors.of("custom", "A", new double[] {2, 0, 0}, "B", new double[] {0, 3, 0});
        assertArrayEquals(new double[] {1, 0, 0}, s.stain(1), 1e-15);
        assertArrayEquals(new double[] {0, 0, 1}, s.stain(3), 1e-15);
    }

    @Test
    void badVectorsAreRejectedNamingTheVector() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StainVectors.of("x", "H", new double[] {0.65, 0.7, 0.29}, "DAB", new double[] {0, 0, 0}));
        assertTrue(e.getMessage().contains("stain 2 (DAB)") && e.getMessage().contains("zero"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> StainVectors.of("x", "H", new double[] {Double.NaN, 0.7, 0.29}, "DAB", new double[] {0.27, 0.57, 0.78}));
        assertTrue(e.getMessage().contains("stain 1 (H)"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> StainVectors.of("x", "H", new double[] {0.65, 0.7, 0.29}, "Copy", new double[] {1.3, 1.4, 0.58}));
        assertTrue(e.getMessage().contains("collinear") && e.getMessage().contains("Copy"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> StainVectors.of("x", "H", new double[] {1, 0, 0}, "D", new double[] {0, 1, 0}, "Plane", new double[] {1, 1, 0}));
        assertTrue(e.getMessage().contains("stain 3 (Plane)") && e.getMessage().contains("plane"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> StainVectors.of("x", "H", new double[] {1, 0}, "D", new double[] {0, 1, 0}));
        assertTrue(e.getMessage().contains("stain 1 (H)") && e.getMessage().contains("3 values"), e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> StainVectors.preset("Masson"));
    }

    @Test
    void withBackgroundReturnsACopyAndValidates() {
        StainVectors s = StainVectors.H_DAB.withBackground(240, 245, 250);
        assertArrayEquals(new double[] {255, 255, 255}, StainVectors.H_DAB.background());
        assertArrayEquals(new double[] {240, 245, 250}, s.background());
        assertNotEquals(StainVectors.H_DAB, s);
        assertArrayEquals(StainVectors.H_DAB.stain(2), s.stain(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StainVectors.H_DAB.withBackground(255, 300, 255));
        assertTrue(e.getMessage().contains("green"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StainVectors.H_DAB.withBackground(Double.NaN, 255, 255));
    }

    @Test
    void accessorsReturnCopies() {
        StainVectors s = StainVectors.H_DAB;
        s.stain(1)[0] = 99;
        s.inverse()[0][0] = 99;
        s.background()[0] = 3;
        assertEquals(StainVectors.H_DAB.stain(1)[0], StainVectors.of("H-DAB", "Haematoxylin",
                StainVectors.HAEMATOXYLIN_HDAB, "DAB", StainVectors.DAB).stain(1)[0]);
        assertTrue(s.inverse()[0][0] != 99 && s.background()[0] == 255);
    }

    @Test
    void withStainsRecomputesTheResidual() {
        double[] h = {0.6, 0.75, 0.3};
        double[] d = {0.3, 0.55, 0.8};
        StainVectors s = StainVectors.H_DAB.withBackground(250, 250, 250).withStains("est", h, d);
        assertEquals(0, dot(s.stain(3), s.stain(1)), 1e-12);
        assertEquals(0, dot(s.stain(3), s.stain(2)), 1e-12);
        assertEquals(250, s.background()[1]);
        assertEquals("DAB", s.stainName(2));
    }
}
