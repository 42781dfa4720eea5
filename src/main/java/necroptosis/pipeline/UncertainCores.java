package necroptosis.pipeline;

/**
 * Cores the method is unsure of. A necrotic core is tissue whose intact nuclei have gone, but necrosis
 * leaves nuclear material behind (karyorrhectic debris, pyknotic and ghost nuclei); a core holding almost
 * no nuclear object of any kind is as likely acellular material that is no necrosis (fat, mucin, bone or
 * cartilage matrix, keratin, hyalinised collagen) and is flagged, not silently counted as necrosis. So are
 * all cores of a slide whose most cellular tissue is itself sparse ({@link #MIN_REFERENCE_PER_MM2}): a core
 * is tissue whose intact nuclei have collapsed against the slide's viable tumour, and without any there is
 * nothing to have collapsed from (a field of bone, cartilage or loose stroma). A flagged core stays a core
 * (its area and zones are as detected); summary.json counts it and a note says why.
 */
public final class UncertainCores {
    /**
     * Least nuclear objects (intact nuclei, immune cells and debris) per mm² of a core's tissue for a sure
     * one: one per 10 000 µm² (a square of 100 µm). Real necrosis holds thousands (1500-7000 debris per mm²
     * on the SBU necrosis tiles at 0.5 µm/px); empty acellular areas none.
     */
    public static final double MIN_NUCLEAR_OBJECTS_PER_MM2 = 100;

    /**
     * Least intact-nucleus density of the necrosis finder's viable reference (the 75th percentile over the
     * slide's tissue) for its cores to be sure: one nucleus per 1000 µm², a third to a seventh of viable
     * tumour (3000-7000 per mm² on the real fields in ../shared). Fields of bone, cartilage and marrow fat
     * on the osteosarcoma tiles measured 160-280.
     */
    public static final double MIN_REFERENCE_PER_MM2 = 1000;

    private UncertainCores() {}

    /** Whether the slide's viable reference is too sparse for any core found against it to be sure. */
    public static boolean sparseReference(double referenceDensityPerMm2) {
        return referenceDensityPerMm2 < MIN_REFERENCE_PER_MM2;
    }

    /** Per core label (index 0 unused), whether the core is uncertain, against a reference of {@code referenceDensity} per mm². */
    static boolean[] of(BlockGrid grid, int[] labels, int count, double referenceDensity) {
        boolean[] uncertain = of(grid, labels, count);
        if (sparseReference(referenceDensity)) java.util.Arrays.fill(uncertain, 1, count + 1, true);
        return uncertain;
    }

    /** Per core label (index 0 unused), whether the core holds too little nuclear material to be sure. */
    static boolean[] of(BlockGrid grid, int[] labels, int count) {
        double[] tissueMm2 = new double[count + 1];
        long[] objects = new long[count + 1];
        double blockMm2 = grid.blockUm * grid.blockUm * 1e-6;
        for (int b = 0; b < labels.length; b++) {
            int k = labels[b];
            if (k <= 0) continue;
            tissueMm2[k] += grid.tissueFraction(b) * blockMm2;
            objects[k] += grid.nuclearObjects(b);
        }
        boolean[] uncertain = new boolean[count + 1];
        for (int k = 1; k <= count; k++) uncertain[k] = objects[k] < MIN_NUCLEAR_OBJECTS_PER_MM2 * tissueMm2[k];
        return uncertain;
    }
}
