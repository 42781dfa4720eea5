package necroptosis.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import necroptosis.synth.SyntheticSlideGenerator;
import necroptosis.synth.SyntheticSlideSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: a synthetic MLKL IHC slide with ground truth, for tests, accuracy checks and benchmarks. */
@Command(name = "generate", showDefaultValues = true,
        description = "Write a synthetic MLKL IHC slide (pyramidal JPEG TIFF, Aperio-style metadata) and its truth JSON.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "FILE.tif", description = "output TIFF")
    Path out;

    @Option(names = "--truth", paramLabel = "FILE.json", description = "truth JSON (default: FILE.truth.json beside --out)")
    Path truth;

    @Option(names = "--width", description = "level-0 width in pixels (64-100000)",
            defaultValue = "" + SyntheticSlideSettings.DEFAULT_WIDTH)
    int width;

    @Option(names = "--height", description = "level-0 height in pixels (64-100000)",
            defaultValue = "" + SyntheticSlideSettings.DEFAULT_HEIGHT)
    int height;

    @Option(names = "--pixel-size", paramLabel = "UM", description = "pixel size in µm",
            defaultValue = "" + SyntheticSlideSettings.DEFAULT_PIXEL_SIZE_UM)
    double pixelSize;

    @Option(names = "--seed", description = "random seed", defaultValue = "" + SyntheticSlideSettings.DEFAULT_SEED)
    long seed;

    @Option(names = "--cores", description = "number of necrotic cores", defaultValue = "" + SyntheticSlideSettings.DEFAULT_CORES)
    int cores;

    @Option(names = "--core-radius-um", description = "mean necrotic core radius in µm",
            defaultValue = "" + SyntheticSlideSettings.DEFAULT_CORE_RADIUS_UM)
    double coreRadius;

    @Option(names = "--rim-width-um", description = "peri-necrotic rim width in µm",
            defaultValue = "" + SyntheticSlideSettings.DEFAULT_RIM_WIDTH_UM)
    double rimWidth;

    @Option(names = "--mlkl-rim", description = "fraction of rim tumour cells MLKL-positive",
            defaultValue = "" + SyntheticSlideSettings.DEFAULT_MLKL_RIM)
    double mlklRim;

    @Option(names = "--mlkl-viable", description = "fraction of viable tumour cells MLKL-positive",
            defaultValue = "" + SyntheticSlideSettings.DEFAULT_MLKL_VIABLE)
    double mlklViable;

    @Option(names = "--mlkl-core", description = "fraction of dead (ghost) cells in cores MLKL-positive",
            defaultValue = "" + SyntheticSlideSettings.DEFAULT_MLKL_CORE)
    double mlklCore;

    @Option(names = "--lymph-rim", paramLabel = "PER_MM2", description = "lymphocytes per mm² in the rim",
            defaultValue = "" + SyntheticSlideSettings.DEFAULT_LYMPH_RIM)
    double lymphRim;

    @Option(names = "--lymph-viable", paramLabel = "PER_MM2", description = "lymphocytes per mm² in viable tumour",
            defaultValue = "" + SyntheticSlideSettings.DEFAULT_LYMPH_VIABLE)
    double lymphViable;

    @Option(names = "--lymph-stroma", paramLabel = "PER_MM2", description = "lymphocytes per mm² in stroma",
            defaultValue = "" + SyntheticSlideSettings.DEFAULT_LYMPH_STROMA)
    double lymphStroma;

    @Option(names = "--lymph-core", paramLabel = "PER_MM2", description = "lymphocytes per mm² in necrotic cores",
            defaultValue = "" + SyntheticSlideSettings.DEFAULT_LYMPH_CORE)
    double lymphCore;

    @Option(names = "--tile", description = "TIFF tile size (multiple of 16)", defaultValue = "" + SyntheticSlideSettings.DEFAULT_TILE)
    int tile;

    @Option(names = "--quality", description = "JPEG quality 1-100", defaultValue = "" + SyntheticSlideSettings.DEFAULT_QUALITY)
    int quality;

    @Option(names = "--threads", description = "worker threads (default: available processors)")
    Integer threads;

    @Option(names = "--bigtiff", negatable = true,
            description = "force BigTIFF (--bigtiff) or classic TIFF (--no-bigtiff); default: BigTIFF only when the file may exceed 4 GB")
    Boolean bigTiff;

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        SyntheticSlideSettings s = SyntheticSlideSettings.builder()
                .size(width, height).pixelSizeUm(pixelSize).seed(seed).cores(cores).coreRadiusUm(coreRadius)
                .rimWidthUm(rimWidth).mlklRim(mlklRim).mlklViable(mlklViable).mlklCore(mlklCore)
                .lymphRim(lymphRim).lymphViable(lymphViable).lymphStroma(lymphStroma).lymphCore(lymphCore)
                .tile(tile).quality(quality).build();
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Path truthPath = truth != null ? truth : SyntheticSlideGenerator.defaultTruthPath(out);
        SyntheticSlideGenerator g = new SyntheticSlideGenerator(s, n, bigTiff);
        if (!quiet) {
            g.progress((done, total) -> {
                if (done == total || done % Math.max(1, total / 20) == 0) {
                    System.err.printf(Locale.ROOT, "\rrendering: %d/%d tile rows", done, total);
                    if (done == total) System.err.println();
                }
            });
        }
        SyntheticSlideGenerator.Result r = g.generate(out, truthPath);
        double mpx = (double) s.width() * s.height() / 1e6;
        System.out.printf(Locale.ROOT, "wrote %s (%s, %d levels, %.1f MB) and %s in %.1f s (%.1f Mpx/s on %d threads)%n",
                r.image, r.bigTiff ? "BigTIFF" : "TIFF", r.levels, r.fileBytes / 1e6, r.truth, r.seconds,
                mpx / r.seconds, n);
        return 0;
    }
}
