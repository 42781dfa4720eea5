package necroptosis.realimages;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import necroptosis.segmentation.Nucleus;
import necroptosis.segmentation.NucleusSettings;

/**
 * Tool, not a test: why immune cells on real H&E are missed, and an adaptive rule that would find them.
 * On crchisto (inflammatory) and NuCLS (sTIL) it detects every nucleus as {@link RealTissueEvaluation}
 * does, matches each to the marked centres (greedy nearest within 4 µm) and prints, for the nuclei matched to
 * an immune-class point and to a point of another class:
 * <ul>
 * <li>the distributions (10th, 25th, 50th, 75th, 90th percentile) of each feature: area (µm²), mean
 * haematoxylin OD (background removed, as the detector measures it), circularity, integrated OD, raw OD
 * mean / spread / maximum, the second stain (eosin) OD, and the same nucleus' place in its own field's
 * population (area and OD as a fraction of a field percentile, and as a percentile), with each feature's
 * ROC AUC for telling immune from other nuclei;</li>
 * <li>which part of today's fixed gate each immune nucleus fails;</li>
 * <li>a grid search, on half the fields of each set (even positions; both sets at once, one rule for
 * both), of a rule judged against the field's own nuclei ({@link Rule}: lymphocyte-sized, round enough,
 * and darker than a percentile of the field's nuclei by a factor); the chosen rule's precision, recall
 * and per-field Spearman on the other half (odd positions), by the same measures as the evaluation, the
 * classes its calls fall on, and for comparison the best rule with an absolute OD instead.</li>
 * </ul>
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) necroptosis.realimages.ImmuneCellDiagnostics
 * [REAL_IMAGES_DIR [CSV_OUT]]}: CSV_OUT receives every detected nucleus with its features and matched class.
 */
public final class ImmuneCellDiagnostics {
    /** A detected nucleus with its field-relative features and the class of its matched point. */
    static final class Sample {
        String dataset, field;
        int fieldIndex;
        FieldRun.Cell cell;
        /** 1 matched to an immune-class point, 0 to a point of another class, -1 unmatched or no class. */
        int label;
        /** Area percentile within the field (0-1), mean OD percentile, integrated OD percentile. */
        double areaPct, odPct, intOdPct;
        /** The field's area, mean OD and raw mean OD at each of {@link #REFERENCE_PERCENTILES}. */
        double[] fieldArea, fieldOd, fieldRawOd;
    }

    static final int[] REFERENCE_PERCENTILES = {25, 50, 75, 90};

    public static void main(String[] args) throws IOException {
        Path root = Paths.get(args.length > 0 ? args[0] : "../shared/real-images");
        Path csv = args.length > 1 ? Paths.get(args[1]) : null;
        PrintStream out = System.out;
        List<FieldMatch> crc = new ArrayList<>(), nucls = new ArrayList<>();
        for (RealDatasets.PointField f : RealDatasets.crchisto(root)) crc.add(FieldMatch.of(f, RealTissueEvaluation.HE));
        for (RealDatasets.PointField f : RealDatasets.nucls(root)) nucls.add(FieldMatch.of(f, RealTissueEvaluation.HE));
        List<List<Sample>> crcSamples = samples("crchisto", crc, RealDatasets.CRCHISTO_IMMUNE);
        List<List<Sample>> nuclsSamples = samples("nucls", nucls, RealDatasets.NUCLS_IMMUNE);
        if (csv != null) writeCsv(csv, crcSamples, nuclsSamples);
        describe(out, "crchisto (inflammatory vs epithelial/fibroblast/others)", crc, crcSamples, RealDatasets.CRCHISTO_IMMUNE);
        describe(out, "nucls (sTIL vs tumour/stromal/other)", nucls, nuclsSamples, RealDatasets.NUCLS_IMMUNE);
        search(out, crc, crcSamples, nucls, nuclsSamples);
    }

    // ---- samples ------------------------------------------------------------------------------------

