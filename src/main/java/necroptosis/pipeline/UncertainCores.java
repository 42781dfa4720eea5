package necroptosis.pipeline;

/**
 * Cores the method is unsure of. A necrotic core is tissue whose intact nuclei have gone, but necrosis
 * leaves nuclear material behind (karyorrhectic debris, pyknotic and ghost nuclei); a core holding almost
 * no nuclear object of any kind is as likely acellular material that is no necrosis (fat, mucin, bone or
 * cartilage matrix, keratin, hyalinised collagen) and is flagged, not silently counted as necrosis. So is a
 * core holding no more nuclear debris than the slide's other tissue: nuclei lost without fragments left
 * behind is what keratin and dense collagen look like too (on real H&E, small dark objects, from nuclei cut
 * at their tips to pigment, are everywhere, so the debris is judged against the slide's own). So are
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
     * Least debris density of a sure core, as a multiple of the debris density of the slide's tissue outside
     * every core: between the core on keratin and dense dermal collagen of normal skin (CMU-1, 1.6) and the
     * one core found on the SBU necrosis tiles (3.4); karyorrhectic necrosis on the classic synthetic slides
     * holds 290-2500 times its slide's.
     */
    public static final double MIN_DEBRIS_OVER_SLIDE = 2;

    /**
     * Least tissue outside the cores (mm²) for its debris density to be a reference: 0.01 mm² holds 10-70
     * debris objects at the 1000-7000 per mm² of real H&amp;E; a sliver beside a field-filling core does not.
     */
    public static final double MIN_OUTSIDE_TISSUE_MM2 = 0.01;

    /**
     * Least intact-nucleus density of the necrosis finder's viable reference (the 75th percentile over the
     * slide's tissue) for its cores to be sure: one nucleus per 1000 µm², a third to a seventh of viable
     * tumour (3000-7000 per mm² on the real fields in ../shared). Fields of bone, cartilage and marrow fat
     * on the osteosarcoma tiles measured 160-280.
     */
    public static final double MIN_REFERENCE_PER_MM2 = 1000;

    /** Why a core is uncertain; {@link #NONE} for a sure one. */
    public enum Doubt {
        NONE,
        /** Almost no nuclear object in it ({@link #MIN_NUCLEAR_OBJECTS_PER_MM2}). */
        EMPTY,
        /** Less than twice the debris density of the slide's other tissue ({@link #MIN_DEBRIS_OVER_SLIDE}). */
        NO_DEBRIS,
        /** Found against a sparse viable reference ({@link #MIN_REFERENCE_PER_MM2}). */
        SPARSE_REFERENCE
    }

    private UncertainCores() {}

    /** Whether the slide's viable reference is too sparse for any core found against it to be sure. */
    public static boolean sparseReference(double referenceDensityPerMm2) {
        return referenceDensityPerMm2 < MIN_REFERENCE_PER_MM2;
    }

    /** Per core label (index 0 unused), {@link Doubt#NONE}: the doubts of sure cores, such as those the user drew. */
    static Doubt[] none(int count) {
        Doubt[] doubts = new Doubt[count + 1];
        java.util.Arrays.fill(doubts, Doubt.NONE);
        return doubts;
    }

    /** Per core label (index 0 unused), why the core is uncertain, against a reference of {@code referenceDensity} per mm². */
    static Doubt[] of(BlockGrid grid, int[] labels, int count, double referenceDensity) {
        if (sparseReference(referenceDensity)) {
            Doubt[] doubts = none(count);
            java.util.Arrays.fill(doubts, 1, count + 1, Doubt.SPARSE_REFERENCE);
            return doubts;
        }
        return of(grid, labels, count);
    }

    /** Per core label (index 0 unused), why the core is uncertain: too little nuclear material, or too little debris. */
    static Doubt[] of(BlockGrid grid, int[] labels, int count) {
        double[] tissueMm2 = new double[count + 1];
        long[] objects = new long[count + 1];
        long[] debris = new long[count + 1];
        double blockMm2 = grid.blockUm * grid.blockUm * 1e-6;
        for (int b = 0; b < labels.length; b++) {
            int k = Math.max(0, labels[b]);
            tissueMm2[k] += grid.tissueFraction(b) * blockMm2;
            objects[k] += grid.nuclearObjects(b);
            debris[k] += grid.debris(b);
        }
        // NaN without enough tissue outside the cores: no reference, no doubt of this kind.
        double slideDebris = tissueMm2[0] >= MIN_OUTSIDE_TISSUE_MM2 ? debris[0] / tissueMm2[0] : Double.NaN;
        Doubt[] doubts = none(count);
        for (int k = 1; k <= count; k++) {
            if (objects[k] < MIN_NUCLEAR_OBJECTS_PER_MM2 * tissueMm2[k]) doubts[k] = Doubt.EMPTY;
            else if (debris[k] < MIN_DEBRIS_OVER_SLIDE * slideDebris * tissueMm2[k]) doubts[k] = Doubt.NO_DEBRIS;
        }
        return doubts;
    }
}
