package necroptosis.ij;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Path2D;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Plot;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.ShapeRoi;
import ij.gui.TextRoi;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;
import ij.process.ColorProcessor;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.Zone;
import necroptosis.report.ColorMap;
import necroptosis.report.Outline;
import necroptosis.report.Outlines;
import necroptosis.report.ResultWriter;
import necroptosis.report.Summary;
import necroptosis.report.TileTable;
import necroptosis.summary.DistanceBand;
import necroptosis.summary.SlideSummary;

/**
 * Shows a finished slide in Fiji: a row of the "Necroptosis summary" table (appended run after run), the
 * tile table on request, cores and rims in the ROI Manager, the overview with tissue, cores, rims and an
 * MLKL heatmap as an Overlay, and the distance profile as a Plot. Every number comes from the same
 * {@link Summary} and {@link TileTable} as the files written, so the screen and summary.json agree.
 */
final class ResultsDisplay {
    static final String SUMMARY_TABLE = "Necroptosis summary";

    private ResultsDisplay() {}

    static void show(SlideResult r, Path dir, boolean tileTable, boolean windows) {
        List<TileTable.Row> rows = TileTable.rows(r);
        SlideSummary summary = Summary.of(r, rows);
        String name = ResultWriter.safeName(r.slidePath);
        addSummaryRow(summary, name, dir);
        if (tileTable) tileTable(rows, name);
        if (!windows) return;
        ImagePlus overview = overview(r, rows, name);
        overview.show();
        roiManager(r, overview);
        Plot plot = profilePlot(summary, name);
        if (plot != null) plot.show();
    }

    /** One row per slide, appended to the table of earlier runs of this session. */
    static void addSummaryRow(SlideSummary s, String name, Path dir) {
        ResultsTable rt = ResultsTable.getResultsTable(SUMMARY_TABLE);
        if (rt == null) rt = new ResultsTable();
        rt.incrementCounter();
        rt.addValue("Slide", name);
        rt.addValue("Status", s.status);
        rt.addValue("Tissue mm2", s.areasMm2.tissue);
        rt.addValue("Necrosis mm2", s.areasMm2.necrosis);
        rt.addValue("Rim mm2", s.areasMm2.rim);
        rt.addValue("Viable mm2", s.areasMm2.viable);
        rt.addValue("Necrotic cores", s.necroticCoreCount);
        rt.addValue("Necrosis %", 100 * s.necrosisFraction);
        rt.addValue("MLKL+ % tissue", 100 * s.mlkl.tissue.positiveFraction);
        rt.addValue("H-score tissue", s.mlkl.tissue.hScore);
        for (Zone z : Zone.TISSUE_ZONES) rt.addValue("MLKL+ % " + z.key, 100 * s.mlkl.get(z).positiveFraction);
        rt.addValue("Necroptotic %", 100 * s.necroptoticFraction);
        rt.addValue("Necroptotic burden %", 100 * s.necroptoticTumorBurden);
        rt.addValue("Immune /mm2 tissue", s.immune.tissue.densityPerMm2);
        for (Zone z : Zone.TISSUE_ZONES) rt.addValue("Immune /mm2 " + z.key, s.immune.get(z).densityPerMm2);
        rt.addValue("MLKL-immune rho", s.mlklImmuneSpearman == null ? Double.NaN : s.mlklImmuneSpearman);
        rt.addValue("Pixel um", s.pixelSizeUm);
        rt.addValue("Output", dir.toString());
        rt.show(SUMMARY_TABLE);
    }

    static void tileTable(List<TileTable.Row> rows, String name) {
        ResultsTable rt = new ResultsTable();
        for (TileTable.Row row : rows) {
            rt.incrementCounter();
            rt.addValue("tile", row.tile.index);
            rt.addValue("x", row.x);
            rt.addValue("y", row.y);
            rt.addValue("width", row.width);
            rt.addValue("height", row.height);
            rt.addValue("tissue_fraction", row.tissueFraction);
            for (Zone z : Zone.TISSUE_ZONES) rt.addValue(z.key + "_fraction", row.zoneFraction[z.ordinal()]);
            rt.addValue("dab_positive_fraction", row.tile.score.positiveFraction());
            rt.addValue("weak", row.tile.score.weakFraction());
            rt.addValue("moderate", row.tile.score.moderateFraction());
            rt.addValue("strong", row.tile.score.strongFraction());
            rt.addValue("hscore", row.tile.score.hScore());
            rt.addValue("mean_dab_od", row.tile.score.meanDabOd());
            rt.addValue("nuclei", row.tile.nuclei);
            rt.addValue("immune_cells", row.tile.immuneCells);
            rt.addValue("immune_density_per_mm2", row.immuneDensity);
            rt.addValue("qc_flags", row.qcFlags);
        }
        rt.show("Necroptosis tiles: " + name);
    }

