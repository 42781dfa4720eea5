package necroptosis.ij;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
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
import necroptosis.report.DistancePlot;
import necroptosis.report.Heatmap;
import necroptosis.report.Outline;
import necroptosis.report.Outlines;
import necroptosis.report.ResultWriter;
import necroptosis.report.TileTable;
import necroptosis.summary.DistanceBand;
import necroptosis.summary.SlideSummary;

/**
 * Shows a finished slide in Fiji: a row of the "Necroptosis summary" table (appended run after run) with
 * its notes, the tile table on request, cores, rims and tissue in the ROI Manager, the overview with the
 * outlines and an MLKL heatmap as an Overlay, and the distance profile as Plots. Every number comes from
 * the summary written to summary.json and the same {@link TileTable}, so the screen and the files agree.
 */
final class ResultsDisplay {
    static final String SUMMARY_TABLE = "Necroptosis summary";

    private ResultsDisplay() {}

    /**
     * {@code summary} is the one {@link ResultWriter#writeAll} wrote to summary.json, so the table shows
     * exactly the file's numbers.
     */
    static void show(SlideResult r, SlideSummary summary, Path dir, boolean tileTable, boolean windows) {
        List<TileTable.Row> rows = TileTable.rows(r);
        String name = ResultWriter.safeName(r.slidePath);
        addSummaryRow(summary, name, dir);
        if (!summary.notes.isEmpty()) IJ.log("Necroptosis: " + name + ": " + notes(summary));
        if (tileTable) tileTable(rows, name);
        if (!windows) return;
        ImagePlus overview = overview(r, name);
        overview.show();
        roiManager(r, name);
        for (Plot plot : profilePlots(summary, name)) plot.show();
    }

    /** One row per slide, appended to the table of earlier runs of this session. */
    static void addSummaryRow(SlideSummary s, String name, Path dir) {
        ResultsTable rt = ResultsTable.getResultsTable(SUMMARY_TABLE);
        if (rt == null) rt = new ResultsTable();
        addRow(rt, s, name, dir);
        rt.show(SUMMARY_TABLE);
    }

    static void addRow(ResultsTable rt, SlideSummary s, String name, Path dir) {
        rt.incrementCounter();
        rt.addValue("Slide", name);
        rt.addValue("Status", s.status);
        rt.addValue("Tissue mm2", s.areasMm2.tissue);
        rt.addValue("Necrosis mm2", s.areasMm2.necrosis);
        rt.addValue("Rim mm2", s.areasMm2.rim);
        rt.addValue("Viable mm2", s.areasMm2.viable);
        rt.addValue("Necrotic cores", s.necroticCoreCount);
        rt.addValue("Uncertain cores", s.uncertainCoreCount);
        rt.addValue("Necrosis %", 100 * s.necrosisFraction);
        rt.addValue(s.marker + "+ % tissue", 100 * s.mlkl.tissue.positiveFraction);
        rt.addValue("H-score tissue", s.mlkl.tissue.hScore);
        for (Zone z : Zone.TISSUE_ZONES) rt.addValue(s.marker + "+ % " + z.key, exists(s, z) ? 100 * s.mlkl.get(z).positiveFraction : Double.NaN);
        rt.addValue("Necroptotic %", 100 * s.necroptoticFraction);
        rt.addValue("Necroptotic burden %", 100 * s.necroptoticTumorBurden);
        rt.addValue("Immune /mm2 tissue", s.immune.tissue.densityPerMm2);
        for (Zone z : Zone.TISSUE_ZONES) rt.addValue("Immune /mm2 " + z.key, exists(s, z) ? s.immune.get(z).densityPerMm2 : Double.NaN);
        rt.addValue(s.marker + "-immune rho", s.mlklImmuneSpearman == null ? Double.NaN : s.mlklImmuneSpearman);
        rt.addValue("Pixel um", s.pixelSizeUm);
        rt.addValue("Output", dir.toString());
        rt.addValue("Notes", notes(s));
    }

    /** The notes on one line, for a table cell and the Log. */
    static String notes(SlideSummary s) {
        return String.join("; ", s.notes).replace('\n', ' ');
    }

