package necroptosis.scoring;

/**
 * Scores a tile's DAB OD array (from {@code necroptosis.stain.ColorDeconvolution}) under a tissue mask,
 * into one {@link PixelScore} or into one per zone label. Flat loops over primitive arrays, nothing
 * allocated per pixel; immutable and safe to share between threads (the accumulators are the caller's).
 */
public final class PixelScorer {

    private final DabThresholds thresholds;

    public PixelScorer(DabThresholds thresholds) {
        if (thresholds == null) throw new IllegalArgumentException("DAB thresholds are required");
        this.thresholds = thresholds;
    }

    public DabThresholds thresholds() { return thresholds; }

    /**
     * Adds the first {@code n} pixels of {@code dab} whose {@code tissue} byte is non-zero (all of them
     * when {@code tissue} is null) to {@code out}.
     */
    public void score(float[] dab, byte[] tissue, int n, PixelScore out) {
        checkLengths(dab, tissue == null ? -1 : tissue.length, null, n);
        // Float data are compared with float thresholds; see DabThresholds.bin(float).
        final float w = (float) thresholds.weak(), m = (float) thresholds.moderate(), s = (float) thresholds.strong();
        long c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (tissue != null && tissue[i] == 0) continue;
            float d = dab[i];
            if (d >= m) {
                if (d >= s) c3++;
                else c2++;
            } else if (d >= w) {
                c1++;
            } else {
                c0++;
            }
            sum += d;
        }
        add(out, c0, c1, c2, c3, sum);
    }

    /** As {@link #score(float[], byte[], int, PixelScore)} with a boolean mask. */
    public void score(float[] dab, boolean[] tissue, int n, PixelScore out) {
        checkLengths(dab, tissue == null ? -1 : tissue.length, null, n);
        // Float data are compared with float thresholds; see DabThresholds.bin(float).
        final float w = (float) thresholds.weak(), m = (float) thresholds.moderate(), s = (float) thresholds.strong();
        long c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (tissue != null && !tissue[i]) continue;
            float d = dab[i];
            if (d >= m) {
                if (d >= s) c3++;
                else c2++;
            } else if (d >= w) {
                c1++;
            } else {
                c0++;
            }
            sum += d;
        }
        add(out, c0, c1, c2, c3, sum);
    }

    /**
     * Adds each tissue pixel to {@code perZone[zone & 0xff]}, where {@code zone} is its byte in
     * {@code zones}. A null entry in {@code perZone} means "not accumulated" (e.g. background); a label
     * beyond the array is an error, because silently dropping pixels would bias every fraction.
     */
    public void scoreZones(float[] dab, byte[] tissue, byte[] zones, int n, PixelScore[] perZone) {
        if (zones == null) throw new IllegalArgumentException("zone labels are required");
        checkLengths(dab, tissue == null ? -1 : tissue.length, zones, n);
        // Float data are compared with float thresholds; see DabThresholds.bin(float).
        final float w = (float) thresholds.weak(), m = (float) thresholds.moderate(), s = (float) thresholds.strong();
        final int labels = perZone.length;
        for (int i = 0; i < n; i++) {
            if (tissue != null && tissue[i] == 0) continue;
            int z = zones[i] & 0xff;
            if (z >= labels) {
                throw new IllegalArgumentException("zone label " + z + " at pixel " + i + " has no accumulator (only "
                        + labels + ")");
            }
            PixelScore acc = perZone[z];
            if (acc == null) continue;
            float d = dab[i];
            if (d >= m) {
                if (d >= s) acc.strong++;
                else acc.moderate++;
            } else if (d >= w) {
                acc.weak++;
            } else {
                acc.negative++;
            }
            acc.sumDabOd += d;
        }
    }

    private static void add(PixelScore out, long c0, long c1, long c2, long c3, double sum) {
        out.negative += c0;
        out.weak += c1;
        out.moderate += c2;
        out.strong += c3;
        out.sumDabOd += sum;
    }

    private static void checkLengths(float[] dab, int tissueLength, byte[] zones, int n) {
        if (n < 0 || n > dab.length) {
            throw new IllegalArgumentException("pixel count " + n + " outside the DAB array of " + dab.length);
        }
        if (tissueLength >= 0 && tissueLength < n) {
            throw new IllegalArgumentException("tissue mask holds " + tissueLength + " values, needs " + n);
        }
        if (zones != null && zones.length < n) {
            throw new IllegalArgumentException("zone labels hold " + zones.length + " values, needs " + n);
        }
    }
}
