package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import necroptosis.stain.StainVectors;

/** Eosin scored as DAB is noted; DAB, haematoxylin and other presets are not. */
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
        // A negative slide: haematoxylin only, nothing above the weak threshold to judge.
        assertNull(StainCheck.note(HDAB, 0.15, field(nucleus, nucleus, 1000), allTissue(1000), "MLKL"));
    }

    @Test
    void onlyTissueCountsAndOnlyForDab() {
        int eosin = pixel(StainVectors.H_E.stain(2), 0.8);
        assertNull(StainCheck.note(HDAB, 0.15, field(eosin, eosin, 100), new byte[100], "MLKL"), "no tissue");
        assertNull(StainCheck.note(StainVectors.H_E.withBackground(255, 255, 255), 0.15, field(eosin, eosin, 100), allTissue(100), "MLKL"),
                "the H&E preset scores eosin on purpose");
    }
}
