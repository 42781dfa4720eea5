package necroptosis.segmentation;

import java.util.Arrays;
import java.util.List;

/**
 * Finds nuclei in a tile's haematoxylin optical density, in the steps of METHODS.md ("Nuclei, cells and
 * immune cells"): smooth and threshold ({@link NucleusFilter}: top-hat, Gaussian, the floor raised to
 * Otsu's threshold); objects (the smoothed OD at or above the floor, in the tissue); split
 * ({@link BasinSplit}: each object cut into intensity basins at their own half maximum, then by an EDM
 * watershed); measure ({@link NucleusMeasurer}: 4-connected components on the unsmoothed OD at half their
 * peak); classify ({@link NucleusClassifier}, which the measurement asks).
 * <p>
 * Thread-safe: the image-sized work arrays are the calling thread's ({@link ScratchBySize}), reused by
 * its next detection. Results depend only on the input, so any thread count gives the same nuclei.
 */
public final class NucleusDetector {
    private final NucleusSettings settings;
    private final NucleusFilter filter;
    private final NucleusClassifier classifier;

    public NucleusDetector(NucleusSettings settings) {
        this(settings, new NucleusClassifier(settings));
    }

    /** A detector whose nuclei are classified by {@code classifier} (the slide analysis': with the slide's immune-cell darkness). */
    public NucleusDetector(NucleusSettings settings, NucleusClassifier classifier) {
        this.settings = settings;
        this.filter = new NucleusFilter(settings);
        this.classifier = classifier;
    }

    /**
     * @param hematoxylinOd haematoxylin OD per pixel, row-major (not modified)
     * @param tissue        optional mask (non-zero = tissue); null for all pixels
     * @param labelsOut     optional int[width*height] receiving 1-based nucleus labels (index into the result + 1)
     */
    public List<Nucleus> detect(float[] hematoxylinOd, byte[] tissue, int width, int height, double pixelSizeUm, int[] labelsOut) {
        return detect(hematoxylinOd, null, tissue, width, height, pixelSizeUm, labelsOut, null);
    }

    /**
     * As {@link #detect(float[], byte[], int, int, double, int[])}, with a second stain added to the
     * haematoxylin for the nucleus shapes (non-null for nuclear markers: a strongly DAB-positive nucleus
     * holds little haematoxylin). The threshold still comes from the haematoxylin alone, so the
     * marker's darkness does not shift it; it is this image's own (see {@link #threshold}) unless
     * {@code fixedThreshold} is given, as the slide analysis does so that a nucleus on a tile border is
     * segmented identically in both tiles' windows.
     */
    public List<Nucleus> detect(float[] hematoxylinOd, float[] addedStain, byte[] tissue, int width, int height,
            double pixelSizeUm, int[] labelsOut, Double fixedThreshold) {
        int n = width * height;
        Scratch scratch = SCRATCH.get(n);
        float[] flat = scratch.flat, smooth = scratch.smooth;
        // Step 1. The haematoxylin alone is filtered only when it is needed: for the shapes without an added
        // stain, for the threshold when none is given (the slide analysis gives one).
        if (addedStain == null || fixedThreshold == null) filter.filter(hematoxylinOd, width, height, pixelSizeUm, flat, smooth);
        float t = (float) (fixedThreshold != null ? fixedThreshold : threshold(histogram(smooth, null)));
        float[] od = hematoxylinOd;
        if (addedStain != null) {
            od = scratch.od();
            for (int i = 0; i < n; i++) od[i] = hematoxylinOd[i] + Math.max(0, addedStain[i]);
            filter.filter(od, width, height, pixelSizeUm, flat, smooth);
        }
        OdImages images = new OdImages(width, height, pixelSizeUm, od, hematoxylinOd, flat, smooth);

        // Step 2. Objects are taken at the floor (the fixed threshold); each nucleus in them is then cut at its
        // own level, at most the slide's threshold. Vesicular nuclei (chromatin at the rim, pale centre)
        // threshold as rings: holes of up to a quarter of the smallest lymphocyte are filled, never the
        // larger gaps enclosed between nuclei.
        float floor = Math.min(t, (float) settings.thresholdOd);
        boolean[] objects = scratch.objects;
        for (int i = 0; i < n; i++) objects[i] = smooth[i] >= floor && (tissue == null || tissue[i] != 0);
        NucleusMask nuclei = new NucleusMask(scratch.mask, scratch.cuts);
        Arrays.fill(nuclei.mask, (byte) 0); // the split sets only the objects' pixels
        int[] labels = labelsOut != null ? labelsOut : scratch.labels();
        double maxHolePixels = 0.25 * NucleusSettings.WHOLE_LYMPH_MIN_AREA_UM2 / (pixelSizeUm * pixelSizeUm);
        new BasinSplit(objects, images, floor, t, (float) settings.splitProminenceOd, maxHolePixels, labels, nuclei, scratch.perObject)
                .splitAll();

        // Steps 3 and 4: measured, and classified as they are.
        return new NucleusMeasurer(images, classifier, settings.minAreaUm2, scratch.perObject)
                .measure(nuclei, labels, labelsOut != null, scratch.objects);
    }

