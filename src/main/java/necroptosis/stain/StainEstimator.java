package necroptosis.stain;

import java.util.Arrays;
import java.util.Locale;

/**
 * Per-slide estimation of the two stain vectors in the style of Macenko et al. 2009 ("A method for
 * normalizing histology slides for quantitative analysis", ISBI): stained pixels' OD vectors lie in the
 * plane spanned by the two stains, so take the plane of the two largest eigenvectors of their OD
 * covariance, express each pixel as an angle in that plane, and take the directions at the 1st and 99th
 * percentile angle (rather than the extremes, which are noise and artefacts) as the two stains.
 * Haematoxylin is the bluer stain, i.e. the one absorbing more red relative to blue.
 * <p>
 * Pixels are used when every channel's OD is at least {@link #DEFAULT_MIN_OD} (glass and very pale
 * pixels carry almost no direction and much noise) and none exceeds {@link #DEFAULT_MAX_OD} (near-black
 * pixels are quantised and often pigment or folds). When too few pixels remain, when their OD cloud is
 * not flat (no second stain to find, e.g. an MLKL-negative or single-stain slide), or when the result is
 * degenerate or far from the preset, the preset is returned with the reason, so a slide is never scored
 * with arbitrary vectors.
 */
public final class StainEstimator {

    public static final double DEFAULT_MIN_OD = 0.05;
    public static final double DEFAULT_MAX_OD = 1.0;
    /** Percentile (of the angle distribution) at each end taken as the stain direction. */
    public static final double DEFAULT_PERCENTILE = 1.0;
    public static final int DEFAULT_MIN_PIXELS = 1000;
    /** Largest accepted angle between an estimated vector and its preset, degrees. */
    public static final double DEFAULT_MAX_DEVIATION_DEGREES = 30;
    /**
     * Largest accepted ratio of the third to the second eigenvalue of the OD covariance. Two stains make
     * the OD cloud flat (ratio 0.03-0.08 on the shared IHC images); a single-stain image has no second
     * direction, so the second and third eigenvalues are both noise (ratio ~0.35 on DeepLIIF's
     * haematoxylin-only panels) and any "second stain" found would be arbitrary.
     */
    public static final double DEFAULT_MAX_PLANE_RATIO = 0.2;
    /** At most this many pixels are used (evenly strided), bounding the angle array's memory. */
    public static final int MAX_SAMPLES = 2_000_000;

    private final double minOd;
    private final double maxOd;
    private final double percentile;
    private final int minPixels;
    private final double maxDeviationDegrees;
    private final double maxPlaneRatio;

    /** The defaults. */
    public StainEstimator() {
        this(DEFAULT_MIN_OD, DEFAULT_MAX_OD, DEFAULT_PERCENTILE, DEFAULT_MIN_PIXELS, DEFAULT_MAX_DEVIATION_DEGREES,
                DEFAULT_MAX_PLANE_RATIO);
    }

    public StainEstimator(double minOd, double maxOd, double percentile, int minPixels, double maxDeviationDegrees,
                          double maxPlaneRatio) {
        if (!(minOd >= 0 && maxOd > minOd) || Double.isInfinite(maxOd)) {
            throw new IllegalArgumentException("stain estimation OD range must satisfy 0 <= min < max: " + minOd + "-" + maxOd);
        }
        if (!(percentile >= 0 && percentile < 50)) {
            throw new IllegalArgumentException("stain estimation percentile must be in [0, 50): " + percentile);
        }
        if (minPixels < 3) throw new IllegalArgumentException("stain estimation minimum pixels must be >= 3: " + minPixels);
        if (!(maxDeviationDegrees > 0)) {
            throw new IllegalArgumentException("stain estimation maximum deviation must be > 0 degrees: " + maxDeviationDegrees);
        }
        this.minOd = minOd;
        this.maxOd = maxOd;
        this.percentile = percentile;
        this.minPixels = minPixels;
        this.maxDeviationDegrees = maxDeviationDegrees;
        if (!(maxPlaneRatio > 0 && maxPlaneRatio <= 1)) {
            throw new IllegalArgumentException("stain estimation plane ratio must be in (0, 1]: " + maxPlaneRatio);
        }
        this.maxPlaneRatio = maxPlaneRatio;
    }

