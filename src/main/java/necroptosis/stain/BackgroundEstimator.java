package necroptosis.stain;

import java.util.Locale;

/**
 * Estimates the background (glass) intensity I0 per channel from an overview image: the per-channel
 * median of the brightest pixels, namely those whose channel mean is in the top few percent of the image
 * and at least a minimum brightness. The median rather than the maximum, because the brightest few
 * pixels are scanner noise and would overestimate I0, making all glass look faintly stained; the
 * brightness floor, because an image without glass (tissue to every edge) must not make the palest tissue
 * its "white". Without enough such pixels the 8-bit default 255 is used and the reason is recorded.
 */
public final class BackgroundEstimator {

    /** Default share of the brightest pixels considered, percent. */
    public static final double DEFAULT_TOP_PERCENT = 2.0;
    /** Default minimum channel mean (0-255) of a pixel that may be glass. */
    public static final int DEFAULT_MIN_BRIGHTNESS = 200;
    /** Default minimum number of glass pixels for an estimate. */
    public static final int DEFAULT_MIN_PIXELS = 20;

    private final double topPercent;
    private final int minBrightness;
    private final int minPixels;

    /** The defaults. */
    public BackgroundEstimator() {
        this(DEFAULT_TOP_PERCENT, DEFAULT_MIN_BRIGHTNESS, DEFAULT_MIN_PIXELS);
    }

    public BackgroundEstimator(double topPercent, int minBrightness, int minPixels) {
        if (!(topPercent > 0 && topPercent <= 100)) {
            throw new IllegalArgumentException("background top percent must be in (0, 100]: " + topPercent);
        }
        if (minBrightness < 0 || minBrightness > 255) {
            throw new IllegalArgumentException("background minimum brightness must be 0-255: " + minBrightness);
        }
        if (minPixels < 1) throw new IllegalArgumentException("background minimum pixels must be >= 1: " + minPixels);
        this.topPercent = topPercent;
        this.minBrightness = minBrightness;
        this.minPixels = minPixels;
    }

    /** Estimates I0 from packed 0xRRGGBB pixels. */
    public Background estimate(int[] rgb) {
        // Histogram of r+g+b (0..765): the top-percent cut without sorting.
        long[] sumHist = new long[766];
        for (int p : rgb) sumHist[((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)]++;
        long wanted = (long) Math.ceil(rgb.length * topPercent / 100.0);
        int cut = 765;
        long seen = sumHist[765];
        while (cut > 0 && seen < wanted) {
            cut--;
            seen += sumHist[cut];
        }
        int minSum = Math.max(cut, 3 * minBrightness);

        long[] hr = new long[256], hg = new long[256], hb = new long[256];
        long count = 0;
        for (int p : rgb) {
            int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
            if (r + g + b < minSum) continue;
            hr[r]++;
            hg[g]++;
            hb[b]++;
            count++;
        }
        if (count < minPixels) {
            return new Background(255, 255, 255, count, false, String.format(Locale.ROOT,
                    "only %d pixels with mean >= %d among the brightest %.1f%%: no glass, default 255", count,
                    minBrightness, topPercent));
        }
        return new Background(median(hr, count), median(hg, count), median(hb, count), count, true,
                String.format(Locale.ROOT, "median of %d brightest pixels (mean >= %.1f)", count, minSum / 3.0));
    }

    private static int median(long[] hist, long count) {
        long half = (count + 1) / 2;
        long seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (seen >= half) return v;
        }
        return 255;
    }

    /** Estimated I0 per channel, how many pixels it came from, and how. */
    public static final class Background {
        private final int r, g, b;
        private final long pixels;
        private final boolean fromGlass;
        private final String how;

        Background(int r, int g, int b, long pixels, boolean fromGlass, String how) {
            this.r = r;
            this.g = g;
            this.b = b;
            this.pixels = pixels;
            this.fromGlass = fromGlass;
            this.how = how;
        }

        public int red() { return r; }

        public int green() { return g; }

        public int blue() { return b; }

        /** Number of glass pixels the estimate is based on. */
        public long pixels() { return pixels; }

        /** False when the default 255 was used for lack of glass. */
        public boolean fromGlass() { return fromGlass; }

        /** How the value was obtained, for provenance. */
        public String how() { return how; }

        /** {@code stains} with this background. */
        public StainVectors applyTo(StainVectors stains) {
            return stains.withBackground(r, g, b);
        }

        @Override
        public String toString() {
            return "I0 (" + r + ", " + g + ", " + b + "): " + how;
        }
    }
}
