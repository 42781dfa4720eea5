package necroptosis.accuracy;

import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonObject;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.TileResult;
import necroptosis.segmentation.Nucleus;
import necroptosis.segmentation.NucleusDetector;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import necroptosis.stain.ColorDeconvolution;

/**
 * A tool for tuning, not a test: the measurements of every nucleus that matters for the immune count in
 * necrosis. For each immune detection in our necrosis (true necrosis lymphocyte, zone error or unmatched)
 * and each true necrosis lymphocyte that was missed, the nucleus nearest to it is re-detected in a window
 * around it (same threshold and settings as the slide run) and printed as one row: area, circularity, mean
 * OD, OD coefficient of variation, halo OD (0.5-1.5 µm outside the nucleus), darkest pixel, kind.
 * Arguments: SLIDE TRUTH [SLIDE TRUTH ...].
 */
public final class NecrosisNucleusFeatures {
    public static void main(String[] args) throws Exception {
        for (int a = 0; a + 1 < args.length; a += 2) one(args[a], args[a + 1]);
        System.exit(0);
    }

    static void one(String slidePath, String truthPath) throws Exception {
        try (SlideSource slide = SlideSources.open(Paths.get(slidePath))) {
            SlideResult r = new SlideAnalysis(AnalysisSettings.defaults(), ProgressListener.NONE).run(slide);
            JsonObject t = TruthComparison.readTruth(Paths.get(truthPath));
            double l0 = r.analysisScale.level0PerPixel, um = r.analysisScale.pixelUm;
            TruthCores cores = TruthCores.of(t);
            TruthLymphocytes truth = TruthLymphocytes.of(t);
            int n = truth.size();
            double[][] tp = new double[n][];
            String[] tz = truth.zones;
            boolean[] used = new boolean[n];
            for (int i = 0; i < n; i++) tp[i] = new double[] {truth.positions[i][0] / l0, truth.positions[i][1] / l0};
            Ctx c = new Ctx(r);
            double radius = 4 / um;
            String name = Paths.get(slidePath).getFileName().toString();
            for (TileResult tile : r.tiles) {
                for (int i = 0; i < tile.immunePositions.length; i += 2) {
                    double ax = tile.immunePositions[i], ay = tile.immunePositions[i + 1];
                    int best = -1;
                    double bestD = radius;
                    for (int k = 0; k < n; k++) {
                        if (used[k] || Math.abs(tp[k][0] - ax) > radius || Math.abs(tp[k][1] - ay) > radius) continue;
                        double d = Math.hypot(tp[k][0] - ax, tp[k][1] - ay);
                        if (d <= bestD) { bestD = d; best = k; }
                    }
                    if (best >= 0) used[best] = true;
                    boolean ours = NecrosisImmuneBreakdown.ourNecrosis(r, ax, ay, tile.immuneIntactNeighbours[i / 2]);
                    boolean trueNec = best >= 0 && tz[best].equals("necrosis");
                    String cls = best < 0 ? "FP" : trueNec ? "TP" : "ZONE_" + tz[best];
                    if (best >= 0) {
                        double sdb = cores.signedDistance(tp[best][0] * l0, tp[best][1] * l0) * r.pixelSizeUm;
                        if (Math.abs(sdb) < 20) System.out.println(name + " EDGE " + String.format(Locale.ROOT, "%.1f %d %d", sdb, ours ? 1 : 0, tile.immuneIntactNeighbours[i / 2]));
                    }
                    if (!ours && !trueNec) continue;
                    System.out.println(name + " " + (ours ? "oursNec" : "oursOther") + " " + cls + " " + c.row(ax, ay, tile.immuneIntactNeighbours[i / 2],
                            cores.signedDistance(ax * l0, ay * l0) * r.pixelSizeUm));
                }
            }
            for (int k = 0; k < n; k++) {
                if (used[k] || !tz[k].equals("necrosis")) continue;
                System.out.println(name + " truthNec MISSED " + c.row(tp[k][0], tp[k][1], -1, cores.signedDistance(tp[k][0] * l0, tp[k][1] * l0) * r.pixelSizeUm));
            }
        }
    }

