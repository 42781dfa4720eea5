package necroptosis.bench;

import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Arrays;
import java.util.Locale;

import javax.imageio.ImageIO;

import necroptosis.pipeline.BlockGrid;
import necroptosis.scoring.DabThresholds;
import necroptosis.scoring.PixelScore;
import necroptosis.stain.BackgroundEstimator;
import necroptosis.stain.ColorDeconvolution;
import necroptosis.stain.StainVectors;
import necroptosis.stain.TissueTest;

/**
 * Java half of src/bench/kernel_vs_skimage.sh: times our per-pixel path (colour deconvolution through
 * the lookup tables with the tissue test, then DAB binning) on one RGB image in this single thread, and
 * prints the median of the repeats as {@code java_median_s=... java_mpx_per_s=...} plus the score, so
 * the script can set it beside scikit-image's {@code rgb2hed} and numpy on the same file.
 * <p>
 * {@code java -cp target/necroptosis-scorer.jar:target/test-classes necroptosis.bench.KernelVsSkimage IMAGE.png [REPEATS]}
 */
public final class KernelVsSkimage {
    private KernelVsSkimage() {}

    public static void main(String[] args) throws Exception {
        BufferedImage img = ImageIO.read(new File(args[0]));
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int w = img.getWidth(), h = img.getHeight(), n = w * h;
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        // The slide analysis estimates I0 on the overview; here on the image itself (not timed, like skimage's fixed I0).
        StainVectors stains = new BackgroundEstimator().estimate(rgb).applyTo(StainVectors.H_DAB);
        ColorDeconvolution cd = new ColorDeconvolution(stains);
        // Binned into 16 um blocks (32 px at 0.5 um/px) by the slide analysis's own loop, BlockGrid.addPixels.
        int bpx = 32, bw = (w + bpx - 1) / bpx, bh = (h + bpx - 1) / bpx;
        float[] hem = new float[n], dab = new float[n];
        byte[] tissue = new byte[n];
        BlockGrid grid = null;
        double[] seconds = new double[repeats];
        for (int warm = 0; warm < 3; warm++) {
            cd.deconvolve(rgb, 0, n, hem, dab, null, TissueTest.DEFAULT, tissue);
            new BlockGrid(bw, bh, bpx, 16, false).addPixels(hem, dab, tissue, 0, 0, w, 0, 0, w, h, DabThresholds.DEFAULT);
        }
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            cd.deconvolve(rgb, 0, n, hem, dab, null, TissueTest.DEFAULT, tissue);
            grid = new BlockGrid(bw, bh, bpx, 16, false);
            grid.addPixels(hem, dab, tissue, 0, 0, w, 0, 0, w, h, DabThresholds.DEFAULT);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(seconds);
        double median = seconds[repeats / 2];
        PixelScore score = new PixelScore();
        for (int b = 0; b < grid.size(); b++) score.merge(grid.score(b));
        double[] i0 = stains.background();
        System.out.printf(Locale.ROOT, "java_median_s=%.5f java_mpx_per_s=%.1f tissue_fraction=%.4f dab_positive_fraction=%.4f hscore=%.2f i0=%.1f,%.1f,%.1f%n",
                median, n / median / 1e6, score.tissuePixels() / (double) n, score.positiveFraction(), score.hScore(), i0[0], i0[1], i0[2]);
    }
}
