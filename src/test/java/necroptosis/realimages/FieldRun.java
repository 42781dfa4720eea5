package necroptosis.realimages;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.TileResult;
import necroptosis.report.Summary;
import necroptosis.summary.SlideSummary;
import necroptosis.report.TileTable;
import necroptosis.scoring.CellCompartment;
import necroptosis.segmentation.Nucleus;
import necroptosis.segmentation.NucleusDetector;
import necroptosis.slide.OpenOptions;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import necroptosis.stain.ColorDeconvolution;

/**
 * One image through the product's slide analysis, read only through its public results: the summary
 * (as summary.json has it), the immune cells the tiles counted, and every nucleus with its measurements.
 * The slide result keeps only the immune cells' positions, so the nuclei are detected again on the whole
 * field, as {@link DeepliifCountDiagnostics} does: the run's stains, analysis scale, tissue mask and slide
 * threshold, the same detector settings. On a field no larger than one analysis tile (crchisto, NuCLS) that
 * is the tile's own detection.
 */
final class FieldRun {
    final SlideResult result;
    final SlideSummary summary;

    private FieldRun(SlideResult result) {
        this.result = result;
        this.summary = Summary.of(result, TileTable.rows(result));
    }

    /** Runs the analysis on {@code file}; {@code pixelUm} overrides the file's pixel size (null: the file's). */
    static FieldRun of(Path file, Double pixelUm, AnalysisSettings settings) throws IOException {
        OpenOptions o = pixelUm == null ? OpenOptions.DEFAULT : OpenOptions.DEFAULT.withPixelSize(pixelUm);
        try (SlideSource slide = SlideSources.open(file, o)) {
            return new FieldRun(new SlideAnalysis(settings, ProgressListener.NONE).run(slide));
        }
    }

    /**
     * As {@link #of}, with {@link #nuclei} detected while the file is open: a reader may refuse to read a
     * closed slide (Bio-Formats does).
     */
    static FieldRun withNuclei(Path file, Double pixelUm, AnalysisSettings settings) throws IOException {
        OpenOptions o = pixelUm == null ? OpenOptions.DEFAULT : OpenOptions.DEFAULT.withPixelSize(pixelUm);
        try (SlideSource slide = SlideSources.open(file, o)) {
            FieldRun run = new FieldRun(new SlideAnalysis(settings, ProgressListener.NONE).run(slide));
            run.nuclei = run.nuclei();
            return run;
        }
    }

    /** The nuclei once detected by {@link #withNuclei}. */
    private List<Cell> nuclei;

    /** The immune cells the analysis counted, interleaved x, y in level-0 pixel coordinates (0 = first pixel's centre). */
    double[] immuneLevel0() {
        double l0 = result.analysisScale.level0PerPixel;
        int n = 0;
        for (TileResult t : result.tiles) n += t.immunePositions.length;
        double[] out = new double[n];
        int k = 0;
        for (TileResult t : result.tiles) {
            for (double v : t.immunePositions) out[k++] = v * l0 - 0.5;
        }
        return out;
    }

    /** A detected nucleus with the detector's measurements and a few more taken from its pixels. */
    static final class Cell {
        /** Level-0 pixel coordinates (0 = first pixel's centre). */
        double x, y;
        double areaUm2, circularity, meanOd;
        Nucleus.Kind kind;
        /** Haematoxylin OD as deconvolved (no background removed) inside the nucleus: mean, standard deviation, maximum. */
        double rawMeanOd, rawSdOd, rawMaxOd;
        /** Second stain (eosin for H&E, DAB for H-DAB) mean OD inside the nucleus. */
        double stain2Od;

        double integratedOd() { return areaUm2 * meanOd; }
    }

    /** Every nucleus of the field (debris included), detected again as described in the class comment. */
    List<Cell> nuclei() throws IOException {
        if (nuclei != null) return nuclei;
        SlideResult r = result;
        int aw = (int) r.analysisScale.width, ah = (int) r.analysisScale.height, an = aw * ah;
        int[] rgb = r.analysisScale.read(0, 0, aw, ah);
        float[] h = new float[an], s2 = new float[an];
        new ColorDeconvolution(r.stainsUsed).deconvolve(rgb, h, s2, null);
        byte[] tissue = new byte[an];
        double toOverview = r.analysisScale.level0PerPixel / r.overview.scale.level0PerPixel;
        for (int y = 0; y < ah; y++) {
            for (int x = 0; x < aw; x++) {
                int ox = (int) ((x + 0.5) * toOverview), oy = (int) ((y + 0.5) * toOverview);
                tissue[y * aw + x] = ox < r.overview.width && oy < r.overview.height ? r.overviewTissue[oy * r.overview.width + ox] : 0;
            }
        }
        AnalysisSettings s = r.settings;
        boolean nuclearMarker = s.cellMode && s.compartment == CellCompartment.NUCLEUS;
        int[] labels = new int[an];
        List<Nucleus> found = new NucleusDetector(s.nuclei).detect(h, nuclearMarker ? s2 : null, tissue, aw, ah, r.analysisScale.pixelUm, labels,
                r.nucleusThresholdOd);
        int n = found.size();
        double[] sum = new double[n + 1], sum2 = new double[n + 1], max = new double[n + 1], sumS2 = new double[n + 1];
        int[] count = new int[n + 1];
        for (int p = 0; p < an; p++) {
            int id = labels[p];
            if (id == 0) continue;
            count[id]++;
            sum[id] += h[p];
            sum2[id] += h[p] * (double) h[p];
            max[id] = Math.max(max[id], h[p]);
            sumS2[id] += s2[p];
        }
        double l0 = r.analysisScale.level0PerPixel;
        List<Cell> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Nucleus nu = found.get(i);
            Cell c = new Cell();
            c.x = nu.x * l0 - 0.5;
            c.y = nu.y * l0 - 0.5;
            c.areaUm2 = nu.areaUm2;
            c.circularity = nu.circularity;
            c.meanOd = nu.meanHematoxylinOd;
            c.kind = nu.kind;
            int k = count[i + 1];
            c.rawMeanOd = k == 0 ? 0 : sum[i + 1] / k;
            c.rawSdOd = k == 0 ? 0 : Math.sqrt(Math.max(0, sum2[i + 1] / k - c.rawMeanOd * c.rawMeanOd));
            c.rawMaxOd = max[i + 1];
            c.stain2Od = k == 0 ? 0 : sumS2[i + 1] / k;
            out.add(c);
        }
        return out;
    }

    /** Interleaved x, y of the cells. */
    static double[] positions(List<Cell> cells) {
        double[] xy = new double[2 * cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            xy[2 * i] = cells.get(i).x;
            xy[2 * i + 1] = cells.get(i).y;
        }
        return xy;
    }
}
