package necroptosis.synth;

import java.util.Locale;

/**
 * How a synthetic slide looks. {@link #CLASSIC} is the one look every earlier slide has (kept byte for
 * byte); {@link #VARIED} draws the look per slide from the seed, so that no analysis rule can fit one
 * appearance (see {@link Appearance}).
 */
public enum SlideStyle {
    CLASSIC, VARIED;

    /** Name as typed on the command line and written to the truth file. */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** @throws IllegalArgumentException naming the allowed values */
    public static SlideStyle parse(String s) {
        for (SlideStyle v : values()) if (v.key().equalsIgnoreCase(s.trim())) return v;
        throw new IllegalArgumentException("style must be classic or varied, got " + s);
    }
}