    /** Re-detection around a point. */
    static final class Ctx {
        final SlideResult r;
        final ColorDeconvolution cd;
        final NucleusDetector det;

        Ctx(SlideResult r) {
            this.r = r;
            this.cd = new ColorDeconvolution(r.stainsUsed);
            this.det = new NucleusDetector(r.settings.nuclei);
        }

        String row(double ax, double ay, int neighbours, double sdUm) throws Exception {
            double um = r.analysisScale.pixelUm;
            int half = (int) Math.ceil(32 / um);
            int x0 = (int) Math.max(0, ax - half), y0 = (int) Math.max(0, ay - half);
            int w = (int) Math.min(r.analysisScale.width - x0, 2 * half), h = (int) Math.min(r.analysisScale.height - y0, 2 * half);
            int[] rgb = r.analysisScale.read(x0, y0, w, h);
            float[] hem = new float[w * h];
            cd.deconvolve(rgb, hem, null, null);
            int[] labels = new int[w * h];
            List<Nucleus> nuc = det.detect(hem, null, null, w, h, um, labels, r.nucleusThresholdOd);
            int best = -1;
            double bd = 1e9;
            for (int i = 0; i < nuc.size(); i++) {
                double d = Math.hypot(nuc.get(i).x + x0 - ax, nuc.get(i).y + y0 - ay);
                if (d < bd) { bd = d; best = i; }
            }
            int debris = 0, intact = 0;
            double nearestIntact = 99;
            for (int i = 0; i < nuc.size(); i++) {
                if (i == best) continue;
                Nucleus o = nuc.get(i);
                double d = Math.hypot(o.x + x0 - ax, o.y + y0 - ay) * um;
                if (d <= 10 && o.kind == Nucleus.Kind.DEBRIS) debris++;
                if (d <= 10 && o.kind == Nucleus.Kind.TUMOUR && o.areaUm2 >= 18) intact++;
                if (o.kind == Nucleus.Kind.TUMOUR && o.areaUm2 >= 18) nearestIntact = Math.min(nearestIntact, d);
            }
            if (best < 0 || bd * um > 4) return String.format(Locale.ROOT, "sd %.1f none", sdUm);
            Nucleus b = nuc.get(best);
            int id = best + 1;
            double s = 0, s2 = 0, max = 0;
            int cnt = 0;
            for (int p = 0; p < labels.length; p++) if (labels[p] == id) { s += hem[p]; s2 += hem[p] * hem[p]; cnt++; max = Math.max(max, hem[p]); }
            double mean = s / cnt, cv = Math.sqrt(Math.max(0, s2 / cnt - mean * mean)) / mean;
            // halo: pixels within 0.5-1.5 um outside the labelled object
            int rIn = (int) Math.round(0.5 / um), rOut = (int) Math.ceil(1.5 / um);
            double hs = 0;
            int hc = 0;
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
                int p = y * w + x;
                if (labels[p] != 0) continue;
                double dmin = 1e9;
                for (int dy = -rOut; dy <= rOut; dy++) for (int dx = -rOut; dx <= rOut; dx++) {
                    int xx = x + dx, yy = y + dy;
                    if (xx < 0 || yy < 0 || xx >= w || yy >= h || labels[yy * w + xx] != id) continue;
                    dmin = Math.min(dmin, Math.hypot(dx, dy));
                }
                if (dmin >= rIn && dmin <= rOut) { hs += hem[p]; hc++; }
            }
            return String.format(Locale.ROOT, "sd %6.1f area %5.1f circ %.2f od %.2f cv %.2f max %.2f halo %.3f kind %s nb %d intact10 %d debris10 %d nearestIntact %.1f",
                    sdUm, b.areaUm2, b.circularity, b.meanHematoxylinOd, cv, max, hc == 0 ? 0 : hs / hc, b.kind, neighbours, intact, debris, nearestIntact);
        }
    }
}
