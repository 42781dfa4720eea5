package necroptosis.ij;

import java.awt.Shape;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.plugin.PlugIn;
import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.SettingValues;
import necroptosis.regions.GeoJsonRegions;
import necroptosis.regions.UserRegions;
import necroptosis.report.CellFiles;
import necroptosis.report.ColorMap;
import necroptosis.report.Outline;
import necroptosis.slide.SlideException;
import necroptosis.summary.SlideSummary;
import necroptosis.summary.SummaryJson;

/**
 * Plugins &gt; Necroptosis &gt; Show Results Overlay...: puts a saved result (a slide's output folder) back
 * on an open image of that slide, at any level: necrotic cores, rims and tissue from necrosis.geojson and
 * a tile heatmap from tiles.csv, as an Overlay. The image's scale is its width over the slide's level-0
 * width (summary.json), or else its µm calibration over the slide's pixel size.
 */
public final class ShowOverlayCommand implements PlugIn {
    static final String TITLE = "Show Results Overlay";

    @Override
    public void run(String arg) {
        try {
            show();
        } catch (Throwable e) {
            CommandSupport.fail(TITLE, e);
        }
    }

    private void show() throws Exception {
        String options = Macro.getOptions();
        SettingValues v;
        if (options != null) {
            v = Parameters.fromMacro(options, Parameters.showOverlay(null));
        } else if (CommandSupport.headless()) {
            throw new Parameters.OptionException("headless runs need macro options, e.g. run(\"Show Results Overlay...\", \"result=[/path/results/slide1]\")");
        } else {
            String[] titles = frontFirst(WindowManager.getImageTitles(), WindowManager.getCurrentImage());
            if (titles.length == 0) throw new Parameters.OptionException("no image is open: open the slide (or its overview) first");
            v = SettingsDialog.show(TITLE, Parameters.showOverlay(titles), Help.OVERLAY_HTML);
            if (v == null) return;
        }
        String title = v.text("image");
        ImagePlus imp = title.isEmpty() ? WindowManager.getCurrentImage() : WindowManager.getImage(title);
        if (imp == null) {
            throw new Parameters.OptionException(title.isEmpty() ? "no image is open: open the slide (or its overview) first"
                    : "image=" + Parameters.show(title) + ": no open image has this title");
        }
        if (v.text("result").isEmpty()) throw new Parameters.OptionException("result: no result folder given (result=[/path/results/slide])");
        Overlay o = overlay(Paths.get(v.text("result")), imp, v.choice("heatmap"), v.flag("nuclei"));
        imp.setOverlay(o);
        IJ.showStatus(TITLE + ": " + o.size() + " outlines and tiles on " + imp.getTitle());
    }

    /** The open images' titles with the front image first, so the dialog offers it. */
    static String[] frontFirst(String[] titles, ImagePlus front) {
        List<String> l = new ArrayList<>(Arrays.asList(titles));
        if (front != null && l.remove(front.getTitle())) l.add(0, front.getTitle());
        return l.toArray(new String[0]);
    }

    /** The overlay of a result folder for an image of the slide, without the nuclei. */
    static Overlay overlay(Path result, ImagePlus imp, String heatmap) throws IOException {
        return overlay(result, imp, heatmap, false);
    }

    /** The overlay of a result folder for an image of the slide; {@code nuclei}: with cells.csv's nuclei as points. */
    static Overlay overlay(Path result, ImagePlus imp, String heatmap, boolean nuclei) throws IOException {
        Path summaryFile = result.resolve("summary.json");
        if (!Files.isRegularFile(summaryFile)) {
            throw new SlideException(result.toString(), "no summary.json here: choose the folder of one slide's results (it holds summary.json, tiles.csv, necrosis.geojson)");
        }
        SlideSummary summary;
        try {
            summary = SummaryJson.read(summaryFile);
        } catch (IOException e) {
            throw new SlideException(summaryFile.toString(), "not a summary.json (" + e.getMessage() + ")");
        }
        double s = scale(summary, imp, summaryFile.toString());
        Path geojson = result.resolve("necrosis.geojson");
        List<UserRegions.Polygon> polygons = new ArrayList<>();
        if (Files.isRegularFile(geojson)) {
            polygons.addAll(GeoJsonRegions.read(geojson).polygons());
        } else {
            IJ.log(TITLE + ": " + geojson + " not found; showing the heatmap only");
        }
        List<List<double[]>> tissue = new ArrayList<>();
        for (UserRegions.Polygon p : polygons) if (Outline.TISSUE.equals(classification(p))) tissue.add(p.rings());
        Overlay o = new Overlay();
        String legend = null;
        Path tiles = result.resolve("tiles.csv");
        ColorMap map = heatmap.equals("immune") ? ColorMap.INFERNO : ColorMap.VIRIDIS;
        if (!heatmap.equals("none") && Files.isRegularFile(tiles)) {
            legend = heatmap(tiles, s, heatmap, summary.marker, map, ResultsDisplay.shape(tissue, s), imp, o, heatmapCellBlocks(summary));
        }
        int[] counts = new int[3];
        String[] order = {Outline.TISSUE, Outline.RIM, Outline.NECROSIS};
        for (String cls : order) {
            for (UserRegions.Polygon p : polygons) {
                if (!classification(p).equals(cls)) continue;
                int k = Arrays.asList(order).indexOf(cls);
                o.add(ResultsDisplay.roi(p.rings(), cls + " " + (++counts[k]), cls, s));
            }
        }
        if (nuclei) {
            Path cells = result.resolve(CellFiles.CSV);
            if (Files.isRegularFile(cells)) {
                for (Roi r : nucleusPoints(cells, s)) o.add(r);
            } else {
                IJ.log(TITLE + ": " + cells + " not found (score the slide with Export cells to write it); showing no nuclei");
            }
        }
        ResultsDisplay.legend(o, imp.getWidth(), imp.getHeight(), legend, map);
        return o;
    }

