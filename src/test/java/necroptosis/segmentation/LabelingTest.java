package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The two-pass union-find labelling against a plain breadth-first flood fill written here. */
class LabelingTest {

    @Test
    void randomMasksMatchAFloodFill() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int w = 1 + rnd.nextInt(40), h = 1 + rnd.nextInt(40);
            double density = rnd.nextDouble();
            boolean[] mask = new boolean[w * h];
            for (int i = 0; i < mask.length; i++) mask[i] = rnd.nextDouble() < density;
            String what = "trial " + trial + " (" + w + "x" + h + ", density " + density + ")";
            assertSameAsFloodFill(mask, w, h, true, what);
            assertSameAsFloodFill(mask, w, h, false, what + ", 4-connected");
        }
    }

    /** A U and a comb join only in their last rows, where union-find must merge labels given long before. */
    @Test
    void shapesJoinedLateKeepOneLabel() {
        String[] rows = {
                "X.X.X.X..X...X",
                "X.X.X.X..X...X",
                "X.X.X.X...X.X.",
                "XXXXXXX....X..",
                "..............",
                ".X.X.X.X.X.X.X",
                "X.X.X.X.X.X.X.",
        };
        int w = rows[0].length(), h = rows.length;
        boolean[] mask = new boolean[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) mask[y * w + x] = rows[y].charAt(x) == 'X';
        Labeling l = Labeling.of(mask, w, h);
        assertEquals(3, l.count, "comb, V and the diagonal zigzag rows");
        assertEquals(1, l.labels[0]);
        assertEquals(l.labels[0], l.labels[6], "comb teeth joined by the bottom bar");
        assertEquals(l.labels[9], l.labels[13], "V arms joined at its tip (8-connected)");
        assertSameAsFloodFill(mask, w, h, true, "shapes");
        assertEquals(1 + 5 + 14, Labeling.of4(mask, w, h).count, "4-connected: the comb, the V in five pieces, each of the 14 zigzag pixels alone");
    }

    @Test
    void reusedArrayIsOverwrittenEverywhere() {
        boolean[] mask = {true, false, false, true};
        int[] reuse = new int[6];
        Arrays.fill(reuse, 99);
        Labeling l = Labeling.of(mask, 2, 2, reuse);
        assertSame(reuse, l.labels);
        assertArrayEquals(new int[] {1, 0, 0, 1}, Arrays.copyOf(l.labels, 4), "diagonal pixels are one 8-connected component");
    }

    private static void assertSameAsFloodFill(boolean[] mask, int w, int h, boolean eight, String what) {
        int[] expected = new int[mask.length];
        int count = 0;
        int[] sizes = new int[mask.length + 1];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < mask.length; s++) {
            if (!mask[s] || expected[s] != 0) continue;
            expected[s] = ++count;
            queue.add(s);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                sizes[count]++;
                for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) {
                    if (!eight && dx != 0 && dy != 0) continue;
                    int x = p % w + dx, y = p / w + dy;
                    if (x < 0 || y < 0 || x >= w || y >= h) continue;
                    int q = y * w + x;
                    if (mask[q] && expected[q] == 0) {
                        expected[q] = count;
                        queue.add(q);
                    }
                }
            }
        }
        Labeling l = eight ? Labeling.of(mask, w, h) : Labeling.of4(mask, w, h);
        assertEquals(count, l.count, what);
        assertArrayEquals(expected, l.labels, what);
        assertArrayEquals(Arrays.copyOf(sizes, count + 1), l.sizes, what);
    }
}
