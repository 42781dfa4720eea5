package necroptosis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

import necroptosis.pipeline.SlideResult;
import necroptosis.summary.DistanceBand;

/**
 * distance_profile.png: MLKL-positive fraction (left axis, %) and immune density (right axis, cells/mm²)
 * in bands of signed distance from the core boundary (negative inside the core), the boundary marked.
 * Bands without tissue are gaps, not zeros. Without a core, a plot that says so.
 */
public final class DistancePlot {
    private DistancePlot() {}

    public static final Color MLKL = new Color(0x0072B2);
    public static final Color IMMUNE = new Color(0xD55E00);
    static final int WIDTH = 1000, HEIGHT = 660;

    public static BufferedImage render(SlideResult r, List<DistanceBand> bands) {
        int fs = 17;
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Drawing.graphics(img);
        g.setColor(Drawing.PAPER);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Drawing.title(g, ResultWriter.safeName(r.slidePath) + " \u2014 distance profile",
                r.settings.marker + "-positive tissue and immune cell density in " + Drawing.number(r.settings.profileBandUm)
                        + " \u00b5m bands around the necrotic cores", fs, WIDTH - 2 * fs, fs);

        int left = 95, right = WIDTH - 110, top = Drawing.titleHeight(fs) + 70, bottom = HEIGHT - 85;
        int n = bands.size();
        double[] x = new double[n], mlkl = new double[n], immune = new double[n];
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY, maxPct = 0, maxDensity = 0;
        for (int i = 0; i < n; i++) {
            DistanceBand b = bands.get(i);
            xMin = Math.min(xMin, b.fromUm);
            xMax = Math.max(xMax, b.toUm);
            x[i] = b.centreUm();
            boolean tissue = b.tissueMm2 > 0;
            mlkl[i] = tissue ? 100 * b.dabPositiveFraction : Double.NaN;
            immune[i] = tissue ? b.immuneDensityPerMm2 : Double.NaN;
            if (!Double.isNaN(mlkl[i])) maxPct = Math.max(maxPct, mlkl[i]);
            if (!Double.isNaN(immune[i])) maxDensity = Math.max(maxDensity, immune[i]);
        }
        boolean empty = n == 0;
        if (empty) {
            xMin = -r.settings.profileRangeUm;
            xMax = r.settings.profileRangeUm;
        }
        double yPct = Math.min(100, Drawing.niceMax(maxPct, 5));
        double yDensity = Drawing.niceMax(maxDensity, 5);

        // Inside the core: shaded, so the sign of the distance needs no explanation.
        int x0px = px(0, xMin, xMax, left, right);
        g.setColor(new Color(0xF3E3E3));
        g.fillRect(left, top, Math.max(0, x0px - left), bottom - top);
        g.setFont(Drawing.font(fs - 1, false));
        g.setColor(new Color(0x8A5050));
        FontMetrics fm = g.getFontMetrics();
        g.drawString("inside core", left + 8, top + fm.getAscent() + 4);
        g.setColor(new Color(0x505050));
        String out = "outside core \u2192";
        g.drawString(out, right - fm.stringWidth(out) - 8, top + fm.getAscent() + 4);

        // Grid and axes.
        g.setFont(Drawing.font(fs - 1, false));
        fm = g.getFontMetrics();
        double xStep = Drawing.tickStep(xMax - xMin, 8);
        g.setStroke(new BasicStroke(1f));
        for (double v = Math.ceil(xMin / xStep) * xStep; v <= xMax + 1e-9; v += xStep) {
            int p = px(v, xMin, xMax, left, right);
            g.setColor(new Color(0xE6E6E6));
            g.drawLine(p, top, p, bottom);
            g.setColor(Drawing.INK);
            g.drawLine(p, bottom, p, bottom + 5);
            String s = Drawing.number(v);
            g.drawString(s, p - fm.stringWidth(s) / 2, bottom + 7 + fm.getAscent());
        }
        double lStep = Drawing.tickStep(yPct, 5), rStep = Drawing.tickStep(yDensity, 5);
        // Without data the value axes have no scale: draw the frame, not made-up ticks.
        if (empty) yPct = yDensity = -1;
        for (double v = 0; v <= yPct + 1e-9; v += lStep) {
            int p = py(v, yPct, top, bottom);
            g.setColor(new Color(0xE6E6E6));
            g.drawLine(left, p, right, p);
            g.setColor(MLKL);
            g.drawLine(left - 5, p, left, p);
            String s = Drawing.number(v);
            g.drawString(s, left - 8 - fm.stringWidth(s), p + fm.getAscent() / 2 - 1);
        }
        for (double v = 0; v <= yDensity + 1e-9; v += rStep) {
            int p = py(v, yDensity, top, bottom);
            g.setColor(IMMUNE);
            g.drawLine(right, p, right + 5, p);
            g.drawString(Drawing.number(v), right + 8, p + fm.getAscent() / 2 - 1);
        }
        g.setColor(Drawing.INK);
        g.drawRect(left, top, right - left, bottom - top);

        g.setFont(Drawing.font(fs, true));
        fm = g.getFontMetrics();
        String xl = "Signed distance from the core boundary (\u00b5m; negative = inside the core)";
        g.drawString(xl, (left + right - fm.stringWidth(xl)) / 2, HEIGHT - 22);
        verticalLabel(g, r.settings.marker + "-positive tissue (%)", 28, (top + bottom) / 2, MLKL);
        verticalLabel(g, "Immune cells / mm\u00b2", WIDTH - 18, (top + bottom) / 2, IMMUNE);

        if (empty) {
            g.setFont(Drawing.font(Math.round(fs * 1.4f), true));
            fm = g.getFontMetrics();
            String s = "No necrotic core found: no distance profile";
            g.setColor(new Color(0x606060));
            g.drawString(s, (left + right - fm.stringWidth(s)) / 2, (top + bottom) / 2);
        } else {
            // Boundary line, labelled at its top.
            g.setColor(Drawing.INK);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
            g.drawLine(x0px, top, x0px, bottom);
            g.setFont(Drawing.font(fs - 1, true));
            fm = g.getFontMetrics();
            String cb = "core boundary";
            g.drawString(cb, x0px - fm.stringWidth(cb) / 2, top - 6);
            series(g, x, mlkl, xMin, xMax, yPct, left, right, top, bottom, MLKL, false);
            series(g, x, immune, xMin, xMax, yDensity, left, right, top, bottom, IMMUNE, true);
        }

        if (empty) {
            g.dispose();
            return img;
        }
        // Legend above the plot, left: one entry per series with its marker.
        g.setFont(Drawing.font(fs, false));
        fm = g.getFontMetrics();
        int ly = top - 42, lx = left;
        lx = legendEntry(g, lx, ly, MLKL, false, r.settings.marker + "-positive fraction (left axis)", fm) + 30;
        legendEntry(g, lx, ly, IMMUNE, true, "Immune cell density (right axis)", fm);
        g.dispose();
        return img;
    }

