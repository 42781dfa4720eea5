package necroptosis.scoring;

import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

import javax.imageio.ImageIO;

import necroptosis.stain.ColorDeconvolution;
import necroptosis.stain.StainVectors;
import necroptosis.stain.TissueTest;

/**
 * Throwaway single-threaded throughput measurement, not a unit test (surefire does not run it):
 * {@code java -cp target/classes:target/test-classes necroptosis.scoring.ScoringThroughput [ihc.png]}.
 * Tiles the image (or random pixels) to 4096 x 4096 and times deconvolution + tissue test + scoring.
 */
public final class ScoringThroughput {
    public static void main(String[] args) throws Exception {
        int w = 4096, n = w * w;
        int[] rgb = new int[n];
        if (args.length > 0) {
            BufferedImage img = ImageIO.read(new File(args[0]));
            int iw = img.getWidth(), ih = img.getHeight();
            int[] src = img.getRGB(0, 0, iw, ih, null, 0, iw);
            for (int y = 0; y < w; y++) {
                for (int x = 0; x < w; x++) rgb[y * w + x] = src[(y % ih) * iw + x % iw];
            }
        } else {
            Random random = new Random(1);
            for (int i = 0; i < n; i++) rgb[i] = random.nextInt();
        }
        ColorDeconvolution cd = new ColorDeconvolution(StainVectors.H_DAB);
        PixelScorer scorer = new PixelScorer(DabThresholds.DEFAULT);
        TileScorer fused = new TileScorer(cd, 2, TissueTest.DEFAULT, DabThresholds.DEFAULT);
        float[] h = new float[n], dab = new float[n];
        byte[] tissue = new byte[n];
        for (int rep = 0; rep < 8; rep++) {
            long t0 = System.nanoTime();
            cd.deconvolve(rgb, 0, n, h, dab, null, TissueTest.DEFAULT, tissue);
            PixelScore s = new PixelScore();
            scorer.score(dab, tissue, n, s);
            long t1 = System.nanoTime();
            PixelScore f = new PixelScore();
            fused.score(rgb, 0, n, f);
            long t2 = System.nanoTime();
            System.out.printf("deconvolve(H, DAB, tissue) + PixelScorer: %.0f Mpx/s; TileScorer: %.0f Mpx/s (H-score %.2f)%n",
                    n / ((t1 - t0) / 1e3), n / ((t2 - t1) / 1e3), f.hScore());
        }
    }
}