    /**
     * Estimates stains 1 and 2 of {@code preset} (whose background is used for OD) from packed RGB pixels,
     * e.g. a slide overview.
     */
    public Result estimate(int[] rgb, StainVectors preset) {
        ColorDeconvolution cd = new ColorDeconvolution(preset);
        float[] lr = cd.odLut(0), lg = cd.odLut(1), lb = cd.odLut(2);

        // Pass 1: count usable pixels and accumulate the OD covariance.
        long n = 0;
        double sr = 0, sg = 0, sb = 0, srr = 0, sgg = 0, sbb = 0, srg = 0, srb = 0, sgb = 0;
        for (int p : rgb) {
            double r = lr[(p >> 16) & 0xff], g = lg[(p >> 8) & 0xff], b = lb[p & 0xff];
            if (!usable(r, g, b)) continue;
            n++;
            sr += r; sg += g; sb += b;
            srr += r * r; sgg += g * g; sbb += b * b;
            srg += r * g; srb += r * b; sgb += g * b;
        }
        if (n < minPixels) {
            return fallback(preset, n, String.format(Locale.ROOT,
                    "only %d stained pixels (OD %.2f-%.2f in every channel), need %d", n, minOd, maxOd, minPixels));
        }
        double mr = sr / n, mg = sg / n, mb = sb / n;
        double[][] cov = {
                {srr / n - mr * mr, srg / n - mr * mg, srb / n - mr * mb},
                {srg / n - mr * mg, sgg / n - mg * mg, sgb / n - mg * mb},
                {srb / n - mr * mb, sgb / n - mg * mb, sbb / n - mb * mb}};
        double[][] eig = eigenvectorsDescending(cov);
        double l2 = rayleigh(cov, eig[1]), l3 = rayleigh(cov, eig[2]);
        double planeRatio = l2 > 0 ? l3 / l2 : Double.POSITIVE_INFINITY;
        if (!(planeRatio <= maxPlaneRatio)) {
            return fallback(preset, n, String.format(Locale.ROOT, "no second stain: the OD cloud is not flat "
                    + "(3rd/2nd eigenvalue %.3f > %.3f), e.g. a single-stain image", planeRatio, maxPlaneRatio));
        }
        double[] e1 = eig[0], e2 = eig[1];
        // Point both axes into positive OD so that angles are comparable between slides.
        if (e1[0] + e1[1] + e1[2] < 0) negate(e1);
        if (e2[0] + e2[1] + e2[2] < 0) negate(e2);

        // Pass 2: angle of every (sampled) usable pixel in the plane.
        int stride = (int) Math.max(1, (n + MAX_SAMPLES - 1) / MAX_SAMPLES);
        float[] angles = new float[(int) Math.min(n, MAX_SAMPLES)];
        int k = 0;
        long seen = 0;
        for (int p : rgb) {
            double r = lr[(p >> 16) & 0xff], g = lg[(p >> 8) & 0xff], b = lb[p & 0xff];
            if (!usable(r, g, b)) continue;
            if (seen++ % stride != 0 || k == angles.length) continue;
            double x = r * e1[0] + g * e1[1] + b * e1[2];
            double y = r * e2[0] + g * e2[1] + b * e2[2];
            angles[k++] = (float) Math.atan2(y, x);
        }
        Arrays.sort(angles, 0, k);
        double lo = angles[percentileIndex(k, percentile)];
        double hi = angles[percentileIndex(k, 100 - percentile)];
        double[] vLo = direction(e1, e2, lo);
        double[] vHi = direction(e1, e2, hi);

        // Haematoxylin (stain 1) absorbs red more than blue; DAB and eosin the other way round.
        double[] v1 = vLo[0] - vLo[2] > vHi[0] - vHi[2] ? vLo : vHi;
        double[] v2 = v1 == vLo ? vHi : vLo;
        clampNegative(v1);
        clampNegative(v2);

        double d1 = StainVectors.angleDegrees(v1, preset.stain(1));
        double d2 = StainVectors.angleDegrees(v2, preset.stain(2));
        String angles12 = String.format(Locale.ROOT, "%s %.1f deg, %s %.1f deg from the preset",
                preset.stainName(1), d1, preset.stainName(2), d2);
        if (d1 > maxDeviationDegrees || d2 > maxDeviationDegrees) {
            return fallback(preset, n, "estimate too far from the preset (" + angles12 + ", limit "
                    + maxDeviationDegrees + ")");
        }
        StainVectors estimated;
        try {
            estimated = preset.withStains(preset.name() + " estimated", v1, v2);
        } catch (IllegalArgumentException e) {
            return fallback(preset, n, "estimate unusable: " + e.getMessage());
        }
        return new Result(estimated, true, n, String.format(Locale.ROOT, "estimated from %d pixels; %s", n, angles12));
    }

