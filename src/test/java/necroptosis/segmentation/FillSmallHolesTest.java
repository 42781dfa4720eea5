package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link HoleFilling#fillSmallHoles} against a plain reference: holes are the 4-connected background not reaching the border. */
class FillSmallHolesTest {

    /** Reference: label the background's 4-connected components; those touching the border are not holes. */
    static boolean reference(byte[] box, int bw, int bh, boolean[] above, int bx0, int by0, int width, double maxHole) {
        int n = bw * bh;
        int[] comp = new int[n];
        int count = 0;
        boolean filled = false;
        for (int s = 0; s < n; s++) {
            if (box[s] != 0 || comp[s] != 0) continue;
            count++;
            ArrayDeque<Integer> q = new ArrayDeque<>();
            List<Integer> members = new ArrayList<>();
            q.add(s);
            comp[s] = count;
            boolean border = false, open = false;
            while (!q.isEmpty()) {
                int p = q.poll();
                members.add(p);
                int x = p % bw, y = p / bw;
                if (x == 0 || y == 0 || x == bw - 1 || y == bh - 1) border = true;
                if (above[(by0 + y) * width + bx0 + x]) open = true;
                int[][] nb = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
                for (int[] c : nb) {
                    if (c[0] < 0 || c[1] < 0 || c[0] >= bw || c[1] >= bh) continue;
                    int j = c[1] * bw + c[0];
                    if (box[j] == 0 && comp[j] == 0) { comp[j] = count; q.add(j); }
                }
            }
            if (!border && !open && members.size() <= maxHole) {
                for (int p : members) box[p] = (byte) 255;
                filled = true;
            }
        }
        return filled;
    }

    @Test
    void sameAsReferenceOnRandomShapes() {
        Random rnd = new Random(3);
        // One scratch for all trials, as the detector reuses it from object to object: stale state would show.
        ObjectScratch holes = new ObjectScratch();
        for (int trial = 0; trial < 500; trial++) {
            int bw = 1 + rnd.nextInt(30), bh = 1 + rnd.nextInt(30);
            int width = bw + 4, height = bh + 4, bx0 = 2, by0 = 2;
            byte[] box = new byte[bw * bh];
            double p = 0.3 + 0.6 * rnd.nextDouble();
            for (int i = 0; i < box.length; i++) if (rnd.nextDouble() < p) box[i] = (byte) 255;
            boolean[] above = new boolean[width * height];
            for (int i = 0; i < above.length; i++) above[i] = rnd.nextDouble() < 0.02;
            for (int y = 0; y < bh; y++) for (int x = 0; x < bw; x++) if (box[y * bw + x] != 0) above[(by0 + y) * width + bx0 + x] = true;
            double maxHole = rnd.nextInt(6);
            byte[] ours = box.clone(), ref = box.clone();
            boolean a = HoleFilling.fillSmallHoles(ours, new Box(bx0, by0, bw, bh), above, width, maxHole, holes);
            boolean b = reference(ref, bw, bh, above, bx0, by0, width, maxHole);
            assertArrayEquals(ref, ours, "trial " + trial);
            assertEquals(b, a, "trial " + trial);
        }
    }
}
