package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CellExpanderTest {

    /** The radix sort orders as a comparison sort of (key, position) pairs: by key, ties in their first order. */
    @Test
    void sortByKeyIsStableAndOrdersLikeAComparisonSort() {
        Random r = new Random(5);
        for (int trial = 0; trial < 50; trial++) {
            int m = r.nextInt(2000);
            int[] items = new int[m], keys = new int[m];
            long[] expected = new long[m];
            for (int k = 0; k < m; k++) {
                items[k] = k;
                // Few distinct distances (ties), as an EDM gives, with keys using both 16-bit halves.
                keys[k] = Float.floatToIntBits((float) Math.sqrt(r.nextInt(trial % 2 == 0 ? 30 : 100000)));
                expected[k] = ((long) keys[k] << 32) | k;
            }
            Arrays.sort(expected);
            CellExpander.sortByKey(items, keys, m);
            int[] want = new int[m];
            for (int k = 0; k < m; k++) want[k] = (int) expected[k];
            assertArrayEquals(want, items, "trial " + trial);
        }
    }

    /** Two nuclei in a row: the pixels between them go to the nearer one, and nothing beyond the expansion is taken. */
    @Test
    void pixelsGoToTheNearestNucleusWithinTheExpansion() {
        int w = 40, h = 1;
        int[] labels = new int[w];
        labels[10] = 1;
        labels[16] = 2;
        int[] cells = CellExpander.expand(labels, w, h, 3);
        for (int x = 0; x < w; x++) {
            // x = 13 is 3 px from both: it goes to the neighbour looked at first (its left one, nucleus 1).
            int want = x >= 7 && x <= 13 ? 1 : x >= 14 && x <= 19 ? 2 : 0;
            assertEquals(want, cells[x], "x = " + x);
        }
    }
}