    /** The overview the engine read, calibrated, with the result drawn on it as an Overlay. */
    static ImagePlus overview(SlideResult r, List<TileTable.Row> rows, String name) {
        int w = r.overview.width, h = r.overview.height;
        ImagePlus imp = new ImagePlus(name + " overview", new ColorProcessor(w, h, r.overview.rgb.clone()));
        Calibration cal = new Calibration();
        cal.pixelWidth = cal.pixelHeight = r.overview.scale.pixelUm;
        cal.setUnit("µm");
        imp.setCalibration(cal);
        double toOverview = 1 / r.overview.scale.level0PerPixel;
        Overlay o = new Overlay();
        double[] hScores = new double[rows.size()];
        for (int i = 0; i < hScores.length; i++) hScores[i] = rows.get(i).tile.score.hScore();
        double top = upperEnd(hScores, HSCORE_MAX);
        for (TileTable.Row row : rows) {
            double hs = row.tile.score.hScore();
            o.add(heatTile(row.x * toOverview, row.y * toOverview, row.width * toOverview, row.height * toOverview, hs / top,
                    row.tissueFraction, ColorMap.VIRIDIS, String.format(Locale.ROOT, "tile %d: H-score %.0f", row.tile.index, hs)));
        }
        for (Outline t : Outlines.tissue(r)) o.add(roi(t, toOverview));
        for (Outline t : Outlines.rims(r)) o.add(roi(t, toOverview));
        for (Outline t : Outlines.cores(r)) o.add(roi(t, toOverview));
        legend(o, w, h, mlklLegend(top), ColorMap.VIRIDIS);
        imp.setOverlay(o);
        return imp;
    }

    /** Cores and rims in the ROI Manager, in the overview's pixels, named as in rois.zip. */
    static void roiManager(SlideResult r, ImagePlus overview) {
        List<Outline> cores = Outlines.cores(r), rims = Outlines.rims(r);
        if (cores.isEmpty() && rims.isEmpty()) return;
        RoiManager rm = RoiManager.getRoiManager();
        double toOverview = 1 / r.overview.scale.level0PerPixel;
        for (Outline t : cores) rm.add(overview, roi(t, toOverview), -1);
        for (Outline t : rims) rm.add(overview, roi(t, toOverview), -1);
    }

    static final double HSCORE_MAX = 300;

    /** The colours of the PNG outputs and the ROI set, so every view of a result agrees. */
    static Color colour(String classification) {
        return new Color(Outlines.rgb(classification));
    }

    /** An outline (level-0 pixels) as a ROI scaled by {@code s}: a polygon, or a composite with holes. */
    static Roi roi(Outline t, double s) {
        return roi(t.rings, t.name, t.classification, s);
    }

