package necroptosis.report;

import java.util.Arrays;

/** Small statistics the summary needs. */
public final class Statistics {
    private Statistics() {}

    /** Spearman rank correlation with average ranks for ties; null when fewer than 3 pairs or a constant variable. */
    public static Double spearman(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("lengths differ");
        if (a.length < 3) return null;
        double[] ra = ranks(a), rb = ranks(b);
        double ma = mean(ra), mb = mean(rb), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        if (saa == 0 || sbb == 0) return null;
        return sab / Math.sqrt(saa * sbb);
    }

    static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) idx[i] = i;
        Arrays.sort(idx, (i, j) -> Double.compare(v[i], v[j]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) r[idx[k]] = rank;
            i = j + 1;
        }
        return r;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
