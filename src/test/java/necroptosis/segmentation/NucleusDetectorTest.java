package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Nuclei drawn as discs of known size, darkness and position are found, measured and classified. */
class NucleusDetectorTest {
    static final double PX = 0.5; // µm per pixel

    static void disc(float[] od, int w, double cx, double cy, double radiusUm, float value) {
        double r = radiusUm / PX;
        int h = od.length / w;
        for (int y = (int) (cy - r - 1); y <= cy + r + 1; y++) for (int x = (int) (cx - r - 1); x <= cx + r + 1; x++) {
            if (x < 0 || y < 0 || x >= w || y >= h) continue;
            if ((x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy) <= r * r) od[y * w + x] = value;
        }
    }

    @Test
    void findsLymphocytesTumourNucleiAndDebrisWhereTheyAre() {
        int w = 200, h = 200;
        float[] od = new float[w * h];
        Arrays.fill(od, 0.05f); // cytoplasm / stroma
        disc(od, w, 40, 40, 3.0, 0.9f);   // lymphocyte: 28 µm², dark
        disc(od, w, 150, 50, 6.5, 0.4f);  // tumour nucleus: 133 µm², paler
        disc(od, w, 60, 150, 1.2, 0.9f);  // debris fragment: 4.5 µm²
        disc(od, w, 140, 150, 3.0, 0.9f); // two touching lymphocytes, split by the watershed
        disc(od, w, 151, 150, 3.0, 0.9f);

        int[] labels = new int[w * h];
        List<Nucleus> found = new NucleusDetector(NucleusSettings.DEFAULT).detect(od, null, w, h, PX, labels);
        StringBuilder sb = new StringBuilder();
        for (Nucleus nu : found) sb.append(String.format(" (%.0f,%.0f %.1fum2 %s)", nu.x, nu.y, nu.areaUm2, nu.kind));
        assertEquals(5, found.size(), "nuclei found:" + sb);
        assertKind(found, 40, 40, Nucleus.Kind.LYMPHOCYTE);
        assertKind(found, 150, 50, Nucleus.Kind.TUMOUR);
        assertKind(found, 60, 150, Nucleus.Kind.DEBRIS);
        assertKind(found, 140, 150, Nucleus.Kind.LYMPHOCYTE);
        assertKind(found, 151, 150, Nucleus.Kind.LYMPHOCYTE);
        Nucleus lymph = nearest(found, 40, 40);
        assertEquals(Math.PI * 9, lymph.areaUm2, 6, "area of a 3 µm radius disc, blurred edge");
        assertTrue(lymph.circularity > 0.85, "disc is round: " + lymph.circularity);
        assertEquals(found.indexOf(lymph) + 1, labels[40 * w + 40], "label image indexes the list");
    }

    /**
     * Touching lymphocytes of a dense infiltrate (5.5 µm apart, 6.4 µm across, each with a thin halo of
     * cytoplasm) among pale tumour nuclei: each is found as one lymphocyte, also where two together are
     * still small and round enough to pass for one (the pair once counted as a single 59 µm² lymphocyte).
     */
    @Test
    void touchingLymphocytesAreCountedOneByOne() {
        int w = 240, h = 120;
        float[] od = new float[w * h];
        Random r = new Random(1);
        for (int i = 0; i < od.length; i++) od[i] = 0.05f + 0.03f * r.nextFloat();
        for (int y = 10; y < h; y += 22) for (int x = 10; x < w; x += 22) maxDisc(od, w, x + r.nextInt(5), y + r.nextInt(5), 4.3, 0.3f);
        double[][] centres = {{40, 40}, {51, 42}, {62, 40}, {150, 80}, {161, 80}, {172, 80}, {183, 80}};
        for (double[] c : centres) {
            maxDisc(od, w, c[0], c[1], 3.2 * 1.3, 0.13f); // halo of cytoplasm
            maxDisc(od, w, c[0], c[1], 3.2, 1.0f);
        }
        List<Nucleus> found = new NucleusDetector(NucleusSettings.DEFAULT).detect(od, null, null, w, h, PX, null, 0.17);
        StringBuilder sb = new StringBuilder();
        int lymphocytes = 0;
        for (Nucleus nu : found) {
            if (nu.kind != Nucleus.Kind.LYMPHOCYTE) continue;
            lymphocytes++;
            sb.append(String.format(" (%.0f,%.0f %.1fum2)", nu.x, nu.y, nu.areaUm2));
        }
        assertEquals(centres.length, lymphocytes, "lymphocytes found:" + sb);
        for (double[] c : centres) assertKind(found, c[0], c[1], Nucleus.Kind.LYMPHOCYTE);
    }

