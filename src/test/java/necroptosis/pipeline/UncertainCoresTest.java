package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import necroptosis.pipeline.UncertainCores.Doubt;
import necroptosis.scoring.DabThresholds;

/**
 * A core with nuclear material in it is sure; one with almost none is flagged, so is one with no more debris than the
 * tissue around it, and so is every core found against a sparse reference.
 */
class UncertainCoresTest {
    static final int BPX = 32, W = 8, H = 2;

    /** Blocks of {@code blockUm}, all tissue. */
    private static BlockGrid tissueGrid(double blockUm) {
        BlockGrid g = new BlockGrid(W, H, BPX, blockUm, false);
        byte[] tissue = new byte[W * BPX * H * BPX];
        Arrays.fill(tissue, (byte) 1);
        g.addPixels(new float[tissue.length], new float[tissue.length], tissue, 0, 0, W * BPX, 0, 0, W * BPX, H * BPX, DabThresholds.DEFAULT);
        return g;
    }

    /** Cores 1, 2 and 3 of four blocks each (columns 0-1, 2-3, 4-5); columns 6-7 are outside every core. */
    private static int[] threeCores() {
        int[] labels = new int[W * H];
        for (int b = 0; b < W * H; b++) labels[b] = b % W < 2 ? 1 : b % W < 4 ? 2 : b % W < 6 ? 3 : 0;
        return labels;
    }

    @Test
    void aCoreWithoutNuclearMaterialIsUncertain() {
        // 16 µm blocks: each 256 µm², so one object in a 4-block core is about 977 per mm².
        BlockGrid g = tissueGrid(16);
        int[] labels = threeCores();
        g.addDebris(0);               // core 1: one fragment of debris
        g.addLymphocyte(W + 3);       // core 2: one immune cell
        g.addTumourNucleus(W - 1);    // outside every core
        g.finishTiles();
        assertArrayEquals(new Doubt[] {Doubt.NONE, Doubt.NONE, Doubt.NONE, Doubt.EMPTY}, UncertainCores.of(g, labels, 3));
        assertArrayEquals(new Doubt[] {Doubt.NONE, Doubt.NONE, Doubt.NONE, Doubt.EMPTY}, UncertainCores.of(g, labels, 3, 1000),
                "a reference of 1000 per mm2 is enough");
        Doubt s = Doubt.SPARSE_REFERENCE;
        assertArrayEquals(new Doubt[] {Doubt.NONE, s, s, s}, UncertainCores.of(g, labels, 3, 999),
                "against a reference sparser than 1000 intact nuclei per mm2 no core is sure");
    }

    /**
     * Outside: 2 debris on 4 blocks. Core 1: 4 on 4 blocks (twice the outside: sure); core 2: 3 (1.5 times:
     * uncertain); core 3: intact nuclei and immune cells, no debris (uncertain).
     */
    private static BlockGrid debrisAgainstTheOutside(double blockUm) {
        BlockGrid g = tissueGrid(blockUm);
        g.addDebris(6);
        g.addDebris(W + 7);
        for (int i = 0; i < 4; i++) g.addDebris(i % 2 == 0 ? 0 : W + 1);
        for (int i = 0; i < 3; i++) g.addDebris(2);
        for (int i = 0; i < 5; i++) g.addTumourNucleus(4);
        g.addLymphocyte(W + 5);
        g.finishTiles();
        return g;
    }

    @Test
    void aCoreWithLessThanTwiceTheDebrisOfTheOtherTissueIsUncertain() {
        // 64 µm blocks: 0.016 mm² outside the cores, enough for a reference.
        assertArrayEquals(new Doubt[] {Doubt.NONE, Doubt.NONE, Doubt.NO_DEBRIS, Doubt.NO_DEBRIS},
                UncertainCores.of(debrisAgainstTheOutside(64), threeCores(), 3));
    }

    @Test
    void tooLittleTissueOutsideTheCoresIsNoReference() {
        // 16 µm blocks: 0.001 mm² outside, under the 0.01 mm² a reference needs.
        assertArrayEquals(new Doubt[] {Doubt.NONE, Doubt.NONE, Doubt.NONE, Doubt.NONE},
                UncertainCores.of(debrisAgainstTheOutside(16), threeCores(), 3));
    }

    @Test
    void withoutTissueOutsideTheCoresDebrisIsNotJudged() {
        BlockGrid g = tissueGrid(16);
        int[] labels = new int[W * H];
        Arrays.fill(labels, 1);
        g.addTumourNucleus(3);
        g.finishTiles();
        assertArrayEquals(new Doubt[] {Doubt.NONE, Doubt.NONE}, UncertainCores.of(g, labels, 1));
    }
}
