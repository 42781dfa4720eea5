package necroptosis.realimages;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.BlockGrid;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.Zone;
import necroptosis.scoring.CellCompartment;
import necroptosis.segmentation.Nucleus;
import necroptosis.stain.StainVectors;

/**
 * Issue 14's measurements on the labelled real images in ../shared/real-images, one table of every
 * target with today's value: a tool, not a test (the targets are not met yet, and the run takes minutes).
 * Read-only use of the product: each image goes through {@link necroptosis.pipeline.SlideAnalysis} with
 * the settings a user would choose for it (H&E preset on H&E, the default H-DAB in cell mode with the
 * nuclear compartment on Ki67), the pixel size SOURCE.md gives where the file has none, one thread (the
 * machine is shared; results do not depend on the thread count).
 * <p>
 * Run from the repository root, after {@code mvn -q test-compile}:
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) necroptosis.realimages.RealTissueEvaluation [REAL_IMAGES_DIR]
 * </pre>
 * REAL_IMAGES_DIR defaults to ../shared/real-images. The measures ({@link EvaluationMetrics}, tested
 * in EvaluationMetricsTest):
 * <ul>
 * <li>nucleus recall: marked centres matched (greedy nearest, within 4 µm) by a detected nucleus, debris
 * included (the detector found it, whatever it then called it);</li>
 * <li>immune precision and recall: the analysis' immune cells matched to the marked centres; precision over
 * the calls matched to a point with a class (crchisto classes only about 3 in 4 nuclei), recall over the
 * immune-class points;</li>
 * <li>Spearman over the fields of the immune count against the marked immune-class count;</li>
 * <li>osteosarcoma ROC AUC of summary.json's necrosis_fraction, necrotic tiles against the other 20;</li>
 * <li>SBU Dice pooled over the 10 tiles (pixels of blocks in the necrosis zone against mask pixels);</li>
 * <li>OS-2 differences: relative ones as larger / smaller - 1, so "within 10 %" holds whichever scanner
 * is taken as the reference.</li>
 * </ul>
 */
public final class RealTissueEvaluation {
    /** DeepLIIF panels: 40x, 0.25 µm assumed, as RealImageChecksTest. */
    static final double DEEPLIIF_PIXEL_UM = RealImageChecksTest.DEEPLIIF_PIXEL_UM;
    static final double SBU_PIXEL_UM = RealImageChecksTest.SBU_PIXEL_UM;
    /** The minimum core area for tile-sized fields. */
    static final double TILE_MIN_CORE_MM2 = 0.001;

    static final AnalysisSettings HE = AnalysisSettings.builder().threads(1).stains(StainVectors.H_E).build();
    static final AnalysisSettings HE_SMALL_CORES = AnalysisSettings.builder().threads(1).stains(StainVectors.H_E).minCoreAreaMm2(TILE_MIN_CORE_MM2).build();
    static final AnalysisSettings KI67 = AnalysisSettings.builder().threads(1).cellMode(true).compartment(CellCompartment.NUCLEUS).build();

    /** One line of the table: met is null for a number shown for context, without a target. */
    static final class Row {
        final String metric, target, value;
        final Boolean met;

        Row(String metric, String target, String value, Boolean met) {
            this.metric = metric;
            this.target = target;
            this.value = value;
            this.met = met;
        }
    }

    final Path root;
    final PrintStream log;
    final List<Row> rows = new ArrayList<>();

    RealTissueEvaluation(Path root, PrintStream log) {
        this.root = root;
        this.log = log;
    }

    public static void main(String[] args) throws IOException {
        Path root = Paths.get(args.length > 0 ? args[0] : "../shared/real-images");
        RealTissueEvaluation e = new RealTissueEvaluation(root, System.out);
        e.runAll();
        e.printTable(System.out);
    }

    void runAll() throws IOException {
        crchisto();
        nucls();
        osteosarcoma();
        sbu();
        cmu1();
        os2();
        deepliif();
    }

