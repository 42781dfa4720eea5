package necroptosis.pipeline;

/** The zones of DESIGN.md, in the order used by arrays and tables. */
public enum Zone {
    BACKGROUND("background"), NECROSIS("necrosis"), RIM("rim"), VIABLE("viable");

    /** The key used in summary.json and tiles.csv. */
    public final String key;

    Zone(String key) { this.key = key; }

    public static final Zone[] TISSUE_ZONES = {NECROSIS, RIM, VIABLE};
}
