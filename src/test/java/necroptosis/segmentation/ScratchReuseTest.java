package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * The work arrays kept per thread and image size (detector, top-hat, cell expansion) never carry one
 * image's state into the next: an image gives the same result whatever its thread analysed before,
 * of any size, and in a fresh thread.
 */
class ScratchReuseTest {

    /** A field of nuclei of two darknesses and sizes, some touching, on noisy cytoplasm. */
    private static float[] tissue(int w, int h, long seed) {
        Random r = new Random(seed);
        float[] od = new float[w * h];
        for (int i = 0; i < od.length; i++) od[i] = 0.05f + 0.05f * r.nextFloat();
        for (int k = 0; k < w * h / 400; k++) {
            NucleusDetectorTest.disc(od, w, r.nextInt(w), r.nextInt(h), r.nextBoolean() ? 3 : 6, r.nextBoolean() ? 0.9f : 0.4f);
        }
        return od;
    }

    /** A detection's nuclei and labels, written out for comparison. */
    private static String detect(float[] od, int w, int h) {
        int[] labels = new int[w * h];
        List<Nucleus> found = new NucleusDetector(NucleusSettings.DEFAULT).detect(od, null, w, h, NucleusDetectorTest.PX, labels);
        StringBuilder sb = new StringBuilder();
        for (Nucleus n : found) sb.append(n.x).append(',').append(n.y).append(',').append(n.areaUm2).append(',').append(n.kind).append(';');
        return sb.append(Arrays.hashCode(labels)).toString();
    }

    /** The value computed in a thread of its own, whose work arrays are new. */
    private static <T> T inFreshThread(Supplier<T> task) throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            return one.submit(task::get).get();
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void detectionDoesNotDependOnWhatTheThreadDetectedBefore() throws Exception {
        // Sizes as a slide's tile windows alternate: inner, edge column, inner, corner, more than the sizes kept.
        int[][] sizes = {{300, 260}, {180, 260}, {300, 260}, {180, 140}, {300, 140}, {120, 90}, {300, 260}, {180, 260}};
        List<String> fresh = new ArrayList<>();
        for (int k = 0; k < sizes.length; k++) {
            int w = sizes[k][0], h = sizes[k][1];
            float[] od = tissue(w, h, k);
            fresh.add(inFreshThread(() -> detect(od, w, h)));
        }
        for (int k = 0; k < sizes.length; k++) {
            int w = sizes[k][0], h = sizes[k][1];
            assertEquals(fresh.get(k), detect(tissue(w, h, k), w, h), "image " + k + " (" + w + " x " + h + ") after the others");
        }
        // Several threads sharing one detector, as the slide analysis' workers do.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int rep = 0; rep < 3; rep++) for (int k = 0; k < sizes.length; k++) {
                int w = sizes[k][0], h = sizes[k][1], seed = k;
                results.add(pool.submit(() -> detect(tissue(w, h, seed), w, h)));
            }
            for (int i = 0; i < results.size(); i++) assertEquals(fresh.get(i % sizes.length), results.get(i).get(), "task " + i);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void histogramOfFilteredEqualsTheHistogramOfTheFilteredImage() {
        NucleusDetector d = new NucleusDetector(NucleusSettings.DEFAULT);
        int w = 150, h = 110;
        float[] od = tissue(w, h, 9);
        int[] expected = NucleusDetector.histogram(d.filtered(od, w, h, NucleusDetectorTest.PX)[1], null);
        d.detect(tissue(200, 90, 3), null, 200, 90, NucleusDetectorTest.PX, null); // other work in between
        int[] hist = new int[256];
        hist[7] = 5; // added to, not replaced
        expected[7] += 5;
        assertSame(hist, d.histogramOfFiltered(od, w, h, NucleusDetectorTest.PX, hist));
        assertArrayEquals(expected, hist);
    }

    @Test
    void cellExpansionDoesNotDependOnWhatTheThreadExpandedBefore() throws Exception {
        int[][] sizes = {{200, 150}, {90, 150}, {200, 150}, {60, 40}, {250, 170}};
        List<int[]> labels = new ArrayList<>();
        List<int[]> fresh = new ArrayList<>();
        for (int k = 0; k < sizes.length; k++) {
            int w = sizes[k][0], h = sizes[k][1];
            int[] l = new int[w * h];
            new NucleusDetector(NucleusSettings.DEFAULT).detect(tissue(w, h, 20 + k), null, w, h, NucleusDetectorTest.PX, l);
            labels.add(l);
            fresh.add(inFreshThread(() -> CellExpander.expand(l, w, h, 8)));
        }
        for (int k = 0; k < sizes.length; k++) {
            int w = sizes[k][0], h = sizes[k][1];
            int[] into = new int[w * h];
            Arrays.fill(into, -1); // every element is written
            assertSame(into, CellExpander.expand(labels.get(k), w, h, 8, into));
            assertArrayEquals(fresh.get(k), into, "image " + k);
        }
        int[] none = new int[30 * 20];
        assertArrayEquals(new int[30 * 20], CellExpander.expand(none, 30, 20, 8), "no nucleus, no cell");
    }

    @Test
    void topHatDoesNotDependOnWhatTheThreadFilteredBefore() throws Exception {
        int[][] sizes = {{300, 200}, {120, 200}, {300, 60}, {40, 30}, {310, 210}};
        for (double radius : new double[] {5.3, 16, 30}) {
            List<float[]> fresh = new ArrayList<>();
            for (int k = 0; k < sizes.length; k++) {
                int w = sizes[k][0], h = sizes[k][1];
                float[] img = tissue(w, h, 40 + k);
                fresh.add(inFreshThread(() -> {
                    ImageJFilters.subtractBackground(img, w, h, radius);
                    return img;
                }));
            }
            for (int k = 0; k < sizes.length; k++) {
                int w = sizes[k][0], h = sizes[k][1];
                float[] img = tissue(w, h, 40 + k);
                ImageJFilters.subtractBackground(img, w, h, radius);
                assertArrayEquals(fresh.get(k), img, "radius " + radius + ", image " + k);
            }
        }
    }

    @Test
    void scratchIsPerThreadAndKeptWhileTheSizeStaysTheSame() throws Exception {
        ScratchBySize<int[]> scratch = new ScratchBySize<>(int[]::new);
        int[] a = scratch.get(100);
        assertEquals(100, a.length);
        assertSame(a, scratch.get(100));
        int[] b = scratch.get(200); // a new size replaces the arrays
        assertEquals(200, b.length);
        assertSame(b, scratch.get(200));
        assertNotSame(a, scratch.get(100));
        assertNotSame(scratch.get(100), inFreshThread(() -> scratch.get(100)));
    }
}