    /**
     * cells.csv's nuclei as one point selection per class, in the class's colour in cells.geojson, named by
     * class and count ("immune (5830)"), so the ROI Manager or the overlay's list can show one class at a time.
     */
    static List<Roi> nucleusPoints(Path cells, double s) throws IOException {
        Map<String, float[][]> byClass = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(cells, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            List<String> cols = Arrays.asList(header == null ? new String[0] : header.split(","));
            int xi = cols.indexOf("x_px"), yi = cols.indexOf("y_px"), ci = cols.indexOf("class");
            if (xi < 0 || yi < 0 || ci < 0) throw new SlideException(cells.toString(), "not a cells.csv: needs columns x_px, y_px, class");
            int line = 1;
            for (String l; (l = r.readLine()) != null; ) {
                line++;
                if (l.trim().isEmpty()) continue;
                String[] f = l.split(",", -1);
                float x, y;
                String c;
                try {
                    x = (float) (Double.parseDouble(f[xi]) * s);
                    y = (float) (Double.parseDouble(f[yi]) * s);
                    c = f[ci];
                } catch (RuntimeException e) { // a number that is none, or a row cut short
                    throw new SlideException(cells.toString(), "line " + line + " is not a nucleus row");
                }
                int n = counts.merge(c, 1, Integer::sum);
                float[][] xy = byClass.computeIfAbsent(c, k -> new float[2][256]);
                if (n > xy[0].length) {
                    xy[0] = Arrays.copyOf(xy[0], 2 * xy[0].length);
                    xy[1] = Arrays.copyOf(xy[1], 2 * xy[1].length);
                }
                xy[0][n - 1] = x;
                xy[1][n - 1] = y;
            }
        }
        List<Roi> out = new ArrayList<>();
        for (Map.Entry<String, float[][]> e : byClass.entrySet()) {
            int n = counts.get(e.getKey());
            PointRoi p = new PointRoi(e.getValue()[0], e.getValue()[1], n);
            p.setPointType(PointRoi.DOT);
            p.setSize(1);
            p.setName(e.getKey() + " (" + n + ")");
            p.setStrokeColor(new java.awt.Color(CellFiles.rgb(e.getKey())));
            out.add(p);
        }
        return out;
    }

    /**
     * Image pixels per level-0 pixel. The width ratio is used when summary.json gives the slide's size (the
     * height must agree: another slide's result would not); else the image's µm calibration.
     */
    static double scale(SlideSummary summary, ImagePlus imp, String where) throws SlideException {
        double w0 = summary.provenance.slideWidthPx, h0 = summary.provenance.slideHeightPx;
        if (w0 > 0 && h0 > 0) {
            double sx = imp.getWidth() / w0, sy = imp.getHeight() / h0;
            // Levels are rounded to whole pixels, so a small image may differ by a pixel in either direction.
            double tolerance = Math.max(0.02, 2.0 / Math.min(imp.getWidth(), imp.getHeight()));
            if (Math.abs(sx - sy) > tolerance * Math.max(sx, sy)) {
                throw new SlideException(where, String.format(Locale.ROOT, "the slide was %.0f x %.0f px; image '%s' (%d x %d) is not a level of it "
                        + "(another slide or a crop? overview.png is a figure with margins: open the slide or one of its levels)", w0, h0, imp.getTitle(), imp.getWidth(), imp.getHeight()));
            }
            return sx;
        }
        double um0 = summary.pixelSizeUm;
        Calibration cal = imp.getCalibration();
        String unit = cal.getUnit() == null ? "" : cal.getUnit().toLowerCase(Locale.ROOT);
        if (um0 > 0 && cal.scaled() && (unit.equals("µm") || unit.equals("um") || unit.equals("micron") || unit.equals("\u03bcm"))) {
            return um0 / cal.pixelWidth;
        }
        throw new SlideException(where, "cannot tell the scale of image '" + imp.getTitle()
                + "': summary.json has no slide size and the image has no µm calibration (Image > Properties)");
    }

    private static String classification(UserRegions.Polygon p) {
        return p.classification == null ? "" : p.classification.toLowerCase(Locale.ROOT);
    }

