package necroptosis.segmentation;

/**
 * What a nucleus is, from its measurements: the rules of METHODS.md, "Nuclei, cells and immune cells"
 * (lymphocytes, immune cells in marker mode, debris), in the order given there. The detection asks
 * these rules, never its own: adapting the immune-cell rule to another tissue is a change here, with
 * the limits in {@link NucleusSettings}.
 */
public final class NucleusClassifier {
    /** Radius of the opening that trims nuclear dust (karyorrhectic fragments under 3 µm across) off a nucleus. */
    public static final double DUST_OPENING_UM = 1.5;
    /** A dark lymphocyte at least this many times the smallest lymphocyte's area may be a clump of them. */
    static final int LYMPHOCYTES_IN_SMALLEST_CLUMP = 2;
    /** Width of the cytoplasm and membrane rim scored for an immune marker (marker mode). */
    public static final double MARKER_RIM_UM = 2;

    private final NucleusSettings settings;

    public NucleusClassifier(NucleusSettings settings) {
        this.settings = settings;
    }

    /** Debris, lymphocyte or any other nucleus (tumour) by size, roundness and haematoxylin darkness (morphological mode). */
    public Nucleus.Kind classify(double areaUm2, double circularity, double meanOd) {
        // Debris: karyorrhectic fragments are small and dark (condensed chromatin); a small pale object is a
        // nucleus cut by the section or seen at its tip, and still a cell.
        if (areaUm2 < NucleusSettings.DEBRIS_MAX_AREA_UM2) {
            return meanOd >= settings.lymphMinOd ? Nucleus.Kind.DEBRIS : Nucleus.Kind.TUMOUR;
        }
        // Lymphocytes: 21-60 µm², circularity at least 0.75, mean haematoxylin OD at least 0.45 ...
        if (isLymphocyteSized(areaUm2, circularity) && meanOd >= settings.lymphMinOd) {
            // ... and the chromatin of one. A lymphocyte is a resting diploid cell: its chromatin (integrated
            // OD, area x mean OD) does not shrink with its nucleus, which only grows darker. A small round
            // nucleus holding less is not one: in necrosis a dead nucleus shrunken after losing DNA (pyknosis,
            // karyolysis), elsewhere a small or tangentially cut tumour nucleus. It stays a (non-immune)
            // nucleus, so cell counts and necrosis detection do not depend on this test.
            return areaUm2 * meanOd >= NucleusSettings.LYMPH_MIN_INTEGRATED_OD ? Nucleus.Kind.LYMPHOCYTE : Nucleus.Kind.TUMOUR;
        }
        return Nucleus.Kind.TUMOUR;
    }

    /** A lymphocyte's nucleus size and roundness (21-60 µm², circularity at least 0.75), in both modes. */
    public boolean isLymphocyteSized(double areaUm2, double circularity) {
        return areaUm2 >= settings.lymphMinAreaUm2 && areaUm2 <= settings.lymphMaxAreaUm2 && circularity >= settings.lymphMinCircularity;
    }

    /**
     * Immune cells in marker mode (CD45/CD3/CD8 slides): a nucleus of a lymphocyte's size and roundness,
     * whatever its darkness, whose {@value #MARKER_RIM_UM} µm rim of cytoplasm and membrane has a mean DAB
     * OD of at least {@code positiveOd} (the weak threshold). Debris stays debris.
     */
    public Nucleus.Kind markerModeKind(Nucleus n, double rimDabOd, double positiveOd) {
        if (n.kind == Nucleus.Kind.DEBRIS) return Nucleus.Kind.DEBRIS;
        return isLymphocyteSized(n.areaUm2, n.circularity) && rimDabOd >= positiveOd ? Nucleus.Kind.LYMPHOCYTE : Nucleus.Kind.TUMOUR;
    }

    /**
     * Whether a nucleus counts as intact for necrosis detection (and as a nucleus in tiles.csv): at least
     * the debris size. Smaller pale fragments count as cells, not as intact nuclei.
     */
    public static boolean isIntact(Nucleus n) {
        return n.areaUm2 >= NucleusSettings.DEBRIS_MAX_AREA_UM2;
    }

    /**
     * A lymphocyte touching a paler nucleus can form one object with it, which is then no lymphocyte; at
     * half the object's darkest value only the lymphocyte remains. Such an object is measured again there,
     * and taken as that lymphocyte when it then is one ({@link #isLymphocyte}).
     */
    static boolean mayHideLymphocyte(Nucleus n) {
        return n != null && n.kind == Nucleus.Kind.TUMOUR;
    }

    /**
     * Touching lymphocytes of a dense infiltrate often form one object: a dark object (mean OD at least
     * the lymphocytes') that is not a lymphocyte, or is one large enough for two, may be a clump. Its dark
     * core is then cut by the EDM watershed, and the pieces may replace it ({@link #enoughClumpPieces}).
     */
    boolean mayBeLymphocyteClump(Nucleus n) {
        return n != null && n.meanHematoxylinOd >= settings.lymphMinOd && (n.kind == Nucleus.Kind.TUMOUR
                || n.kind == Nucleus.Kind.LYMPHOCYTE && n.areaUm2 >= LYMPHOCYTES_IN_SMALLEST_CLUMP * settings.lymphMinAreaUm2);
    }

    /**
     * A clump's pieces are counted instead of it when there are at least two and every piece is itself a
     * lymphocyte ({@link #isLymphocyte}): a dark tumour nucleus is thus never cut into fragments, and a
     * single large lymphocyte (one EDM maximum) stays whole. Pieces below the minimum nucleus area are
     * neither counted nor asked.
     */
    static boolean enoughClumpPieces(int pieces) {
        return pieces >= 2;
    }

    static boolean isLymphocyte(Nucleus n) {
        return n.kind == Nucleus.Kind.LYMPHOCYTE;
    }

    /**
     * A dark object that is neither a lymphocyte nor a clump of them may be a lymphocyte with nuclear dust
     * stuck to it (karyorrhectic fragments, common in necrosis). Opened with a disc of radius
     * {@value #DUST_OPENING_UM} µm (which keeps a lymphocyte nucleus, 5 µm or more across), it is that
     * lymphocyte when exactly one object remains, every part trimmed off is below the debris size (this
     * test) and the remaining object is a lymphocyte ({@link #isLymphocyte}).
     */
    static boolean onlyDustTrimmed(int remainingObjects, double largestTrimmedUm2) {
        return remainingObjects == 1 && largestTrimmedUm2 < NucleusSettings.DEBRIS_MAX_AREA_UM2;
    }
}