    /**
     * Whether a slide has the zone at all. summary.json scores an absent zone 0 (a number for every file
     * reader); on screen a 0 there would read as "measured, nothing found", so the table leaves it NaN.
     */
    static boolean exists(SlideSummary s, Zone z) {
        Double area = s.areasMm2.get(z);
        return area != null && area > 0;
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

    static final String WITH_HEATMAP = "outlines + MLKL heatmap";
    static final String OUTLINES_ONLY = "outlines only";

    /**
     * The overview the engine read, calibrated, with the result drawn on it as an Overlay. It has two
     * slices, the heatmap on the first only, so moving the slider hides the heatmap and keeps the outlines
     * (an Overlay is hidden as a whole).
     */
    static ImagePlus overview(SlideResult r, String name) {
        int w = r.overview.width, h = r.overview.height;
        ImageStack stack = new ImageStack(w, h);
        ColorProcessor pixels = new ColorProcessor(w, h, r.overview.rgb.clone());
        stack.addSlice(WITH_HEATMAP, pixels);
        stack.addSlice(OUTLINES_ONLY, pixels.duplicate());
        ImagePlus imp = new ImagePlus(name + " overview", stack);
        Calibration cal = new Calibration();
        cal.pixelWidth = cal.pixelHeight = r.overview.scale.pixelUm;
        cal.setUnit("µm");
        imp.setCalibration(cal);
        double toOverview = 1 / r.overview.scale.level0PerPixel;
        // The cells of mlkl_heatmap.png (heatmap_cell), so the overlay and the PNG show the same squares.
        List<double[]> tiles = new ArrayList<>();
        for (Heatmap.Cell c : Heatmap.cells(r)) {
            if (c.tissueFraction <= 0) continue;
            tiles.add(new double[] {c.x * toOverview, c.y * toOverview, c.width * toOverview, c.height * toOverview, c.score.hScore()});
        }
        double top = upperEnd(values(tiles), HSCORE_MAX);
        Overlay o = new Overlay();
        for (Roi heat : heatLayer(w, h, tiles, top, ColorMap.VIRIDIS, tissueShape(Outlines.tissue(r), toOverview), r.settings.marker + " heatmap")) {
            heat.setPosition(1);
            o.add(heat);
        }
        for (Outline t : Outlines.tissue(r)) o.add(roi(t, toOverview));
        for (Outline t : Outlines.rims(r)) o.add(roi(t, toOverview));
        for (Outline t : Outlines.cores(r)) o.add(roi(t, toOverview));
        legend(o, w, h, markerLegend(r.settings.marker, top), ColorMap.VIRIDIS, 1);
        imp.setOverlay(o);
        return imp;
    }

    /** Column 4 (the value) of tile rows {x, y, width, height, value}. */
    static double[] values(List<double[]> tiles) {
        double[] v = new double[tiles.size()];
        for (int i = 0; i < v.length; i++) v[i] = tiles.get(i)[4];
        return v;
    }

    /** The union of tissue outlines (level-0 rings) scaled by {@code s}, or null when there are none. */
    static Shape tissueShape(List<Outline> tissue, double s) {
        List<List<double[]>> rings = new ArrayList<>();
        for (Outline t : tissue) rings.add(t.rings);
        return shape(rings, s);
    }

    static Shape shape(List<List<double[]>> outlines, double s) {
        if (outlines.isEmpty()) return null;
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (List<double[]> rings : outlines) {
            for (double[] ring : rings) {
                p.moveTo(ring[0] * s, ring[1] * s);
                for (int i = 2; i < ring.length; i += 2) p.lineTo(ring[i] * s, ring[i + 1] * s);
                p.closePath();
            }
        }
        return p;
    }

    /** Largest image (pixels) drawn as one heatmap picture; bigger ones get one rectangle per tile. */
    static final long LAYER_PIXELS = 32L << 20;

    /**
     * The heatmap as one half-transparent picture the size of the image, tiles painted edge to edge on whole
     * pixels (no seams) and only inside {@code tissue}, so glass stays clear. Tile rows are {x, y, width,
     * height, value} in image pixels; colours run from 0 to {@code top}. An image too large for one picture
     * gets a rectangle per tile instead.
     */
    static List<Roi> heatLayer(int w, int h, List<double[]> tiles, double top, ColorMap map, Shape tissue, String name) {
        if ((long) w * h > LAYER_PIXELS) return heatTiles(tiles, top, map, tissue, name);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        if (tissue != null) g.setClip(tissue);
        for (double[] t : tiles) {
            if (Double.isNaN(t[4])) continue;
            int x0 = (int) Math.round(t[0]), y0 = (int) Math.round(t[1]);
            int x1 = (int) Math.round(t[0] + t[2]), y1 = (int) Math.round(t[1] + t[3]);
            g.setColor(new Color(map.rgb(clamp01(t[4] / top))));
            g.fillRect(x0, y0, x1 - x0, y1 - y0);
        }
        g.dispose();
        ImageRoi layer = new ImageRoi(0, 0, img);
        layer.setOpacity(HEATMAP_OPACITY);
        layer.setName(name);
        return Collections.singletonList(layer);
    }

    static final double HEATMAP_OPACITY = 0.5;

    /** The heatmap of a large image: tiles as filled shapes (clipped to tissue) in one composite per colour. */
    private static List<Roi> heatTiles(List<double[]> tiles, double top, ColorMap map, Shape tissue, String name) {
        Map<Integer, java.awt.geom.Area> byColour = new LinkedHashMap<>();
        for (double[] t : tiles) {
            if (Double.isNaN(t[4])) continue;
            int x0 = (int) Math.round(t[0]), y0 = (int) Math.round(t[1]);
            int x1 = (int) Math.round(t[0] + t[2]), y1 = (int) Math.round(t[1] + t[3]);
            byColour.computeIfAbsent(map.rgb(clamp01(t[4] / top)) & 0xFFFFFF, k -> new java.awt.geom.Area())
                    .add(new java.awt.geom.Area(new java.awt.Rectangle(x0, y0, x1 - x0, y1 - y0)));
        }
        java.awt.geom.Area clip = tissue == null ? null : new java.awt.geom.Area(tissue);
        List<Roi> out = new ArrayList<>();
        for (Map.Entry<Integer, java.awt.geom.Area> e : byColour.entrySet()) {
            if (clip != null) e.getValue().intersect(clip);
            if (e.getValue().isEmpty()) continue;
            ShapeRoi part = new ShapeRoi(e.getValue());
            part.setFillColor(new Color(e.getKey() | (int) Math.round(255 * HEATMAP_OPACITY) << 24, true));
            part.setName(name);
            out.add(part);
        }
        return out;
    }

    static double clamp01(double t) {
        return Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t));
    }

    /**
     * Cores, rims and tissue in the ROI Manager, one (composite) ROI per outline name, in level-0 pixels as
     * in rois.zip (so they fit the slide opened at full resolution), named "slide: core 1". The ROIs of an
     * earlier run of the same slide are replaced, and other slides' ROIs kept apart by their prefix.
     */
    static void roiManager(SlideResult r, String slide) {
        List<Roi> rois = namedRois(Outlines.all(r), slide);
        if (rois.isEmpty()) return;
        RoiManager rm = RoiManager.getRoiManager();
        String prefix = slide + ": ";
        for (int i = rm.getCount() - 1; i >= 0; i--) {
            String n = rm.getName(i);
            if (n != null && n.startsWith(prefix)) rm.delete(i);
        }
        for (Roi roi : rois) rm.add((ImagePlus) null, roi, -1);
    }

    /** One ROI per outline name (a core touching another only at a corner has several outlines of one name). */
    static List<Roi> namedRois(List<Outline> outlines, String slide) {
        Map<String, List<Outline>> byName = new LinkedHashMap<>();
        for (Outline o : outlines) byName.computeIfAbsent(o.classification + "\n" + o.name, k -> new ArrayList<>()).add(o);
        List<Roi> out = new ArrayList<>();
        for (List<Outline> same : byName.values()) {
            List<double[]> rings = new ArrayList<>();
            for (Outline o : same) rings.addAll(o.rings);
            out.add(roi(rings, slide + ": " + same.get(0).name, same.get(0).classification, 1));
        }
        return out;
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

    static String markerLegend(String marker, double top) {
        return marker + " H-score 0-" + Parameters.format(top);
    }

    /**
     * The top of a heatmap's colour range, as the PNG heatmaps choose it: a round number at or above the
     * slide's 99th percentile (so one hot tile does not wash out the rest), at most {@code limit}. A fixed
     * 0-300 would paint almost every tile of a typical slide (H-scores of 5-30) the same colour.
     */
    static double upperEnd(double[] values, double limit) {
        if (values.length == 0) return Math.min(limit, 300);
        double[] v = values.clone();
        Arrays.sort(v);
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

    /** Key in the top-left corner: the outline colours and the heatmap's colour bar. */
    static void legend(Overlay o, int w, int h, String heatmapTitle, ColorMap map) {
        legend(o, w, h, heatmapTitle, map, 0);
    }

    /** As above, the heatmap's part of the key only on stack position {@code heatmapPosition} (0: all). */
    static void legend(Overlay o, int w, int h, String heatmapTitle, ColorMap map, int heatmapPosition) {
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
        title.setPosition(heatmapPosition);
        o.add(title);
        int barY = y + 4 * line + size / 4, barW = size * 12, steps = 24;
        for (int i = 0; i < steps; i++) {
            Roi step = new Roi(x + i * barW / (double) steps, barY, barW / (double) steps + 0.5, size * 0.7);
            step.setFillColor(new Color(map.rgb(i / (double) (steps - 1))));
            step.setPosition(heatmapPosition);
            o.add(step);
        }
    }

    /**
     * The distance profile as distance_profile.png draws it, in two Plots (a Plot has one y axis, and the two
     * measures have different units): MLKL-positive % and immune cells per mm² against the signed distance
     * from the core boundary (inside negative), in the PNG's colours, with a gap where a band holds no tissue.
     * The exact values are in distance_profile.csv and each plot's List.
     */
    static List<Plot> profilePlots(SlideSummary summary, String name) {
        List<DistanceBand> bands = summary.distanceProfile;
        List<Plot> out = new ArrayList<>();
        if (bands.isEmpty()) return out;
        int n = bands.size();
        double[] x = new double[n], mlkl = new double[n], immune = new double[n];
        for (int i = 0; i < n; i++) {
            DistanceBand b = bands.get(i);
            x[i] = b.centreUm();
            boolean tissue = b.tissueMm2 > 0;
            mlkl[i] = tissue ? 100 * b.dabPositiveFraction : Double.NaN;
            immune[i] = tissue ? b.immuneDensityPerMm2 : Double.NaN;
        }
        double xMin = bands.get(0).fromUm, xMax = bands.get(n - 1).toUm;
        out.add(profilePlot("Distance profile, " + summary.marker + ": " + name, summary.marker + "-positive tissue (%)", x, mlkl, xMin, xMax, DistancePlot.MLKL));
        out.add(profilePlot("Distance profile, immune cells: " + name, "Immune cells per mm²", x, immune, xMin, xMax, DistancePlot.IMMUNE));
        return out;
    }

    private static Plot profilePlot(String title, String yLabel, double[] x, double[] y, double xMin, double xMax, Color colour) {
        double top = 0;
        for (double v : y) if (!Double.isNaN(v)) top = Math.max(top, v);
        top = top > 0 ? top * 1.1 : 1;
        Plot plot = new Plot(title, "Signed distance from core boundary (µm; inside < 0)", yLabel);
        plot.setLimits(xMin, xMax, 0, top);
        plot.setColor(Color.GRAY);
        plot.setLineWidth(1);
        plot.drawDottedLine(0, 0, 0, top, 2);
        plot.setLineWidth(2);
        plot.setColor(colour, colour);
        // A NaN breaks the connected line, so a band without tissue is a gap, as in the PNG.
        plot.add("connected circle", x, y);
        plot.setColor(Color.BLACK);
        return plot;
    }
}
