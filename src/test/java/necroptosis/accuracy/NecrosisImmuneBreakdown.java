package necroptosis.accuracy;

import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.BlockGrid;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.TileResult;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/**
 * A tool for tuning, not a test: why immune cells are over-counted in necrosis. Each detection that ends in
 * our necrosis zone (block zone, with the boundary-block re-placement of BoundaryCells replayed; truth cells are judged without
 * their neighbours, so the count of true necrosis cells outside our necrosis is a lower bound) is matched
 * to the truth within 4 µm and classed: true necrosis lymphocyte, a lymphocyte of another true zone (zone
 * error; its signed distance to the true core boundary, inside negative), or unmatched (a false detection).
 * Arguments: SLIDE TRUTH [SLIDE TRUTH ...].
 */
public final class NecrosisImmuneBreakdown {
    public static void main(String[] args) throws Exception {
        for (int a = 0; a + 1 < args.length; a += 2) one(args[a], args[a + 1]);
        System.exit(0);
    }

    static void one(String slidePath, String truthPath) throws Exception {
        SlideResult r;
        try (SlideSource slide = SlideSources.open(Paths.get(slidePath))) {
            r = new SlideAnalysis(AnalysisSettings.defaults(), ProgressListener.NONE).run(slide);
        }
        JsonObject t = TruthComparison.readTruth(Paths.get(truthPath));
        double l0 = r.analysisScale.level0PerPixel, um = r.pixelSizeUm;
        BlockGrid g = r.grid;
        List<Path2D> cores = new ArrayList<>();
        List<double[][]> polys = new ArrayList<>();
        for (JsonElement core : t.getAsJsonArray("cores")) {
            JsonArray poly = core.getAsJsonObject().getAsJsonArray("polygon");
            double[][] pp = new double[poly.size()][];
            Path2D p = new Path2D.Double();
            for (int i = 0; i < poly.size(); i++) {
                double x = poly.get(i).getAsJsonArray().get(0).getAsDouble(), y = poly.get(i).getAsJsonArray().get(1).getAsDouble();
                pp[i] = new double[] {x, y};
                if (i == 0) p.moveTo(x, y); else p.lineTo(x, y);
            }
            p.closePath();
            cores.add(p);
            polys.add(pp);
        }
        JsonArray pos = t.getAsJsonObject("lymphocytes").getAsJsonArray("positions");
        int n = pos.size();
        double[][] tp = new double[n][];
        String[] tz = new String[n];
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            JsonArray a = pos.get(i).getAsJsonArray();
            tp[i] = new double[] {a.get(0).getAsDouble(), a.get(1).getAsDouble()};
            tz[i] = a.get(2).getAsString();
        }
        double radius = 4 / um;
        int tpNec = 0, zoneErr = 0, fp = 0, truthNec = 0, truthNecOursElse = 0;
        StringBuilder detail = new StringBuilder();
        for (TileResult tile : r.tiles) {
            for (int i = 0; i < tile.immunePositions.length; i += 2) {
                double ax = tile.immunePositions[i], ay = tile.immunePositions[i + 1];
                double x = ax * l0, y = ay * l0;
                int best = -1;
                double bestD = radius;
                for (int k = 0; k < n; k++) {
                    if (used[k] || Math.abs(tp[k][0] - x) > radius || Math.abs(tp[k][1] - y) > radius) continue;
                    double d = Math.hypot(tp[k][0] - x, tp[k][1] - y);
                    if (d <= bestD) { bestD = d; best = k; }
                }
                if (best >= 0) used[best] = true;
                if (!ourNecrosis(r, ax, ay, tile.immuneIntactNeighbours[i / 2])) continue;
                double sd = signedDist(cores, polys, x, y) * um;
                if (best >= 0 && tz[best].equals("necrosis")) { tpNec++; detail.append(String.format(Locale.ROOT, "  TP at (%.2f, %.2f) ana px%n", ax, ay)); }
                else if (best >= 0) { zoneErr++; detail.append(String.format(Locale.ROOT, "  zone-error truth %s, %.1f um from true core edge%n", tz[best], sd)); }
                else if (best < 0) { fp++; detail.append(String.format(Locale.ROOT, "  unmatched at (%.2f, %.2f) ana px, %.1f um from true core edge%n", x, y, sd)); }
            }
        }
        for (int k = 0; k < n; k++) {
            if (!tz[k].equals("necrosis")) continue;
            truthNec++;
            if (!ourNecrosis(r, tp[k][0] / l0, tp[k][1] / l0, 0)) truthNecOursElse++;
        }
        System.out.printf(Locale.ROOT, "%s: truth necrosis lymphocytes %d (%d lie outside our necrosis); our necrosis detections: true %d, zone errors %d, unmatched %d%n",
                slidePath, truthNec, truthNecOursElse, tpNec, zoneErr, fp);
        System.out.print(detail);
        System.out.println(TruthComparison.of(r, t));
    }

    /** Our final zone of a cell at analysis pixel (ax, ay): block zone, flipped at core boundaries as BoundaryCells does. */
    static boolean ourNecrosis(SlideResult r, double ax, double ay, int intactNeighbours) {
        BlockGrid g = r.grid;
        int w = g.width, h = g.height, bpx = g.blockPx;
        int bx = (int) ax / bpx, by = (int) ay / bpx;
        if (bx >= w || by >= h) return false;
        int[] core = r.cores.labels;
        boolean in = core[by * w + bx] > 0;
        float[] ratio = r.cores.densityRatio;
        if (ratio == null) return in;
        boolean boundary = false;
        for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) {
            int nx = bx + dx, ny = by + dy;
            if ((dx | dy) == 0 || nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
            int q = ny * w + nx;
            if (g.tissue[q] != 0 && (core[q] > 0) != in) boundary = true;
        }
        if (!boundary) return in;
        double v = interpolate(ratio, w, h, ax / bpx - 0.5, ay / bpx - 0.5);
        return Double.isNaN(v) ? in : v < 1 && intactNeighbours == 0;
    }

    static double interpolate(float[] v, int w, int h, double fx, double fy) {
        fx = Math.max(0, Math.min(w - 1, fx));
        fy = Math.max(0, Math.min(h - 1, fy));
        int x0 = Math.min(w - 2 < 0 ? 0 : w - 2, (int) Math.floor(fx)), y0 = Math.min(h - 2 < 0 ? 0 : h - 2, (int) Math.floor(fy));
        int x1 = Math.min(w - 1, x0 + 1), y1 = Math.min(h - 1, y0 + 1);
        double ax = fx - x0, ay = fy - y0;
        double top = v[y0 * w + x0] * (1 - ax) + v[y0 * w + x1] * ax;
        double bottom = v[y1 * w + x0] * (1 - ax) + v[y1 * w + x1] * ax;
        return top * (1 - ay) + bottom * ay;
    }

    /** Distance in level-0 px to the nearest true core edge, negative inside a core. */
    static double signedDist(List<Path2D> cores, List<double[][]> polys, double x, double y) {
        double d = Double.MAX_VALUE;
        for (double[][] pp : polys) for (int i = 0; i < pp.length; i++) {
            double[] a = pp[i], b = pp[(i + 1) % pp.length];
            d = Math.min(d, Line2D.ptSegDist(a[0], a[1], b[0], b[1], x, y));
        }
        for (Path2D p : cores) if (p.contains(x, y)) return -d;
        return d;
    }
}