    private static int legendEntry(Graphics2D g, int x, int y, Color c, boolean square, String label, FontMetrics fm) {
        g.setColor(c);
        g.setStroke(new BasicStroke(2.5f));
        g.drawLine(x, y - 6, x + 34, y - 6);
        marker(g, x + 17, y - 6, square);
        g.setColor(Drawing.INK);
        g.drawString(label, x + 44, y);
        return x + 44 + fm.stringWidth(label);
    }

    private static void series(Graphics2D g, double[] x, double[] y, double xMin, double xMax, double yMax, int left, int right,
            int top, int bottom, Color c, boolean square) {
        g.setColor(c);
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double p = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(y[i])) {
                pen = false;
                continue;
            }
            double px = pxd(x[i], xMin, xMax, left, right), py = pyd(y[i], yMax, top, bottom);
            if (pen) p.lineTo(px, py);
            else p.moveTo(px, py);
            pen = true;
        }
        g.draw(p);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(y[i])) marker(g, (int) Math.round(pxd(x[i], xMin, xMax, left, right)), (int) Math.round(pyd(y[i], yMax, top, bottom)), square);
        }
    }

    private static void marker(Graphics2D g, int x, int y, boolean square) {
        int s = 9;
        if (square) g.fillRect(x - s / 2, y - s / 2, s, s);
        else g.fillOval(x - s / 2, y - s / 2, s, s);
    }

    private static void verticalLabel(Graphics2D g, String s, int x, int yCentre, Color c) {
        AffineTransform saved = g.getTransform();
        FontMetrics fm = g.getFontMetrics();
        g.setColor(c);
        g.translate(x, yCentre + fm.stringWidth(s) / 2);
        g.rotate(-Math.PI / 2);
        g.drawString(s, 0, 0);
        g.setTransform(saved);
    }

    private static int px(double v, double min, double max, int left, int right) {
        return (int) Math.round(pxd(v, min, max, left, right));
    }

    private static double pxd(double v, double min, double max, int left, int right) {
        return left + (v - min) / (max - min) * (right - left);
    }

    private static int py(double v, double max, int top, int bottom) {
        return (int) Math.round(pyd(v, max, top, bottom));
    }

    private static double pyd(double v, double max, int top, int bottom) {
        return bottom - v / max * (bottom - top);
    }
}
