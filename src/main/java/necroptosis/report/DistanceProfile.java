package necroptosis.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import necroptosis.pipeline.BlockGrid;
import necroptosis.pipeline.SlideResult;
import necroptosis.scoring.PixelScore;
import necroptosis.summary.DistanceBand;

/**
 * MLKL-positive fraction and immune density in bands of signed distance from the core boundary (inside
 * negative, outside positive), from -range to +range; empty without cores. Bands start at the boundary
 * (0) and step outwards by the band width; when the range is not a multiple of the width, the outermost
 * band on each side is narrower and ends at the range, so no label lies beyond it.
 */
public final class DistanceProfile {
    public static final String[] COLUMNS = {"from_um", "to_um", "tissue_mm2", "dab_positive_fraction", "hscore", "immune_cells", "immune_density_per_mm2"};

    private DistanceProfile() {}

    /** Band edges from -range to +range, through 0, every {@code band} µm: {@code edges.length - 1} bands. */
    static double[] edges(double band, double range) {
        int perSide = (int) Math.ceil(range / band - 1e-9);
        double[] e = new double[2 * perSide + 1];
        for (int k = 1; k <= perSide; k++) {
            double v = Math.min(range, k * band);
            e[perSide + k] = v;
            e[perSide - k] = -v;
        }
        // e[perSide] stays +0.0 (not -0.0, which a CSV would print as "-0.0")
        return e;
    }

    /** Index of the band [edges[k], edges[k + 1]) holding d, or -1 outside [-range, range). */
    static int band(double[] edges, double d) {
        if (!(d >= edges[0] && d < edges[edges.length - 1])) return -1;
        int k = Arrays.binarySearch(edges, d);
        return k >= 0 ? k : -k - 2;
    }

    public static List<DistanceBand> bands(SlideResult r) {
        List<DistanceBand> out = new ArrayList<>();
        if (r.cores.count == 0) return out;
        double[] edges = edges(r.settings.profileBandUm, r.settings.profileRangeUm);
        int nb = edges.length - 1;
        PixelScore[] scores = new PixelScore[nb];
        long[] immune = new long[nb];
        for (int i = 0; i < nb; i++) scores[i] = new PixelScore();
        BlockGrid g = r.grid;
        for (int b = 0; b < g.size(); b++) {
            if (g.tissue(b) == 0) continue;
            int k = band(edges, r.zones.signedDistanceUm[b]);
            if (k < 0) continue;
            scores[k].merge(g.score(b));
            immune[k] += g.lymphocytes(b);
        }
        for (int k = 0; k < nb; k++) {
            double area = scores[k].tissuePixels() * g.pixelAreaMm2();
            out.add(new DistanceBand(edges[k], edges[k + 1], area, scores[k].positiveFraction(), scores[k].hScore(), immune[k],
                    ZoneTotals.density(immune[k], area)));
        }
        return out;
    }
}
