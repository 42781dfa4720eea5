package necroptosis.pipeline;

import java.util.Locale;

/**
 * Whether a slide holds something the scoring means anything for: a brightfield section stained with
 * coloured dyes, at least one block across. The analysis scores whatever it is given, and an all-black
 * image, random noise or a greyscale picture otherwise yields plausible numbers (black is all "tissue",
 * fully DAB positive). Decided on the overview and its tissue mask, so it costs one pass over pixels
 * already in memory.
 * <p>
 * Real sections, at any overview resolution, differ from those inputs in three ways this class tests:
 * stained tissue transmits light (even dense nuclei and strong DAB keep a channel well above black),
 * it has hue (haematoxylin blue, eosin pink, DAB brown: the channels differ by tens of levels), and
 * neighbouring pixels are alike (cells span several overview pixels). Glass is left out of all three:
 * a slide without tissue is the summary's "no tissue" case, not this one.
 */
public final class ContentCheck {
    /** What the content is; {@link #status} is the summary status for the ones that are not scorable. */
    public enum Verdict {
        STAINED_SECTION(null),
        TOO_SMALL("too_small"),
        NOT_A_STAINED_SECTION("not_a_stained_section");

        /** The summary status, or null where the usual status (ok, no_tissue, no_necrosis) applies. */
        public final String status;

        Verdict(String status) {
            this.status = status;
        }
    }

    /** A channel at most this bright (0-255) in every colour is black: OD above 1 in all three. */
    static final int BLACK_LEVEL = 25;
    /** Share of the tissue area that must be black for the image to be called black. */
    static final double BLACK_SHARE = 0.9;
    /** Spread between the brightest and darkest channel (0-255) from which a pixel has colour. */
    static final int MIN_CHROMA = 12;
    /** Share of the tissue area with colour below which the image is called greyscale. */
    static final double MIN_COLOURED_SHARE = 0.01;
    /** Correlation of neighbouring tissue pixels' brightness below which the image is called noise. */
    static final double MIN_NEIGHBOUR_CORRELATION = 0.2;
    /** Fewest neighbouring pairs of tissue pixels for the correlation to be judged. */
    static final int MIN_PAIRS = 64;

    public final Verdict verdict;
    /** Why, in words for the summary's notes; null for a stained section. */
    public final String note;

    private ContentCheck(Verdict verdict, String note) {
        this.verdict = verdict;
        this.note = note;
    }

    static final ContentCheck STAINED = new ContentCheck(Verdict.STAINED_SECTION, null);

    /** The summary status this verdict asks for, or null where the usual one applies. */
    public String status() {
        return verdict.status;
    }

    /**
     * @param analysis the scale the blocks are laid on
     * @param blockPx  a block's side at that scale
     * @param tissue   the overview's tissue mask (non-zero = tissue)
     */
    public static ContentCheck of(ScaledLevel analysis, int blockPx, Overview overview, byte[] tissue) {
        if (analysis.width < blockPx || analysis.height < blockPx) {
            return new ContentCheck(Verdict.TOO_SMALL, String.format(Locale.ROOT,
                    "the image is %dx%d pixels at %.3g um/px, smaller than one %dx%d pixel block: too small to score",
                    analysis.width, analysis.height, analysis.pixelUm, blockPx, blockPx));
        }
        return ofPixels(overview.rgb, overview.width, overview.height, tissue);
    }

    /** The colour tests alone, on an image of 0xRRGGBB pixels and its tissue mask. */
    static ContentCheck ofPixels(int[] rgb, int width, int height, byte[] tissue) {
        long tissuePx = 0, black = 0, coloured = 0;
        for (int i = 0; i < rgb.length; i++) {
            if (tissue[i] == 0) continue;
            tissuePx++;
            int p = rgb[i];
            int r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
            int max = Math.max(r, Math.max(g, b));
            int min = Math.min(r, Math.min(g, b));
            if (max <= BLACK_LEVEL) black++;
            if (max - min >= MIN_CHROMA) coloured++;
        }
        if (tissuePx == 0) return STAINED;
        if (black >= BLACK_SHARE * tissuePx) {
            return new ContentCheck(Verdict.NOT_A_STAINED_SECTION, String.format(Locale.ROOT,
                    "%.0f%% of the tissue area is black: not a brightfield stained section, the scores are meaningless",
                    100.0 * black / tissuePx));
        }
        double correlation = neighbourCorrelation(rgb, width, height, tissue);
        if (correlation < MIN_NEIGHBOUR_CORRELATION) {
            return new ContentCheck(Verdict.NOT_A_STAINED_SECTION, String.format(Locale.ROOT,
                    "neighbouring pixels are unrelated (correlation %.2f): the image looks like noise, not a stained section;"
                            + " the scores are meaningless", correlation));
        }
        if (coloured < MIN_COLOURED_SHARE * tissuePx) {
            return new ContentCheck(Verdict.NOT_A_STAINED_SECTION,
                    "the image has no colour (greyscale): haematoxylin and DAB cannot be told apart, the scores are meaningless");
        }
        return STAINED;
    }

    /**
     * Pearson correlation of the brightness (R+G+B) of horizontally and vertically adjacent tissue pixels;
     * 1 (alike) when there are too few pairs to tell or the brightness does not vary.
     */
    static double neighbourCorrelation(int[] rgb, int width, int height, byte[] tissue) {
        long n = 0;
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (tissue[i] == 0) continue;
                double a = brightness(rgb[i]);
                // The right-hand neighbour (d = 0) and the one below (d = 1).
                for (int d = 0; d < 2; d++) {
                    int j = d == 0 ? (x + 1 < width ? i + 1 : -1) : (y + 1 < height ? i + width : -1);
                    if (j < 0 || tissue[j] == 0) continue;
                    double b = brightness(rgb[j]);
                    n++;
                    sa += a;
                    sb += b;
                    saa += a * a;
                    sbb += b * b;
                    sab += a * b;
                }
            }
        }
        if (n < MIN_PAIRS) return 1;
        double cov = sab / n - (sa / n) * (sb / n);
        double va = saa / n - (sa / n) * (sa / n);
        double vb = sbb / n - (sb / n) * (sb / n);
        if (va <= 1e-9 || vb <= 1e-9) return 1;
        return cov / Math.sqrt(va * vb);
    }

    private static int brightness(int p) {
        return ((p >> 16) & 0xFF) + ((p >> 8) & 0xFF) + (p & 0xFF);
    }
}
