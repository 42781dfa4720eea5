package necroptosis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class OutlinesClipTest {
    @Test
    void clampedStaircaseLosesItsPointsOnTheEdge() {
        // A staircase beyond x = 10 clamped onto the slide edge: only the rectangle's corners remain.
        double[] clamped = {0, 0, 10, 0, 10, 2, 10, 2, 10, 4, 10, 4, 10, 6, 0, 6};
        assertArrayEquals(new double[] {0, 0, 10, 0, 10, 6, 0, 6}, Outlines.dropCollinear(clamped));
    }

    @Test
    void aSpikeFoldedOntoTheEdgeIsRemoved() {
        double[] spike = {0, 0, 10, 0, 10, 3, 10, 1, 10, 5, 0, 5};
        assertArrayEquals(new double[] {0, 0, 10, 0, 10, 5, 0, 5}, Outlines.dropCollinear(spike));
    }
}
