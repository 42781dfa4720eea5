package necroptosis.realimages;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.BlockGrid;
import necroptosis.pipeline.SlideResult;

/**
 * Tool, not a test: which of the block grid's measurements tell real necrosis apart, at the two scales
 * the issue asks for. Osteosarcoma-UT, per tile (necrotic against viable and non-tumour tiles): the
 * tile's tissue fraction, intact-nucleus and debris densities per mm² of tissue, the debris share of all
 * nuclear objects, the mean haematoxylin and eosin OD of its tissue pixels and the share of tissue with
 * strong eosin (above the DAB scoring's strong threshold), their sum (how pale the tissue is), with each
 * one's ROC AUC. SBU-u24, per 16 µm block with at least half its pixels tissue
 * (blocks at least half inside the mask against the rest): the same measurements per block and the
 * necrosis segmenter's density ratio. H&E preset, the pixel sizes of {@link RealTissueEvaluation}.
 * <p>
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) necroptosis.realimages.NecrosisDiagnostics [REAL_IMAGES_DIR]}
 */
public final class NecrosisDiagnostics {
    static final String[] NAMES = {"tissue fraction", "intact nuclei /mm2", "debris /mm2", "debris share", "lymphocytes /mm2", "mean H OD",
        "mean eosin OD", "strong eosin share", "H + eosin OD", "density ratio"};

    public static void main(String[] args) throws IOException {
        Path root = Paths.get(args.length > 0 ? args[0] : "../shared/real-images");
        osteosarcoma(root, System.out);
        sbu(root, System.out);
    }

    /** The measurements of a set of blocks (NaN density ratio when the segmenter gave none). */
    static double[] features(SlideResult r, List<Integer> blocks) {
        BlockGrid g = r.grid;
        double pixels = 0, tissue = 0, intact = 0, debris = 0, lymph = 0, h = 0, e = 0, strong = 0, ratio = 0;
        int ratios = 0;
        for (int b : blocks) {
            pixels += g.pixels(b);
            tissue += g.tissue(b);
            intact += g.tumourNuclei(b) + g.lymphocytes(b);
            lymph += g.lymphocytes(b);
            debris += g.debris(b);
            h += g.hematoxylinSum(b);
            e += g.dabSum(b);
            strong += g.strong(b);
            float d = r.cores.densityRatio == null ? Float.NaN : r.cores.densityRatio[b];
            if (!Float.isNaN(d)) {
                ratio += d;
                ratios++;
            }
        }
        double mm2 = tissue * g.pixelAreaMm2();
        return new double[] {pixels == 0 ? 0 : tissue / pixels, mm2 == 0 ? 0 : intact / mm2, mm2 == 0 ? 0 : debris / mm2,
            intact + debris == 0 ? 0 : debris / (intact + debris), mm2 == 0 ? 0 : lymph / mm2, tissue == 0 ? 0 : h / tissue,
            tissue == 0 ? 0 : e / tissue, tissue == 0 ? 0 : strong / tissue, tissue == 0 ? 0 : (h + e) / tissue, ratios == 0 ? Double.NaN : ratio / ratios};
    }

    static void osteosarcoma(Path root, PrintStream out) throws IOException {
        List<RealDatasets.LabelledTile> tiles = RealDatasets.osteosarcoma(root);
        List<double[]> f = new ArrayList<>();
        boolean[] necrotic = new boolean[tiles.size()];
        String[] label = new String[tiles.size()];
        out.println("== osteosarcoma tiles (H&E, 1 um/px): " + String.join(", ", NAMES) + ", necrosis fraction, cores");
        for (int i = 0; i < tiles.size(); i++) {
            RealDatasets.LabelledTile t = tiles.get(i);
            FieldRun run = FieldRun.of(t.image, RealDatasets.OSTEOSARCOMA_PIXEL_UM, RealTissueEvaluation.HE);
            List<Integer> all = new ArrayList<>();
            for (int b = 0; b < run.result.grid.size(); b++) all.add(b);
            double[] v = features(run.result, all);
            f.add(v);
            necrotic[i] = t.necrotic;
            label[i] = t.label;
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-18s", t.label));
            for (double x : v) sb.append(String.format(Locale.ROOT, " %8.3g", x));
            sb.append(String.format(Locale.ROOT, "  nf %.3f cores %d ref %.0f/mm2", run.summary.necrosisFraction, run.result.cores.count,
                    run.result.cores.referenceDensity));
            out.println(sb);
        }
        out.println("per-class medians (non-tumour | viable | necrotic) and ROC AUC necrotic vs the others (< 0.5: lower in necrosis)");
        for (int k = 0; k < NAMES.length - 1; k++) {
            double[] v = new double[f.size()];
            for (int i = 0; i < v.length; i++) v[i] = f.get(i)[k];
            out.printf(Locale.ROOT, "  %-20s %9.3g | %9.3g | %9.3g   AUC %.3f%n", NAMES[k], median(v, label, "Non-Tumor"), median(v, label, "Viable"),
                    median(v, label, "Non-Viable-Tumor"), EvaluationMetrics.rocAuc(v, necrotic));
        }
    }