    private static double rayleigh(double[][] m, double[] v) {
        double acc = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) acc += v[i] * m[i][j] * v[j];
        }
        return acc;
    }

    private boolean usable(double r, double g, double b) {
        return r >= minOd && g >= minOd && b >= minOd && r <= maxOd && g <= maxOd && b <= maxOd;
    }

    private static Result fallback(StainVectors preset, long n, String why) {
        return new Result(preset, false, n, "using preset " + preset.name() + ": " + why);
    }

    private static int percentileIndex(int k, double pct) {
        int i = (int) Math.round((k - 1) * pct / 100.0);
        return Math.max(0, Math.min(k - 1, i));
    }

    private static double[] direction(double[] e1, double[] e2, double angle) {
        double c = Math.cos(angle), s = Math.sin(angle);
        return new double[] {e1[0] * c + e2[0] * s, e1[1] * c + e2[1] * s, e1[2] * c + e2[2] * s};
    }

    private static void negate(double[] v) {
        for (int i = 0; i < 3; i++) v[i] = -v[i];
    }

    /** A stain cannot absorb negatively; tiny negative components are estimation noise. */
    private static void clampNegative(double[] v) {
        for (int i = 0; i < 3; i++) v[i] = Math.max(0, v[i]);
    }

    /**
     * Eigenvectors of a symmetric 3x3 matrix, by cyclic Jacobi rotations, sorted by decreasing eigenvalue;
     * returned as rows, unit length.
     */
    static double[][] eigenvectorsDescending(double[][] matrix) {
        double[][] a = {matrix[0].clone(), matrix[1].clone(), matrix[2].clone()};
        double[][] v = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}; // columns are eigenvectors
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
            if (off < 1e-30) break;
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < 3; k++) { // A = A J
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < 3; k++) { // A = J^T A
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < 3; k++) {
                        double vkp = v[k][p], vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order = {0, 1, 2};
        final double[] ev = {a[0][0], a[1][1], a[2][2]};
        Arrays.sort(order, (x, y) -> Double.compare(ev[y], ev[x]));
        double[][] out = new double[3][];
        for (int i = 0; i < 3; i++) {
            int c = order[i];
            out[i] = new double[] {v[0][c], v[1][c], v[2][c]};
        }
        return out;
    }

    /** Estimated (or preset) stain vectors and how they were obtained. */
    public static final class Result {
        private final StainVectors stains;
        private final boolean estimated;
        private final long pixels;
        private final String how;

        Result(StainVectors stains, boolean estimated, long pixels, String how) {
            this.stains = stains;
            this.estimated = estimated;
            this.pixels = pixels;
            this.how = how;
        }

        /** The vectors to use: estimated, or the preset when estimation failed. */
        public StainVectors stains() { return stains; }

        /** False when the preset was returned. */
        public boolean estimated() { return estimated; }

        /** Number of pixels that met the OD criteria. */
        public long pixels() { return pixels; }

        /** What was done, or why the preset was kept. */
        public String how() { return how; }

        @Override
        public String toString() { return how + ": " + stains; }
    }
}