    static Roi roi(List<double[]> rings, String name, String classification, double s) {
        Roi roi;
        if (rings.size() == 1) {
            double[] ring = rings.get(0);
            int n = ring.length / 2;
            float[] x = new float[n], y = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = (float) (ring[2 * i] * s);
                y[i] = (float) (ring[2 * i + 1] * s);
            }
            roi = new PolygonRoi(x, y, n, Roi.POLYGON);
        } else {
            Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (double[] ring : rings) {
                p.moveTo(ring[0] * s, ring[1] * s);
                for (int i = 2; i < ring.length; i += 2) p.lineTo(ring[i] * s, ring[i + 1] * s);
                p.closePath();
            }
            roi = new ShapeRoi(p);
        }
        roi.setName(name);
        roi.setStrokeColor(colour(classification));
        roi.setStrokeWidth(Outline.TISSUE.equals(classification) ? 1 : 2);
        return roi;
    }

    static String mlklLegend(double top) {
        return "MLKL H-score 0-" + Parameters.format(top);
    }

    /**
     * The top of a heatmap's colour range, as the PNG heatmaps choose it: a round number at or above the
     * slide's 99th percentile (so one hot tile does not wash out the rest), at most {@code limit}. A fixed
     * 0-300 would paint almost every tile of a typical slide (H-scores of 5-30) the same colour.
     */
    static double upperEnd(double[] values, double limit) {
        if (values.length == 0) return Math.min(limit, 300);
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        double p99 = v[Math.min(v.length - 1, (int) Math.floor(0.99 * (v.length - 1) + 0.5))];
        if (!(p99 > 0)) return Math.min(limit, 1);
        double step = Math.pow(10, Math.floor(Math.log10(p99 / 5)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (p99 / (m * step) <= 5) {
                step *= m;
                break;
            }
        }
        return Math.min(limit, Math.ceil(p99 / step - 1e-9) * step);
    }

    /**
     * A tile rectangle coloured by {@code t} in [0, 1] (value / top of the range). Its opacity grows with the
     * value, so low tiles only tint the tissue and the high ones stand out; the tissue stays visible. Tiles
     * that are mostly glass are fainter still: their value rests on little tissue.
     */
    static Roi heatTile(double x, double y, double w, double h, double t, double tissueFraction, ColorMap map, String name) {
        Roi tile = new Roi(x, y, w, h);
        double c = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t));
        double weight = Math.max(0.25, Math.min(1, (Double.isNaN(tissueFraction) ? 1 : tissueFraction) / 0.5));
        tile.setFillColor(new Color(map.rgb(c) | (int) Math.round((0x30 + c * 0x90) * weight) << 24, true));
        tile.setName(name);
        return tile;
    }

    /** Key in the top-left corner: the outline colours and the heatmap's colour bar. */
    static void legend(Overlay o, int w, int h, String heatmapTitle, ColorMap map) {
        int size = Math.max(10, Math.min(w, h) / 45);
        Font font = new Font("SansSerif", Font.BOLD, size);
        int x = size / 2, y = size / 2, line = size + size / 3;
        Roi bg = new Roi(0, 0, size * 13, line * 5 + size);
        bg.setFillColor(new Color(255, 255, 255, 200));
        o.add(bg);
        String[] names = {"tissue", "necrotic core", "peri-necrotic rim"};
        Color[] colours = {colour(Outline.TISSUE), colour(Outline.NECROSIS), colour(Outline.RIM)};
        for (int i = 0; i < names.length; i++) {
            TextRoi t = new TextRoi(x, y + i * line, names[i], font);
            t.setStrokeColor(colours[i]);
            o.add(t);
        }
        if (heatmapTitle == null) return;
        TextRoi title = new TextRoi(x, y + 3 * line, heatmapTitle, font);
        title.setStrokeColor(Color.BLACK);
        o.add(title);
        int barY = y + 4 * line + size / 4, barW = size * 12, steps = 24;
        for (int i = 0; i < steps; i++) {
            Roi step = new Roi(x + i * barW / (double) steps, barY, barW / (double) steps + 0.5, size * 0.7);
            step.setFillColor(new Color(map.rgb(i / (double) (steps - 1))));
            o.add(step);
        }
    }

    /**
     * MLKL-positive % and immune density against signed distance from the core boundary (inside negative).
     * A Plot has one y axis, so the density is drawn on the percent axis divided by a power of ten, and the
     * legend says by how much; the exact values are in distance_profile.csv and the plot's List.
     */
    static Plot profilePlot(SlideSummary summary, String name) {
        List<DistanceBand> bands = summary.distanceProfile;
        if (bands.isEmpty()) return null;
        int n = bands.size();
        double[] x = new double[n], mlkl = new double[n], immune = new double[n];
        double maxImmune = 0;
        for (int i = 0; i < n; i++) {
            DistanceBand b = bands.get(i);
            x[i] = b.centreUm();
            mlkl[i] = 100 * b.dabPositiveFraction;
            immune[i] = b.immuneDensityPerMm2;
            maxImmune = Math.max(maxImmune, immune[i]);
        }
        double divisor = 1;
        while (maxImmune / divisor > 100) divisor *= 10;
        for (int i = 0; i < n; i++) immune[i] /= divisor;
        Plot plot = new Plot("Distance profile: " + name, "Signed distance from core boundary (µm; inside < 0)", "MLKL-positive %");
        Color brown = new Color(0x8D5524), blue = new Color(0x1E88E5);
        plot.setLineWidth(2);
        plot.setColor(brown, brown);
        plot.add("connected circle", x, mlkl);
        plot.setColor(blue, blue);
        plot.add("connected circle", x, immune);
        double top = 0;
        for (int i = 0; i < n; i++) top = Math.max(top, Math.max(mlkl[i], immune[i]));
        plot.setLimits(x[0] - (x[1 < n ? 1 : 0] - x[0]), x[n - 1] + (x[n - 1] - x[n > 1 ? n - 2 : 0]), 0, Math.max(5, top * 1.1));
        plot.setColor(Color.GRAY);
        plot.setLineWidth(1);
        plot.drawDottedLine(0, 0, 0, Math.max(5, top * 1.1), 2);
        plot.setColor(Color.BLACK);
        plot.addLegend("MLKL-positive %\nImmune cells per mm²" + (divisor > 1 ? " / " + Parameters.format(divisor) : ""));
        return plot;
    }
}
