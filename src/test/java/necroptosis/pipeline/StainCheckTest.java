package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import necroptosis.stain.ColorDeconvolution;
import necroptosis.stain.StainVectors;

/** Eosin scored as DAB, no DAB at all and clipped DAB are noted; DAB, haematoxylin and other presets are not. */
class StainCheckTest {
    private static final StainVectors HDAB = StainVectors.H_DAB.withBackground(255, 255, 255);

    /** A pixel of the given stain OD vector times {@code amount}, on white glass. */
    private static int pixel(double[] od, double amount) {
        int rgb = 0;
        for (int c = 0; c < 3; c++) rgb = rgb << 8 | (int) Math.round(255 * Math.pow(10, -od[c] * amount));
        return 0xFF000000 | rgb;
    }

    private static int[] field(int first, int second, int n) {
        int[] rgb = new int[n];
        for (int i = 0; i < n; i++) rgb[i] = i % 2 == 0 ? first : second;
        return rgb;
    }

    private static byte[] allTissue(int n) {
        byte[] t = new byte[n];
        Arrays.fill(t, (byte) 1);
        return t;
    }

    @Test
    void eosinInTheDabChannelIsNoted() {
        int eosin = pixel(StainVectors.H_E.stain(2), 0.8), nucleus = pixel(StainVectors.H_E.stain(1), 0.6);
        String note = StainCheck.note(HDAB, 0.15, field(eosin, nucleus, 1000), allTissue(1000), "Ki67");
        assertNotNull(note);
        assertTrue(note.contains("H-DAB") && note.contains("Ki67"), note);
    }

    @Test
    void dabAndHaematoxylinAreNotNoted() {
        int dab = pixel(StainVectors.H_DAB.stain(2), 0.6), nucleus = pixel(StainVectors.H_DAB.stain(1), 0.6);
        assertNull(StainCheck.note(HDAB, 0.15, field(dab, nucleus, 1000), allTissue(1000), "MLKL"));
    }

    @Test
    void aSlideWithoutDabIsNoted() {
        int nucleus = pixel(StainVectors.H_DAB.stain(1), 0.6), dab = pixel(StainVectors.H_DAB.stain(2), 0.6);
        String note = StainCheck.note(HDAB, 0.15, field(nucleus, nucleus, 1000), allTissue(1000), "MLKL");
        assertNotNull(note, "haematoxylin only");
        assertTrue(note.startsWith("no DAB staining found: 0.00% of the tissue") && note.contains("MLKL-negative"), note);
        // One DAB pixel in 500 is a sparse positive slide, not a slide without DAB.
        int[] sparse = field(nucleus, nucleus, 1000);
        sparse[0] = dab;
        sparse[500] = dab;
        assertNull(StainCheck.note(HDAB, 0.15, sparse, allTissue(1000), "MLKL"));
    }

    @Test
    void clippedDabIsCountedAndNoted() {
        ColorDeconvolution cd = new ColorDeconvolution(HDAB);
        int moderate = pixel(StainVectors.H_DAB.stain(2), 0.6), black = 0xFF0A0402, nucleus = pixel(StainVectors.H_DAB.stain(1), 0.6);
        int[] rgb = new int[2000];
        for (int i = 0; i < rgb.length; i++) rgb[i] = i < 1000 ? nucleus : i < 1900 ? moderate : black;
        float[] hem = new float[rgb.length], dab = new float[rgb.length];
        cd.deconvolve(rgb, hem, dab, null);
        long[] counts = StainCheck.countClipped(rgb, dab, 0.15);
        assertEquals(1000, counts[0], "DAB-positive pixels");
        assertEquals(100, counts[1], "clipped pixels (blue 2 of 255)");
        String note = StainCheck.clippedNote(counts[0], counts[1], "MLKL");
        assertNotNull(note);
        assertTrue(note.startsWith("DAB saturated: 10% of the DAB-positive tissue"), note);
        assertNull(StainCheck.clippedNote(1000, 49, "MLKL"), "under 5 % clipped");
        assertNull(StainCheck.clippedNote(999, 999, "MLKL"), "too few positive pixels to judge");
    }

    @Test
    void onlyTissueCountsAndOnlyForDab() {
        int eosin = pixel(StainVectors.H_E.stain(2), 0.8);
        assertNull(StainCheck.note(HDAB, 0.15, field(eosin, eosin, 100), new byte[100], "MLKL"), "no tissue");
        assertNull(StainCheck.note(StainVectors.H_E.withBackground(255, 255, 255), 0.15, field(eosin, eosin, 100), allTissue(100), "MLKL"),
                "the H&E preset scores eosin on purpose");
    }
}
