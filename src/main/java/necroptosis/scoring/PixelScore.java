package necroptosis.scoring;

/**
 * Pixel-level DAB scoring of a region: tissue pixel count, counts per exclusive bin (negative, weak,
 * moderate, strong) and the sum of DAB OD. Counts and sums are additive, so per-tile scores can be
 * {@link #merge merged} into per-zone and per-slide scores; derived fractions are computed on demand and
 * are 0 (never NaN) for a region without tissue, so that empty zones print as numbers.
 * <p>
 * Mutable and not thread-safe: give each thread its own and merge.
 */
public final class PixelScore {

    private long negative;
    private long weak;
    private long moderate;
    private long strong;
    private double sumDabOd;

    /** An empty score. */
    public PixelScore() {
    }

    /** Counts given directly (e.g. read back from a file); all must be &gt;= 0. */
    public static PixelScore of(long negative, long weak, long moderate, long strong, double sumDabOd) {
        if (negative < 0 || weak < 0 || moderate < 0 || strong < 0) {
            throw new IllegalArgumentException("pixel counts must be >= 0: " + negative + ", " + weak + ", "
                    + moderate + ", " + strong);
        }
        if (Double.isNaN(sumDabOd) || Double.isInfinite(sumDabOd)) {
            throw new IllegalArgumentException("sum of DAB OD must be finite: " + sumDabOd);
        }
        PixelScore s = new PixelScore();
        s.negative = negative;
        s.weak = weak;
        s.moderate = moderate;
        s.strong = strong;
        s.sumDabOd = sumDabOd;
        return s;
    }

    /** Adds one tissue pixel with the given DAB OD. */
    public void add(double dabOd, DabThresholds thresholds) {
        addToBin(thresholds.bin(dabOd), dabOd);
    }

    /** Adds one tissue pixel with a single-precision DAB OD (binned in float, as the slide analysis bins its float DAB arrays). */
    public void add(float dabOd, DabThresholds thresholds) {
        addToBin(thresholds.bin(dabOd), dabOd);
    }

    private void addToBin(int bin, double dabOd) {
        switch (bin) {
            case 0: negative++; break;
            case 1: weak++; break;
            case 2: moderate++; break;
            default: strong++; break;
        }
        sumDabOd += dabOd;
    }

    /** Adds another score's counts and sum into this one; returns this. */
    public PixelScore merge(PixelScore other) {
        negative += other.negative;
        weak += other.weak;
        moderate += other.moderate;
        strong += other.strong;
        sumDabOd += other.sumDabOd;
        return this;
    }

    /** A copy. */
    public PixelScore copy() {
        return new PixelScore().merge(this);
    }

    public long tissuePixels() { return negative + weak + moderate + strong; }

    public long negativePixels() { return negative; }

    public long weakPixels() { return weak; }

    public long moderatePixels() { return moderate; }

    public long strongPixels() { return strong; }

    /** Pixels at or above the weak threshold. */
    public long positivePixels() { return weak + moderate + strong; }

    public double sumDabOd() { return sumDabOd; }

    /** Positive (weak or stronger) pixels / tissue pixels; 0 without tissue. */
    public double positiveFraction() { return fraction(positivePixels()); }

    public double weakFraction() { return fraction(weak); }

    public double moderateFraction() { return fraction(moderate); }

    public double strongFraction() { return fraction(strong); }

    /** 1·%weak + 2·%moderate + 3·%strong, percentages of tissue pixels: 0-300; 0 without tissue. */
    public double hScore() {
        long n = tissuePixels();
        return n == 0 ? 0 : 100.0 * (weak + 2.0 * moderate + 3.0 * strong) / n;
    }

    /** Mean DAB OD over tissue pixels (negative concentrations included, see ColorDeconvolution); 0 without tissue. */
    public double meanDabOd() {
        long n = tissuePixels();
        return n == 0 ? 0 : sumDabOd / n;
    }

    private double fraction(long count) {
        long n = tissuePixels();
        return n == 0 ? 0 : (double) count / n;
    }

    @Override
    public String toString() {
        return "PixelScore[tissue " + tissuePixels() + ", negative " + negative + ", weak " + weak + ", moderate "
                + moderate + ", strong " + strong + ", H-score " + hScore() + ", mean DAB OD " + meanDabOd() + "]";
    }
}
