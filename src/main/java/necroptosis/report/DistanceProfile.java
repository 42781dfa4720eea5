package necroptosis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import necroptosis.pipeline.BlockGrid;
import necroptosis.pipeline.SlideResult;
import necroptosis.scoring.PixelScore;

/**
 * MLKL-positive fraction and immune density in bands of signed distance from the core boundary (inside
 * negative, outside positive), from -range to +range; empty without cores.
 */
public final class DistanceProfile {
    public static final String[] COLUMNS = {"from_um", "to_um", "tissue_mm2", "dab_positive_fraction", "hscore", "immune_cells", "immune_density_per_mm2"};

    public static List<Map<String, Object>> bands(SlideResult r) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (r.cores.count == 0) return out;
        double band = r.settings.profileBandUm, range = r.settings.profileRangeUm;
        int nb = (int) Math.ceil(2 * range / band);
        PixelScore[] scores = new PixelScore[nb];
        long[] immune = new long[nb];
        for (int i = 0; i < nb; i++) scores[i] = new PixelScore();
        BlockGrid g = r.grid;
        for (int b = 0; b < g.size(); b++) {
            if (g.tissue[b] == 0) continue;
            double d = r.zones.signedDistanceUm[b];
            if (d < -range || d >= range) continue;
            int k = (int) Math.floor((d + range) / band);
            scores[k].merge(g.score(b));
            immune[k] += g.lymphocytes[b];
        }
        for (int k = 0; k < nb; k++) {
            double area = scores[k].tissuePixels() * g.pixelAreaMm2();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from_um", -range + k * band);
            m.put("to_um", -range + (k + 1) * band);
            m.put("tissue_mm2", area);
            m.put("dab_positive_fraction", scores[k].positiveFraction());
            m.put("hscore", scores[k].hScore());
            m.put("immune_cells", immune[k]);
            m.put("immune_density_per_mm2", ZoneTotals.density(immune[k], area));
            out.add(m);
        }
        return out;
    }
}
