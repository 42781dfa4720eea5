package necroptosis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import necroptosis.pipeline.SlideResult;

/**
 * overview.png: the slide thumbnail with the tissue outline, necrotic cores and peri-necrotic rims drawn
 * (semi-transparent fill, solid outline), a title, a legend and a scale bar. Legend and scale bar sit in a
 * band below the image, never over tissue.
 */
public final class OverviewImage {
    private OverviewImage() {}

    public static BufferedImage render(SlideResult r, List<Outline> outlines) {
        List<Outline> tissue = new ArrayList<>(), rims = new ArrayList<>(), cores = new ArrayList<>();
        for (Outline o : outlines) {
            if (Outline.TISSUE.equals(o.classification)) tissue.add(o);
            else if (Outline.RIM.equals(o.classification)) rims.add(o);
            else if (Outline.NECROSIS.equals(o.classification)) cores.add(o);
        }
        Drawing.Thumbnail t = Drawing.thumbnail(r.overview);
        int w = t.image.getWidth(), h = t.image.getHeight();
        int fs = Drawing.fontSize(Math.max(Math.max(w, h), 700));
        int margin = fs;
        int width = Math.max(w + 2 * margin, 700);
        int imgX = (width - w) / 2;

        // An uncertain core's number carries a "?" (labelCores); the legend says what it means.
        String core = r.uncertainCoreCount() > 0 ? "Necrotic core (N? uncertain)" : "Necrotic core";
        String[] labels = {"Tissue", core, "Peri-necrotic rim (" + Drawing.number(r.settings.rimWidthUm) + " \u00b5m)"};
        Color[] colours = {new Color(Outlines.TISSUE_RGB), new Color(Outlines.NECROSIS_RGB), new Color(Outlines.RIM_RGB)};
        int[] alphas = {0, 110, 110};
        // The scale bar takes the right end of the first legend row; legend entries wrap in the rest.
        int scaleMax = Math.max(3 * fs, w / 4);
        int legendRight = width - margin - scaleMax - 2 * fs;
        Graphics2D probe = Drawing.graphics(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        int[] itemX = new int[labels.length], itemRow = new int[labels.length];
        int x = margin, row = 0;
        for (int i = 0; i < labels.length; i++) {
            int iw = Drawing.legendWidth(probe, labels[i], fs);
            if (x > margin && x + iw > legendRight) {
                row++;
                x = margin;
            }
            itemX[i] = x;
            itemRow[i] = row;
            x += iw + 2 * fs;
        }
        probe.dispose();

        int titleH = Drawing.titleHeight(fs);
        int rowH = (int) (fs * 1.8);
        int bottomH = (int) (fs * 2.0) + row * rowH + fs;
        int height = titleH + h + bottomH;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Drawing.graphics(img);
        g.setColor(Drawing.PAPER);
        g.fillRect(0, 0, width, height);

        // Title: the slide and what was found, so the picture makes sense without the summary beside it.
        Drawing.title(g, ResultWriter.safeName(r.slidePath) + " \u2014 necrotic cores and rims", subtitle(r), margin, width - 2 * margin, fs);

        int imgY = titleH;
        g.drawImage(t.image, imgX, imgY, null);
        g.setColor(new Color(0xC0C0C0));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(imgX - 1, imgY - 1, w + 1, h + 1);
        g.setClip(imgX, imgY, w, h);
        float stroke = Math.max(1.5f, fs / 8f);
        Drawing.drawOutlines(g, rims, colours[2], alphas[2], stroke, t.perLevel0Pixel, imgX, imgY);
        Drawing.drawOutlines(g, cores, colours[1], alphas[1], stroke, t.perLevel0Pixel, imgX, imgY);
        Drawing.drawOutlines(g, tissue, colours[0], 0, stroke, t.perLevel0Pixel, imgX, imgY);
        labelCores(g, cores, r, t.perLevel0Pixel, imgX, imgY, fs);
        g.setClip(null);

        int base = imgY + h + (int) (fs * 2.0);
        for (int i = 0; i < labels.length; i++) Drawing.legendItem(g, itemX[i], base + itemRow[i] * rowH, colours[i], alphas[i], labels[i], fs);
        Drawing.scaleBar(g, width - margin, base, scaleMax, t.umPerPixel, fs);
        g.dispose();
        return img;
    }

    /**
     * The core's number (as in summary.json, the GeoJSON and the ROI set) at the centre of its largest
     * piece, dark on a white halo so it reads on any tissue; "N?" for a core flagged uncertain, which the
     * summary's notes name.
     */
    private static void labelCores(Graphics2D g, List<Outline> cores, SlideResult r, double scale, int dx, int dy, int fs) {
        Map<String, Outline> largest = new LinkedHashMap<>();
        for (Outline o : cores) {
            Outline l = largest.get(o.name);
            if (l == null || o.areaPx() > l.areaPx()) largest.put(o.name, o);
        }
        g.setFont(Drawing.font(fs, true));
        java.awt.FontMetrics fm = g.getFontMetrics();
        for (Outline o : largest.values()) {
            java.awt.geom.Rectangle2D b = Drawing.path(o, scale, dx, dy).getBounds2D();
            int core = Outlines.coreNumber(o);
            String label = core + (r.isUncertain(core) ? "?" : "");
            java.awt.font.GlyphVector gv = g.getFont().createGlyphVector(g.getFontRenderContext(), label);
            java.awt.Shape text = gv.getOutline((float) (b.getCenterX() - fm.stringWidth(label) / 2.0),
                    (float) (b.getCenterY() + (fm.getAscent() - fm.getDescent()) / 2.0));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(Math.max(3f, fs / 4f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(text);
            g.setColor(Drawing.INK);
            g.fill(text);
        }
    }

    private static String subtitle(SlideResult r) {
        double necrosis = 0;
        for (int c = 1; c <= r.cores.count; c++) necrosis += r.cores.areasMm2[c];
        String cores = r.cores.count == 0 ? "no necrotic core found"
                : r.coresInWords() + ", "
                        + String.format(Locale.ROOT, "%.3f mm\u00b2", necrosis);
        return cores + String.format(Locale.ROOT, " \u00b7 pixel size %.3g \u00b5m", r.pixelSizeUm);
    }
}
