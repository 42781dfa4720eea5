package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Small dark nuclei: a lymphocyte as the section cuts it is one when darker than the slide's nuclei, a small
 * object is debris when as dark as the slide's nuclei, and in necrosis nuclear dust stuck to a lymphocyte does
 * not hide it.
 */
class NecroticDebrisTest {
    static final double PX = 0.5;

    private static List<Nucleus> detect(float[] od, int w, int h) {
        return new NucleusDetector(NucleusSettings.DEFAULT).detect(od, null, w, h, PX, null);
    }

    private static Nucleus nearest(List<Nucleus> found, double x, double y) {
        Nucleus best = null;
        for (Nucleus n : found) if (best == null || Math.hypot(n.x - x, n.y - y) < Math.hypot(best.x - x, best.y - y)) best = n;
        assertTrue(best != null && Math.hypot(best.x - x, best.y - y) < 3, "no nucleus near (" + x + ", " + y + ")");
        return best;
    }

    private static String describe(Nucleus n) {
        return String.format("%.1f um2, circularity %.2f, OD %.2f, integrated %.1f", n.areaUm2, n.circularity, n.meanHematoxylinOd,
                n.areaUm2 * n.meanHematoxylinOd);
    }

    @Test
    void aSectionedLymphocyteIsOneWhenDarkerThanTheSlidesNuclei() {
        int w = 60, h = 60;
        float[] od = new float[w * h];
        Arrays.fill(od, 0.06f);
        // A lymphocyte nucleus cut near its tip by the section: 2.3 µm radius (about 17 µm²), OD 0.55.
        NucleusDetectorTest.disc(od, w, 30, 30, 2.3, 0.55f);
        NucleusSettings s = NucleusSettings.DEFAULT;
        // On a slide whose nuclei have a median mean OD of 0.37 (H&E) it is darker than they are ...
        Nucleus onPaleSlide = nearest(new NucleusDetector(s, new NucleusClassifier(s, NucleusClassifier.immuneMinOd(s, 0.37), s.lymphMinOd))
                .detect(od, null, w, h, PX, null), 30, 30);
        assertEquals(Nucleus.Kind.LYMPHOCYTE, onPaleSlide.kind, describe(onPaleSlide));
        // ... on a slide whose nuclei are darker (median 0.7: a dark counterstain) it is not.
        Nucleus onDarkSlide = nearest(new NucleusDetector(s, new NucleusClassifier(s, NucleusClassifier.immuneMinOd(s, 0.7), s.lymphMinOd))
                .detect(od, null, w, h, PX, null), 30, 30);
        assertNotEquals(Nucleus.Kind.LYMPHOCYTE, onDarkSlide.kind, describe(onDarkSlide));
    }

    @Test
    void nuclearDustTouchingALymphocyteIsTrimmedOff() {
        int w = 80, h = 80;
        float[] od = new float[w * h];
        Arrays.fill(od, 0.06f);
        NucleusDetectorTest.disc(od, w, 40, 40, 3.2, 1.0f); // lymphocyte, 32 µm²
        // Four karyorrhectic fragments (2.4 µm across) stuck to its edge make the object irregular.
        double d = 4.2 / PX;
        for (int k = 0; k < 4; k++) {
            double a = k * Math.PI / 2 + 0.3;
            NucleusDetectorTest.disc(od, w, 40 + d * Math.cos(a), 40 + d * Math.sin(a), 1.2, 1.0f);
        }
        List<Nucleus> found = detect(od, w, h);
        Nucleus n = nearest(found, 40, 40);
        assertEquals(Nucleus.Kind.LYMPHOCYTE, n.kind, describe(n));
        assertTrue(n.areaUm2 < 40, "the dust must not be measured with the lymphocyte: " + describe(n));
    }

    @Test
    void aLargeIrregularDarkNucleusIsNotTrimmedIntoALymphocyte() {
        int w = 100, h = 80;
        float[] od = new float[w * h];
        Arrays.fill(od, 0.06f);
        // Two overlapping discs: a dark, bean-shaped tumour nucleus, each lobe wider than dust.
        NucleusDetectorTest.disc(od, w, 40, 40, 3.5, 0.8f);
        NucleusDetectorTest.disc(od, w, 50, 40, 3.0, 0.8f);
        List<Nucleus> found = detect(od, w, h);
        for (Nucleus n : found) {
            assertTrue(n.kind != Nucleus.Kind.LYMPHOCYTE || n.areaUm2 >= 21 && Math.hypot(n.x - 45, n.y - 40) > 2,
                    "a lobe was trimmed into a lymphocyte: " + describe(n));
        }
    }

    @Test
    void debrisIsAsDarkAsTheSlidesNucleiWithinBounds() {
        NucleusSettings s = NucleusSettings.DEFAULT;
        assertEquals(0.45, NucleusClassifier.debrisMinOd(s, Double.NaN), 1e-12, "unknown reference: the fixed 0.45");
        assertEquals(0.45, NucleusClassifier.debrisMinOd(s, 0), 1e-12, "no reference: the fixed 0.45");
        assertEquals(0.45, NucleusClassifier.debrisMinOd(s, 0.6), 1e-12, "never above 0.45");
        assertEquals(0.40, NucleusClassifier.debrisMinOd(s, 0.40), 1e-12, "as dark as the slide's nuclei");
        assertEquals(0.35, NucleusClassifier.debrisMinOd(s, 0.2), 1e-12, "never below 0.35");
        // A 10 µm² fragment of chromatin OD 0.4: debris on a pale slide (nuclei 0.36), a cut nucleus on a dark one.
        NucleusClassifier pale = new NucleusClassifier(s, NucleusClassifier.immuneMinOd(s, 0.36), NucleusClassifier.debrisMinOd(s, 0.36));
        NucleusClassifier dark = new NucleusClassifier(s, NucleusClassifier.immuneMinOd(s, 0.6), NucleusClassifier.debrisMinOd(s, 0.6));
        assertEquals(Nucleus.Kind.DEBRIS, pale.classify(5, 0.2, 0.4, 0.4));
        assertEquals(Nucleus.Kind.TUMOUR, dark.classify(5, 0.2, 0.4, 0.4));
        // An object dark by a nuclear marker's DAB (found in OD 0.5, chromatin 0.2) is debris by the fixed 0.45 on the OD it
        // was found in, not by its chromatin.
        assertEquals(Nucleus.Kind.DEBRIS, pale.classify(5, 0.2, 0.5, 0.2));
        assertEquals(Nucleus.Kind.TUMOUR, pale.classify(5, 0.2, 0.3, 0.2));
    }
}