    static double median(double[] v, String[] label, String which) {
        List<Double> s = new ArrayList<>();
        for (int i = 0; i < v.length; i++) if (label[i].equals(which)) s.add(v[i]);
        return EvaluationMetrics.percentile(s.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }

    static void sbu(Path root, PrintStream out) throws IOException {
        List<double[]> f = new ArrayList<>();
        List<Boolean> inMask = new ArrayList<>();
        for (Map.Entry<String, Path[]> e : RealDatasets.sbu(root).entrySet()) {
            FieldRun run = FieldRun.of(e.getValue()[0], RealTissueEvaluation.SBU_PIXEL_UM, RealTissueEvaluation.HE);
            SlideResult r = run.result;
            BufferedImage mask = ImageIO.read(e.getValue()[1].toFile());
            BlockGrid g = r.grid;
            int[] masked = new int[g.size()], all = new int[g.size()];
            double l0 = r.analysisScale.level0PerPixel;
            for (int y = 0; y < mask.getHeight(); y++) {
                for (int x = 0; x < mask.getWidth(); x++) {
                    int bx = (int) ((x + 0.5) / l0 / g.blockPx), by = (int) ((y + 0.5) / l0 / g.blockPx);
                    if (bx >= g.width || by >= g.height) continue;
                    all[by * g.width + bx]++;
                    if (mask.getRaster().getSample(x, y, 0) >= 128) masked[by * g.width + bx]++;
                }
            }
            for (int b = 0; b < g.size(); b++) {
                if (all[b] == 0 || g.tissueFraction(b) < 0.5) continue;
                List<Integer> one = new ArrayList<>();
                one.add(b);
                f.add(features(r, one));
                inMask.add(2 * masked[b] >= all[b]);
            }
        }
        boolean[] pos = new boolean[inMask.size()];
        int n = 0;
        for (int i = 0; i < pos.length; i++) if (pos[i] = inMask.get(i)) n++;
        out.printf(Locale.ROOT, "== SBU blocks (16 um, H&E, 0.5 um/px), tissue >= half: %d in the mask, %d outside; medians in | out, ROC AUC in vs out%n", n,
                pos.length - n);
        for (int k = 0; k < NAMES.length; k++) {
            List<Double> a = new ArrayList<>(), b = new ArrayList<>(), all = new ArrayList<>();
            List<Boolean> p = new ArrayList<>();
            for (int i = 0; i < pos.length; i++) {
                double v = f.get(i)[k];
                if (Double.isNaN(v)) continue;
                (pos[i] ? a : b).add(v);
                all.add(v);
                p.add(pos[i]);
            }
            double[] va = all.stream().mapToDouble(Double::doubleValue).toArray();
            boolean[] vp = new boolean[p.size()];
            for (int i = 0; i < vp.length; i++) vp[i] = p.get(i);
            out.printf(Locale.ROOT, "  %-20s %9.3g | %9.3g   AUC %.3f%n", NAMES[k], EvaluationMetrics.percentile(a.stream().mapToDouble(Double::doubleValue).toArray(), 50),
                    EvaluationMetrics.percentile(b.stream().mapToDouble(Double::doubleValue).toArray(), 50), EvaluationMetrics.rocAuc(va, vp));
        }
    }
}
