package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import necroptosis.scoring.DabThresholds;

/** A core with nuclear material in it is sure; one with almost none is flagged, and so is every core found against a sparse reference. */
class UncertainCoresTest {
    static final int BPX = 32, W = 8, H = 2;

    @Test
    void aCoreWithoutNuclearMaterialIsUncertain() {
        // 16 µm blocks: each 256 µm², so one object in a 4-block core is about 977 per mm².
        BlockGrid g = new BlockGrid(W, H, BPX, 16, false);
        byte[] tissue = new byte[W * BPX * H * BPX];
        Arrays.fill(tissue, (byte) 1);
        g.addPixels(new float[tissue.length], new float[tissue.length], tissue, 0, 0, W * BPX, 0, 0, W * BPX, H * BPX, DabThresholds.DEFAULT);
        int[] labels = new int[W * H];
        for (int b = 0; b < W * H; b++) labels[b] = b % W < 2 ? 1 : b % W < 4 ? 2 : b % W < 6 ? 3 : 0;
        g.addDebris(0);               // core 1: one fragment of debris
        g.addLymphocyte(W + 3);       // core 2: one immune cell
        g.addTumourNucleus(W - 1);    // outside every core
        g.finishTiles();
        assertArrayEquals(new boolean[] {false, false, false, true}, UncertainCores.of(g, labels, 3));
        assertArrayEquals(new boolean[] {false, false, false, true}, UncertainCores.of(g, labels, 3, 1000), "a reference of 1000 per mm2 is enough");
        assertArrayEquals(new boolean[] {false, true, true, true}, UncertainCores.of(g, labels, 3, 999),
                "against a reference sparser than 1000 intact nuclei per mm2 no core is sure");
    }
}
