package necroptosis.synth;

/** Ground-truth zone of a pixel, in the order of precedence used by the analysis (necrosis first). */
public enum Zone {
    BACKGROUND("background"), NECROSIS("necrosis"), RIM("rim"), VIABLE("viable"), STROMA("stroma");

    private final String key;

    Zone(String key) { this.key = key; }

    /** Stable snake_case key used in the truth file. */
    public String key() { return key; }

    public boolean isTissue() { return this != BACKGROUND; }

    static final Zone[] VALUES = values();
}