    /**
     * The heatmap cell of the result (heatmap_cell) in µm and the analysis tile in blocks, or null when the
     * result's heatmap has the default cell, the analysis tile.
     */
    static double[] heatmapCellBlocks(SlideSummary summary) {
        com.google.gson.JsonObject p = summary.provenance.parameters();
        if (!p.has("heatmap_cell_um") || !p.has("tile_blocks")) return null;
        try {
            return new double[] {p.get("heatmap_cell_um").getAsDouble(), p.get("tile_blocks").getAsDouble(), summary.provenance.pixelSizeUm};
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Tile rows {x, y, width, height, value, tissue_fraction} (level-0) joined into the heatmap cells of the
     * PNGs when those are whole multiples of the tile, each the tissue-weighted mean of its tiles, as the PNG
     * sums them; else the rows as they are, with a line in the Log saying why.
     */
    static List<double[]> toCells(List<double[]> rows, double[] cell, String where) {
        if (cell == null || rows.isEmpty()) return rows;
        double tile = 0;
        for (double[] r : rows) tile = Math.max(tile, Math.max(r[2], r[3]));
        double blockUm = tile * cell[2] / cell[1];
        long cellBlocks = AnalysisSettings.heatmapCellBlocks(cell[0], blockUm, (int) cell[1]);
        long k = cellBlocks / (long) cell[1];
        if (k * (long) cell[1] != cellBlocks) {
            IJ.log(TITLE + ": " + where + " holds tiles of " + Math.round(tile * cell[2]) + " µm; the heatmap PNGs have cells of "
                    + Math.round(cellBlocks * blockUm) + " µm, which are not whole tiles: the overlay shows the tiles");
            return rows;
        }
        if (k == 1) return rows;
        Map<Long, double[]> cells = new TreeMap<>();
        for (double[] r : rows) {
            long i = Math.round(r[0] / tile) / k, j = Math.round(r[1] / tile) / k;
            double weight = r[5] * r[2] * r[3];
            double[] c = cells.computeIfAbsent(j * (1L << 31) + i, key -> new double[] {r[0], r[1], r[0] + r[2], r[1] + r[3], 0, 0});
            c[0] = Math.min(c[0], r[0]);
            c[1] = Math.min(c[1], r[1]);
            c[2] = Math.max(c[2], r[0] + r[2]);
            c[3] = Math.max(c[3], r[1] + r[3]);
            if (weight > 0 && !Double.isNaN(r[4])) {
                c[4] += r[4] * weight;
                c[5] += weight;
            }
        }
        List<double[]> out = new ArrayList<>();
        for (double[] c : cells.values()) {
            if (c[5] > 0) out.add(new double[] {c[0], c[1], c[2] - c[0], c[3] - c[1], c[4] / c[5], c[5]});
        }
        return out;
    }

    /** Adds the tile heatmap from tiles.csv, clipped to {@code tissue} when given; returns the legend title. */
    private static String heatmap(Path tiles, double s, String which, String marker, ColorMap map, Shape tissue, ImagePlus imp, Overlay o,
            double[] cell) throws IOException {
        List<double[]> rows = new ArrayList<>();
        String column = which.equals("immune") ? "immune_density_per_mm2" : "hscore";
        try (BufferedReader r = Files.newBufferedReader(tiles, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) return null;
            List<String> cols = Arrays.asList(header.split(","));
            int[] idx = {cols.indexOf("x"), cols.indexOf("y"), cols.indexOf("width"), cols.indexOf("height"), cols.indexOf(column),
                cols.indexOf("tissue_fraction")};
            for (int i : idx) {
                if (i < 0) throw new SlideException(tiles.toString(), "not a tiles.csv: needs columns x, y, width, height, tissue_fraction, " + column);
            }
            int line = 1;
            for (String l; (l = r.readLine()) != null; ) {
                line++;
                if (l.trim().isEmpty()) continue;
                String[] f = l.split(",", -1);
                double[] row = new double[idx.length];
                try {
                    for (int k = 0; k < idx.length; k++) row[k] = Double.parseDouble(f[idx[k]]);
                } catch (RuntimeException e) {
                    throw new SlideException(tiles.toString(), "line " + line + " is not a tile row");
                }
                rows.add(row);
            }
        }
        rows = toCells(rows, cell, tiles.toString());
        boolean immune = which.equals("immune");
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) values[i] = rows.get(i)[4];
        double top = ResultsDisplay.upperEnd(values, immune ? Double.POSITIVE_INFINITY : ResultsDisplay.HSCORE_MAX);
        List<double[]> scaled = new ArrayList<>();
        for (double[] row : rows) scaled.add(new double[] {row[0] * s, row[1] * s, row[2] * s, row[3] * s, row[4]});
        for (Roi r : ResultsDisplay.heatLayer(imp.getWidth(), imp.getHeight(), scaled, top, map, tissue, immune ? "immune heatmap" : marker + " heatmap")) o.add(r);
        return immune ? "Immune cells/mm² 0-" + Parameters.format(top) : ResultsDisplay.markerLegend(marker, top);
    }
}
