package necroptosis.slide;

import java.util.List;

/** Checks shared by every reader, so each gives the same message for the same mistake. */
public final class Regions {
    /** Largest region one call may return: 2^28 ints (1 GiB) would not fit a default heap. */
    public static final long MAX_REGION_PIXELS = 1L << 27;

    private Regions() {}

    public static void check(SlideSource slide, int level, int x, int y, int width, int height) {
        List<Level> levels = slide.levels();
        if (level < 0 || level >= levels.size()) {
            throw new IllegalArgumentException(slide.path() + ": level " + level + " does not exist (levels 0-" + (levels.size() - 1) + ")");
        }
        Level l = levels.get(level);
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(slide.path() + ": region size must be positive, got " + width + "x" + height);
        }
        if (x < 0 || y < 0 || (long) x + width > l.width() || (long) y + height > l.height()) {
            throw new IllegalArgumentException(slide.path() + ": region " + x + "," + y + " " + width + "x" + height
                    + " lies outside level " + level + " (" + l.width() + "x" + l.height() + ")");
        }
        if ((long) width * height > MAX_REGION_PIXELS) {
            throw new IllegalArgumentException(slide.path() + ": region " + width + "x" + height
                    + " is too large to read at once (max " + MAX_REGION_PIXELS + " pixels); read it in tiles");
        }
    }

    /** Checks that a caller's array can take a {@code width} x {@code height} region. */
    public static void checkDestination(SlideSource slide, int[] dest, int width, int height) {
        long n = (long) width * height;
        if (dest == null || dest.length < n) {
            throw new IllegalArgumentException(slide.path() + ": destination array holds " + (dest == null ? "no" : String.valueOf(dest.length))
                    + " pixels, region " + width + "x" + height + " needs " + n);
        }
    }
}
