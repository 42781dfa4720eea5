package necroptosis.accuracy;

import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonObject;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.BlockGrid;
import necroptosis.pipeline.BoundaryCells;
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
        TruthCores truthCores = TruthCores.of(t);
        TruthLymphocytes truth = TruthLymphocytes.of(t);
        int n = truth.size();
        double[][] tp = truth.positions;
        String[] tz = truth.zones;
        boolean[] used = new boolean[n];
        double radius = 4 / um;
        int tpNec = 0, zoneErr = 0, fp = 0, truthNec = 0, truthNecOursElse = 0;
        StringBuilder detail = new StringBuilder();
        for (TileResult tile : r.tiles) {
            for (int i = 0; i < tile.immunePositions.length; i += 2) {
                double ax = tile.immunePositions[i], ay = tile.immunePositions[i + 1];
                double x = ax * l0, y = ay * l0;
                int best = truth.matchNearest(x, y, radius, used);
                if (!ourNecrosis(r, ax, ay, tile.immuneIntactNeighbours[i / 2])) continue;
                double sd = truthCores.signedDistance(x, y) * um;
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

    /** Our final zone of a cell at analysis pixel (ax, ay): necrosis after the boundary rule of the pipeline. */
    static boolean ourNecrosis(SlideResult r, double ax, double ay, int intactNeighbours) {
        return BoundaryCells.countsInCore(r.grid, r.cores.labels, r.cores.densityRatio, ax, ay, intactNeighbours);
    }

}
