package necroptosis.scoring;

import java.util.Locale;

/**
 * DAB optical-density thresholds that split tissue pixels (or cells) into negative, weak (1+),
 * moderate (2+) and strong (3+). The public defaults are the single source of truth for dialogs, macro
 * options and the command line.
 * <p>
 * Bins are exclusive: negative {@code < weak}, weak {@code [weak, moderate)}, moderate
 * {@code [moderate, strong)}, strong {@code >= strong}.
 */
public final class DabThresholds {

    /** Default weak (1+) threshold, DAB OD. */
    public static final double DEFAULT_WEAK = 0.15;
    /** Default moderate (2+) threshold, DAB OD. */
    public static final double DEFAULT_MODERATE = 0.35;
    /** Default strong (3+) threshold, DAB OD. */
    public static final double DEFAULT_STRONG = 0.60;

    /** The defaults. */
    public static final DabThresholds DEFAULT = new DabThresholds(DEFAULT_WEAK, DEFAULT_MODERATE, DEFAULT_STRONG);

    private final double weak;
    private final double moderate;
    private final double strong;

    private DabThresholds(double weak, double moderate, double strong) {
        this.weak = weak;
        this.moderate = moderate;
        this.strong = strong;
    }

    /** Validated thresholds; the message names the offending setting. */
    public static DabThresholds of(double weak, double moderate, double strong) {
        check("weak", weak);
        check("moderate", moderate);
        check("strong", strong);
        if (weak >= moderate) {
            throw new IllegalArgumentException("DAB threshold weak (" + fmt(weak) + ") must be below moderate ("
                    + fmt(moderate) + ")");
        }
        if (moderate >= strong) {
            throw new IllegalArgumentException("DAB threshold moderate (" + fmt(moderate) + ") must be below strong ("
                    + fmt(strong) + ")");
        }
        return new DabThresholds(weak, moderate, strong);
    }

    private static void check(String name, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("DAB threshold " + name + " must be a finite number: " + v);
        }
        if (v < 0) throw new IllegalArgumentException("DAB threshold " + name + " must not be negative: " + fmt(v));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    public double weak() { return weak; }

    public double moderate() { return moderate; }

    public double strong() { return strong; }

    /** Bin of a DAB OD: 0 negative, 1 weak, 2 moderate, 3 strong. NaN is negative. */
    public int bin(double dabOd) {
        return (dabOd >= weak ? 1 : 0) + (dabOd >= moderate ? 1 : 0) + (dabOd >= strong ? 1 : 0);
    }

    /**
     * Bin of a single-precision DAB OD, compared with the thresholds rounded to float. Deconvolved tiles
     * are float arrays; comparing 0.35f with the double 0.35 would put a pixel that reads "0.35" in the
     * bin below (0.35f &lt; 0.35), so float data are compared in float (as {@code necroptosis.pipeline.BlockGrid#addPixels} does).
     */
    public int bin(float dabOd) {
        return (dabOd >= (float) weak ? 1 : 0) + (dabOd >= (float) moderate ? 1 : 0) + (dabOd >= (float) strong ? 1 : 0);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DabThresholds)) return false;
        DabThresholds t = (DabThresholds) o;
        return t.weak == weak && t.moderate == moderate && t.strong == strong;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(weak) + Double.hashCode(moderate)) + Double.hashCode(strong);
    }

    @Override
    public String toString() {
        return "DAB OD weak " + fmt(weak) + ", moderate " + fmt(moderate) + ", strong " + fmt(strong);
    }
}
