package necroptosis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import necroptosis.pipeline.BlockGrid;
import necroptosis.pipeline.Overview;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.TileResult;
import necroptosis.scoring.PixelScore;

/**
 * mlkl_heatmap.png and immune_heatmap.png: one value per heatmap cell, coloured over the tissue of a
 * faded thumbnail (glass and unanalysed tiles stay uncoloured), necrotic core outlines on top, with a
 * colour bar (ticks, units) and a scale bar. The colour range is 0 to a round number at or above the
 * slide's 99th percentile, so one hot cell does not wash out the rest; the top tick says "≥" when clipped.
 * <p>
 * Cells are summed from the block grid, so their size ({@code heatmap_cell}, whole blocks) is free of the
 * analysis tiles; by default a cell is an analysis tile, and holds that tile's numbers of tiles.csv.
 */
public final class Heatmap {
    private Heatmap() {}

    /** What a heatmap shows. */
    public enum Kind {
        MLKL("%s H-score per tile", "%s H-score", " (H-score scale 0\u2013300)", ColorMap.VIRIDIS, 300),
        IMMUNE("Immune cell density per tile", "Immune cells / mm\u00b2", "", ColorMap.INFERNO, Double.POSITIVE_INFINITY);

        final String title;
        final String unit;
        final String note;
        final ColorMap map;
        final double upperLimit;

        Kind(String title, String unit, String note, ColorMap map, double upperLimit) {
            this.title = title;
            this.unit = unit;
            this.note = note;
            this.map = map;
            this.upperLimit = upperLimit;
        }

        double value(Cell cell) {
            return this == MLKL ? cell.score.hScore() : cell.immuneDensity;
        }
    }

    /** One heatmap cell: its level-0 rectangle and its sums, as a tile row of tiles.csv has them. */
    public static final class Cell {
        /** Level-0 position and size, rounded as tiles.csv's. */
        public final long x, y, width, height;
        public final PixelScore score;
        /** Tissue pixels over analysed pixels; 0 where nothing was analysed. */
        public final double tissueFraction;
        /** Tissue area in mm² (the weight of the cell in a slide-wide mean). */
        public final double tissueMm2;
        public final int immuneCells;
        public final double immuneDensity;

        Cell(long x, long y, long width, long height, PixelScore score, double tissueFraction, double tissueMm2, int immuneCells) {
            this.x = x;
            this.y = y;
            this.width = width;
            this.height = height;
            this.score = score;
            this.tissueFraction = tissueFraction;
            this.tissueMm2 = tissueMm2;
            this.immuneCells = immuneCells;
            this.immuneDensity = ZoneTotals.density(immuneCells, tissueMm2);
        }
    }

    /** Cell edge in µm as drawn: the setting rounded to whole blocks. */
    public static double cellUm(SlideResult r) {
        return r.grid.blockUm * r.settings.heatmapCellBlocks(r.grid.blockUm);
    }

    /**
     * The heatmap cells of a result, row by row, each summed over its blocks of the grid; immune cells are
     * those the tiles reported (as in tiles.csv), counted in the block of their centre. Cells with nothing
     * analysed in them are left out.
     */
    public static List<Cell> cells(SlideResult r) {
        return cells(r, r.settings.heatmapCellBlocks(r.grid.blockUm));
    }

