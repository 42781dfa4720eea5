package necroptosis.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import necroptosis.synth.SlideStyle;
import necroptosis.synth.SyntheticSlideGenerator;
import necroptosis.synth.SyntheticSlideSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Option(names = "--style", paramLabel = "classic|varied",
            description = "look of the slide: classic (one fixed H-DAB look) or varied (stain, counterstain, nucleus sizes "
                    + "and darkness, glass, keratin, collagen and fat drawn from the seed; see the README)",
            defaultValue = "classic")
    String style;

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

    @Spec
    CommandSpec spec;

    /** Smallest core radius tried when fitting the default cores to a small slide (the settings' lower bound). */
    private static final double MIN_FITTED_RADIUS_UM = 20;

    @Override
    public Integer call() throws Exception {
        SyntheticSlideSettings s = SyntheticSlideSettings.builder()
                .size(width, height).pixelSizeUm(pixelSize).seed(seed).cores(cores).coreRadiusUm(coreRadius)
                .rimWidthUm(rimWidth).mlklRim(mlklRim).mlklViable(mlklViable).mlklCore(mlklCore)
                .lymphRim(lymphRim).lymphViable(lymphViable).lymphStroma(lymphStroma).lymphCore(lymphCore)
                .tile(tile).quality(quality).style(SlideStyle.parse(style)).build();
        s = fitCores(s);
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

    /**
     * The default cores (two of 250 µm) need a slide of about 5000 px at 0.5 µm/px. When the user left
     * {@code --cores} and {@code --core-radius-um} at their defaults, fewer and then smaller cores are drawn so
     * that a small slide still generates, with a note saying so; values the user gave are kept, and when they
     * do not fit the error says which setting would.
     */
    private SyntheticSlideSettings fitCores(SyntheticSlideSettings s) {
        if (SyntheticSlideGenerator.coresFit(s)) return s;
        boolean chosen = given("--cores") || given("--core-radius-um");
        if (chosen) throw new IllegalArgumentException(whatFits(s));
        SyntheticSlideSettings fitted = null;
        for (int c = s.cores() - 1; c >= 1 && fitted == null; c--) {
            SyntheticSlideSettings t = s.toBuilder().cores(c).build();
            if (SyntheticSlideGenerator.coresFit(t)) fitted = t;
        }
        if (fitted == null) {
            double r = largestFittingRadius(s.toBuilder().cores(1).build());
            fitted = r > 0 ? s.toBuilder().cores(1).coreRadiusUm(r).build() : s.toBuilder().cores(0).build();
        }
        System.err.printf(Locale.ROOT, "note: %d necrotic cores of radius %s µm do not fit a %dx%d slide at %s µm/px; "
                        + "drawing %s (set --cores and --core-radius-um to choose)%n",
                s.cores(), num(s.coreRadiusUm()), s.width(), s.height(), num(s.pixelSizeUm()),
                fitted.cores() == 0 ? "none" : fitted.cores() + " of radius " + num(fitted.coreRadiusUm()) + " µm");
        return fitted;
    }

    /** One line naming the options that would make the user's cores fit, with values that do (for this seed). */
    private static String whatFits(SyntheticSlideSettings s) {
        StringBuilder m = new StringBuilder(String.format(Locale.ROOT,
                "%d necrotic cores of radius %s µm with a %s µm rim do not fit the tissue of a %dx%d slide at %s µm/px; ",
                s.cores(), num(s.coreRadiusUm()), num(s.rimWidthUm()), s.width(), s.height(), num(s.pixelSizeUm())));
        List<String> fixes = new ArrayList<>();
        for (int c = s.cores() - 1; c >= 1; c--) {
            if (SyntheticSlideGenerator.coresFit(s.toBuilder().cores(c).build())) {
                fixes.add("--cores " + c);
                break;
            }
        }
        double r = largestFittingRadius(s);
        if (r > 0) fixes.add("--core-radius-um " + num(r));
        int side = smallestFittingSide(s);
        if (side > 0) fixes.add("--width " + Math.max(side, s.width()) + " --height " + Math.max(side, s.height()));
        fixes.add("--cores 0");
        m.append("try ").append(String.join(", or ", fixes));
        return m.toString();
    }

    /** Largest whole-µm radius below the current one at which the cores fit, or 0 when even the smallest does not. */
    private static double largestFittingRadius(SyntheticSlideSettings s) {
        int lo = (int) MIN_FITTED_RADIUS_UM, hi = (int) Math.ceil(s.coreRadiusUm()) - 1;
        if (hi < lo || !SyntheticSlideGenerator.coresFit(s.toBuilder().coreRadiusUm(lo).build())) return 0;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (SyntheticSlideGenerator.coresFit(s.toBuilder().coreRadiusUm(mid).build())) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    /** Smallest side (a multiple of 1024, both sides at least this) at which the cores fit, or 0 when none does. */
    private static int smallestFittingSide(SyntheticSlideSettings s) {
        for (int side = 1024; side <= SyntheticSlideSettings.MAX_SIDE; side += side < 8192 ? 1024 : 8192) {
            if (side <= Math.min(s.width(), s.height())) continue;
            SyntheticSlideSettings t = s.toBuilder().size(Math.max(side, s.width()), Math.max(side, s.height())).build();
            if (SyntheticSlideGenerator.coresFit(t)) return side;
        }
        return 0;
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** A number as typed: 250 rather than 250.0. */
    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
