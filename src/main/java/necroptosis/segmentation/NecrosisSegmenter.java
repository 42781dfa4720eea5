package necroptosis.segmentation;

import java.util.Arrays;

/**
 * Finds necrotic cores without a trained model, on a grid of blocks: necrosis is tissue whose density of
 * intact nuclei has collapsed relative to the slide's viable tumour while nuclear debris
 * (karyorrhectic fragments) remains, forming a region of at least the minimum area that is enclosed by
 * tissue rather than lying on the tissue edge (where low nuclear density is usually a cutting or
 * drying artefact, or simply stroma at the margin). Holes in a core smaller than the minimum core area
 * are part of it; larger ones (a viable island ringed by necrosis) are not.
 */
public final class NecrosisSegmenter {
    private final NecrosisSettings settings;

    public NecrosisSegmenter(NecrosisSettings settings) {
        this.settings = settings;
    }

    /** The block grid's measurements the segmenter needs. */
    public static final class Input {
        public final int width;
        public final int height;
        public final double blockUm;
        /** Tissue area per block in mm². */
        public final float[] tissueMm2;
        /** Fraction of the block's pixels that are tissue. */
        public final float[] tissueFraction;
        /** Counts per block (16-bit, as the block grid keeps them). */
        public final char[] intactNuclei;
        public final char[] debris;

        public Input(int width, int height, double blockUm, float[] tissueMm2, float[] tissueFraction, char[] intactNuclei, char[] debris) {
            this.width = width;
            this.height = height;
            this.blockUm = blockUm;
            this.tissueMm2 = tissueMm2;
            this.tissueFraction = tissueFraction;
            this.intactNuclei = intactNuclei;
            this.debris = debris;
        }
    }

    /** Core label per block (0 = not necrotic, 1..count) and each core's tissue area. */
    public static final class Result {
        public final int[] labels;
        public final int count;
        /** Area in mm² per core, index 0 unused. */
        public final double[] areasMm2;

        /** "1 necrotic core", "3 necrotic cores": the count in words for logs and pictures. */
        public String countInWords() {
            return count + (count == 1 ? " necrotic core" : " necrotic cores");
        }
        /** Intact-nucleus density of the viable reference (per mm²), for provenance. */
        public final double referenceDensity;
        /**
         * Per block, the smoothed intact-nucleus density divided by the necrosis cut (density fraction x
         * reference): below 1 the block's centre meets the density criterion. A smooth field, so it can be
         * interpolated between block centres to place the core boundary inside a block. Null for cores
         * given by the user; NaN where there was too little tissue to estimate it.
         */
        public final float[] densityRatio;

        Result(int[] labels, int count, double[] areasMm2, double referenceDensity, float[] densityRatio) {
            this.labels = labels;
            this.count = count;
            this.areasMm2 = areasMm2;
            this.referenceDensity = referenceDensity;
            this.densityRatio = densityRatio;
        }

        /**
         * Cores given rather than detected (user polygons rasterised to blocks): each connected set of
         * core blocks is one core, kept whatever its size. The reference density is 0: none was measured.
         */
        public static Result ofMask(byte[] core, int width, int height, float[] tissueMm2) {
            boolean[] m = new boolean[core.length];
            for (int i = 0; i < m.length; i++) m[i] = core[i] != 0;
            Labeling comps = Labeling.of(m, width, height);
            double[] areas = new double[comps.count + 1];
            for (int i = 0; i < m.length; i++) if (comps.labels[i] > 0) areas[comps.labels[i]] += tissueMm2[i];
            return new Result(comps.labels, comps.count, areas, 0, null);
        }
    }