    /**
     * The image the threshold applies to: {background-free OD (top-hat), the same Gaussian-smoothed}.
     * Public so that a slide-wide threshold can be computed from samples before the tiles.
     */
    public float[][] filtered(float[] od, int width, int height, double pixelSizeUm) {
        float[] flat = new float[od.length], smooth = new float[od.length];
        filter.filter(od, width, height, pixelSizeUm, flat, smooth);
        return new float[][] {flat, smooth};
    }

    /**
     * Adds the smoothed image of {@link #filtered(float[], int, int, double)} to a histogram as
     * {@link #histogram} does, filtering in this thread's work arrays (the slide analysis samples its
     * threshold windows in parallel with this).
     */
    public int[] histogramOfFiltered(float[] od, int width, int height, double pixelSizeUm, int[] hist) {
        Scratch scratch = SCRATCH.get(width * height);
        filter.filter(od, width, height, pixelSizeUm, scratch.flat, scratch.smooth);
        return histogram(scratch.smooth, hist);
    }

    /** Adds smoothed values to the histogram Otsu's threshold is taken of (see {@link #threshold}); a new one when null. */
    public static int[] histogram(float[] smooth, int[] hist) {
        return NucleusFilter.histogram(smooth, hist);
    }

    /** The detection's threshold for a histogram of smoothed values: the fixed floor, or Otsu's where that is higher. */
    public double threshold(int[] hist) {
        return filter.threshold(hist);
    }

    /**
     * A thread's work arrays for detections in images of one size (see {@link ScratchBySize}): one detector
     * is shared by all the slide analysis' worker threads, so they cannot be the detector's own. Every
     * element is overwritten by each detection before it is read.
     */
    private static final class Scratch {
        final int n;
        final float[] flat, smooth;
        /** Each nucleus pixel's threshold (its basin's cut), set by the split for the measurement. */
        final float[] cuts;
        /** The objects at the floor for the split, then the nuclei's pixels for the measurement. */
        final boolean[] objects;
        final byte[] mask;
        /** The per-object steps' arrays, kept from tile to tile. */
        final ObjectScratch perObject = new ObjectScratch();
        private float[] od;
        private int[] labels;

        Scratch(int n) {
            this.n = n;
            flat = new float[n];
            smooth = new float[n];
            cuts = new float[n];
            objects = new boolean[n];
            mask = new byte[n];
        }

        /** The haematoxylin plus a nuclear marker; made when a detection first needs it. */
        float[] od() {
            if (od == null) od = new float[n];
            return od;
        }

        /** Labels for callers that do not take them; made when first needed. */
        int[] labels() {
            if (labels == null) labels = new int[n];
            return labels;
        }
    }

    private static final ScratchBySize<Scratch> SCRATCH = new ScratchBySize<>(Scratch::new);
}
