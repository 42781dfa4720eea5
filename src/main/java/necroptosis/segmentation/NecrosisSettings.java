package necroptosis.segmentation;

/**
 * Parameters of the training-free necrotic-core finder. Immutable; validated with messages that name
 * the setting. Defaults: DESIGN.md (minimum core 0.01 mm²) and tuning on generator slides whose seeds
 * the accuracy tests do not use.
 */
public final class NecrosisSettings {
    public static final double DEFAULT_MIN_CORE_AREA_MM2 = 0.01;
    /** Neighbourhood over which nucleus densities are estimated (Gaussian sigma). */
    public static final double DEFAULT_SMOOTHING_UM = 30;
    /** A block is necrotic when its intact-nucleus density is below this fraction of the slide's viable tumour. */
    public static final double DEFAULT_DENSITY_FRACTION = 0.5;
    /** ... and it holds nuclear debris at no less than this fraction of the viable nucleus density. */
    public static final double DEFAULT_DEBRIS_FRACTION = 0.1;
    /** A core touching glass on more than this fraction of its surroundings lies on the tissue edge: rejected. */
    public static final double DEFAULT_MAX_BACKGROUND_CONTACT = 0.3;

    public static final NecrosisSettings DEFAULT = new NecrosisSettings(DEFAULT_MIN_CORE_AREA_MM2, DEFAULT_SMOOTHING_UM,
            DEFAULT_DENSITY_FRACTION, DEFAULT_DEBRIS_FRACTION, DEFAULT_MAX_BACKGROUND_CONTACT);

    public final double minCoreAreaMm2;
    public final double smoothingUm;
    public final double densityFraction;
    public final double debrisFraction;
    public final double maxBackgroundContact;

    public NecrosisSettings(double minCoreAreaMm2, double smoothingUm, double densityFraction, double debrisFraction,
            double maxBackgroundContact) {
        NucleusSettings.require(minCoreAreaMm2 > 0 && !Double.isInfinite(minCoreAreaMm2), "minimum core area (mm2)", minCoreAreaMm2, "a finite number > 0");
        NucleusSettings.require(smoothingUm >= 0 && smoothingUm <= 1000, "necrosis smoothing (um)", smoothingUm, "0-1000");
        NucleusSettings.require(densityFraction > 0 && densityFraction < 1, "necrosis density fraction", densityFraction, "between 0 and 1");
        NucleusSettings.require(debrisFraction >= 0, "necrosis debris fraction", debrisFraction, ">= 0");
        NucleusSettings.require(maxBackgroundContact >= 0 && maxBackgroundContact <= 1, "maximum background contact", maxBackgroundContact, "0-1");
        this.minCoreAreaMm2 = minCoreAreaMm2;
        this.smoothingUm = smoothingUm;
        this.densityFraction = densityFraction;
        this.debrisFraction = debrisFraction;
        this.maxBackgroundContact = maxBackgroundContact;
    }

    public NecrosisSettings withMinCoreArea(double mm2) {
        return new NecrosisSettings(mm2, smoothingUm, densityFraction, debrisFraction, maxBackgroundContact);
    }
}
