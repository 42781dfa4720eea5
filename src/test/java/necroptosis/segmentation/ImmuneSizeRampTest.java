package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The immune call asks more darkness of a lymphocyte-sized nucleus near the top of the size range (where small
 * tumour nuclei are), and the necrosis input's lymphocyte bar does not.
 */
class ImmuneSizeRampTest {
    static final NucleusSettings S = NucleusSettings.DEFAULT;
    /** Immune bar 0.50, debris 0.45, necrosis input's lymphocyte bar 0.50. */
    static final NucleusClassifier C = new NucleusClassifier(S, 0.50, 0.45, 0.50, true);

    @Test
    void theBarHoldsUpToTheRampAndRisesBy25PercentAtTheLargest() {
        assertEquals(0.50, NucleusClassifier.immuneMinOdAt(0.50, 12), 1e-12);
        assertEquals(0.50, NucleusClassifier.immuneMinOdAt(0.50, NucleusSettings.LYMPH_DARKER_FROM_UM2), 1e-12);
        assertEquals(0.50 * 1.125, NucleusClassifier.immuneMinOdAt(0.50, 35), 1e-12);
        assertEquals(0.50 * 1.25, NucleusClassifier.immuneMinOdAt(0.50, S.lymphMaxAreaUm2), 1e-12);
    }

    @Test
    void aLargerNucleusMustBeDarkerToBeAnImmuneCell() {
        assertEquals(Nucleus.Kind.LYMPHOCYTE, C.classify(20, 0.8, 0.55, 0.55), "a sectioned lymphocyte just above the bar");
        assertEquals(Nucleus.Kind.TUMOUR, C.classify(44, 0.8, 0.55, 0.55), "as dark, but the size of a small tumour nucleus");
        assertEquals(Nucleus.Kind.LYMPHOCYTE, C.classify(44, 0.8, 0.63, 0.63), "that size and darker than 0.5 x 1.24");
    }

    @Test
    void anObjectRefusedForItsSizeGetsNoSecondLook() {
        Nucleus refused = new Nucleus(0, 0, 44, 0.8, 0.55, 0.55, C.classify(44, 0.8, 0.55, 0.55));
        assertEquals(false, C.mayHideLymphocyte(refused), "its dark core would be a smaller lymphocyte the ramp refused");
        assertEquals(false, C.mayBeLymphocyteClump(refused), "nor a clump, nor dust-trimmed");
        Nucleus large = new Nucleus(0, 0, 60, 0.8, 0.55, 0.55, C.classify(60, 0.8, 0.55, 0.55));
        assertEquals(true, C.mayHideLymphocyte(large), "an object too large for one lymphocyte may hide one");
        assertEquals(true, C.mayBeLymphocyteClump(large));
    }

    @Test
    void markerModeKeepsTheFlatBar() {
        NucleusClassifier marker = new NucleusClassifier(S, 0.50, 0.45, 0.50, false);
        assertEquals(Nucleus.Kind.LYMPHOCYTE, marker.classify(44, 0.8, 0.55, 0.55), "darkness only tells debris there");
    }

    @Test
    void theNecrosisInputKeepsItsFlatBar() {
        Nucleus n = new Nucleus(0, 0, 44, 0.8, 0.55, 0.55, C.classify(44, 0.8, 0.55, 0.55));
        assertEquals(Nucleus.Kind.LYMPHOCYTE, C.necrosisKind(n), "dark and round enough to stay out of the debris");
    }
}
