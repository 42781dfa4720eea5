package necroptosis.synth;

/**
 * Ground-truth zone of a pixel of a synthetic slide, in the order of precedence used by the analysis
 * (necrosis first). Unlike the analysis's {@code pipeline.Zone} it tells stroma from viable tumour, which
 * the truth file counts apart.
 */
public enum TruthZone {
    BACKGROUND("background"), NECROSIS("necrosis"), RIM("rim"), VIABLE("viable"), STROMA("stroma");

    private final String key;

    TruthZone(String key) { this.key = key; }

    /** Stable snake_case key used in the truth file. */
    public String key() { return key; }

    public boolean isTissue() { return this != BACKGROUND; }

    static final TruthZone[] VALUES = values();
}
