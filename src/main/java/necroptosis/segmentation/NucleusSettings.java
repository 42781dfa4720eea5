package necroptosis.segmentation;

/**
 * Nucleus detection and classification parameters, in µm and optical density so they mean the same at
 * any scan resolution. Defaults follow QuPath's cell detection (sigma 1.5 µm, threshold 0.1 OD on
 * haematoxylin) and DESIGN.md's lymphocyte (small, round, darker than the slide's other nuclei). Immutable.
 */
public final class NucleusSettings {
    public static final double DEFAULT_SIGMA_UM = 0.5;
    public static final double DEFAULT_THRESHOLD_OD = 0.1;
    /** Radius of the top-hat that removes local background before thresholding (QuPath's background radius: 8 µm). */
    public static final double DEFAULT_BACKGROUND_RADIUS_UM = 8;
    /** Prominence (OD) of a maximum that makes its own nucleus, as in Process > Find Maxima. */
    public static final double DEFAULT_SPLIT_PROMINENCE_OD = 0.1;
    public static final double DEFAULT_MIN_AREA_UM2 = 3;
    /**
     * Least area of an immune-cell nucleus: a lymphocyte nucleus (5-7 µm across whole) cut by the section
     * near its tip still shows 8 µm²; sectioned lymphocyte nuclei are most often 12-20 µm².
     */
    public static final double DEFAULT_LYMPH_MIN_AREA_UM2 = 8;
    /**
     * The smallest whole lymphocyte nucleus (about 5.2 µm across): holes up to a quarter of it are filled,
     * and only an object holding two of them may be a clump of lymphocytes to cut apart.
     */
    public static final double WHOLE_LYMPH_MIN_AREA_UM2 = 21;
    /**
     * Nuclear fragments below this area are debris (karyorrhexis), which necrosis detection counts
     * apart from intact nuclei; independent of the lymphocyte size range.
     */
    public static final double DEBRIS_MAX_AREA_UM2 = 18;
    /**
     * An immune-cell nucleus larger than this (a lymphocyte cut near its middle, 5.6 µm across) must be darker than
     * the immune bar, by {@link #LYMPH_DARKER_PER_20_UM2} of it per 20 µm² more ({@code NucleusClassifier.immuneMinOdAt}).
     */
    public static final double LYMPH_DARKER_FROM_UM2 = 25;
    /**
     * How much darker (a fraction of the immune bar) a lymphocyte-sized nucleus must be per 20 µm² above
     * {@link #LYMPH_DARKER_FROM_UM2}: 25 % more at the default largest (45 µm²).
     */
    public static final double LYMPH_DARKER_PER_20_UM2 = 0.25;
    /** Largest immune-cell nucleus: a whole lymphocyte nucleus of 7.5 µm across. */
    public static final double DEFAULT_LYMPH_MAX_AREA_UM2 = 45;
    /**
     * Integrated haematoxylin OD (area x mean OD, µm²·OD; proportional to DNA content, as in image
     * cytometry) of the smallest whole lymphocyte (21 µm²) with the dense chromatin of one (0.9 OD). A
     * lymphocyte that a second look cuts out of a larger object must hold at least this: the dark chromatin of
     * a pale tumour nucleus, or where two pale nuclei overlap, holds less (the dark core of a dark nucleus is
     * kept out by its share of the object, {@code NucleusClassifier.revealsLymphocyte}). Not asked of a nucleus found on its
     * own, which the section may have cut (8.8 µm²·OD median for lymphocytes on real H&E).
     */
    public static final double LYMPH_MIN_INTEGRATED_OD = 19;
    /**
     * Least circularity of an immune-cell nucleus: only against long thin shapes, as the outline of a
     * nucleus of 40-80 pixels is too coarse to tell round from oval.
     */
    public static final double DEFAULT_LYMPH_MIN_CIRCULARITY = 0.3;
    /**
     * Lymphocyte nuclei are dense chromatin: mean haematoxylin OD at least this on a slide whose own nuclei
     * give no reference, and at least {@link #LYMPH_OD_OVER_SPLIT} times the split of its lymphocyte-sized ones
     * (see {@code NucleusClassifier.immuneMinOd}); the necrosis input's lymphocytes are always at least this dark.
     */
    public static final double DEFAULT_LYMPH_MIN_OD = 0.45;
    /**
     * In the necrosis input, a lymphocyte's nucleus is at least this times the median mean OD of the slide's nuclei
     * too large to be lymphocytes (see {@code NucleusClassifier.necrosisLymphMinOd}).
     */
    public static final double LYMPH_OD_OVER_SLIDE = 0.9;
    /**
     * An immune cell's nucleus is at least this times the median mean OD of the slide's nuclei too large to be
     * lymphocytes, when that is known (see {@code NucleusClassifier.immuneMinOd}) ...
     */
    public static final double LYMPH_OD_OVER_REFERENCE = 1.35;
    /** ... and at least this OD ... */
    public static final double LYMPH_MIN_OD_WITH_REFERENCE = 0.30;
    /** ... but never above this quantile of the darker class of the slide's lymphocyte-sized nuclei (above their split). */
    public static final double LYMPH_DARK_CLASS_QUANTILE = 0.9;
    /**
     * ... and at least this times Otsu's split of the chromatin OD of the slide's lymphocyte-sized nuclei (see
     * {@code NucleusClassifier.immuneMinOd}). Below 1 because Otsu's split lies inside the spread of the darker
     * population when the populations overlap: at 0.9, real breast TIL recall (NuCLS) fell from 0.76 to 0.70;
     * at 0.8 it stays 0.75 while synthetic tumour nuclei of 0.4-0.6 OD are still kept out.
     */
    public static final double LYMPH_OD_OVER_SPLIT = 0.8;
    /**
     * A small object is debris when its chromatin is at least this times the slide's nucleus reference (as dark as a
     * whole nucleus of the slide: condensed, not a pale tip of a nucleus cut by the section) ...
     */
    public static final double DEBRIS_OD_OVER_SLIDE = 1.0;
    /**
     * ... and at least this OD, whatever the reference: on pale real H&amp;E (osteosarcoma tiles whose nuclei measure
     * 0.18-0.3) a lower bar makes debris of small objects everywhere, and cores of noise.
     */
    public static final double DEBRIS_MIN_OD = 0.35;

