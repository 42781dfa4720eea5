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
    /** A lymphocyte at least this many times the smallest whole lymphocyte's area may be a clump of them. */
    static final int LYMPHOCYTES_IN_SMALLEST_CLUMP = 2;
    /** A clump is cut apart only into at least this many lymphocytes. */
    static final int LEAST_CLUMP_PIECES = 2;
    /** Largest share of an object's area that a lymphocyte found at its dark core may take ({@link #revealsLymphocyte}). */
    static final double LYMPH_MAX_SHARE_OF_OBJECT = 0.6;

    private final NucleusSettings settings;
    /** Least mean haematoxylin OD of an immune cell's nucleus on this slide ({@link #immuneMinOd}). */
    private final double immuneMinOd;
    /** Least chromatin OD of a small object for debris on this slide ({@link #debrisMinOd}). */
    private final double debrisMinOd;
    /** Least chromatin OD of a lymphocyte in the necrosis input ({@link #necrosisLymphMinOd}). */
    private final double necrosisLymphMinOd;
    /** Whether {@link #classify} raises the immune bar for larger nuclei ({@link #immuneMinOdAt}). */
    private final boolean sizeRamp;

    /** The rules with the darkness floor of the settings alone, for a slide whose own nuclei are not known. */
    public NucleusClassifier(NucleusSettings settings) {
        this(settings, settings.lymphMinOd, settings.lymphMinOd);
    }

    /**
     * The rules with a slide's immune-cell and debris darkness, {@link #immuneMinOd} and {@link #debrisMinOd}; the
     * necrosis input's lymphocytes at the same (flat) darkness.
     */
    public NucleusClassifier(NucleusSettings settings, double immuneMinOd, double debrisMinOd) {
        this(settings, immuneMinOd, debrisMinOd, immuneMinOd, true);
    }

    /**
     * The rules with a slide's immune-cell and debris darkness, and the darkness at which a lymphocyte-sized
     * object is left out of the necrosis input as a lymphocyte ({@link #necrosisLymphMinOd}). {@code sizeRamp} says
     * whether the immune call asks more darkness of larger nuclei ({@link #immuneMinOdAt}): off in marker mode, where
     * the marker calls the immune cells and darkness only tells debris and lymphocytes for the necrosis input.
     */
    public NucleusClassifier(NucleusSettings settings, double immuneMinOd, double debrisMinOd, double necrosisLymphMinOd, boolean sizeRamp) {
        this.sizeRamp = sizeRamp;
        this.settings = settings;
        this.immuneMinOd = immuneMinOd;
        this.debrisMinOd = debrisMinOd;
        this.necrosisLymphMinOd = necrosisLymphMinOd;
    }

    /**
     * The least mean haematoxylin OD of a small object for debris on a slide: as dark as the slide's nucleus
     * reference ({@code slideNucleusOd}, see {@link #immuneMinOd}; 0 or NaN when unknown), within
     * {@value NucleusSettings#DEBRIS_MIN_OD} and the settings' {@code lymphMinOd} (0.45). A pale counterstain
     * (or scan) pales karyorrhectic fragments with every nucleus: on slides whose counterstain is 0.57-0.65 of
     * the usual, the fragments in necrosis measured 0.25-0.45 against nuclei of 0.22-0.36, and at a fixed 0.45
     * no necrosis was found.
     */
    public static double debrisMinOd(NucleusSettings settings, double slideNucleusOd) {
        if (!(slideNucleusOd > 0)) return settings.lymphMinOd;
        return Math.min(settings.lymphMinOd, Math.max(NucleusSettings.DEBRIS_MIN_OD, NucleusSettings.DEBRIS_OD_OVER_SLIDE * slideNucleusOd));
    }

    /**
     * The least mean haematoxylin OD of an immune cell's nucleus on a slide whose split is unknown
     * ({@link #immuneMinOd(NucleusSettings, double, double, double)}).
     */
    public static double immuneMinOd(NucleusSettings settings, double slideNucleusOd) {
        return immuneMinOd(settings, slideNucleusOd, 0, 0);
    }

    /**
     * The least mean haematoxylin OD of an immune cell's nucleus on a slide, judged against the slide's own
     * nuclei. With the slide's nucleus reference known ({@code slideNucleusOd}: the median mean OD of its nuclei
     * too large to be lymphocytes; 0 or NaN when unknown): {@value NucleusSettings#LYMPH_OD_OVER_REFERENCE} times it,
     * and at least {@value NucleusSettings#LYMPH_MIN_OD_WITH_REFERENCE}; a lymphocyte is darker than the slide's
     * other nuclei on every stain and scanner (median mean OD of lymphocytes 0.51 and 0.65 on two sets of real H&amp;E,
     * of their other nuclei 0.37 and 0.45), while its absolute darkness follows the stain and the scanner. The
     * relative bar is never above {@code darkP90Od} (the 90th percentile of the darker class of lymphocyte-sized
     * nuclei; 0 when unknown): where the tumour's nuclei are as dark as lymphocytes (hyperchromatic), the darkest
     * tenth of the lymphocyte-sized nuclei are still called. Without a reference, the settings' {@code lymphMinOd}
     * (0.45). Either is raised to {@value NucleusSettings#LYMPH_OD_OVER_SPLIT} times {@code lymphSizedSplitOd} (Otsu's
     * split of the chromatin OD of the slide's lymphocyte-sized nuclei; 0 or NaN when unknown) where that is higher:
     * where tumour nuclei come as small as lymphocytes and nearly as dark, the lymphocyte-sized nuclei form two
     * populations, the paler cut tumour nuclei and the darker lymphocytes, and Otsu's split falls between them.
     */
    public static double immuneMinOd(NucleusSettings settings, double slideNucleusOd, double lymphSizedSplitOd, double darkP90Od) {
        double bar;
        if (slideNucleusOd > 0) {
            bar = NucleusSettings.LYMPH_OD_OVER_REFERENCE * slideNucleusOd;
            if (darkP90Od > 0) bar = Math.min(bar, darkP90Od);
            bar = Math.max(NucleusSettings.LYMPH_MIN_OD_WITH_REFERENCE, bar);
        } else {
            bar = settings.lymphMinOd;
        }
        return raisedToSplit(bar, lymphSizedSplitOd);
    }

    /** {@code bar}, raised to {@value NucleusSettings#LYMPH_OD_OVER_SPLIT} times {@code lymphSizedSplitOd} where known and higher. */
    private static double raisedToSplit(double bar, double lymphSizedSplitOd) {
        return lymphSizedSplitOd > 0 ? Math.max(bar, NucleusSettings.LYMPH_OD_OVER_SPLIT * lymphSizedSplitOd) : bar;
    }

    /**
     * The darkness at which a lymphocyte-sized object counts as a lymphocyte, not as debris or an intact nucleus,
     * in the necrosis input: at least {@value NucleusSettings#LYMPH_OD_OVER_SLIDE} times the slide's nucleus reference,
     * {@value NucleusSettings#LYMPH_OD_OVER_SPLIT} times the split of its lymphocyte-sized nuclei and the settings'
     * {@code lymphMinOd} (0.45). The immune call's relative bar ({@link #immuneMinOd}) is lower on a pale slide, where
     * it would take the pyknotic fragments of a necrotic core out of its debris, and higher on a dark one, where it
     * would add a dark infiltrate's lymphocytes to the debris; the necrotic-core finder was built and tuned on this bar.
     * Only the classification is the earlier one: which objects exist (the second looks at dark cores, clumps and
     * dust) is decided with the immune bar.
     */
    public static double necrosisLymphMinOd(NucleusSettings settings, double slideNucleusOd, double lymphSizedSplitOd) {
        double bar = slideNucleusOd > 0 ? Math.max(settings.lymphMinOd, NucleusSettings.LYMPH_OD_OVER_SLIDE * slideNucleusOd) : settings.lymphMinOd;
        return raisedToSplit(bar, lymphSizedSplitOd);
    }

    /** What a nucleus is for the necrosis input: its kind at the flat {@link #necrosisLymphMinOd} (no size ramp). */
    public Nucleus.Kind necrosisKind(Nucleus n) {
        return kindAt(necrosisLymphMinOd, n.areaUm2, n.circularity, n.meanHematoxylinOd, n.chromatinOd);
    }

    /**
     * Lymphocyte (immune cell), debris or other nucleus (tumour kind) by size, roundness and darkness: the
     * morphological mode, and the kind every detected nucleus has. {@code meanOd} is the OD the nucleus was
     * found in, {@code chromatinOd} its haematoxylin alone (they differ for a nuclear marker, whose DAB makes
     * a positive nucleus dark without making it an immune cell).
     */
    public Nucleus.Kind classify(double areaUm2, double circularity, double meanOd, double chromatinOd) {
        return kindAt(sizeRamp ? immuneMinOdAt(immuneMinOd, areaUm2) : immuneMinOd, areaUm2, circularity, meanOd, chromatinOd);
    }

    /**
     * The immune call's darkness bar for a nucleus of {@code areaUm2}: {@code bar} up to
     * {@value NucleusSettings#LYMPH_DARKER_FROM_UM2} µm², then {@value NucleusSettings#LYMPH_DARKER_PER_20_UM2} of it
     * higher per 20 µm² more. A lymphocyte's nucleus is small (sectioned mostly 12-20 µm²), so an object near the
     * top of the size range is more likely a small tumour nucleus (a tangential cut, or a small-cell tumour's), and
     * only the darkest of those are lymphocytes. The necrosis input's bar has no such ramp (its lymphocytes only
     * keep dark round objects out of the debris).
     */
    static double immuneMinOdAt(double bar, double areaUm2) {
        double over = Math.max(0, areaUm2 - NucleusSettings.LYMPH_DARKER_FROM_UM2) / 20;
        return bar * (1 + NucleusSettings.LYMPH_DARKER_PER_20_UM2 * over);
    }

    private Nucleus.Kind kindAt(double immuneMinOd, double areaUm2, double circularity, double meanOd, double chromatinOd) {
        // Lymphocytes: 8-45 µm² (a lymphocyte nucleus as sectioned: often 12-20 µm², a whole one up to 7.5 µm
        // across), not a long thin shape (circularity at least 0.3), and darker than the slide's nuclei and
        // than the paler of its lymphocyte-sized ones ({@code immuneMinOd}, raised for the immune call near the top of the size
        // range, {@link #immuneMinOdAt}). Size alone does not tell a lymphocyte from a cut tumour nucleus on real tissue;
        // darkness relative to the slide does.
        if (isLymphocyteSized(areaUm2, circularity) && chromatinOd >= immuneMinOd) return Nucleus.Kind.LYMPHOCYTE;
        // Debris: other dark objects below 18 µm², karyorrhectic fragments: mean OD at least 0.45, or chromatin
        // as dark as the slide's nuclei ({@link #debrisMinOd}, 0.35-0.45; the chromatin alone, so that the
        // lower bar makes no debris of a small nucleus dark only by a nuclear marker's DAB). A small pale object is a nucleus cut by the
        // section or seen at its tip, and still a cell.
        if (areaUm2 < NucleusSettings.DEBRIS_MAX_AREA_UM2) {
            return meanOd >= settings.lymphMinOd || chromatinOd >= debrisMinOd ? Nucleus.Kind.DEBRIS : Nucleus.Kind.TUMOUR;
        }
        return Nucleus.Kind.TUMOUR;
    }

    /** A lymphocyte nucleus' size and roundness (8-45 µm², circularity at least 0.3), in both modes. */
    public boolean isLymphocyteSized(double areaUm2, double circularity) {
        return areaUm2 >= settings.lymphMinAreaUm2 && areaUm2 <= settings.lymphMaxAreaUm2 && circularity >= settings.lymphMinCircularity;
    }

    /**
     * A lymphocyte that a second look cuts out of a larger object (below) must be a whole one: at least the
     * smallest whole lymphocyte's area (21 µm²) and chromatin (integrated OD, area x mean OD, at least 19
     * µm²·OD). The dark chromatin of a pale tumour nucleus, the overlap of two pale ones, or one lymphocyte cut
     * in two then give no lymphocytes. A lymphocyte found as an object of its own may be smaller, as sectioned.
     */
    boolean isWholeLymphocyte(Nucleus n) {
        return n.kind == Nucleus.Kind.LYMPHOCYTE && n.areaUm2 >= NucleusSettings.WHOLE_LYMPH_MIN_AREA_UM2
                && n.areaUm2 * n.chromatinOd >= NucleusSettings.LYMPH_MIN_INTEGRATED_OD;
    }

    /**
     * Whether an immune cell still counts inside a necrotic core, where pyknotic nuclei (dead, shrunken,
     * dark and round, 4-5.5 µm across) look like sectioned lymphocytes: there it must be a {@link
     * #isWholeLymphocyte whole lymphocyte}, holding chromatin a shrunken dead nucleus does not.
     */
    public boolean holdsInNecrosis(Nucleus n) {
        return isWholeLymphocyte(n);
    }

    /**
     * A lymphocyte touching a paler nucleus can form one object with it, which is then no lymphocyte; at
     * half the object's darkest value only the lymphocyte remains. Such an object (null: nothing was
     * found) is measured again there, and is that lymphocyte when {@link #revealsLymphocyte} says so.
     */
    boolean mayHideLymphocyte(Nucleus n) {
        return n != null && n.kind == Nucleus.Kind.TUMOUR && !refusedForItsSize(n);
    }

    /**
     * An object of a lymphocyte's size, shape and (flat) darkness that the immune call refused only because it is
     * large for one ({@link #immuneMinOdAt}): a small tumour nucleus, whose dark core or dust-trimmed core the second
     * looks would otherwise take, measured smaller, for the lymphocyte the size ramp refused.
     */
    private boolean refusedForItsSize(Nucleus n) {
        return sizeRamp && n.kind == Nucleus.Kind.TUMOUR && isLymphocyteSized(n.areaUm2, n.circularity) && n.chromatinOd >= immuneMinOd;
    }

    /**
     * What {@link #mayHideLymphocyte} looks for: the object's dark core ({@code dark}, at half its darkest value)
     * {@link #isWholeLymphocyte is a whole lymphocyte} and at most {@value #LYMPH_MAX_SHARE_OF_OBJECT} of the
     * object ({@code whole}). A lymphocyte against a paler nucleus is a part of the object; the dark core of a
     * single dark nucleus is most of it (its blurred edge falls away), and is no lymphocyte.
     */
    boolean revealsLymphocyte(Nucleus whole, Nucleus dark) {
        return isWholeLymphocyte(dark) && dark.areaUm2 <= LYMPH_MAX_SHARE_OF_OBJECT * whole.areaUm2;
    }

    /**
     * Touching lymphocytes of a dense infiltrate often form one object: a dark object (as dark as an immune
     * cell) that is not a lymphocyte, or is large enough for two (at least twice the smallest whole one), has its
     * dark core cut by the EDM watershed; the pieces are counted instead when {@link #enoughClumpPieces}.
     * Lymphocytes overlapping by more than about half their diameter stay merged.
     */
    boolean mayBeLymphocyteClump(Nucleus n) {
        return n != null && n.chromatinOd >= immuneMinOd && (n.kind == Nucleus.Kind.TUMOUR && !refusedForItsSize(n)
                || n.kind == Nucleus.Kind.LYMPHOCYTE && n.areaUm2 >= LYMPHOCYTES_IN_SMALLEST_CLUMP * NucleusSettings.WHOLE_LYMPH_MIN_AREA_UM2);
    }

    /**
     * A clump's pieces are counted when there are at least two and every piece (of at least the minimum
     * nucleus area) {@link #isWholeLymphocyte is a whole lymphocyte}: a dark tumour nucleus is thus never cut into
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
     * {@link #isWholeLymphocyte is a whole lymphocyte}, that lymphocyte is counted.
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
