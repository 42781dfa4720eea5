package necroptosis.stain;

import java.util.Locale;

/**
 * Per-pixel "is this tissue rather than glass" test: the summed optical density of the three channels
 * is at least a threshold. Glass at the background intensity has OD 0 in every channel (scanner noise
 * adds about ±0.01), while even pale stroma absorbs measurably in at least one channel, so a small OD
 * sum separates them without colour assumptions. The same idea (drop "transparent" pixels by an OD
 * threshold, β = 0.15 per channel) is how Macenko et al. 2009 exclude background before stain
 * estimation; QuPath's stain-estimation mask also requires OD &gt;= 0.15 per channel. Here the threshold
 * applies to the sum, which keeps pale tissue that absorbs in one channel only.
 * <p>
 * It costs two additions and a comparison on the OD values the lookup-table path has already fetched.
 */
public final class TissueTest {

    /** Default minimum OD summed over r, g and b (about 0.05 OD per channel, i.e. 89% transmission). */
    public static final double DEFAULT_MIN_OD_SUM = 0.15;

    /** The default test. */
    public static final TissueTest DEFAULT = new TissueTest(DEFAULT_MIN_OD_SUM);

    private final double minOdSum;

    private TissueTest(double minOdSum) {
        this.minOdSum = minOdSum;
    }

    /** A test with the given minimum summed OD (0 accepts everything, including glass). */
    public static TissueTest minOdSum(double minOdSum) {
        if (!(minOdSum >= 0) || Double.isInfinite(minOdSum)) {
            throw new IllegalArgumentException("tissue minimum OD sum must be a number >= 0: " + minOdSum);
        }
        return new TissueTest(minOdSum);
    }

    public double minOdSum() { return minOdSum; }

    /**
     * True when the summed OD of the three channels marks tissue. The sum is in double, in r, g, b order;
     * the tile kernels use exactly this arithmetic on the float OD tables, so they decide identically.
     */
    public boolean isTissue(double odR, double odG, double odB) {
        return odR + odG + odB >= minOdSum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TissueTest && ((TissueTest) o).minOdSum == minOdSum;
    }

    @Override
    public int hashCode() { return Double.hashCode(minOdSum); }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "OD sum >= %.3f", minOdSum);
    }
}