    private void row(String metric, String target, double value, String format, Boolean met) {
        rows.add(new Row(metric, target, Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, format, value), met));
    }

    private void info(String metric, String value) {
        rows.add(new Row(metric, "-", value, null));
    }

    void printTable(PrintStream out) {
        int w = 16;
        for (Row r : rows) w = Math.max(w, r.metric.length());
        String f = "%-" + w + "s  %-14s  %-22s  %s%n";
        out.printf(Locale.ROOT, f, "metric", "target", "today", "");
        for (Row r : rows) out.printf(Locale.ROOT, f, r.metric, r.target, r.value, r.met == null ? "" : r.met ? "met" : "MISSED");
        long met = rows.stream().filter(r -> Boolean.TRUE.equals(r.met)).count(), all = rows.stream().filter(r -> r.met != null).count();
        out.printf(Locale.ROOT, "%d of %d targets met%n", met, all);
    }

    // ---- nuclei and immune cells ---------------------------------------------------------------------

    /**
     * Immune precision, recall and per-field Spearman over matched fields, for the class {@code immune}; then the
     * calls on classified points, the marked immune points, and the Spearman of the calls on classified points
     * alone against the marked count (where a field's annotation is partial, e.g. a lymphoid field with a few
     * dozen of its hundreds of lymphocytes classified, the calls on unmarked nuclei are left out).
     */
    static double[] immuneScores(List<FieldMatch> fields, String immune) {
        long callsClassified = 0, callsRight = 0, truthImmune = 0, truthFound = 0;
        double[] ours = new double[fields.size()], marked = new double[fields.size()], oursClassified = new double[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            FieldMatch m = fields.get(f);
            for (int i = 0; i < m.immuneCount(); i++) {
                String c = m.immuneClass(i);
                if (c == null) continue;
                callsClassified++;
                oursClassified[f]++;
                if (immune.equals(c)) callsRight++;
            }
            truthImmune += m.field.count(immune);
            truthFound += callsRight(m, immune);
            ours[f] = m.immuneCount();
            marked[f] = m.field.count(immune);
        }
        return new double[] {EvaluationMetrics.ratio(callsRight, callsClassified), EvaluationMetrics.ratio(truthFound, truthImmune),
                EvaluationMetrics.spearman(ours, marked), callsClassified, truthImmune, EvaluationMetrics.spearman(oursClassified, marked)};
    }

    private static int callsRight(FieldMatch m, String immune) {
        int n = 0;
        for (int i = 0; i < m.immuneCount(); i++) if (immune.equals(m.immuneClass(i))) n++;
        return n;
    }

    List<FieldMatch> crchistoMatches;
    List<FieldMatch> nuclsMatches;

    void crchisto() throws IOException {
        List<FieldMatch> fields = new ArrayList<>();
        for (RealDatasets.PointField f : RealDatasets.crchisto(root)) fields.add(FieldMatch.of(f, HE));
        crchistoMatches = fields;
        long points = 0, found = 0, foundIntact = 0, detected = 0, intact = 0, immuneCalls = 0;
        for (FieldMatch m : fields) {
            points += m.field.points();
            found += m.pointsFound(false);
            foundIntact += m.pointsFound(true);
            detected += m.cells.size();
            for (FieldRun.Cell c : m.cells) if (c.kind != Nucleus.Kind.DEBRIS) intact++;
            immuneCalls += m.immuneCount();
        }
        double[] s = immuneScores(fields, RealDatasets.CRCHISTO_IMMUNE);
        double recall = found / (double) points;
        row("crchisto nucleus recall (80 fields, 4 um)", ">= 0.8", recall, "%.3f", recall >= 0.8);
        info("crchisto nucleus recall, debris excluded", String.format(Locale.ROOT, "%.3f", foundIntact / (double) points));
        info("crchisto marked centres / detected objects / of them not debris", points + " / " + detected + " / " + intact);
        row("crchisto immune precision", ">= 0.7", s[0], "%.3f", s[0] >= 0.7);
        row("crchisto immune recall", ">= 0.6", s[1], "%.3f", s[1] >= 0.6);
        row("crchisto per-field Spearman immune", ">= 0.8", s[2], "%.3f", s[2] >= 0.8);
        info("crchisto immune calls / on classified / inflammatory", immuneCalls + " / " + (long) s[3] + " / " + (long) s[4]);
        info("crchisto per-field Spearman, calls on classified nuclei only", String.format(Locale.ROOT, "%.3f", s[5]));
    }

    void nucls() throws IOException {
        List<FieldMatch> fields = new ArrayList<>();
        for (RealDatasets.PointField f : RealDatasets.nucls(root)) fields.add(FieldMatch.of(f, HE));
        nuclsMatches = fields;
        long points = 0, found = 0, immuneCalls = 0;
        for (FieldMatch m : fields) {
            points += m.field.points();
            found += m.pointsFound(false);
            immuneCalls += m.immuneCount();
        }
        double[] s = immuneScores(fields, RealDatasets.NUCLS_IMMUNE);
        row("nucls TIL precision", ">= 0.7", s[0], "%.3f", s[0] >= 0.7);
        row("nucls TIL recall", ">= 0.7", s[1], "%.3f", s[1] >= 0.7);
        info("nucls nucleus recall (4 um)", String.format(Locale.ROOT, "%.3f", found / (double) points));
        info("nucls immune calls / on marked / sTIL", immuneCalls + " / " + (long) s[3] + " / " + (long) s[4]);
    }

    // ---- necrosis ------------------------------------------------------------------------------------

    void osteosarcoma() throws IOException {
        for (AnalysisSettings s : new AnalysisSettings[] {HE, HE_SMALL_CORES}) {
            List<RealDatasets.LabelledTile> tiles = RealDatasets.osteosarcoma(root);
            double[] fraction = new double[tiles.size()];
            boolean[] necrotic = new boolean[tiles.size()];
            int nonTumourWithCore = 0, nonTumour = 0;
            for (int i = 0; i < tiles.size(); i++) {
                RealDatasets.LabelledTile t = tiles.get(i);
                FieldRun r = FieldRun.of(t.image, RealDatasets.OSTEOSARCOMA_PIXEL_UM, s);
                fraction[i] = r.summary.necrosisFraction;
                necrotic[i] = t.necrotic;
                if ("Non-Tumor".equals(t.label)) {
                    nonTumour++;
                    if (sureCores(r) > 0) nonTumourWithCore++;
                }
                log.printf(Locale.ROOT, "osteosarcoma %-60s %-18s min core %.3f mm2: necrosis fraction %.3f, %d cores%n", t.name, t.label,
                        s.necrosis.minCoreAreaMm2, fraction[i], r.result.cores.count);
            }
            double auc = EvaluationMetrics.rocAuc(fraction, necrotic);
            String settings = String.format(Locale.ROOT, "H&E, 1 um/px, min core %s mm2", s.necrosis.minCoreAreaMm2);
            row("osteosarcoma ROC AUC (" + settings + ")", ">= 0.9", auc, "%.3f", auc >= 0.9);
            rows.add(new Row("osteosarcoma non-tumour tiles with an unflagged core (" + settings + ")", "<= 1 of " + nonTumour,
                    nonTumourWithCore + " of " + nonTumour, nonTumourWithCore <= 1));
        }
    }

    void sbu() throws IOException {
        for (AnalysisSettings s : new AnalysisSettings[] {HE, HE_SMALL_CORES}) {
            EvaluationMetrics.Dice pooled = new EvaluationMetrics.Dice();
            int cores = 0;
            for (Map.Entry<String, Path[]> e : RealDatasets.sbu(root).entrySet()) {
                FieldRun r = FieldRun.of(e.getValue()[0], SBU_PIXEL_UM, s);
                EvaluationMetrics.Dice d = necrosisDice(r.result, ImageIO.read(e.getValue()[1].toFile()));
                pooled.add(d);
                cores += r.result.cores.count;
                log.printf(Locale.ROOT, "SBU %s min core %.3f mm2: mask %d px, ours %d px, Dice %.3f, %d cores%n", e.getKey(),
                        s.necrosis.minCoreAreaMm2, d.truth, d.found, d.value(), r.result.cores.count);
            }
            String settings = String.format(Locale.ROOT, "H&E, 0.5 um/px, min core %s mm2", s.necrosis.minCoreAreaMm2);
            row("sbu-u24 pooled Dice (" + settings + ")", ">= 0.5", pooled.value(), "%.3f", pooled.value() >= 0.5);
            info("sbu-u24 cores over 10 tiles (" + settings + ")", String.valueOf(cores));
        }
    }

    /** Our necrosis zone (per block) against a mask of the image's pixels. */
    static EvaluationMetrics.Dice necrosisDice(SlideResult r, BufferedImage mask) {
        EvaluationMetrics.Dice d = new EvaluationMetrics.Dice();
        double l0 = r.analysisScale.level0PerPixel;
        BlockGrid g = r.grid;
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                int bx = (int) ((x + 0.5) / l0 / g.blockPx), by = (int) ((y + 0.5) / l0 / g.blockPx);
                boolean ours = bx < g.width && by < g.height && r.zones.zone(by * g.width + bx) == Zone.NECROSIS;
                d.add(ours, mask.getRaster().getSample(x, y, 0) >= 128);
            }
        }
        return d;
    }

    /** Cores not flagged as uncertain. */
    static int sureCores(FieldRun r) {
        return r.result.cores.count - r.result.uncertainCoreCount();
    }

    void cmu1() throws IOException {
        FieldRun r = FieldRun.of(root.resolve("openslide-CMU-1-Small-Region/CMU-1-Small-Region.svs"), null, HE);
        int cores = sureCores(r);
        rows.add(new Row("CMU-1 unflagged necrotic cores (H&E)", "0", String.format(Locale.ROOT, "%d (%.4f mm2, fraction %.3f)", cores,
                r.summary.areasMm2.necrosis, r.summary.necrosisFraction), cores == 0));
    }

    // ---- scanners and counts -------------------------------------------------------------------------

    void os2() throws IOException {
        Path dir = root.resolve("qupath-OpenSlide-OS1-OS2-ome-tiff");
        FieldRun a = FieldRun.of(dir.resolve("OS-2-ndpi.ome.tif"), null, KI67);
        FieldRun b = FieldRun.of(dir.resolve("OS-2-vsi.ome.tif"), null, KI67);
        double ta = a.summary.areasMm2.tissue, tb = b.summary.areasMm2.tissue;
        double ka = percentPositive(a), kb = percentPositive(b);
        double ia = a.summary.immune.tissue.densityPerMm2, ib = b.summary.immune.tissue.densityPerMm2;
        double dt = relativeDifference(ta, tb), di = relativeDifference(ia, ib);
        rows.add(new Row("OS-2 tissue area ndpi vs vsi (mm2)", "within 10 %", String.format(Locale.ROOT, "%.3f vs %.3f (%.0f %%)", ta, tb, 100 * dt),
                dt <= 0.10));
        rows.add(new Row("OS-2 % Ki67+ cells ndpi vs vsi", "within 2 pts", String.format(Locale.ROOT, "%.1f vs %.1f (%+.1f)", ka, kb, ka - kb),
                Math.abs(ka - kb) <= 2));
        rows.add(new Row("OS-2 immune density ndpi vs vsi (/mm2)", "within 20 %", String.format(Locale.ROOT, "%.0f vs %.0f (%.0f %%)", ia, ib, 100 * di),
                di <= 0.20));
    }

    /** larger / smaller - 1; infinite when one is 0 and the other not. */
    static double relativeDifference(double a, double b) {
        double lo = Math.min(a, b), hi = Math.max(a, b);
        return hi == lo ? 0 : lo <= 0 ? Double.POSITIVE_INFINITY : hi / lo - 1;
    }

    void deepliif() throws IOException {
        Path dir = root.resolve(RealImageChecksTest.DEEPLIIF);
        Path tmp = Files.createTempDirectory("deepliif");
        try {
            for (String name : RealImageChecksTest.KI67_SAMPLES) {
                BufferedImage strip = ImageIO.read(dir.resolve("train/" + name + ".png").toFile());
                BufferedImage panel = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 512; y++) for (int x = 0; x < 512; x++) panel.setRGB(x, y, strip.getRGB(x, y));
                Path ihc = tmp.resolve(name + "-ihc.png");
                ImageIO.write(panel, "png", ihc.toFile());
                JsonObject ref;
                try (Reader rd = Files.newBufferedReader(dir.resolve("val/" + name + ".json"))) {
                    ref = JsonParser.parseReader(rd).getAsJsonObject();
                }
                int total = ref.get("num_total").getAsInt();
                double pct = ref.get("percent_pos").getAsDouble();
                FieldRun r = FieldRun.of(ihc, DEEPLIIF_PIXEL_UM, KI67);
                double cells = (r.summary.cells == null ? Double.NaN : r.summary.cells.zones.tissue.count), ours = percentPositive(r);
                double err = (cells - total) / total;
                rows.add(new Row("DeepLIIF " + name + " nucleus count", "within 15 %", String.format(Locale.ROOT, "%.0f vs %d (%+.1f %%)", cells, total,
                        100 * err), Math.abs(err) <= 0.15));
                rows.add(new Row("DeepLIIF " + name + " % Ki67+", "within 5 pts", String.format(Locale.ROOT, "%.1f vs %.1f (%+.1f)", ours, pct,
                        ours - pct), Math.abs(ours - pct) <= 5));
                Files.delete(ihc);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** % marker-positive cells over all tissue; NaN when the run did not score cells. */
    private static double percentPositive(FieldRun r) {
        return r.summary.cells == null ? Double.NaN : r.summary.cells.zones.tissue.mlklPositivePercent;
    }
}
