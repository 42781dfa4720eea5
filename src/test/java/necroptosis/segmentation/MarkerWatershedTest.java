package necroptosis.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The nucleus split ({@link #splitObject}: {@link MarkerWatershed} on the smoothed OD and on
 * {@link DistanceTransform}'s map) against ImageJ's Find Maxima "Segmented Particles" and EDM watershed,
 * which it replaced, on generated touching nuclei: pairs and triples of discs of varied radii, overlap and
 * darkness, with noise. The pieces must agree in number and area; the lines need not lie on ImageJ's.
 */
class MarkerWatershedTest {
    static final float THRESHOLD = 0.1f;
    static final float PROMINENCE = (float) NucleusSettings.DEFAULT_SPLIT_PROMINENCE_OD;
    /** Pieces below the detector's minimum nucleus area (3 µm² at 0.5 µm/px) are dropped later anyway. */
    static final int MIN_PIECE = 12;

    /**
     * The object in {@code box} split in place by intensity when {@code values} is given (each maximum of at
     * least {@code prominence} its own basin, as ImageJ's Find Maxima "Segmented Particles" on the object's
     * pixels), then by shape ({@link ShapeSplit#splitByShape}): the detector's two watersheds, which it
     * runs with a cut per intensity basin between them, composed as ImageJ's pair of commands would be.
     */
    static void splitObject(byte[] box, float[] values, int bw, int bh, float prominence, ObjectScratch s) {
        if (values != null) {
            int maxima = MarkerWatershed.maxima(values, values, box, bw, bh, prominence, 0f, s.watershed);
            if (maxima > 1) MarkerWatershed.flood(values, box, bw, bh, maxima, s.watershed);
        }
        ShapeSplit.splitByShape(box, bw, bh, s);
    }

    @Test
    void piecesAgreeWithImageJOnTouchingNuclei() {
        Random rnd = new Random(42);
        int objects = 0, sameCount = 0, comparedPieces = 0, splitByImageJ = 0;
        double sumRelative = 0, worstRelative = 0;
        int within5 = 0;
        ObjectScratch scratch = new ObjectScratch();
        for (int trial = 0; trial < 1500; trial++) {
            Blob b = Blob.generate(rnd, trial);
            // One in five meets the box's edge, as objects on a tile's edge do (no background border there).
            if (trial % 5 == 4) b = b.cropped(1 + rnd.nextInt(4), 1 + rnd.nextInt(4));
            byte[] ours = b.box.clone();
            splitObject(ours, b.values == null ? null : b.values.clone(), b.w, b.h, PROMINENCE, scratch);
            byte[] imagej = b.box.clone();
            if (b.values != null) {
                float[] v = b.values.clone();
                // As the detector did before: outside the object low enough that no flood reaches it.
                for (int i = 0; i < v.length; i++) if (b.box[i] == 0) v[i] = THRESHOLD - 2 * PROMINENCE - 1;
                byte[] basins = ImageJReference.basinsOfMaxima(v, b.w, b.h, PROMINENCE, THRESHOLD);
                for (int i = 0; i < imagej.length; i++) if (basins[i] == 0) imagej[i] = 0;
            }
            ImageJReference.watershedWithImageJ(imagej, b.w, b.h);
            int[] a = pieces(ours, b.w, b.h), r = pieces(imagej, b.w, b.h);
            objects++;
            if (r.length > 1) splitByImageJ++;
            if (a.length == r.length) {
                sameCount++;
                for (int k = 0; k < a.length; k++) {
                    double rel = Math.abs(a[k] - r[k]) / (double) r[k];
                    sumRelative += rel;
                    worstRelative = Math.max(worstRelative, rel);
                    if (rel <= 0.05) within5++;
                    comparedPieces++;
                }
            }
        }
        double agreement = sameCount / (double) objects;
        System.out.printf("[split] %d objects (%d split by ImageJ): same number of pieces as ImageJ in %.1f %%;"
                + " piece areas differ by %.2f %% on average, %.1f %% of pieces within 5 %%, worst %.1f %%%n",
                objects, splitByImageJ, 100 * agreement, 100 * sumRelative / comparedPieces,
                100.0 * within5 / comparedPieces, 100 * worstRelative);
        assertTrue(splitByImageJ > objects / 3, "the generated objects should often be split: " + splitByImageJ);
        assertTrue(agreement >= 0.97, "same number of pieces in " + agreement);
        assertTrue(sumRelative / comparedPieces <= 0.03, "mean piece-area difference " + sumRelative / comparedPieces);
    }

    @Test
    void oneRoundNucleusStaysWhole() {
        Blob b = Blob.of(new double[][] {{15, 15, 9, 0.8}}, 31, 31, new Random(1), 0.01);
        splitObject(b.box, b.values, b.w, b.h, PROMINENCE, new ObjectScratch());
        assertEquals(1, pieces(b.box, b.w, b.h).length);
    }

    @Test
    void twoOverlappingDiscsSplitOnTheNeck() {
        // Equal darkness, so only the shape can split them: the line crosses the neck at x = 20.
        Blob b = Blob.of(new double[][] {{12, 15, 8, 0.6}, {28, 15, 8, 0.6}}, 41, 31, new Random(1), 0);
        b.values = null;
        splitObject(b.box, null, b.w, b.h, PROMINENCE, new ObjectScratch());
        int[] p = pieces(b.box, b.w, b.h);
        assertEquals(2, p.length);
        assertTrue(Math.abs(p[0] - p[1]) <= p[1] / 20, Arrays.toString(p));
        assertEquals(0, b.box[15 * 41 + 20]);
    }

    /** Sizes (descending) of the 8-connected pieces of at least {@link #MIN_PIECE} pixels. */
    static int[] pieces(byte[] mask, int w, int h) {
        boolean[] in = new boolean[mask.length];
        for (int i = 0; i < in.length; i++) in[i] = mask[i] != 0;
        Labeling l = Labeling.of(in, w, h);
        return Arrays.stream(l.sizes, 1, l.count + 1).filter(s -> s >= MIN_PIECE).boxed()
                .sorted((x, y) -> y - x).mapToInt(Integer::intValue).toArray();
    }

    /** A generated object: mask with a one-pixel background border, smoothed OD (at least the threshold) inside. */
    static final class Blob {
        byte[] box;
        float[] values;
        int w, h;

        static Blob generate(Random rnd, int trial) {
            int discs = trial % 3 == 2 ? 3 : 2;
            double[][] d = new double[discs][];
            double cx = 30, cy = 30;
            for (int k = 0; k < discs; k++) {
                double r = 4 + rnd.nextDouble() * 10;
                if (k > 0) {
                    // Next to a previous disc, at 55-100 % of the sum of radii: overlapping to just touching.
                    double[] prev = d[rnd.nextInt(k)];
                    double dist = (prev[2] + r) * (0.55 + 0.45 * rnd.nextDouble()), angle = rnd.nextDouble() * 2 * Math.PI;
                    cx = prev[0] + dist * Math.cos(angle);
                    cy = prev[1] + dist * Math.sin(angle);
                }
                d[k] = new double[] {cx, cy, r, 0.25 + rnd.nextDouble() * 0.8};
            }
            double minX = 1e9, minY = 1e9, maxX = -1e9, maxY = -1e9;
            for (double[] c : d) {
                minX = Math.min(minX, c[0] - c[2]); maxX = Math.max(maxX, c[0] + c[2]);
                minY = Math.min(minY, c[1] - c[2]); maxY = Math.max(maxY, c[1] + c[2]);
            }
            for (double[] c : d) { c[0] -= minX - 2; c[1] -= minY - 2; }
            int w = (int) Math.ceil(maxX - minX) + 5, h = (int) Math.ceil(maxY - minY) + 5;
            return of(d, w, h, rnd, 0.02 + 0.04 * rnd.nextDouble());
        }

        /** The blob without its first {@code dx} columns and {@code dy} rows. */
        Blob cropped(int dx, int dy) {
            Blob c = new Blob();
            c.w = w - dx;
            c.h = h - dy;
            c.box = new byte[c.w * c.h];
            c.values = new float[c.w * c.h];
            for (int y = 0; y < c.h; y++) for (int x = 0; x < c.w; x++) {
                c.box[y * c.w + x] = box[(y + dy) * w + x + dx];
                c.values[y * c.w + x] = values[(y + dy) * w + x + dx];
            }
            return c;
        }

        /** Discs {cx, cy, r, peak OD}: each a dome (peak at the centre, 60 % of it at the rim), plus noise, smoothed. */
        static Blob of(double[][] discs, int w, int h, Random rnd, double noise) {
            Blob b = new Blob();
            b.w = w;
            b.h = h;
            b.box = new byte[w * h];
            float[] od = new float[w * h];
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
                double v = 0;
                boolean in = false;
                for (double[] c : discs) {
                    double rr = ((x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1])) / (c[2] * c[2]);
                    if (rr <= 1) {
                        in = true;
                        v = Math.max(v, c[3] * (1 - 0.4 * rr));
                    }
                }
                if (in && x > 0 && y > 0 && x < w - 1 && y < h - 1) b.box[y * w + x] = (byte) 255;
                od[y * w + x] = (float) (v + noise * rnd.nextGaussian());
            }
            ImageJFilters.gaussian(od, w, h, 1.0);
            b.values = new float[w * h];
            for (int i = 0; i < od.length; i++) b.values[i] = b.box[i] != 0 ? Math.max(THRESHOLD, od[i]) : 0;
            return b;
        }
    }
}