    /**
     * A pale nucleus (out of focus, lightly counterstained) whose smoothed OD never reaches the slide's
     * threshold is kept at its own half maximum, while a dark one is still cut at the slide's threshold.
     */
    @Test
    void paleNucleusBelowTheSlideThresholdIsFoundAtItsHalfMaximum() {
        int w = 160, h = 100;
        float[] od = new float[w * h];
        Arrays.fill(od, 0.02f);
        disc(od, w, 40, 50, 4.0, 0.9f);   // dark: 50 µm²
        disc(od, w, 120, 50, 4.0, 0.2f);  // pale: 50 µm², peak 0.2 OD, below the slide threshold
        List<Nucleus> found = new NucleusDetector(NucleusSettings.DEFAULT).detect(od, null, null, w, h, PX, null, 0.26);
        StringBuilder sb = new StringBuilder();
        for (Nucleus nu : found) sb.append(String.format(" (%.0f,%.0f %.1fum2 %s)", nu.x, nu.y, nu.areaUm2, nu.kind));
        assertEquals(2, found.size(), "nuclei found:" + sb);
        Nucleus pale = nearest(found, 120, 50), dark = nearest(found, 40, 50);
        assertTrue(Math.hypot(pale.x - 120, pale.y - 50) < 2, "the pale nucleus is found where it is:" + sb);
        assertEquals(Math.PI * 16, pale.areaUm2, 10, "cut at half its peak, the disc's edge:" + sb);
        assertEquals(Math.PI * 16, dark.areaUm2, 10, "cut at the slide threshold:" + sb);
    }

    static void maxDisc(float[] od, int w, double cx, double cy, double radiusUm, float value) {
        double r = radiusUm / PX;
        int h = od.length / w;
        for (int y = (int) (cy - r - 1); y <= cy + r + 1; y++) for (int x = (int) (cx - r - 1); x <= cx + r + 1; x++) {
            if (x < 0 || y < 0 || x >= w || y >= h) continue;
            if ((x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy) <= r * r) od[y * w + x] = Math.max(od[y * w + x], value);
        }
    }

    /** The peak quantile comes from a selection, which must give exactly what a sort gives, ties included. */
    @Test
    void selectionGivesTheSortedValueAtEveryRank() {
        Random r = new Random(3);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(trial < 100 ? 8 : 400);
            float[] a = new float[n];
            for (int i = 0; i < n; i++) a[i] = trial % 3 == 0 ? r.nextInt(4) : (float) r.nextGaussian();
            float[] sorted = a.clone();
            Arrays.sort(sorted);
            int k = r.nextInt(n);
            float[] work = a.clone();
            assertEquals(sorted[k], Selection.select(work, n, k), "rank " + k + " of " + n);
            for (int i = k + 1; i < n; i++) assertTrue(work[i] >= work[k], "after the rank: " + i);
            for (int i = 0; i < k; i++) assertTrue(work[i] <= work[k], "before the rank: " + i);
        }
    }

    @Test
    void tissueMaskExcludesNucleiOutsideIt() {
        int w = 100, h = 100;
        float[] od = new float[w * h];
        disc(od, w, 30, 30, 3, 0.9f);
        disc(od, w, 70, 70, 3, 0.9f);
        byte[] tissue = new byte[w * h];
        for (int i = 0; i < w * h / 2; i++) tissue[i] = 1; // top half only
        assertEquals(1, new NucleusDetector(NucleusSettings.DEFAULT).detect(od, tissue, w, h, PX, null).size());
    }

    @Test
    void settingsOutOfRangeNameTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NucleusSettings(1, 8, 0.15, 3, 60, 12, 0.75, 0.45));
        assertTrue(e.getMessage().contains("lymphocyte maximum area"), e.getMessage());
    }

    static Nucleus nearest(List<Nucleus> all, double x, double y) {
        Nucleus best = null;
        for (Nucleus n : all) if (best == null || Math.hypot(n.x - x, n.y - y) < Math.hypot(best.x - x, best.y - y)) best = n;
        return best;
    }

    static void assertKind(List<Nucleus> all, double x, double y, Nucleus.Kind kind) {
        Nucleus n = nearest(all, x, y);
        assertTrue(Math.hypot(n.x - x, n.y - y) < 2, "a nucleus within 1 µm of " + x + "," + y + ", nearest at " + n.x + "," + n.y);
        assertEquals(kind, n.kind, "kind at " + x + "," + y + " (area " + n.areaUm2 + ", circ " + n.circularity + ", od " + n.meanHematoxylinOd + ")");
    }
}
