package necroptosis.realimages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The measures issue 14 judges real images by, kept apart from the image handling so that their own
 * tests can pin them down on inputs small enough to work out by hand.
 */
final class EvaluationMetrics {
    private EvaluationMetrics() {}

    /**
     * One-to-one matching of detections to marked points: all pairs within {@code maxDist} are taken
     * nearest first, each detection and each point used at most once (the greedy nearest matching of
     * the issue). Ties in distance go to the lower detection, then the lower point, so the result does
     * not depend on sorting details.
     *
     * @param found interleaved x, y of the detections
     * @param truth interleaved x, y of the marked points
     * @return for each detection, the index of its point, or -1
     */
    static int[] greedyMatch(double[] found, double[] truth, double maxDist) {
        int nf = found.length / 2, nt = truth.length / 2;
        double r2 = maxDist * maxDist;
        List<double[]> pairs = new ArrayList<>(); // {squared distance, detection, point}
        for (int i = 0; i < nf; i++) {
            for (int j = 0; j < nt; j++) {
                double dx = found[2 * i] - truth[2 * j], dy = found[2 * i + 1] - truth[2 * j + 1], d2 = dx * dx + dy * dy;
                if (d2 <= r2) pairs.add(new double[] {d2, i, j});
            }
        }
        pairs.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : a[1] != b[1] ? Double.compare(a[1], b[1]) : Double.compare(a[2], b[2]));
        int[] match = new int[nf];
        Arrays.fill(match, -1);
        boolean[] taken = new boolean[nt];
        for (double[] p : pairs) {
            int i = (int) p[1], j = (int) p[2];
            if (match[i] >= 0 || taken[j]) continue;
            match[i] = j;
            taken[j] = true;
        }
        return match;
    }

    /** Ranks 1..n, tied values sharing the mean of their ranks. */
    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] rank = new double[n];
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) j++;
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) rank[order[k]] = mean;
            i = j + 1;
        }
        return rank;
    }

    /** Spearman's rank correlation (Pearson's of the tie-averaged ranks); NaN when either side is constant. */
    static double spearman(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        return pearson(ranks(a), ranks(b));
    }

    static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /**
     * Area under the ROC curve of {@code score} for telling {@code positive} cases from the others: the
     * chance that a random positive scores above a random negative, a tie counting half (Mann-Whitney).
     * NaN without cases of both kinds.
     */
    static double rocAuc(double[] score, boolean[] positive) {
        double wins = 0;
        long pos = 0, neg = 0;
        for (boolean p : positive) if (p) pos++; else neg++;
        if (pos == 0 || neg == 0) return Double.NaN;
        for (int i = 0; i < score.length; i++) {
            if (!positive[i]) continue;
            for (int j = 0; j < score.length; j++) {
                if (positive[j]) continue;
                wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
            }
        }
        return wins / (pos * (double) neg);
    }

    /** Pooled Dice: overlaps and sizes summed over all images before the ratio, so large masks weigh more. */
    static final class Dice {
        long both, found, truth;

        void add(boolean inFound, boolean inTruth) {
            if (inFound) found++;
            if (inTruth) truth++;
            if (inFound && inTruth) both++;
        }

        void add(Dice other) {
            both += other.both;
            found += other.found;
            truth += other.truth;
        }

        /** 1 when both are empty (nothing to find and nothing found). */
        double value() {
            return found + truth == 0 ? 1 : 2.0 * both / (found + truth);
        }
    }

    /** The p-th percentile (0-100) by linear interpolation between order statistics; NaN when empty. */
    static double percentile(double[] v, double p) {
        if (v.length == 0) return Double.NaN;
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = p / 100 * (s.length - 1);
        int lo = (int) Math.floor(pos), hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** Fraction of {@code v} at or below {@code x} (the empirical CDF), 0.5 for an empty population. */
    static double rankWithin(double[] sorted, double x) {
        if (sorted.length == 0) return 0.5;
        int lo = 0, hi = sorted.length; // first index whose value exceeds x
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) lo = mid + 1; else hi = mid;
        }
        return lo / (double) sorted.length;
    }

    /** a / b, NaN when b is 0. */
    static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
