package necroptosis.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.report.ResultWriter;
import necroptosis.scoring.DabThresholds;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code score SLIDE --out DIR}: the whole analysis of one slide. */
@Command(name = "score", mixinStandardHelpOptions = true, description = "Score one slide: necrotic cores, MLKL per zone, immune density; writes DIR/<slide>/summary.json and tiles.csv.")
final class ScoreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SLIDE", description = "slide file")
    Path slide;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Mixin
    OpenOptionsMixin open;

    @Mixin
    AnalysisOptions analysis;

    @Mixin
    ProgressOptions progressOptions;

    @Override
    public Integer call() throws Exception {
        AnalysisSettings settings = analysis.settings();
        ConsoleProgress.Mode mode = progressOptions.mode();
        ConsoleProgress progress = new ConsoleProgress(mode);
        try (SlideSource s = SlideSources.open(slide, open.options())) {
            progress.slideStarted(1, 1, slide);
            SlideResult r = new SlideAnalysis(settings, new ProgressListener() {
                @Override
                public void tiles(int done, int total) { progress.tiles(done, total); }
            }).run(s);
            Path dir = ResultWriter.write(r, out);
            if (mode == ConsoleProgress.Mode.JSON) {
                progress.slideFinished(necroptosis.batch.BatchRow.ofSummary(1, slide.toString(), dir.getFileName().toString(),
                        dir.resolve("summary.json"), r.runMillis / 1000.0));
            }
            progress.finished(s.path() + ": " + r.tiles.size() + " tiles, " + r.cores.countInWords() + ", "
                    + String.format(java.util.Locale.ROOT, "%.1f s", r.runMillis / 1000.0) + " -> " + dir, null);
        }
        return 0;
    }

    /** Analysis options shared by every command that scores; defaults come from AnalysisSettings. */
    static final class AnalysisOptions {
        @Mixin
        StainOptions stainOptions;

        @Option(names = "--weak", defaultValue = "" + DabThresholds.DEFAULT_WEAK, description = "DAB OD threshold for weak (1+); default ${DEFAULT-VALUE}")
        double weak;

        @Option(names = "--moderate", defaultValue = "" + DabThresholds.DEFAULT_MODERATE, description = "DAB OD threshold for moderate (2+); default ${DEFAULT-VALUE}")
        double moderate;

        @Option(names = "--strong", defaultValue = "" + DabThresholds.DEFAULT_STRONG, description = "DAB OD threshold for strong (3+); default ${DEFAULT-VALUE}")
        double strong;

        @Option(names = "--rim-width", paramLabel = "UM", defaultValue = "" + AnalysisSettings.DEFAULT_RIM_WIDTH_UM, description = "peri-necrotic rim width in um; default ${DEFAULT-VALUE}")
        double rimWidth;

        @Option(names = "--min-core-area", paramLabel = "MM2", defaultValue = "" + necroptosis.segmentation.NecrosisSettings.DEFAULT_MIN_CORE_AREA_MM2, description = "smallest necrotic core in mm2; default ${DEFAULT-VALUE}")
        double minCoreArea;

        @Option(names = "--analysis-pixel-size", paramLabel = "UM", defaultValue = "" + AnalysisSettings.DEFAULT_ANALYSIS_PIXEL_UM, description = "resolution of the analysis in um/px; default ${DEFAULT-VALUE}")
        double analysisPixel;

        @Option(names = "--immune-mode", defaultValue = "morphological", description = "morphological (default) or marker")
        String immuneMode;

        @Option(names = "--cells", description = "also score cells (nuclei expanded by --cell-expansion um)")
        boolean cells;

        @Option(names = "--compartment", defaultValue = "cytoplasm", description = "cell compartment scored: nucleus, cytoplasm (default, includes membrane), membrane or cell")
        String compartment;

        @Option(names = "--cell-expansion", paramLabel = "UM", defaultValue = "" + AnalysisSettings.DEFAULT_CELL_EXPANSION_UM, description = "cell expansion beyond the nucleus in um; default ${DEFAULT-VALUE}")
        double cellExpansion;

        @Option(names = "--nucleus-threshold", paramLabel = "OD", defaultValue = "" + necroptosis.segmentation.NucleusSettings.DEFAULT_THRESHOLD_OD, description = "haematoxylin OD above which a smoothed pixel belongs to a nucleus; default ${DEFAULT-VALUE}")
        double nucleusThreshold;

        @Option(names = "--nucleus-sigma", paramLabel = "UM", defaultValue = "" + necroptosis.segmentation.NucleusSettings.DEFAULT_SIGMA_UM, description = "Gaussian smoothing before nucleus thresholding, um; default ${DEFAULT-VALUE}")
        double nucleusSigma;

        @Option(names = "--background", paramLabel = "R,G,B", description = "glass intensity I0, e.g. 242,242,242; default: measured on the slide (give it for fields with no glass)")
        String background;

        @Option(names = "--threads", paramLabel = "N", description = "worker threads; default: all processors")
        Integer threads;

        @Option(names = "--regions", paramLabel = "FILE", description = "user regions: GeoJSON (QuPath export, level-0 pixels), ImageJ .roi or RoiSet .zip")
        Path regions;

        @Option(names = "--regions-mode", paramLabel = "MODE", defaultValue = "override", description = "override: polygons classified necrosis (or unclassified) are the cores; restrict: analyse only inside the polygons, detect cores there; default ${DEFAULT-VALUE}")
        String regionsMode;

        @Option(names = "--regions-scale", paramLabel = "S", defaultValue = "1", description = "level-0 pixels per ImageJ ROI pixel (e.g. 4 for ROIs drawn on a 4x downsampled level); default ${DEFAULT-VALUE}")
        double regionsScale;

        /** Reads --regions by its extension (ImageJ ROIs or GeoJSON). */
        private necroptosis.regions.UserRegions userRegions() throws java.io.IOException {
            necroptosis.regions.UserRegions.Mode mode = necroptosis.regions.UserRegions.Mode.parse(regionsMode);
            if (regions == null) return null;
            if (regionsScale != 1 && !necroptosis.regions.RegionFiles.isImageJRois(regions)) {
                throw new IllegalArgumentException("--regions-scale applies to ImageJ ROIs only; GeoJSON is in level-0 pixels");
            }
            return necroptosis.regions.RegionFiles.read(regions, mode, regionsScale);
        }

        AnalysisSettings settings() {
            AnalysisSettings.Builder b = AnalysisSettings.builder()
                    .estimateStains(stainOptions.estimateStains)
                    .thresholds(DabThresholds.of(weak, moderate, strong))
                    .rimWidthUm(rimWidth)
                    .minCoreAreaMm2(minCoreArea)
                    .analysisPixelUm(analysisPixel)
                    .immuneMode(AnalysisSettings.ImmuneMode.parse(immuneMode))
                    .cellMode(cells)
                    .compartment(necroptosis.scoring.CellCompartment.parse(compartment))
                    .cellExpansionUm(cellExpansion)
                    .nuclei(necroptosis.segmentation.NucleusSettings.DEFAULT.withThreshold(nucleusThreshold).withSigma(nucleusSigma));
            b.stains(stainOptions.vectors());
            if (threads != null) b.threads(threads);
            if (background != null) b.background(StainOptions.threeNumbers("--background", background));
            try {
                b.userRegions(userRegions());
            } catch (java.io.IOException e) {
                // A bad regions file is a bad argument: its message already names the file and the reason.
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            return b.build();
        }
    }
}
