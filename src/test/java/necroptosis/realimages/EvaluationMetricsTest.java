package necroptosis.realimages;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The real-image measures on inputs small enough to work out by hand. */
class EvaluationMetricsTest {
    @Test
    void greedyMatchTakesTheNearestPairFirstAndEachPointOnce() {
        // Detection 0 would grab point 0 (2.5 away) if detections went in order; nearest first gives it
        // point 1 (1 away) and point 0 to detection 1 (0.5 away).
        double[] found = {0, 0, 2, 0};
        double[] truth = {2.5, 0, -1, 0};
        assertArrayEquals(new int[] {1, 0}, EvaluationMetrics.greedyMatch(found, truth, 3));
    }

    @Test
    void greedyMatchLeavesDetectionsBeyondTheDistanceOrWithoutAFreePointUnmatched() {
        double[] found = {0, 0, 3, 0, 50, 50};
        double[] truth = {1, 0, 10, 0};
        // Detection 1 is 2 from point 0, which detection 0 (1 away) has taken; point 1 is 7 away.
        assertArrayEquals(new int[] {0, -1, -1}, EvaluationMetrics.greedyMatch(found, truth, 5));
        assertArrayEquals(new int[] {}, EvaluationMetrics.greedyMatch(new double[0], truth, 5));
        assertArrayEquals(new int[] {-1}, EvaluationMetrics.greedyMatch(new double[] {0, 0}, new double[0], 5));
    }

    @Test
    void greedyMatchCountsADistanceOfExactlyTheLimit() {
        assertArrayEquals(new int[] {0}, EvaluationMetrics.greedyMatch(new double[] {0, 0}, new double[] {3, 4}, 5));
    }

    @Test
    void spearmanAveragesTiedRanks() {
        // Ranks of b: 1, 2, 3.5, 5, 3.5; Pearson with 1..5 is 8 / sqrt(10 * 9.5).
        double[] a = {1, 2, 3, 4, 5}, b = {5, 6, 7, 8, 7};
        assertArrayEquals(new double[] {1, 2, 3.5, 5, 3.5}, EvaluationMetrics.ranks(b), 1e-12);
        assertEquals(8 / Math.sqrt(95), EvaluationMetrics.spearman(a, b), 1e-12);
    }

    @Test
    void spearmanIsOneForAnyIncreasingRelationAndNaNForAConstant() {
        assertEquals(1, EvaluationMetrics.spearman(new double[] {1, 2, 3, 10}, new double[] {0.1, 5, 6, 1000}), 1e-12);
        assertEquals(-1, EvaluationMetrics.spearman(new double[] {1, 2, 3}, new double[] {9, 4, 1}), 1e-12);
        assertTrue(Double.isNaN(EvaluationMetrics.spearman(new double[] {1, 2, 3}, new double[] {0, 0, 0})));
    }

    @Test
    void rocAucCountsTiesAsHalf() {
        // Positives 0.9 and 0.4 against negatives 0.5, 0.1, 0.4: 3 + (0 + 1 + 0.5) wins of 6 pairs.
        double[] score = {0.9, 0.5, 0.4, 0.1, 0.4};
        boolean[] positive = {true, false, true, false, false};
        assertEquals(0.75, EvaluationMetrics.rocAuc(score, positive), 1e-12);
    }

    @Test
    void rocAucIsOneForPerfectSeparationZeroForReversedAndNaNWithOneClass() {
        assertEquals(1, EvaluationMetrics.rocAuc(new double[] {3, 2, 1}, new boolean[] {true, true, false}), 1e-12);
        assertEquals(0, EvaluationMetrics.rocAuc(new double[] {3, 2, 1}, new boolean[] {false, true, true}), 1e-12);
        assertTrue(Double.isNaN(EvaluationMetrics.rocAuc(new double[] {1, 2}, new boolean[] {true, true})));
    }

    @Test
    void diceIsPooledOverImagesNotAveraged() {
        EvaluationMetrics.Dice a = new EvaluationMetrics.Dice();
        a.add(true, true); // one pixel, found and true: Dice 1 alone
        EvaluationMetrics.Dice b = new EvaluationMetrics.Dice();
        for (int i = 0; i < 9; i++) b.add(false, true); // nine true pixels missed: Dice 0 alone
        b.add(false, false);
        assertEquals(1, a.value(), 1e-12);
        assertEquals(0, b.value(), 1e-12);
        EvaluationMetrics.Dice pooled = new EvaluationMetrics.Dice();
        pooled.add(a);
        pooled.add(b);
        assertEquals(2.0 / 11, pooled.value(), 1e-12); // not the mean of 1 and 0
    }

    @Test
    void diceOfPartialOverlapAndOfTwoEmptyMasks() {
        EvaluationMetrics.Dice d = new EvaluationMetrics.Dice();
        d.add(true, true);
        d.add(true, true);
        d.add(false, true);
        d.add(false, true);
        d.add(false, false);
        assertEquals(2.0 * 2 / (2 + 4), d.value(), 1e-12);
        assertEquals(1, new EvaluationMetrics.Dice().value(), 1e-12);
    }

    @Test
    void percentileInterpolatesAndRankWithinCountsValuesAtOrBelow() {
        double[] v = {4, 1, 3, 2};
        assertEquals(1, EvaluationMetrics.percentile(v, 0), 1e-12);
        assertEquals(2.5, EvaluationMetrics.percentile(v, 50), 1e-12);
        assertEquals(4, EvaluationMetrics.percentile(v, 100), 1e-12);
        double[] sorted = {1, 2, 2, 3};
        assertEquals(0.75, EvaluationMetrics.rankWithin(sorted, 2), 1e-12);
        assertEquals(0, EvaluationMetrics.rankWithin(sorted, 0.5), 1e-12);
        assertEquals(1, EvaluationMetrics.rankWithin(sorted, 9), 1e-12);
    }
}
