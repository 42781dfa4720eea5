package necroptosis.slide;

import java.util.Locale;

/** How to open a slide: which reader, and an optional pixel-size override. Immutable. */
public final class OpenOptions {
    /** Reader choice; AUTO prefers Bio-Formats when present, then the built-in TIFF reader, then ImageJ. */
    public enum Reader {
        AUTO, BIOFORMATS, TIFF, IMAGEJ;

        public static Reader parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("reader must be one of auto, bioformats, tiff, imagej; got '" + s + "'");
            }
        }
    }

    public static final OpenOptions DEFAULT = new OpenOptions(Reader.AUTO, null);

    private final Reader reader;
    private final Double pixelSizeOverrideUm;

    private OpenOptions(Reader reader, Double pixelSizeOverrideUm) {
        this.reader = reader;
        this.pixelSizeOverrideUm = pixelSizeOverrideUm;
    }

    public Reader reader() { return reader; }

    /** Null when the file's own metadata is used. */
    public Double pixelSizeOverrideUm() { return pixelSizeOverrideUm; }

    public OpenOptions withReader(Reader r) { return new OpenOptions(r, pixelSizeOverrideUm); }

    public OpenOptions withPixelSize(Double um) {
        if (um != null) PixelSize.override(um); // validates
        return new OpenOptions(reader, um);
    }
}
