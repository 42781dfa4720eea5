package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The second look at an object's dark core: a lymphocyte beside a paler nucleus, never the core of one dark nucleus. */
class SecondLookTest {
    private final NucleusClassifier rules = new NucleusClassifier(NucleusSettings.DEFAULT);

    private Nucleus nucleus(double areaUm2, double od) {
        return new Nucleus(0, 0, areaUm2, 0.8, od, od, rules.classify(areaUm2, 0.8, od, od));
    }

    @Test
    void lymphocyteBesidePalerNucleusIsFound() {
        Nucleus whole = nucleus(90, 0.4), dark = nucleus(30, 0.9);
        assertTrue(rules.mayHideLymphocyte(whole));
        assertTrue(rules.revealsLymphocyte(whole, dark));
    }

    /** At half its darkest value a dark tumour nucleus loses only its blurred edge: a core of 40 of its 60 µm² is no lymphocyte. */
    @Test
    void darkCoreOfOneNucleusIsNoLymphocyte() {
        Nucleus whole = nucleus(60, 0.7), dark = nucleus(40, 0.8);
        assertTrue(rules.isWholeLymphocyte(dark));
        assertFalse(rules.revealsLymphocyte(whole, dark));
    }

    @Test
    void coreMustBeAWholeLymphocyte() {
        assertFalse(rules.revealsLymphocyte(nucleus(90, 0.4), nucleus(15, 0.9)));
    }
}
