package necroptosis.bench;

import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import ij.plugin.filter.RankFilters;
import ij.process.FloatProcessor;
import necroptosis.pipeline.BlockGrid;
import necroptosis.scoring.DabThresholds;
import necroptosis.segmentation.ImageJFilters;
import necroptosis.segmentation.Nucleus;
import necroptosis.segmentation.NucleusDetector;
import necroptosis.segmentation.NucleusSettings;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import necroptosis.stain.BackgroundEstimator;
import necroptosis.stain.ColorDeconvolution;
import necroptosis.stain.StainVectors;
import necroptosis.stain.TissueTest;

/**
 * JMH benchmarks of the per-tile kernels, single-threaded, on one analysis tile (1024 x 1024 pixels
 * plus the 52-pixel margin the slide analysis reads) cut from the synthetic test slide: the
 * per-pixel path (colour deconvolution with the tissue test, DAB binning) and its parts, and the
 * nucleus detection with its filters, with ImageJ's RankFilters top-hat as the reference the
 * {@code TopHat} replacement is measured against. One operation = one tile; see src/bench/BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class KernelBenchmark {
    static final String SLIDE = "test-images/synthetic-4096-1core.tif";
    static final int SIDE = 1024 + 2 * 52;
    static final double PIXEL_UM = 0.5;

    int[] rgb;
    float[] h, dab;
    byte[] tissue;
    int[] labels;
    int n;
    ColorDeconvolution deconvolution;
    NucleusDetector detector;
    double threshold;

    @Setup
    public void setUp() throws Exception {
        try (SlideSource s = SlideSources.open(Paths.get(SLIDE))) {
            int x = (int) (s.levels().get(0).width() - SIDE) / 2, y = (int) (s.levels().get(0).height() - SIDE) / 2;
            rgb = s.readRegion(0, x, y, SIDE, SIDE);
        }
        n = rgb.length;
        StainVectors stains = new BackgroundEstimator().estimate(rgb).applyTo(StainVectors.H_DAB);
        deconvolution = new ColorDeconvolution(stains);
        h = new float[n];
        dab = new float[n];
        tissue = new byte[n];
        labels = new int[n];
        deconvolution.deconvolve(rgb, 0, n, h, dab, null, TissueTest.DEFAULT, tissue);
        detector = new NucleusDetector(NucleusSettings.DEFAULT);
        threshold = detector.threshold(NucleusDetector.histogram(detector.filtered(h, SIDE, SIDE, PIXEL_UM)[1], null));
    }

    /** Haematoxylin and DAB OD and the tissue mask, through the lookup tables. */
    @Benchmark
    public byte[] deconvolveWithTissueTest() {
        deconvolution.deconvolve(rgb, 0, n, h, dab, null, TissueTest.DEFAULT, tissue);
        return tissue;
    }

    /** The same with one logarithm per channel and pixel: what the tables save. */
    @Benchmark
    public float[] deconvolveWithoutLut() {
        deconvolution.deconvolveWithoutLut(rgb, h, dab, null);
        return dab;
    }

    /** DAB binning (negative / weak / moderate / strong) of the tissue pixels into 16 µm blocks, as a tile does. */
    @Benchmark
    public BlockGrid dabBinning() {
        return binned();
    }

    /** The whole per-pixel path compared with scikit-image: deconvolution, tissue test, binning. */
    @Benchmark
    public BlockGrid perPixelPath() {
        deconvolution.deconvolve(rgb, 0, n, h, dab, null, TissueTest.DEFAULT, tissue);
        return binned();
    }

    /** The tile's pixels added to a fresh grid of 16 µm blocks by the pipeline's own loop. */
    private BlockGrid binned() {
        int bpx = (int) Math.round(16 / PIXEL_UM), blocks = (SIDE + bpx - 1) / bpx;
        BlockGrid g = new BlockGrid(blocks, blocks, bpx, 16, false);
        g.addPixels(h, dab, tissue, 0, 0, SIDE, 0, 0, SIDE, SIDE, DabThresholds.DEFAULT);
        return g;
    }

    /** Nucleus detection of one tile as the slide analysis runs it (slide threshold given, labels kept for cell mode). */
    @Benchmark
    public List<Nucleus> nucleusDetection() {
        return detector.detect(h, null, tissue, SIDE, SIDE, PIXEL_UM, labels, threshold);
    }

    /**
     * Decoding the tile as a run does, from the file (JPEG tiles of the synthetic slide), with no tile
     * cache kept between operations: the per-tile cost that the analysis is compared with (issue 5).
     * Opening the file is included, so this slightly overstates decoding.
     */
    @Benchmark
    public int[] decodeTile() throws java.io.IOException {
        try (SlideSource s = SlideSources.open(Paths.get(SLIDE))) {
            int x = (int) (s.levels().get(0).width() - SIDE) / 2, y = (int) (s.levels().get(0).height() - SIDE) / 2;
            s.readRegion(0, x, y, SIDE, SIDE, rgbScratch);
        }
        return rgbScratch;
    }

    int[] rgbScratch = new int[SIDE * SIDE];

    /** The Gaussian smoothing inside the detection (ImageJ's GaussianBlur, the default sigma). */
    @Benchmark
    public float[] gaussianBlur() {
        float[] f = h.clone();
        ImageJFilters.gaussian(f, SIDE, SIDE, NucleusSettings.DEFAULT_SIGMA_UM / PIXEL_UM);
        return f;
    }

    /** The background removal inside the detection: the top-hat with its opening on the image shrunk by 2 (TopHat). */
    @Benchmark
    public float[] topHat() {
        float[] f = h.clone();
        ImageJFilters.subtractBackground(f, SIDE, SIDE, NucleusSettings.DEFAULT_BACKGROUND_RADIUS_UM / PIXEL_UM);
        return f;
    }

    /**
     * The exact top-hat through ImageJ's RankFilters, the reference (TopHatTest: TopHat's exact version equals
     * it pixel for pixel; ShrunkTopHatTest bounds the shrunken one's difference).
     */
    @Benchmark
    public float[] topHatImageJRankFilters() {
        float[] f = h.clone();
        new RankFilters().rank(new FloatProcessor(SIDE, SIDE, f), NucleusSettings.DEFAULT_BACKGROUND_RADIUS_UM / PIXEL_UM, RankFilters.TOP_HAT, 0, 0f, false, false);
        return f;
    }
}
