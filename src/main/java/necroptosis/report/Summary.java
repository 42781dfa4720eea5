package necroptosis.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import necroptosis.Versions;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.Zone;
import necroptosis.scoring.CellScore;
import necroptosis.scoring.PixelScore;

/**
 * The per-slide numbers of DESIGN.md as an ordered map with stable snake_case keys (summary.json).
 * Every ratio of an empty quantity is 0, never NaN, and {@code status} says why it is empty.
 */
public final class Summary {
    private Summary() {}

    public static Map<String, Object> of(SlideResult r, List<TileTable.Row> rows) {
        ZoneTotals zt = new ZoneTotals(r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slide", r.slidePath);
        double tissue = zt.tissueAreaMm2();
        List<String> notes = new ArrayList<>();
        if (zt.immuneCells() == 0 && tissue > 0) notes.add("no immune cells found");
        if (r.analysisScale.pixelUm > 1.5 * r.settings.analysisPixelUm) {
            // A low-magnification scan cannot be analysed finer than it was scanned; nuclei (and so cores and
            // immune cells) found at that resolution are unreliable, and the numbers must not look normal.
            notes.add(String.format(java.util.Locale.ROOT, "analysed at %.3g um/px, coarser than the %.3g um/px asked for: "
                    + "nuclei, immune cells and necrotic cores are unreliable", r.analysisScale.pixelUm, r.settings.analysisPixelUm));
        }
        m.put("status", tissue == 0 ? "no_tissue" : r.cores.count == 0 ? "no_necrosis" : "ok");
        m.put("notes", notes);
        m.put("pixel_size_um", r.pixelSizeUm);

        double nec = zt.areaMm2(Zone.NECROSIS), rim = zt.areaMm2(Zone.RIM), viable = zt.areaMm2(Zone.VIABLE);
        Map<String, Object> areas = new LinkedHashMap<>();
        areas.put("tissue", tissue);
        areas.put("necrosis", nec);
        areas.put("rim", rim);
        areas.put("viable", viable);
        m.put("areas_mm2", areas);
        double tumour = nec + rim + viable;
        m.put("necrosis_fraction", tumour > 0 ? nec / tumour : 0.0);
        m.put("necrotic_core_count", r.cores.count);

        Map<String, Object> mlkl = new LinkedHashMap<>();
        mlkl.put("tissue", score(zt.tissue()));
        for (Zone z : Zone.TISSUE_ZONES) mlkl.put(z.key, score(zt.score(z)));
        m.put("mlkl", mlkl);

        PixelScore coreAndRim = zt.score(Zone.NECROSIS).copy().merge(zt.score(Zone.RIM));
        m.put("necroptotic_fraction", coreAndRim.positiveFraction());
        long tumourPixels = zt.tissue().tissuePixels();
        m.put("necroptotic_tumor_burden", tumourPixels > 0 ? coreAndRim.positivePixels() / (double) tumourPixels : 0.0);

        Map<String, Object> immune = new LinkedHashMap<>();
        immune.put("tissue", immune(zt.immuneCells(), tissue));
        for (Zone z : Zone.TISSUE_ZONES) immune.put(z.key, immune(zt.immuneCells(z), zt.areaMm2(z)));
        m.put("immune", immune);
        if (zt.cells() != null) {
            Map<String, Object> cells = cells(zt.cells());
            cells.put("compartment", r.settings.compartment.key());
            for (Zone z : Zone.TISSUE_ZONES) cells.put(z.key, cells(zt.cells(z)));
            m.put("cells", cells);
        }
        m.put("mlkl_immune_spearman", TileTable.mlklImmuneSpearman(rows));
        m.put("distance_profile", DistanceProfile.bands(r));
        m.put("provenance", provenance(r));
        return m;
    }

    private static Map<String, Object> score(PixelScore s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("positive_fraction", s.positiveFraction());
        m.put("weak", s.weakFraction());
        m.put("moderate", s.moderateFraction());
        m.put("strong", s.strongFraction());
        m.put("hscore", s.hScore());
        m.put("mean_dab_od", s.meanDabOd());
        return m;
    }

    private static Map<String, Object> cells(CellScore c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", c.cells());
        m.put("mlkl_positive_percent", c.positivePercent());
        m.put("hscore", c.hScore());
        return m;
    }

    private static Map<String, Object> immune(long cells, double areaMm2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cells", cells);
        m.put("density_per_mm2", ZoneTotals.density(cells, areaMm2));
        return m;
    }

    private static Map<String, Object> provenance(SlideResult r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("software", "necroptosis-scorer");
        p.put("version", Versions.VERSION);
        p.put("reader", r.reader);
        p.put("pixel_size_um", r.pixelSizeUm);
        p.put("pixel_size_source", r.pixelSizeSource);
        // Level-0 size: lets a viewer (Fiji's Show Results Overlay) scale the outlines to any level of the slide.
        p.put("slide_width_px", r.analysisScale.slide.levels().get(0).width());
        p.put("slide_height_px", r.analysisScale.slide.levels().get(0).height());
        p.put("analysis_level", r.analysisScale.level);
        p.put("analysis_downsample", r.analysisScale.level0PerPixel);
        p.put("analysis_pixel_um", r.analysisScale.pixelUm);
        p.put("overview_pixel_um", r.overview.scale.pixelUm);
        p.put("block_um", r.grid.blockUm);
        Map<String, Object> stains = new LinkedHashMap<>();
        stains.put("name", r.stainsUsed.name());
        stains.put("how", r.stainsHow);
        for (int s = 1; s <= 3; s++) stains.put(r.stainsUsed.stainName(s).toLowerCase(java.util.Locale.ROOT), r.stainsUsed.stain(s));
        stains.put("background_i0", r.stainsUsed.background());
        stains.put("background_how", r.backgroundHow);
        p.put("stains", stains);
        p.put("parameters", r.settings.toMap());
        p.put("nucleus_threshold_used_od", r.nucleusThresholdOd);
        p.put("necrosis_reference_density_per_mm2", r.cores.referenceDensity);
        p.put("tiles_total", r.tilesTotal);
        p.put("tiles_analysed", r.tiles.size());
        p.put("tiles_skipped_no_tissue", r.tilesSkipped);
        p.put("run_seconds", r.runMillis / 1000.0);
        return p;
    }
}
