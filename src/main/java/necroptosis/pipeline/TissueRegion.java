package necroptosis.pipeline;

import necroptosis.segmentation.ImageJFilters;
import necroptosis.segmentation.Labeling;
import necroptosis.stain.ColorDeconvolution;
import necroptosis.stain.TissueTest;

/**
 * Where the tissue is, decided on the overview (~8 µm/px): the per-pixel tissue test on averaged
 * pixels, with enclosed holes up to {@link #MAX_HOLE_MM2} filled and specks below {@link #MIN_PIECE_MM2}
 * removed. Areas and every "fraction of tissue" use this region, not the per-pixel test at full
 * resolution, which would drop pale cytoplasm and necrotic matrix and make the denominators depend on
 * how dark a scanner renders them.
 */
public final class TissueRegion {
    /** Pale gaps inside tissue (necrotic matrix, small lumina) up to this size count as tissue. */
    public static final double MAX_HOLE_MM2 = 1.0;
    /** Dust and debris on the glass below this size are not tissue. */
    public static final double MIN_PIECE_MM2 = 0.002;
    /** Gaussian sigma of the averaging before the tissue test. */
    public static final double SMOOTHING_UM = 4;
    /** Pale tissue: pixels of the 3 x 3 around a pixel (itself included) that must reach the pale threshold. */
    static final int PALE_NEIGHBOURS = 5;

    public final byte[] mask;
    public final int width;
    public final int height;

    private TissueRegion(byte[] mask, int width, int height) {
        this.mask = mask;
        this.width = width;
        this.height = height;
    }

    public static TissueRegion of(Overview o, ColorDeconvolution deconvolution, TissueTest test) {
        return of(o, deconvolution, smoothedOdSum(o, deconvolution), test.minOdSum(), test.minOdSum());
    }

    /**
     * The OD summed over r, g and b of each overview pixel, averaged over ~{@value #SMOOTHING_UM} µm whatever
     * the overview's resolution: tissue is nuclei and the pale cytoplasm between them, not the nuclei alone.
     */
    static float[] smoothedOdSum(Overview o, ColorDeconvolution deconvolution) {
        int n = o.rgb.length;
        float[] odSum = new float[n];
        double[] od = new double[3];
        for (int i = 0; i < n; i++) {
            deconvolution.opticalDensities(o.rgb[i], od);
            odSum[i] = (float) (od[0] + od[1] + od[2]);
        }
        ImageJFilters.gaussian(odSum, o.width, o.height, SMOOTHING_UM / o.scale.pixelUm);
        return odSum;
    }

    /**
     * The region where {@code odSum} ({@link #smoothedOdSum}) is at least {@code minOdSum}, or, for pale tissue,
     * where both it and the OD sum of most pixels around (at least {@value #PALE_NEIGHBOURS} of the 3 x 3) are at
     * least {@code paleMinOdSum} (the slide's threshold from its glass, {@link TissueThreshold}). The smoothing
     * spreads dark tissue a few µm onto the glass around it; the pixels' own OD sums keep that halo out, so
     * the edge of dark tissue stays where {@code minOdSum} puts it, and asking it of most of the neighbours keeps
     * out the odd glass pixel whose noise reaches the threshold.
     */
    static TissueRegion of(Overview o, ColorDeconvolution deconvolution, float[] odSum, double paleMinOdSum, double minOdSum) {
        int n = o.rgb.length, w = o.width, hgt = o.height;
        double pxMm2 = o.scale.pixelUm * o.scale.pixelUm * 1e-6;
        boolean[] tissue = new boolean[n];
        boolean[] pale = new boolean[n];
        double[] od = new double[3];
        for (int i = 0; i < n; i++) {
            deconvolution.opticalDensities(o.rgb[i], od);
            pale[i] = od[0] + od[1] + od[2] >= paleMinOdSum;
        }
        for (int y = 0; y < hgt; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (odSum[i] >= minOdSum) {
                    tissue[i] = true;
                } else if (odSum[i] >= paleMinOdSum && pale[i]) {
                    int around = 0;
                    for (int yy = Math.max(0, y - 1); yy <= Math.min(hgt - 1, y + 1); yy++) {
                        for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) if (pale[yy * w + xx]) around++;
                    }
                    tissue[i] = around >= PALE_NEIGHBOURS;
                }
            }
        }
        // Overview-sized arrays are reused below: at 40k x 40k px each is 6-25 MB, and a burst of them at
        // the start of a run makes the collector grow the heap (BENCHMARKS.md, "the start of a run").
        boolean[] holes = Labeling.fillHoles(tissue, o.width, o.height);
        for (int i = 0; i < n; i++) holes[i] &= !tissue[i];
        Labeling holeParts = Labeling.of(holes, o.width, o.height);
        for (int i = 0; i < n; i++) {
            int h = holeParts.labels[i];
            if (h > 0 && holeParts.sizes[h] * pxMm2 <= MAX_HOLE_MM2) tissue[i] = true;
        }
        // A small field (a crop, a TMA core) is judged on its own scale: dust is small relative to it.
        double minPieceMm2 = Math.min(MIN_PIECE_MM2, 0.01 * n * pxMm2);
        Labeling pieces = Labeling.of(tissue, o.width, o.height, holeParts.labels);
        byte[] mask = new byte[n];
        for (int i = 0; i < n; i++) {
            int p = pieces.labels[i];
            if (p > 0 && pieces.sizes[p] * pxMm2 >= minPieceMm2) mask[i] = 1;
        }
        return new TissueRegion(mask, o.width, o.height);
    }

    /**
     * This region limited to the overview pixels where {@code keep} is non-zero (user regions of interest,
     * exclusions): tissue outside is treated as glass, so its tiles are skipped and it adds to no area.
     */
    public TissueRegion restrictedTo(byte[] keep) {
        if (keep.length != mask.length) throw new IllegalArgumentException("restriction mask size " + keep.length + " != " + mask.length);
        byte[] m = new byte[mask.length];
        for (int i = 0; i < m.length; i++) m[i] = (byte) (mask[i] != 0 && keep[i] != 0 ? 1 : 0);
        return new TissueRegion(m, width, height);
    }

    public boolean contains(int ox, int oy) {
        return ox >= 0 && oy >= 0 && ox < width && oy < height && mask[oy * width + ox] != 0;
    }
}
