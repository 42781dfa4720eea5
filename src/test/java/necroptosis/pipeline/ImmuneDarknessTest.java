package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import necroptosis.segmentation.Nucleus;
import necroptosis.segmentation.NucleusClassifier;
import necroptosis.segmentation.NucleusSettings;

/** The immune-cell darkness bar: floor, the large nuclei's reference, and the split of the lymphocyte-sized ones. */
class ImmuneDarknessTest {
    private static final NucleusSettings S = NucleusSettings.DEFAULT;

    /** Many paler cut tumour nuclei and fewer dark lymphocytes: the split lies between the two. */
    @Test
    void otsuSplitsPaleFromDarkPopulation() {
        Random r = new Random(3);
        double[] od = new double[400];
        for (int i = 0; i < od.length; i++) od[i] = i < 300 ? 0.5 + 0.06 * r.nextGaussian() : 0.95 + 0.08 * r.nextGaussian();
        double split = OdSplit.otsu(od);
        assertTrue(split > 0.6 && split < 0.85, "split " + split);
        int darker = 0;
        for (double v : od) if (v >= split) darker++;
        assertTrue(Math.abs(darker - 100) <= 5, darker + " nuclei above the split, 100 drawn dark");
    }

    @Test
    void barIsRelativeToTheReferenceWithAFloor() {
        assertEquals(NucleusSettings.LYMPH_OD_OVER_REFERENCE * 0.4, NucleusClassifier.immuneMinOd(S, 0.4, 0, 0), 1e-12);
        assertEquals(NucleusSettings.LYMPH_MIN_OD_WITH_REFERENCE, NucleusClassifier.immuneMinOd(S, 0.15, 0, 0), 1e-12);
    }

    @Test
    void splitRaisesTheBarOnlyWhereHigher() {
        assertEquals(NucleusSettings.LYMPH_OD_OVER_SPLIT * 0.8, NucleusClassifier.immuneMinOd(S, 0.4, 0.8, 0), 1e-12);
        assertEquals(NucleusSettings.LYMPH_OD_OVER_REFERENCE * 0.4, NucleusClassifier.immuneMinOd(S, 0.4, 0.5, 0), 1e-12);
    }

    /** Hyperchromatic tumour nuclei as dark as lymphocytes: the darkest tenth of the lymphocyte-sized nuclei still pass. */
    @Test
    void relativeBarNeverAboveTheDarkClass() {
        assertEquals(0.9, NucleusClassifier.immuneMinOd(S, 0.75, 0, 0.9), 1e-12);
        assertEquals(0.9, NucleusClassifier.immuneMinOd(S, 0.75, 0.7, 0.9), 1e-12);
        assertEquals(NucleusSettings.LYMPH_OD_OVER_REFERENCE * 0.4, NucleusClassifier.immuneMinOd(S, 0.4, 0, 0.9), 1e-12);
    }

    @Test
    void floorHoldsUnderTheCap() {
        assertEquals(NucleusSettings.LYMPH_MIN_OD_WITH_REFERENCE, NucleusClassifier.immuneMinOd(S, 0.4, 0, 0.25), 1e-12);
    }

    @Test
    void unknownReferenceLeavesTheFloor() {
        assertEquals(S.lymphMinOd, NucleusClassifier.immuneMinOd(S, 0, 0, 0), 1e-12);
        assertEquals(S.lymphMinOd, NucleusClassifier.immuneMinOd(S, Double.NaN, Double.NaN, 0.3), 1e-12);
        assertEquals(NucleusSettings.LYMPH_OD_OVER_SPLIT * 0.75, NucleusClassifier.immuneMinOd(S, 0, 0.75, 0), 1e-12);
    }

    @Test
    void necrosisInputKeepsItsOwnBar() {
        assertEquals(NucleusSettings.LYMPH_OD_OVER_SLIDE * 0.6, NucleusClassifier.necrosisLymphMinOd(S, 0.6, 0), 1e-12);
        assertEquals(S.lymphMinOd, NucleusClassifier.necrosisLymphMinOd(S, 0.2, 0), 1e-12);
        assertEquals(NucleusSettings.LYMPH_OD_OVER_SPLIT * 0.75, NucleusClassifier.necrosisLymphMinOd(S, 0.4, 0.75), 1e-12);
    }

    /**
     * On a pale slide a small dark fragment can pass the immune call's lower bar: it is an immune cell, and still
     * debris for the necrosis input, as a pyknotic fragment of a core is.
     */
    @Test
    void aFragmentCalledImmuneIsStillDebrisForNecrosis() {
        double immune = NucleusClassifier.immuneMinOd(S, 0.25, 0, 0), necrosis = NucleusClassifier.necrosisLymphMinOd(S, 0.25, 0);
        NucleusClassifier rules = new NucleusClassifier(S, immune, NucleusClassifier.debrisMinOd(S, 0.25), necrosis, true);
        Nucleus fragment = new Nucleus(0, 0, 12, 0.9, 0.40, 0.40, rules.classify(12, 0.9, 0.40, 0.40));
        assertEquals(Nucleus.Kind.LYMPHOCYTE, fragment.kind);
        assertEquals(Nucleus.Kind.DEBRIS, rules.necrosisKind(fragment));
    }

    @Test
    void darkClassPercentile() {
        double[] od = new double[20];
        for (int i = 0; i < od.length; i++) od[i] = i < 10 ? 0.3 : 0.5 + 0.01 * (i - 10);
        assertEquals(0.58, SlideAnalysis.darkP90(od, 0.45), 1e-12);
        assertEquals(0, SlideAnalysis.darkP90(od, 0), 1e-12);
        assertEquals(0, SlideAnalysis.darkP90(od, 0.9), 1e-12);
    }

    @Test
    void unknownSplitLeavesTheReferenceBar() {
        assertEquals(NucleusSettings.LYMPH_OD_OVER_REFERENCE * 0.6, NucleusClassifier.immuneMinOd(S, 0.6, Double.NaN, 0), 1e-12);
    }

    /** The split is the lower edge of the darker class's first bin: exactly the darker values lie at or above it. */
    @Test
    void darkerClassLiesAtOrAboveTheSplit() {
        assertEquals(1.0, OdSplit.otsu(twoLevels(0.5, 1.0)), 1e-12);
        double[] three = new double[60];
        for (int i = 0; i < three.length; i++) three[i] = i < 20 ? 0.25 : i < 40 ? 0.5 : 1.0;
        double split = OdSplit.otsu(three);
        assertEquals(65 / 128.0, split, 1e-12);
        assertEquals(20, countAtOrAbove(three, split));
    }

    @Test
    void odsBeyondTheHistogramGoToItsEnds() {
        double[] od = twoLevels(-0.1, 5);
        assertEquals(20, countAtOrAbove(od, OdSplit.otsu(od)));
    }

    @Test
    void noFiniteOdGivesNoSplit() {
        assertEquals(0, OdSplit.otsu(new double[0]));
        assertEquals(0, OdSplit.otsu(new double[] {Double.NaN, Double.POSITIVE_INFINITY}));
        double[] withNaN = twoLevels(0.5, 1.0);
        withNaN[0] = Double.NaN;
        assertEquals(1.0, OdSplit.otsu(withNaN), 1e-12);
    }

    /** 20 values at each of two levels. */
    private static double[] twoLevels(double pale, double dark) {
        double[] od = new double[40];
        for (int i = 0; i < od.length; i++) od[i] = i < 20 ? pale : dark;
        return od;
    }

    private static int countAtOrAbove(double[] od, double split) {
        int n = 0;
        for (double v : od) if (v >= split) n++;
        return n;
    }
}
