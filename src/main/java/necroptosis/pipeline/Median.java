package necroptosis.pipeline;

/** The median of values already sorted. */
final class Median {
    private Median() {}

    /** The middle value, or the mean of the two middle ones; NaN when there are none. */
    static double ofSorted(double[] sorted) {
        int n = sorted.length;
        if (n == 0) return Double.NaN;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
