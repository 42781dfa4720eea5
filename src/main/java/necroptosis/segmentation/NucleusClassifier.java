package necroptosis.segmentation;

/**
 * What a nucleus is: the rules of METHODS.md, "Nuclei, cells and immune cells" (lymphocytes, immune
 * cells in marker mode, debris, intact nuclei), in the order given there, with its numbers (the limits
 * themselves are {@link NucleusSettings}'). The detection and the tile analysis ask these rules and
 * have none of their own, so adapting the immune-cell rule to another tissue is a change here.
 */
public final class NucleusClassifier {
    /** Radius of the opening that trims nuclear dust (karyorrhectic fragments under 3 µm across) off a nucleus. */
    public static final double DUST_OPENING_UM = 1.5;
    /** Width of the cytoplasm and membrane rim scored for an immune marker (marker mode). */
    public static final double MARKER_RIM_UM = 2;
    /** A lymphocyte at least this many times the smallest lymphocyte's area may be a clump of them. */
    static final int LYMPHOCYTES_IN_SMALLEST_CLUMP = 2;
    /** A clump is cut apart only into at least this many lymphocytes. */
    static final int LEAST_CLUMP_PIECES = 2;

    private final NucleusSettings settings;

    public NucleusClassifier(NucleusSettings settings) {
        this.settings = settings;
    }

    /**
     * Debris, lymphocyte or other nucleus (tumour kind) by size, roundness and haematoxylin darkness: the
     * morphological mode, and the kind every detected nucleus has.
     */
    public Nucleus.Kind classify(double areaUm2, double circularity, double meanOd) {
        // Debris: dark objects (mean OD at least 0.45) below 18 µm², karyorrhectic fragments. A small pale
        // object is a nucleus cut by the section or seen at its tip, and still a cell.
        if (areaUm2 < NucleusSettings.DEBRIS_MAX_AREA_UM2) {
            return meanOd >= settings.lymphMinOd ? Nucleus.Kind.DEBRIS : Nucleus.Kind.TUMOUR;
        }
        // Lymphocytes: 21-60 µm², circularity at least 0.75, mean haematoxylin OD at least 0.45 ...
        if (isLymphocyteSized(areaUm2, circularity) && meanOd >= settings.lymphMinOd) {
            // ... holding the chromatin of one: integrated OD (area x mean OD, proportional to DNA content) at
            // least 19 µm²·OD, the smallest lymphocyte (21 µm²) at the 0.9 OD of dense chromatin. A resting
            // lymphocyte's nucleus only grows darker as it is smaller; a small round nucleus holding less is
            // none (in necrosis: dead, shrunken after losing DNA, pyknosis or karyolysis). It remains a
            // non-immune nucleus, so cell counts and necrosis detection do not depend on this test.
            return areaUm2 * meanOd >= NucleusSettings.LYMPH_MIN_INTEGRATED_OD ? Nucleus.Kind.LYMPHOCYTE : Nucleus.Kind.TUMOUR;
        }
        return Nucleus.Kind.TUMOUR;
    }

    /** A lymphocyte nucleus' size and roundness (21-60 µm², circularity at least 0.75), in both modes. */
    public boolean isLymphocyteSized(double areaUm2, double circularity) {
        return areaUm2 >= settings.lymphMinAreaUm2 && areaUm2 <= settings.lymphMaxAreaUm2 && circularity >= settings.lymphMinCircularity;
    }

    boolean isLymphocyte(Nucleus n) {
        return n.kind == Nucleus.Kind.LYMPHOCYTE;
    }

    /**
     * A lymphocyte touching a paler nucleus can form one object with it, which is then no lymphocyte; at
     * half the object's darkest value only the lymphocyte remains. Such an object (null: nothing was
     * found) is measured again there, and is that lymphocyte when it then {@link #isLymphocyte is one}.
     */
    boolean mayHideLymphocyte(Nucleus n) {
        return n != null && n.kind == Nucleus.Kind.TUMOUR;
    }

    /**
     * Touching lymphocytes of a dense infiltrate often form one object: a dark object (mean OD at least
     * 0.45) that is not a lymphocyte, or is large enough for two (at least twice the minimum area), has its
     * dark core cut by the EDM watershed; the pieces are counted instead when {@link #enoughClumpPieces}.
     * Lymphocytes overlapping by more than about half their diameter stay merged.
     */
    boolean mayBeLymphocyteClump(Nucleus n) {
        return n != null && n.meanHematoxylinOd >= settings.lymphMinOd && (n.kind == Nucleus.Kind.TUMOUR
                || n.kind == Nucleus.Kind.LYMPHOCYTE && n.areaUm2 >= LYMPHOCYTES_IN_SMALLEST_CLUMP * settings.lymphMinAreaUm2);
    }

    /**
     * A clump's pieces are counted when there are at least two and every piece (of at least the minimum
     * nucleus area) {@link #isLymphocyte is a lymphocyte}: a dark tumour nucleus is thus never cut into
     * fragments, and a single large lymphocyte (one EDM maximum) stays whole.
     */
    boolean enoughClumpPieces(int pieces) {
        return pieces >= LEAST_CLUMP_PIECES;
    }

    /** A dark object that is neither a lymphocyte nor a clump of them (see {@link #onlyDustTrimmed}). */
    boolean mayCarryDust(Nucleus n) {
        return n.kind == Nucleus.Kind.TUMOUR;
    }

    /**
     * A dark object that is still neither may be a lymphocyte with nuclear dust stuck to it (karyorrhectic
     * fragments under 3 µm across, common in necrosis): it is opened with a disc of radius
     * {@value #DUST_OPENING_UM} µm, which keeps a nucleus of 5 µm or more. When exactly one object remains,
     * every trimmed part is below the debris size (this test) and the remaining object
     * {@link #isLymphocyte is a lymphocyte}, that lymphocyte is counted.
     */
    boolean onlyDustTrimmed(int remainingObjects, double largestTrimmedUm2) {
        return remainingObjects == 1 && largestTrimmedUm2 < NucleusSettings.DEBRIS_MAX_AREA_UM2;
    }

    /**
     * Immune cells in marker mode (CD45/CD3/CD8 slides): nuclei of a lymphocyte's size and roundness,
     * whatever their darkness, whose {@value #MARKER_RIM_UM} µm rim of cytoplasm and membrane has a mean
     * DAB OD of at least {@code positiveOd} (the weak threshold). Debris stays debris.
     */
    public Nucleus.Kind markerModeKind(Nucleus n, double rimDabOd, double positiveOd) {
        if (n.kind == Nucleus.Kind.DEBRIS) return Nucleus.Kind.DEBRIS;
        return isLymphocyteSized(n.areaUm2, n.circularity) && rimDabOd >= positiveOd ? Nucleus.Kind.LYMPHOCYTE : Nucleus.Kind.TUMOUR;
    }

    /**
     * Necrosis detection uses only nuclei of at least the debris size (18 µm²) as intact; smaller pale
     * fragments count as cells, not here. tiles.csv's nuclei are the same intact nuclei.
     */
    public boolean isIntact(Nucleus n) {
        return n.areaUm2 >= NucleusSettings.DEBRIS_MAX_AREA_UM2;
    }
}
