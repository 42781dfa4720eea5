package necroptosis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Band edges of the distance profile, including ranges that are not a multiple of the band width. */
class DistanceProfileTest {
    @Test
    void defaultBandsAreTwentyOfFiftyMicrometres() {
        double[] e = DistanceProfile.edges(50, 500);
        assertEquals(21, e.length);
        assertEquals(-500, e[0]);
        assertEquals("0.0", String.valueOf(e[10]), "the boundary must be +0.0");
        assertEquals(500, e[20]);
        for (int k = 0; k < 20; k++) assertEquals(50, e[k + 1] - e[k], 1e-9);
    }

    /** 120 µm in 50 µm bands: the last band on each side ends at the range, not at 150. */
    @Test
    void rangeNotAMultipleOfTheBandEndsAtTheRange() {
        assertArrayEquals(new double[] {-120, -100, -50, 0, 50, 100, 120}, DistanceProfile.edges(50, 120), 1e-9);
        assertArrayEquals(new double[] {-100, -70, 0, 70, 100}, DistanceProfile.edges(70, 100), 1e-9);
    }

    @Test
    void distancesFallInTheBandThatHoldsThem() {
        double[] e = DistanceProfile.edges(50, 120);
        assertEquals(0, DistanceProfile.band(e, -120));
        assertEquals(0, DistanceProfile.band(e, -100.5));
        assertEquals(1, DistanceProfile.band(e, -100));
        assertEquals(2, DistanceProfile.band(e, -0.1));
        assertEquals(3, DistanceProfile.band(e, 0));
        assertEquals(5, DistanceProfile.band(e, 119.9));
        assertEquals(-1, DistanceProfile.band(e, 120));
        assertEquals(-1, DistanceProfile.band(e, -120.1));
        assertEquals(-1, DistanceProfile.band(e, Double.POSITIVE_INFINITY));
    }
}