    public Result segment(Input in) {
        int w = in.width, h = in.height, n = w * h;
        double sigma = settings.smoothingUm / in.blockUm;
        float[] area = in.tissueMm2.clone();
        float[] intact = toFloat(in.intactNuclei);
        float[] debris = toFloat(in.debris);
        ImageJFilters.gaussian(area, w, h, sigma);
        ImageJFilters.gaussian(intact, w, h, sigma);
        ImageJFilters.gaussian(debris, w, h, sigma);

        // Densities only where the neighbourhood holds enough tissue to estimate them.
        double minArea = 0.25 * in.blockUm * in.blockUm * 1e-6;
        float[] intactDensity = new float[n];
        float[] debrisDensity = new float[n];
        for (int i = 0; i < n; i++) {
            intactDensity[i] = area[i] > minArea ? intact[i] / area[i] : Float.NaN;
            debrisDensity[i] = area[i] > minArea ? debris[i] / area[i] : Float.NaN;
        }
        double reference = percentile(intactDensity, in.tissueFraction, 0.75);
        boolean[] candidate = new boolean[n];
        if (reference > 0) {
            for (int i = 0; i < n; i++) {
                candidate[i] = in.tissueFraction[i] >= 0.5 && intactDensity[i] < settings.densityFraction * reference
                        && debrisDensity[i] >= settings.debrisFraction * reference;
            }
        }
        // Holes smaller than the minimum core area (a few surviving cells, a vessel) belong to the core; a
        // larger enclosed region is viable tissue in its own right, e.g. an island ringed by necrosis.
        double blockMm2 = in.blockUm * in.blockUm * 1e-6;
        candidate = Labeling.fillHolesUpTo(candidate, w, h, settings.minCoreAreaMm2 / blockMm2);
        Labeling comps = Labeling.of(candidate, w, h);

        double[] compArea = new double[comps.count + 1];
        for (int i = 0; i < n; i++) if (comps.labels[i] > 0) compArea[comps.labels[i]] += in.tissueMm2[i];
        int[] keep = new int[comps.count + 1];
        int kept = 0;
        double[] keptAreas = new double[comps.count + 1];
        for (int c = 1; c <= comps.count; c++) {
            if (compArea[c] < settings.minCoreAreaMm2) continue;
            if (backgroundContact(comps.labels, c, in) > settings.maxBackgroundContact) continue;
            keep[c] = ++kept;
            keptAreas[kept] = compArea[c];
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = keep[comps.labels[i]];
        float[] ratio = new float[n];
        double cutDensity = settings.densityFraction * reference;
        for (int i = 0; i < n; i++) ratio[i] = cutDensity > 0 ? (float) (intactDensity[i] / cutDensity) : Float.NaN;
        return new Result(labels, kept, Arrays.copyOf(keptAreas, kept + 1), reference, ratio);
    }

    /** Fraction of the blocks in a ring (~50 µm wide) around a component that are glass or outside the slide. */
    private static double backgroundContact(int[] labels, int c, Input in) {
        int w = in.width, h = in.height;
        int ring = Math.max(1, (int) Math.round(50 / in.blockUm));
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != c) continue;
            int x = i % w, y = i / w;
            x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
        }
        // Work in the bounding box plus the ring, padded by one block of "outside" so the slide edge counts as glass.
        int bx0 = x0 - ring - 1, by0 = y0 - ring - 1, bw = x1 - x0 + 2 * ring + 3, bh = y1 - y0 + 2 * ring + 3;
        byte[] comp = new byte[bw * bh];
        for (int y = 0; y < bh; y++) for (int x = 0; x < bw; x++) {
            int gx = bx0 + x, gy = by0 + y;
            if (gx >= 0 && gy >= 0 && gx < w && gy < h && labels[gy * w + gx] == c) comp[y * bw + x] = 1;
        }
        float[] dist = ImageJFilters.distanceTo(comp, bw, bh);
        int ringBlocks = 0, glass = 0;
        for (int y = 0; y < bh; y++) for (int x = 0; x < bw; x++) {
            float d = dist[y * bw + x];
            if (d <= 0 || d > ring) continue;
            int gx = bx0 + x, gy = by0 + y;
            ringBlocks++;
            if (gx < 0 || gy < 0 || gx >= w || gy >= h || in.tissueFraction[gy * w + gx] < 0.2f) glass++;
        }
        return ringBlocks == 0 ? 1 : glass / (double) ringBlocks;
    }

    private static float[] toFloat(char[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) f[i] = a[i];
        return f;
    }

    /** Percentile of values over mostly-tissue blocks; 0 when there are none. */
    static double percentile(float[] values, float[] tissueFraction, double q) {
        float[] v = new float[values.length];
        int m = 0;
        for (int i = 0; i < values.length; i++) if (tissueFraction[i] >= 0.5f && !Float.isNaN(values[i])) v[m++] = values[i];
        if (m == 0) return 0;
        Arrays.sort(v, 0, m);
        return v[(int) Math.min(m - 1, Math.floor(q * m))];
    }
}
