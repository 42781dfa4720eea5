package necroptosis.scoring;

/**
 * Cell-level scoring of a region: cells counted in exclusive bins negative / 1+ / 2+ / 3+ by the mean DAB
 * OD of their scoring compartment, with the same thresholds as pixels. Additive like {@link PixelScore};
 * percentages are 0, not NaN, without cells.
 */
public final class CellScore {
    long negative;
    long weak;
    long moderate;
    long strong;

    public void add(double meanDabOd, DabThresholds t) {
        switch (t.bin(meanDabOd)) {
            case 0: negative++; break;
            case 1: weak++; break;
            case 2: moderate++; break;
            default: strong++; break;
        }
    }

    public static CellScore of(long negative, long weak, long moderate, long strong) {
        CellScore s = new CellScore();
        s.negative = negative;
        s.weak = weak;
        s.moderate = moderate;
        s.strong = strong;
        return s;
    }

    public CellScore merge(CellScore o) {
        negative += o.negative;
        weak += o.weak;
        moderate += o.moderate;
        strong += o.strong;
        return this;
    }

    public long cells() { return negative + weak + moderate + strong; }

    public long positive() { return weak + moderate + strong; }

    public double positivePercent() { return percent(positive()); }

    /** 1 x %1+ + 2 x %2+ + 3 x %3+, 0-300. */
    public double hScore() { return percent(weak) + 2 * percent(moderate) + 3 * percent(strong); }

    private double percent(long k) {
        long n = cells();
        return n == 0 ? 0 : 100.0 * k / n;
    }
}