    /** As {@link #cells(SlideResult)}, with cells of {@code c} blocks a side. */
    static List<Cell> cells(SlideResult r, int c) {
        BlockGrid g = r.grid;
        int[] immune = new int[g.size()];
        for (TileResult t : r.tiles) {
            for (int i = 0; i < t.immunePositions.length; i += 2) {
                immune[g.blockAt(t.immunePositions[i], t.immunePositions[i + 1])]++;
            }
        }
        double s = r.analysisScale.level0PerPixel;
        long cellPx = (long) c * g.blockPx;
        List<Cell> out = new ArrayList<>();
        for (int cy = 0; cy * c < g.height; cy++) {
            for (int cx = 0; cx * c < g.width; cx++) {
                long pixels = 0, tissue = 0;
                int count = 0;
                PixelScore score = new PixelScore();
                // Row by row, as a tile merges its blocks' scores.
                for (int by = cy * c; by < Math.min(g.height, (cy + 1) * c); by++) {
                    for (int bx = cx * c; bx < Math.min(g.width, (cx + 1) * c); bx++) {
                        int b = by * g.width + bx;
                        pixels += g.pixels(b);
                        tissue += g.tissue(b);
                        count += immune[b];
                        score.merge(g.score(b));
                    }
                }
                if (pixels == 0) continue;
                long ax = cx * cellPx, ay = cy * cellPx;
                long aw = Math.min(cellPx, r.analysisScale.width - ax), ah = Math.min(cellPx, r.analysisScale.height - ay);
                out.add(new Cell(Math.round(ax * s), Math.round(ay * s), Math.round(aw * s), Math.round(ah * s), score,
                        tissue / (double) pixels, tissue * g.pixelAreaMm2(), count));
            }
        }
        return out;
    }

