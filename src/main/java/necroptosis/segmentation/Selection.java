package necroptosis.segmentation;

/** Order statistics of float arrays without a full sort. */
final class Selection {
    private Selection() {}

    /**
     * Rearranges {@code a[0..n)} so that {@code a[k]} holds the value a sort would put there, smaller or
     * equal values before it and larger or equal after (Hoare's selection, median-of-three pivot).
     */
    static float select(float[] a, int n, int k) {
        int lo = 0, hi = n - 1;
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            // Median of three as the pivot, which keeps sorted or constant runs from degrading it.
            if (a[mid] < a[lo]) swap(a, mid, lo);
            if (a[hi] < a[lo]) swap(a, hi, lo);
            if (a[hi] < a[mid]) swap(a, hi, mid);
            float pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) swap(a, i++, j--);
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else break;
        }
        return a[k];
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
