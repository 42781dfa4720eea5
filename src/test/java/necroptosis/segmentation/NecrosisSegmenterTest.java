package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Necrotic cores on a block grid built by hand: what is filled and what is left viable. */
class NecrosisSegmenterTest {
    static final int N = 64;
    static final double BLOCK_UM = 16;
    static final float BLOCK_MM2 = (float) (BLOCK_UM * BLOCK_UM * 1e-6);

    /** Viable tumour everywhere (3 intact nuclei per block), necrosis (debris only) where {@code necrotic}. */
    private static NecrosisSegmenter.Input grid(boolean[] necrotic, boolean[] dense) {
        float[] mm2 = new float[N * N], frac = new float[N * N];
        char[] intact = new char[N * N], debris = new char[N * N];
        Arrays.fill(mm2, BLOCK_MM2);
        Arrays.fill(frac, 1f);
        for (int i = 0; i < N * N; i++) {
            intact[i] = (char) (necrotic[i] ? 0 : dense != null && dense[i] ? 12 : 3);
            debris[i] = (char) (necrotic[i] ? 6 : 0);
        }
        return new NecrosisSegmenter.Input(N, N, BLOCK_UM, mm2, frac, intact, debris);
    }

    private static double r(int i) {
        return Math.hypot(i % N - N / 2 + 0.5, i / N - N / 2 + 0.5);
    }

    /** A ring of necrosis around a viable island larger than the minimum core area must not swallow the island. */
    @Test
    void largeViableIslandInsideARingIsNotNecrosis() {
        boolean[] nec = new boolean[N * N];
        int island = 0;
        for (int i = 0; i < nec.length; i++) {
            nec[i] = r(i) >= 9 && r(i) < 22;
            if (r(i) < 6) island++;
        }
        // the island (r < 9 blocks of 16 um) is ~0.065 mm2, well above the 0.01 mm2 minimum core area
        NecrosisSegmenter.Result res = new NecrosisSegmenter(NecrosisSettings.DEFAULT).segment(grid(nec, null));
        assertEquals(1, res.count, "one ring-shaped core");
        int islandInCore = 0, ringInCore = 0, ring = 0;
        for (int i = 0; i < nec.length; i++) {
            if (r(i) < 6 && res.labels[i] > 0) islandInCore++;
            if (r(i) >= 12 && r(i) < 19) {
                ring++;
                if (res.labels[i] > 0) ringInCore++;
            }
        }
        assertEquals(0, islandInCore, "blocks of the viable island (of " + island + ") labelled necrotic");
        assertEquals(ring, ringInCore, "the middle of the necrotic ring is not all necrotic");
    }

    /** A hole smaller than the minimum core area (a few surviving cells) is part of the core. */
    @Test
    void smallViableHoleIsFilled() {
        boolean[] nec = new boolean[N * N], dense = new boolean[N * N];
        int hole = 0;
        for (int i = 0; i < nec.length; i++) {
            boolean inHole = Math.abs(i % N - N / 2) <= 1 && Math.abs(i / N - N / 2) <= 1; // 3 x 3 blocks
            nec[i] = r(i) < 20 && !inHole;
            dense[i] = inHole;
            if (inHole) hole++;
        }
        NecrosisSegmenter.Result res = new NecrosisSegmenter(NecrosisSettings.DEFAULT).segment(grid(nec, dense));
        assertEquals(1, res.count);
        int holeInCore = 0;
        for (int i = 0; i < nec.length; i++) if (dense[i] && res.labels[i] > 0) holeInCore++;
        assertEquals(hole, holeInCore, "a hole of a few blocks (below the 0.01 mm2 minimum core area) was not filled");
        // The same hole is left open when the minimum core area is below it.
        NecrosisSegmenter.Result open = new NecrosisSegmenter(NecrosisSettings.DEFAULT.withMinCoreArea(0.0005)).segment(grid(nec, dense));
        int openInCore = 0;
        for (int i = 0; i < nec.length; i++) if (dense[i] && open.labels[i] > 0) openInCore++;
        assertTrue(openInCore < hole, "the hole was filled although it is larger than the minimum core area");
    }
}