    public static BufferedImage render(SlideResult r, List<Outline> outlines, Kind kind) {
        List<Cell> rows = cells(r);
        List<Outline> cores = new ArrayList<>();
        for (Outline o : outlines) if (Outline.NECROSIS.equals(o.classification)) cores.add(o);
        Drawing.Thumbnail t = Drawing.thumbnail(r.overview);
        int w = t.image.getWidth(), h = t.image.getHeight();
        int fs = Drawing.fontSize(Math.max(Math.max(w, h), 700));
        int margin = fs;

        // Value per display pixel: each tile's value over its rectangle, then kept only on tissue.
        float[] value = new float[w * h];
        Arrays.fill(value, Float.NaN);
        double[] all = new double[rows.size()];
        int n = 0;
        for (Cell row : rows) {
            double v = kind.value(row);
            if (Double.isNaN(v) || row.tissueFraction <= 0) continue;
            all[n++] = v;
            int x0 = clamp((int) Math.round(row.x * t.perLevel0Pixel), w), x1 = clamp((int) Math.round((row.x + row.width) * t.perLevel0Pixel), w);
            int y0 = clamp((int) Math.round(row.y * t.perLevel0Pixel), h), y1 = clamp((int) Math.round((row.y + row.height) * t.perLevel0Pixel), h);
            for (int y = y0; y < y1; y++) Arrays.fill(value, y * w + x0, y * w + x1, (float) v);
        }
        double top = upperEnd(Arrays.copyOf(all, n), kind);
        boolean clipped = false;
        for (int i = 0; i < n; i++) clipped |= all[i] > top;

        BufferedImage map = Drawing.faded(t.image, 0.45); // TYPE_INT_RGB, w x h
        int[] px = Drawing.pixels(map);
        Overview o = r.overview;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = value[y * w + x];
                if (Float.isNaN(v) || r.overviewTissue[t.overviewIndex(o, x, y)] == 0) continue;
                px[y * w + x] = kind.map.rgb(v / top) & 0xFFFFFF;
            }
        }

        int barW = Math.max(18, fs + fs / 3);
        int rightW = barW + 7 * fs;
        int width = margin + w + fs + rightW;
        int titleH = Drawing.titleHeight(fs);
        int bottomH = (int) (fs * 3.4);
        int height = titleH + Math.max(h, 12 * fs) + bottomH;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Drawing.graphics(img);
        g.setColor(Drawing.PAPER);
        g.fillRect(0, 0, width, height);

        Drawing.title(g, ResultWriter.safeName(r.slidePath) + " \u2014 " + String.format(kind.title, r.settings.marker),
                n + (n == 1 ? " tile of " : " tiles of ") + Drawing.number(Math.round(cellUm(r))) + " \u00b5m" + kind.note + "; glass and unanalysed areas uncoloured",
                margin, width - 2 * margin, fs);

        int imgX = margin, imgY = titleH;
        g.drawImage(map, imgX, imgY, null);
        g.setColor(new Color(0xC0C0C0));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(imgX - 1, imgY - 1, w + 1, h + 1);
        g.setClip(imgX, imgY, w, h);
        float stroke = Math.max(1.5f, fs / 8f);
        // White on a dark edge: visible on every colour of the map, where the overview's red would vanish in inferno.
        Drawing.drawOutlines(g, cores, CORE_EDGE, 0, stroke * 2.6f, t.perLevel0Pixel, imgX, imgY);
        Drawing.drawOutlines(g, cores, Color.WHITE, 0, stroke * 1.3f, t.perLevel0Pixel, imgX, imgY);
        g.setClip(null);

        colourBar(g, imgX + w + fs, imgY + fs, barW, Math.max(10 * fs, Math.min(h, 24 * fs) - 2 * fs), top, clipped, kind, String.format(kind.unit, r.settings.marker), fs);

        int base = imgY + Math.max(h, 12 * fs) + (int) (fs * 2.2);
        legendCore(g, margin, base, fs, stroke);
        Drawing.scaleBar(g, imgX + w, base, Math.max(3 * fs, w / 4), t.umPerPixel, fs);
        g.dispose();
        return img;
    }

    private static final Color CORE_EDGE = new Color(0x202020);

    /** Legend entry for the core outline: a short white line on a dark edge, as drawn on the map. */
    private static void legendCore(Graphics2D g, int x, int baseline, int fs, float stroke) {
        int y = baseline - fs / 3;
        g.setColor(CORE_EDGE);
        g.setStroke(new BasicStroke(stroke * 2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(x + 2, y, x + 2 * fs, y);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(stroke * 1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(x + 2, y, x + 2 * fs, y);
        g.setColor(Drawing.INK);
        g.setFont(Drawing.font(fs, false));
        g.drawString("Necrotic core outline", x + 2 * fs + fs / 2, baseline);
    }

    private static void colourBar(Graphics2D g, int x, int y, int barW, int barH, double top, boolean clipped, Kind kind, String unit, int fs) {
        for (int j = 0; j < barH; j++) {
            g.setColor(new Color(kind.map.rgb(1 - (j + 0.5) / barH)));
            g.fillRect(x, y + j, barW, 1);
        }
        g.setColor(Drawing.INK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, barW, barH);
        g.setFont(Drawing.font(fs, false));
        FontMetrics fm = g.getFontMetrics();
        double step = Drawing.tickStep(top, 5);
        int labelsW = 0;
        for (double v = 0; v <= top + 1e-9 * top; v += step) {
            int ty = y + barH - (int) Math.round(v / top * barH);
            g.drawLine(x + barW, ty, x + barW + fs / 3, ty);
            boolean last = v + step > top + 1e-9 * top;
            String label = (clipped && last ? "\u2265 " : "") + Drawing.number(v);
            g.drawString(label, x + barW + fs / 2, ty + fm.getAscent() / 2 - 1);
            labelsW = Math.max(labelsW, fm.stringWidth(label));
        }
        // Unit along the bar, rotated, to the right of the tick labels.
        AffineTransform saved = g.getTransform();
        g.setFont(Drawing.font(fs, true));
        fm = g.getFontMetrics();
        int labelX = x + barW + fs / 2 + labelsW + fm.getAscent() + fs / 3;
        g.translate(labelX, y + barH / 2 + fm.stringWidth(unit) / 2);
        g.rotate(-Math.PI / 2);
        g.drawString(unit, 0, 0);
        g.setTransform(saved);
    }

    /** The top of the colour range: a round number at or above the 99th percentile, within the kind's limit. */
    static double upperEnd(double[] values, Kind kind) {
        if (values.length == 0) return kind == Kind.MLKL ? 300 : 1;
        double[] v = values.clone();
        Arrays.sort(v);
        double p99 = v[Math.min(v.length - 1, (int) Math.floor(0.99 * (v.length - 1) + 0.5))];
        double top = Drawing.niceMax(p99, 5);
        return Math.min(top, kind.upperLimit);
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
