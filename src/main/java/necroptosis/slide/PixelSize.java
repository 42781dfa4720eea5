package necroptosis.slide;

/**
 * Level-0 pixel size in µm and where it came from. A value read from a file is only accepted when it is
 * plausible for microscopy, because placeholder tags (e.g. 10 px/cm = 1000 µm/px) are common and every
 * per-mm² number would silently be wrong.
 */
public final class PixelSize {
    /** Smallest and largest level-0 pixel sizes accepted from metadata, in µm. */
    public static final double MIN_PLAUSIBLE_UM = 0.05;
    public static final double MAX_PLAUSIBLE_UM = 25;

    private final Double micrometers;
    private final String source;
    private final boolean inFileUnread;

    private PixelSize(Double micrometers, String source) {
        this(micrometers, source, false);
    }

    private PixelSize(Double micrometers, String source, boolean inFileUnread) {
        this.micrometers = micrometers;
        this.source = source;
        this.inFileUnread = inFileUnread;
    }

    /** A value read from metadata; becomes unknown (with the reason in the source) when implausible. */
    public static PixelSize fromMetadata(double um, String source) {
        if (!isPlausible(um)) {
            return unknown(source + " gave " + um + " um, outside the plausible range "
                    + MIN_PLAUSIBLE_UM + "-" + MAX_PLAUSIBLE_UM + " um");
        }
        return new PixelSize(um, source);
    }

    /** A value given by the user; only positivity is checked, the user knows their scanner. */
    public static PixelSize override(double um) {
        if (!(um > 0) || Double.isInfinite(um)) throw new IllegalArgumentException("pixel size must be a positive number of um: " + um);
        return new PixelSize(um, "override");
    }

    public static PixelSize unknown(String why) {
        return new PixelSize(null, why);
    }

    /**
     * Unknown to the reader that opened the slide, although the file's own metadata gives a size that another
     * reader reads ({@code why} says how much and where), so a front end can point to that reader.
     */
    public static PixelSize unreadInFile(String why) {
        return new PixelSize(null, why, true);
    }

    public static boolean isPlausible(double um) {
        return um >= MIN_PLAUSIBLE_UM && um <= MAX_PLAUSIBLE_UM;
    }

    public boolean isKnown() { return micrometers != null; }

    /** The size in µm; throws when unknown so that nothing per mm² is computed from a guess. */
    public double micrometers() {
        if (micrometers == null) throw new IllegalStateException("pixel size unknown: " + source);
        return micrometers;
    }

    /** True when the size is unknown only because this reader does not read the metadata that gives it. */
    public boolean isInFileUnread() { return inFileUnread; }

    /** The size in µm or null. */
    public Double micrometersOrNull() { return micrometers; }

    /** Where the value came from (e.g. "svs MPP"), or why it is unknown. */
    public String source() { return source; }

    @Override
    public String toString() {
        return isKnown() ? micrometers + " um (" + source + ")" : "unknown (" + source + ")";
    }
}