    public final double sigmaUm;
    public final double backgroundRadiusUm;
    /** Raise the threshold to Otsu's per tile where that is higher (see NucleusDetector). */
    public final boolean autoThreshold;
    /** Maxima of the smoothed OD at least this prominent are split into separate nuclei (0 = off). */
    public final double splitProminenceOd;
    public final double thresholdOd;
    public final double minAreaUm2;
    public final double lymphMinAreaUm2;
    public final double lymphMaxAreaUm2;
    public final double lymphMinCircularity;
    public final double lymphMinOd;

    public static final NucleusSettings DEFAULT = new NucleusSettings(DEFAULT_SIGMA_UM, DEFAULT_BACKGROUND_RADIUS_UM, DEFAULT_THRESHOLD_OD, DEFAULT_MIN_AREA_UM2,
            DEFAULT_LYMPH_MIN_AREA_UM2, DEFAULT_LYMPH_MAX_AREA_UM2, DEFAULT_LYMPH_MIN_CIRCULARITY, DEFAULT_LYMPH_MIN_OD);

    public NucleusSettings(double sigmaUm, double backgroundRadiusUm, double thresholdOd, double minAreaUm2, double lymphMinAreaUm2,
            double lymphMaxAreaUm2, double lymphMinCircularity, double lymphMinOd) {
        require(sigmaUm >= 0 && sigmaUm <= 10, "nucleus sigma (um)", sigmaUm, "0-10");
        require(backgroundRadiusUm >= 0 && backgroundRadiusUm <= 100, "background radius (um)", backgroundRadiusUm, "0-100 (0 = none)");
        require(thresholdOd > 0 && thresholdOd < 3, "nucleus threshold (OD)", thresholdOd, "above 0 and below 3");
        require(minAreaUm2 >= 0, "minimum nucleus area (um2)", minAreaUm2, ">= 0");
        require(lymphMinAreaUm2 > 0, "lymphocyte minimum area (um2)", lymphMinAreaUm2, "> 0");
        require(lymphMaxAreaUm2 > lymphMinAreaUm2, "lymphocyte maximum area (um2)", lymphMaxAreaUm2, "> the minimum area");
        require(lymphMinCircularity >= 0 && lymphMinCircularity <= 1, "lymphocyte circularity", lymphMinCircularity, "0-1");
        require(lymphMinOd >= 0, "lymphocyte minimum OD", lymphMinOd, ">= 0");
        this.sigmaUm = sigmaUm;
        this.backgroundRadiusUm = backgroundRadiusUm;
        this.autoThreshold = true;
        this.splitProminenceOd = DEFAULT_SPLIT_PROMINENCE_OD;
        this.thresholdOd = thresholdOd;
        this.minAreaUm2 = minAreaUm2;
        this.lymphMinAreaUm2 = lymphMinAreaUm2;
        this.lymphMaxAreaUm2 = lymphMaxAreaUm2;
        this.lymphMinCircularity = lymphMinCircularity;
        this.lymphMinOd = lymphMinOd;
    }

    public NucleusSettings withThreshold(double od) {
        return new NucleusSettings(sigmaUm, backgroundRadiusUm, od, minAreaUm2, lymphMinAreaUm2, lymphMaxAreaUm2, lymphMinCircularity, lymphMinOd);
    }

    public NucleusSettings withSigma(double um) {
        return new NucleusSettings(um, backgroundRadiusUm, thresholdOd, minAreaUm2, lymphMinAreaUm2, lymphMaxAreaUm2, lymphMinCircularity, lymphMinOd);
    }

    static void require(boolean ok, String name, double value, String range) {
        if (!ok || Double.isNaN(value)) throw new IllegalArgumentException(name + " must be " + range + ", got " + value);
    }
}