    static List<List<Sample>> samples(String dataset, List<FieldMatch> fields, String immune) {
        List<List<Sample>> out = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            FieldMatch m = fields.get(f);
            int n = m.cells.size();
            double[] area = new double[n], od = new double[n], iod = new double[n], raw = new double[n];
            for (int i = 0; i < n; i++) {
                area[i] = m.cells.get(i).areaUm2;
                od[i] = m.cells.get(i).meanOd;
                iod[i] = m.cells.get(i).integratedOd();
                raw[i] = m.cells.get(i).rawMeanOd;
            }
            double[] fieldArea = new double[REFERENCE_PERCENTILES.length], fieldOd = new double[REFERENCE_PERCENTILES.length],
                    fieldRawOd = new double[REFERENCE_PERCENTILES.length];
            for (int k = 0; k < REFERENCE_PERCENTILES.length; k++) {
                fieldArea[k] = EvaluationMetrics.percentile(area, REFERENCE_PERCENTILES[k]);
                fieldOd[k] = EvaluationMetrics.percentile(od, REFERENCE_PERCENTILES[k]);
                fieldRawOd[k] = EvaluationMetrics.percentile(raw, REFERENCE_PERCENTILES[k]);
            }
            double[] sa = area.clone(), so = od.clone(), si = iod.clone();
            Arrays.sort(sa);
            Arrays.sort(so);
            Arrays.sort(si);
            List<Sample> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Sample s = new Sample();
                s.dataset = dataset;
                s.field = m.field.name;
                s.fieldIndex = f;
                s.cell = m.cells.get(i);
                String c = m.cellClass(i);
                s.label = c == null ? -1 : immune.equals(c) ? 1 : 0;
                s.areaPct = EvaluationMetrics.rankWithin(sa, area[i]);
                s.odPct = EvaluationMetrics.rankWithin(so, od[i]);
                s.intOdPct = EvaluationMetrics.rankWithin(si, iod[i]);
                s.fieldArea = fieldArea;
                s.fieldOd = fieldOd;
                s.fieldRawOd = fieldRawOd;
                list.add(s);
            }
            out.add(list);
        }
        return out;
    }

    static void writeCsv(Path file, List<List<Sample>> a, List<List<Sample>> b) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println("dataset,field,x,y,label,kind,area_um2,mean_od,circularity,integrated_od,raw_mean_od,raw_sd_od,raw_max_od,stain2_od,"
                    + "area_pct,od_pct,integrated_od_pct,field_area_p50,field_area_p75,field_od_p50");
            for (List<List<Sample>> set : Arrays.asList(a, b)) {
                for (List<Sample> field : set) {
                    for (Sample s : field) {
                        FieldRun.Cell c = s.cell;
                        w.printf(Locale.ROOT, "%s,%s,%.1f,%.1f,%d,%s,%.2f,%.4f,%.3f,%.3f,%.4f,%.4f,%.4f,%.4f,%.3f,%.3f,%.3f,%.2f,%.2f,%.4f%n",
                                s.dataset, s.field, c.x, c.y, s.label, c.kind, c.areaUm2, c.meanOd, c.circularity, c.integratedOd(), c.rawMeanOd,
                                c.rawSdOd, c.rawMaxOd, c.stain2Od, s.areaPct, s.odPct, s.intOdPct, s.fieldArea[1], s.fieldArea[2], s.fieldOd[1]);
                    }
                }
            }
        }
    }

    // ---- distributions ------------------------------------------------------------------------------

    static final String[] FEATURE_NAMES = {"area um2", "mean OD", "circularity", "integrated OD", "raw mean OD", "raw OD sd", "raw max OD",
            "eosin OD", "area pct in field", "OD pct in field", "int. OD pct in field", "area / field p75 area", "OD / field p50 OD",
            "raw OD / field p90"};

    @SuppressWarnings("unchecked")
    static final ToDoubleFunction<Sample>[] FEATURES = new ToDoubleFunction[] {
        (ToDoubleFunction<Sample>) s -> s.cell.areaUm2,
        (ToDoubleFunction<Sample>) s -> s.cell.meanOd,
        (ToDoubleFunction<Sample>) s -> s.cell.circularity,
        (ToDoubleFunction<Sample>) s -> s.cell.integratedOd(),
        (ToDoubleFunction<Sample>) s -> s.cell.rawMeanOd,
        (ToDoubleFunction<Sample>) s -> s.cell.rawSdOd,
        (ToDoubleFunction<Sample>) s -> s.cell.rawMaxOd,
        (ToDoubleFunction<Sample>) s -> s.cell.stain2Od,
        (ToDoubleFunction<Sample>) s -> s.areaPct,
        (ToDoubleFunction<Sample>) s -> s.odPct,
        (ToDoubleFunction<Sample>) s -> s.intOdPct,
        (ToDoubleFunction<Sample>) s -> s.cell.areaUm2 / s.fieldArea[2],
        (ToDoubleFunction<Sample>) s -> s.cell.meanOd / s.fieldOd[1],
        (ToDoubleFunction<Sample>) s -> s.cell.rawMeanOd / s.fieldRawOd[3],
    };

    static void describe(PrintStream out, String title, List<FieldMatch> fields, List<List<Sample>> samples, String immune) {
        out.println("== " + title);
        int immunePoints = 0, immuneFound = 0;
        for (FieldMatch m : fields) immunePoints += m.field.count(immune);
        List<Sample> pos = new ArrayList<>(), neg = new ArrayList<>();
        for (List<Sample> f : samples) {
            for (Sample s : f) {
                if (s.label == 1) pos.add(s);
                if (s.label == 0) neg.add(s);
            }
        }
        immuneFound = pos.size();
        out.printf(Locale.ROOT, "immune-class points %d, matched by a detected object %d (%.3f: the recall ceiling of any classifier of these objects); "
                + "other-class points matched %d%n", immunePoints, immuneFound, immuneFound / (double) immunePoints, neg.size());
        Map<Nucleus.Kind, int[]> kinds = new EnumMap<>(Nucleus.Kind.class);
        for (Sample s : pos) kinds.computeIfAbsent(s.cell.kind, k -> new int[2])[0]++;
        for (Sample s : neg) kinds.computeIfAbsent(s.cell.kind, k -> new int[2])[1]++;
        StringBuilder k = new StringBuilder("today's kind of the matched objects (immune / other): ");
        for (Map.Entry<Nucleus.Kind, int[]> e : kinds.entrySet()) k.append(e.getKey()).append(' ').append(e.getValue()[0]).append(" / ").append(e.getValue()[1]).append("; ");
        out.println(k);
        NucleusSettings ns = NucleusSettings.DEFAULT;
        int small = 0, large = 0, round = 0, pale = 0, light = 0, passAll = 0;
        for (Sample s : pos) {
            FieldRun.Cell c = s.cell;
            boolean a = c.areaUm2 < ns.lymphMinAreaUm2, b = c.areaUm2 > ns.lymphMaxAreaUm2, r = c.circularity < ns.lymphMinCircularity,
                    p = c.meanOd < ns.lymphMinOd, i = c.integratedOd() < NucleusSettings.LYMPH_MIN_INTEGRATED_OD;
            if (a) small++;
            if (b) large++;
            if (r) round++;
            if (p) pale++;
            if (i) light++;
            if (!a && !b && !r && !p && !i) passAll++;
        }
        out.printf(Locale.ROOT, "immune objects failing today's gate: area < %.0f um2 %d, > %.0f um2 %d, circularity < %.2f %d, mean OD < %.2f %d, "
                + "integrated OD < %.0f %d; passing all %d of %d%n", ns.lymphMinAreaUm2, small, ns.lymphMaxAreaUm2, large, ns.lymphMinCircularity, round,
                ns.lymphMinOd, pale, NucleusSettings.LYMPH_MIN_INTEGRATED_OD, light, passAll, pos.size());
        out.printf(Locale.ROOT, "%-22s %-38s %-38s %s%n", "feature", "immune p10 p25 p50 p75 p90", "other p10 p25 p50 p75 p90", "AUC");
        for (int f = 0; f < FEATURES.length; f++) {
            double[] a = values(pos, FEATURES[f]), b = values(neg, FEATURES[f]);
            double[] all = new double[a.length + b.length];
            boolean[] isPos = new boolean[all.length];
            System.arraycopy(a, 0, all, 0, a.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            Arrays.fill(isPos, 0, a.length, true);
            out.printf(Locale.ROOT, "%-22s %-38s %-38s %.3f%n", FEATURE_NAMES[f], quantiles(a), quantiles(b), EvaluationMetrics.rocAuc(all, isPos));
        }
        double[] fa = new double[samples.size()], fo = new double[samples.size()];
        for (int f = 0; f < samples.size(); f++) {
            if (samples.get(f).isEmpty()) continue;
            fa[f] = samples.get(f).get(0).fieldArea[1];
            fo[f] = samples.get(f).get(0).fieldOd[1];
        }
        out.printf(Locale.ROOT, "field medians over the fields: area %s um2, mean OD %s%n", quantiles(fa), quantiles(fo));
    }

    static double[] values(List<Sample> s, ToDoubleFunction<Sample> f) {
        return s.stream().mapToDouble(f).toArray();
    }

    static String quantiles(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double p : new double[] {10, 25, 50, 75, 90}) sb.append(String.format(Locale.ROOT, "%.3g ", EvaluationMetrics.percentile(v, p)));
        return sb.toString().trim();
    }

    // ---- adaptive rule ------------------------------------------------------------------------------

    /**
     * Immune when minArea <= area <= maxArea (µm²: the pixel size is known, and a lymphocyte's size is
     * physical), circularity >= minCirc, and the raw mean haematoxylin OD at least both a floor
     * {@code minOdAbs} (a value per stain preset: H&E here) and {@code minOdRel} x the field's
     * {@code odRef}-th percentile of it (the adaptive part: darkness depends on the stain, the scanner and
     * the section). {@code odRef} -1: the floor alone (not adaptive); floor 0: the relative part alone.
     */
    static final class Rule {
        final int odRef;
        final double minArea, maxArea, minOdAbs, minOdRel, minCirc;

        Rule(int odRef, double minArea, double maxArea, double minOdAbs, double minOdRel, double minCirc) {
            this.odRef = odRef;
            this.minArea = minArea;
            this.maxArea = maxArea;
            this.minOdAbs = minOdAbs;
            this.minOdRel = minOdRel;
            this.minCirc = minCirc;
        }

        boolean immune(Sample s) {
            double od = s.cell.rawMeanOd;
            return s.cell.areaUm2 >= minArea && s.cell.areaUm2 <= maxArea && od >= minOdAbs && (odRef < 0 || od >= minOdRel * s.fieldRawOd[odRef])
                    && s.cell.circularity >= minCirc;
        }

        @Override
        public String toString() {
            String od = String.format(Locale.ROOT, "raw mean OD >= %.3f", minOdAbs)
                    + (odRef < 0 ? "" : String.format(Locale.ROOT, " and >= %.2f x the field's p%d of it", minOdRel, REFERENCE_PERCENTILES[odRef]));
            return String.format(Locale.ROOT, "%.0f um2 <= area <= %.0f um2, %s, circularity >= %.2f", minArea, maxArea, od, minCirc);
        }
    }

    /**
     * {precision, recall, Spearman} of a rule over the given fields, by the evaluation's measures: the
     * rule's calls matched afresh (greedy nearest within 4 µm) to the marked points; precision over calls
     * matched to a classified point, recall over the immune-class points; Spearman of calls per field
     * against the marked immune count. {@code exact} false: the calls keep the match every detected nucleus
     * got (fast, for the search; nearly the same).
     */
    static double[] score(Rule rule, List<FieldMatch> fields, List<List<Sample>> samples, String immune, boolean even, boolean odd, boolean exact) {
        long right = 0, classified = 0, truth = 0, found = 0;
        List<Double> ours = new ArrayList<>(), marked = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            if (f % 2 == 0 ? !even : !odd) continue;
            FieldMatch m = fields.get(f);
            List<Sample> ss = samples.get(f);
            int calls = 0;
            truth += m.field.count(immune);
            if (exact) {
                List<Double> xy = new ArrayList<>();
                for (Sample s : ss) {
                    if (!rule.immune(s)) continue;
                    xy.add(s.cell.x);
                    xy.add(s.cell.y);
                }
                double[] p = new double[xy.size()];
                for (int i = 0; i < p.length; i++) p[i] = xy.get(i);
                int[] match = EvaluationMetrics.greedyMatch(p, m.field.xy, FieldMatch.MATCH_UM / m.field.pixelUm);
                calls = match.length;
                for (int j : match) {
                    String c = j < 0 ? null : m.field.classes[j];
                    if (c == null) continue;
                    classified++;
                    if (immune.equals(c)) {
                        right++;
                        found++;
                    }
                }
            } else {
                for (Sample s : ss) {
                    if (!rule.immune(s)) continue;
                    calls++;
                    if (s.label >= 0) classified++;
                    if (s.label == 1) {
                        right++;
                        found++;
                    }
                }
            }
            ours.add((double) calls);
            marked.add((double) m.field.count(immune));
        }
        double[] a = ours.stream().mapToDouble(Double::doubleValue).toArray(), b = marked.stream().mapToDouble(Double::doubleValue).toArray();
        return new double[] {EvaluationMetrics.ratio(right, classified), EvaluationMetrics.ratio(found, truth), EvaluationMetrics.spearman(a, b)};
    }

    static void search(PrintStream out, List<FieldMatch> crc, List<List<Sample>> crcS, List<FieldMatch> nucls, List<List<Sample>> nuclsS) {
        out.println("== adaptive rule: grid search on the even fields of both sets, judged on the odd ones");
        String[] families = {"relative to the field only", "absolute floor only (not adaptive)", "floor and relative to the field (hybrid)"};
        for (int family = 0; family < 3; family++) {
            Rule best = null;
            double bestScore = -1;
            double[] bestTune = null;
            double[] floors = family == 0 ? new double[] {0} : range(0.3, 0.5, 0.025);
            double[] factors = family == 1 ? new double[] {0} : family == 0 ? range(0.5, 1.6, 0.05) : range(0.6, 1.6, 0.1);
            for (int or = family == 1 ? -1 : 0; or < (family == 1 ? 0 : REFERENCE_PERCENTILES.length); or++) {
                for (double floor : floors) {
                    for (double k : factors) {
                        for (double lo : new double[] {0, 5, 8}) {
                            for (double hi : new double[] {30, 40, 60}) {
                                for (double c : new double[] {0, 0.5, 0.6}) {
                                    Rule r = new Rule(or, lo, hi, floor, k, c);
                                    double[] a = score(r, crc, crcS, RealDatasets.CRCHISTO_IMMUNE, true, false, false);
                                    double[] b = score(r, nucls, nuclsS, RealDatasets.NUCLS_IMMUNE, true, false, false);
                                    // The targets as ratios: a rule meets all when the smallest is >= 1.
                                    double s = min(a[0] / 0.7, a[1] / 0.6, b[0] / 0.7, b[1] / 0.7);
                                    if (s > bestScore) {
                                        bestScore = s;
                                        best = r;
                                        bestTune = new double[] {a[0], a[1], a[2], b[0], b[1]};
                                    }
                                }
                            }
                        }
                    }
                }
            }
            out.println("-- " + families[family] + ": chosen on the even fields: immune when " + best);
            report(out, "tuning half (even fields)", best, crc, crcS, nucls, nuclsS, true, false);
            report(out, "HELD-OUT half (odd fields)", best, crc, crcS, nucls, nuclsS, false, true);
            report(out, "all fields", best, crc, crcS, nucls, nuclsS, true, true);
            falsePositives(out, best, crc, crcS);
            falsePositives(out, best, nucls, nuclsS);
        }
    }

    static double[] range(double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = from + i * step;
        return v;
    }

    static void report(PrintStream out, String what, Rule r, List<FieldMatch> crc, List<List<Sample>> crcS, List<FieldMatch> nucls,
            List<List<Sample>> nuclsS, boolean even, boolean odd) {
        double[] a = score(r, crc, crcS, RealDatasets.CRCHISTO_IMMUNE, even, odd, true);
        double[] b = score(r, nucls, nuclsS, RealDatasets.NUCLS_IMMUNE, even, odd, true);
        out.printf(Locale.ROOT, "  %s, calls matched afresh: crchisto precision %.3f (>= 0.7) recall %.3f (>= 0.6) per-field Spearman %.3f (>= 0.8); "
                + "nucls TIL precision %.3f (>= 0.7) recall %.3f (>= 0.7)%n", what, a[0], a[1], a[2], b[0], b[1]);
    }

    /** Classes of the marked points the rule's calls matched, over all fields (a quick match: each nucleus' own). */
    static void falsePositives(PrintStream out, Rule r, List<FieldMatch> fields, List<List<Sample>> samples) {
        Map<String, Integer> byClass = new TreeMap<>();
        int unmatched = 0;
        for (int f = 0; f < fields.size(); f++) {
            FieldMatch m = fields.get(f);
            List<Sample> ss = samples.get(f);
            for (int i = 0; i < ss.size(); i++) {
                if (!r.immune(ss.get(i))) continue;
                if (m.cellPoint[i] < 0) unmatched++;
                else byClass.merge(String.valueOf(m.field.classes[m.cellPoint[i]]), 1, Integer::sum);
            }
        }
        out.printf(Locale.ROOT, "  %s calls by the class of their point: %s; on no marked point %d%n", fields.get(0).field.image.getParent().getParent()
                .getFileName(), byClass, unmatched);
    }

    static double min(double... v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) m = Math.min(m, Double.isNaN(x) ? 0 : x);
        return m;
    }
}
