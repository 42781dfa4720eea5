package necroptosis.scoring;

import necroptosis.stain.ColorDeconvolution;
import necroptosis.stain.TissueTest;

/**
 * Pixel DAB scoring straight from packed RGB in one pass: OD lookup, the DAB row of the deconvolution,
 * the tissue test and binning, with no intermediate arrays. It decides every pixel exactly as
 * {@link ColorDeconvolution#deconvolve} followed by {@link PixelScorer} does (same tables, same
 * arithmetic), and is for callers that need the score but not the stain images, where skipping the
 * buffer writes and re-reads makes it markedly faster. Immutable; build one per slide (stains, tissue
 * test and thresholds fixed) and share it between threads.
 */
public final class TileScorer {

    private final float[] odR, odG, odB;
    private final double[] dabR, dabG, dabB;
    private final double minOdSum;
    private final float weak, moderate, strong;
    private final DabThresholds thresholds;

    /**
     * @param deconvolution stains and background
     * @param dabStain      which stain (1-3) is scored; 2 for the H-DAB preset
     */
    public TileScorer(ColorDeconvolution deconvolution, int dabStain, TissueTest tissueTest, DabThresholds thresholds) {
        if (deconvolution == null || tissueTest == null || thresholds == null) {
            throw new IllegalArgumentException("deconvolution, tissue test and thresholds are required");
        }
        odR = deconvolution.odLut(0);
        odG = deconvolution.odLut(1);
        odB = deconvolution.odLut(2);
        dabR = deconvolution.contributionTable(dabStain, 0);
        dabG = deconvolution.contributionTable(dabStain, 1);
        dabB = deconvolution.contributionTable(dabStain, 2);
        minOdSum = tissueTest.minOdSum();
        this.thresholds = thresholds;
        // Float DAB values are binned against float thresholds, as in PixelScorer.
        weak = (float) thresholds.weak();
        moderate = (float) thresholds.moderate();
        strong = (float) thresholds.strong();
    }

    public DabThresholds thresholds() { return thresholds; }

    /** Scores the tissue pixels of {@code rgb[offset .. offset+length)} into {@code out}. */
    public void score(int[] rgb, int offset, int length, PixelScore out) {
        checkRange(rgb, offset, length);
        final float[] lr = odR, lg = odG, lb = odB;
        final double[] tr = dabR, tg = dabG, tb = dabB;
        final float w = weak, m = moderate, s = strong;
        long c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        double sum = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            int p = rgb[i];
            int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
            if ((double) lr[r] + lg[g] + lb[b] < minOdSum) continue;
            float d = (float) (tr[r] + tg[g] + tb[b]);
            if (d >= m) {
                if (d >= s) c3++;
                else c2++;
            } else if (d >= w) {
                c1++;
            } else {
                c0++;
            }
            sum += d;
        }
        out.negative += c0;
        out.weak += c1;
        out.moderate += c2;
        out.strong += c3;
        out.sumDabOd += sum;
    }

    /**
     * Scores tissue pixels of the whole {@code rgb} array into {@code perZone[zones[i] & 0xff]}; null entries
     * are skipped, labels beyond the array are an error (see {@link PixelScorer#scoreZones}).
     */
    public void scoreZones(int[] rgb, byte[] zones, PixelScore[] perZone) {
        if (zones == null || zones.length < rgb.length) {
            throw new IllegalArgumentException("zone labels must cover all " + rgb.length + " pixels");
        }
        final float[] lr = odR, lg = odG, lb = odB;
        final double[] tr = dabR, tg = dabG, tb = dabB;
        final float w = weak, m = moderate, s = strong;
        final int labels = perZone.length;
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
            if ((double) lr[r] + lg[g] + lb[b] < minOdSum) continue;
            int z = zones[i] & 0xff;
            if (z >= labels) {
                throw new IllegalArgumentException("zone label " + z + " at pixel " + i + " has no accumulator (only "
                        + labels + ")");
            }
            PixelScore acc = perZone[z];
            if (acc == null) continue;
            float d = (float) (tr[r] + tg[g] + tb[b]);
            if (d >= m) {
                if (d >= s) acc.strong++;
                else acc.moderate++;
            } else if (d >= w) {
                acc.weak++;
            } else {
                acc.negative++;
            }
            acc.sumDabOd += d;
        }
    }

    private static void checkRange(int[] rgb, int offset, int length) {
        if (offset < 0 || length < 0 || offset > rgb.length - length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside " + rgb.length + " pixels");
        }
    }
}
