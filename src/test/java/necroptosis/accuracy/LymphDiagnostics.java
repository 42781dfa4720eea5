package necroptosis.accuracy;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * A tool for tuning, not a test: where lymphocytes are missed or over-counted (by true zone and by our
 * zone), which of our necrotic cores lie outside the true cores, and pictures of both. Arguments: SLIDE
 * TRUTH OUT_PREFIX; writes OUT_PREFIX-zones.png (level 2; our necrosis edges red, rim edges yellow, true
 * cores green), -missed-rim.png and -fp-necrosis.png (crops x3; truth green circles, detections red).
 */
public final class LymphDiagnostics {
    public static void main(String[] args) throws Exception {
        SlideResult r;
        SlideSource slide = SlideSources.open(Paths.get(args[0]));
        r = new SlideAnalysis(AnalysisSettings.defaults(), ProgressListener.NONE).run(slide);
        List<double[]> dets = new ArrayList<>();
        List<double[]> missedAt = new ArrayList<>(), fpAt = new ArrayList<>();
        JsonObject t = TruthComparison.readTruth(Paths.get(args[1]));
        double l0 = r.analysisScale.level0PerPixel;
        BlockGrid g = r.grid;
        double rimPx = t.getAsJsonObject("settings").get("rim_width_um").getAsDouble() / r.pixelSizeUm;
        TruthCores truthCores = TruthCores.of(t);
        List<double[][]> polys = truthCores.polygons;
        double radius = 4 / r.pixelSizeUm;
        TruthLymphocytes truth = TruthLymphocytes.of(t);
        int n = truth.size();
        double[][] tp = truth.positions;
        String[] tz = truth.zones.clone();
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (tz[i].equals("stroma")) tz[i] = "viable";
        }
        String[] zn = {"background", "necrosis", "rim", "viable"};
        int[][] truthByOurs = new int[4][4]; // truth zone idx x our zone
        int[] truthTotal = new int[4], truthMatched = new int[4];
        int[][] fp = new int[4][4]; // truth-geometry zone x our zone
        int[][] tpByZone = new int[4][4];
        Map<Long, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < n; i++) buckets.computeIfAbsent(key(tp[i][0], tp[i][1], radius), k -> new ArrayList<>()).add(i);
        for (TileResult tile : r.tiles) {
            for (int i = 0; i < tile.immunePositions.length; i += 2) {
                double x = tile.immunePositions[i] * l0, y = tile.immunePositions[i + 1] * l0;
                int best = -1;
                double bestD = radius;
                long bx = (long) Math.floor(x / radius), by = (long) Math.floor(y / radius);
                for (long dy = -1; dy <= 1; dy++) for (long dx = -1; dx <= 1; dx++) {
                    List<Integer> list = buckets.get(((bx + dx) << 32) ^ ((by + dy) & 0xffffffffL));
                    if (list == null) continue;
                    for (int k : list) {
                        double d = Math.hypot(tp[k][0] - x, tp[k][1] - y);
                        if (!used[k] && d <= bestD) { bestD = d; best = k; }
                    }
                }
                int ours = ourZone(r, x, y);
                int geo = geoZone(truthCores, rimPx, x, y);
                dets.add(new double[] {x, y});
                if (best >= 0) { used[best] = true; tpByZone[geo][ours]++; }
                else { fp[geo][ours]++; if (geo == 1 && fpAt.size() < 16) fpAt.add(new double[] {x, y}); }
            }
        }
        for (int i = 0; i < n; i++) {
            int tzi = Arrays.asList(zn).indexOf(tz[i]);
            truthTotal[tzi]++;
            if (used[i]) truthMatched[tzi]++;
            else if (tzi == 2 && missedAt.size() < 16) missedAt.add(tp[i]);
            truthByOurs[tzi][ourZone(r, tp[i][0], tp[i][1])]++;
        }
        System.out.println("truth zone: total matched recall | in our zone bg/nec/rim/via");
        for (int z = 0; z < 4; z++) System.out.printf("%-9s %6d %6d %.3f | %s%n", zn[z], truthTotal[z], truthMatched[z],
                truthMatched[z] / (double) Math.max(1, truthTotal[z]), Arrays.toString(truthByOurs[z]));
        System.out.println("false positives by geometric truth zone | our zone bg/nec/rim/via; true positives likewise");
        for (int z = 0; z < 4; z++) System.out.printf("%-9s FP %s TP %s%n", zn[z], Arrays.toString(fp[z]), Arrays.toString(tpByZone[z]));
        System.out.println(TruthComparison.of(r, t));
        double[] coreArea = new double[r.cores.count + 1], coreIn = new double[r.cores.count + 1];
        double[] cx = new double[r.cores.count + 1], cy = new double[r.cores.count + 1];
        for (int b = 0; b < g.size(); b++) {
            int lab = r.cores.labels[b];
            if (lab <= 0) continue;
            double a = g.tissue(b) * g.pixelAreaMm2();
            double x = ((b % g.width) + 0.5) * g.blockPx * l0, y = ((b / g.width) + 0.5) * g.blockPx * l0;
            coreArea[lab] += a;
            cx[lab] += a * x; cy[lab] += a * y;
            if (truthCores.contains(x, y)) coreIn[lab] += a;
        }
        for (int k = 1; k <= r.cores.count; k++) System.out.printf("our core %d: %.4f mm2, %.0f%% inside a true core, centre (%.0f, %.0f) level-0 px%n",
                k, coreArea[k], 100 * coreIn[k] / coreArea[k], cx[k] / coreArea[k], cy[k] / coreArea[k]);
        zoneOverlay(slide, r, polys, args[2] + "-zones.png");
        montage(slide, missedAt, tp, dets, args[2] + "-missed-rim.png");
        montage(slide, fpAt, tp, dets, args[2] + "-fp-necrosis.png");
        for (double[] m : missedAt) System.out.printf("missed %.1f %.1f%n", m[0], m[1]);
        for (double[] m : fpAt) System.out.printf("fp %.1f %.1f%n", m[0], m[1]);
        System.exit(0);
    }

    /** 4x4 crops of 60x60 level-0 px around each point, x3; truth green, detections red, the point blue. */
    static void montage(SlideSource s, List<double[]> pts, double[][] truth, List<double[]> dets, String out) throws Exception {
        int c = 60, z = 3, cols = 4;
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(cols * c * z, ((pts.size() + cols - 1) / cols) * c * z + 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D gr = img.createGraphics();
        for (int k = 0; k < pts.size(); k++) {
            int x0 = (int) pts.get(k)[0] - c / 2, y0 = (int) pts.get(k)[1] - c / 2;
            x0 = Math.max(0, x0); y0 = Math.max(0, y0);
            int[] rgb = s.readRegion(0, x0, y0, c, c);
            java.awt.image.BufferedImage tile = new java.awt.image.BufferedImage(c, c, java.awt.image.BufferedImage.TYPE_INT_RGB);
            tile.setRGB(0, 0, c, c, rgb, 0, c);
            int ox = (k % cols) * c * z, oy = (k / cols) * c * z;
            gr.drawImage(tile, ox, oy, c * z, c * z, null);
            gr.setColor(java.awt.Color.GREEN);
            for (double[] p : truth) if (p[0] >= x0 && p[1] >= y0 && p[0] < x0 + c && p[1] < y0 + c)
                gr.drawOval(ox + (int) ((p[0] - x0) * z) - 4, oy + (int) ((p[1] - y0) * z) - 4, 8, 8);
            gr.setColor(java.awt.Color.RED);
            for (double[] p : dets) if (p[0] >= x0 && p[1] >= y0 && p[0] < x0 + c && p[1] < y0 + c) {
                int px = ox + (int) ((p[0] - x0) * z), py = oy + (int) ((p[1] - y0) * z);
                gr.drawLine(px - 5, py, px + 5, py); gr.drawLine(px, py - 5, px, py + 5);
            }
            gr.setColor(java.awt.Color.BLUE);
            gr.drawRect(ox, oy, c * z - 1, c * z - 1);
        }
        javax.imageio.ImageIO.write(img, "png", new java.io.File(out));
    }

    /** The slide at level 2 with our necrosis (red) and rim (yellow) block edges and the true core outlines (green). */
    static void zoneOverlay(SlideSource s, SlideResult r, List<double[][]> polys, String out) throws Exception {
        int lv = Math.min(2, s.levels().size() - 1);
        double ds = s.levels().get(lv).downsample();
        int w = (int) s.levels().get(lv).width(), h = (int) s.levels().get(lv).height();
        int[] rgb = s.readRegion(lv, 0, 0, w, h);
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, rgb, 0, w);
        double l0 = r.analysisScale.level0PerPixel;
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
            int z = ourZone(r, (x + 0.5) * ds, (y + 0.5) * ds);
            int zr = x + 1 < w ? ourZone(r, (x + 1.5) * ds, (y + 0.5) * ds) : z, zd = y + 1 < h ? ourZone(r, (x + 0.5) * ds, (y + 1.5) * ds) : z;
            if (z != zr || z != zd) {
                int lo = Math.min(z, Math.min(zr, zd));
                img.setRGB(x, y, lo == 1 || (z == 1 || zr == 1 || zd == 1) ? 0xFF0000 : 0xFFC000);
            }
        }
        java.awt.Graphics2D gr = img.createGraphics();
        gr.setColor(java.awt.Color.GREEN);
        for (double[][] pp : polys) for (int i = 0; i < pp.length; i++) {
            double[] a = pp[i], b = pp[(i + 1) % pp.length];
            gr.drawLine((int) (a[0] / ds), (int) (a[1] / ds), (int) (b[0] / ds), (int) (b[1] / ds));
        }
        javax.imageio.ImageIO.write(img, "png", new java.io.File(out));
    }

    static int ourZone(SlideResult r, double x, double y) {
        double l0 = r.analysisScale.level0PerPixel;
        int bx = (int) (x / l0 / r.grid.blockPx), by = (int) (y / l0 / r.grid.blockPx);
        if (bx >= r.grid.width || by >= r.grid.height) return 0;
        return r.zones.zone(by * r.grid.width + bx).ordinal();
    }

    static int geoZone(TruthCores cores, double rimPx, double x, double y) {
        if (cores.contains(x, y)) return 1;
        return cores.edgeDistance(x, y) <= rimPx ? 2 : 3;
    }

    private static long key(double x, double y, double radius) {
        long bx = (long) Math.floor(x / radius), by = (long) Math.floor(y / radius);
        return (bx << 32) ^ (by & 0xffffffffL);
    }
}
