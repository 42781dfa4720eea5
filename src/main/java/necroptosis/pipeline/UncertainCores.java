package necroptosis.pipeline;

/**
 * Cores the method is unsure of. A necrotic core is tissue whose intact nuclei have gone, but necrosis
 * leaves nuclear material behind (karyorrhectic debris, pyknotic and ghost nuclei); a core holding almost
 * no nuclear object of any kind is as likely acellular material that is no necrosis (fat, mucin, bone or
 * cartilage matrix, keratin, hyalinised collagen) and is flagged, not silently counted as necrosis. It
 * stays a core (its area and zones are as detected); summary.json counts it and a note says why.
 */
public final class UncertainCores {
    /**
     * Least nuclear objects (intact nuclei, immune cells and debris) per mm² of a core's tissue for a sure
     * one: one per 10 000 µm² (a square of 100 µm). Real necrosis holds thousands (1500-7000 debris per mm²
     * on the SBU necrosis tiles at 0.5 µm/px); empty acellular areas none.
     */
    public static final double MIN_NUCLEAR_OBJECTS_PER_MM2 = 100;

    private UncertainCores() {}

    /** Per core label (index 0 unused), whether the core is uncertain. */
    static boolean[] of(BlockGrid grid, int[] labels, int count) {
        double[] tissueMm2 = new double[count + 1];
        long[] objects = new long[count + 1];
        double blockMm2 = grid.blockUm * grid.blockUm * 1e-6;
        for (int b = 0; b < labels.length; b++) {
            int k = labels[b];
            if (k <= 0) continue;
            tissueMm2[k] += grid.tissueFraction(b) * blockMm2;
            objects[k] += grid.tumourNuclei(b) + grid.lymphocytes(b) + grid.debris(b);
        }
        boolean[] uncertain = new boolean[count + 1];
        for (int k = 1; k <= count; k++) uncertain[k] = objects[k] < MIN_NUCLEAR_OBJECTS_PER_MM2 * tissueMm2[k];
        return uncertain;
    }
}
