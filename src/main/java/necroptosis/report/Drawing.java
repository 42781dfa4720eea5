package necroptosis.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import necroptosis.pipeline.Overview;

/**
 * What the QC images share: the thumbnail at display size, outline paths, fonts sized to the image, the
 * legend swatches, round-numbered scale bars and axis ticks, and PNG encoding. Only BufferedImage and
 * Graphics2D, so it works in a headless JVM.
 */
final class Drawing {
    private Drawing() {}

    /** Longest side of the drawn thumbnail: enough to see a core, small enough to open anywhere. */
    static final int MAX_SIDE = 1400;
    /** Thumbnails smaller than this are enlarged (nearest neighbour) so text and legend stay in proportion. */
    static final int MIN_SIDE = 800;

    static final Color INK = new Color(0x20, 0x20, 0x20);
    static final Color PAPER = Color.WHITE;

    /** The overview at display size and the display pixels per level-0 pixel. */
    static final class Thumbnail {
        final BufferedImage image;
        /** Display pixels per overview pixel. */
        final double perOverviewPixel;
        /** Display pixels per level-0 pixel. */
        final double perLevel0Pixel;
        /** µm per display pixel. */
        final double umPerPixel;

        Thumbnail(BufferedImage image, double perOverviewPixel, Overview o) {
            this.image = image;
            this.perOverviewPixel = perOverviewPixel;
            this.perLevel0Pixel = perOverviewPixel / o.scale.level0PerPixel;
            this.umPerPixel = o.scale.pixelUm / perOverviewPixel;
        }

        /** The overview pixel under display pixel (x, y). */
        int overviewIndex(Overview o, int x, int y) {
            int ox = Math.min(o.width - 1, (int) ((x + 0.5) / perOverviewPixel));
            int oy = Math.min(o.height - 1, (int) ((y + 0.5) / perOverviewPixel));
            return oy * o.width + ox;
        }
    }

    /** The overview box-averaged down (integer factor) or enlarged (integer factor) towards the display size. */
    static Thumbnail thumbnail(Overview o) {
        int longSide = Math.max(o.width, o.height);
        if (longSide > MAX_SIDE) {
            int k = (longSide + MAX_SIDE - 1) / MAX_SIDE;
            int w = Math.max(1, o.width / k), h = Math.max(1, o.height / k);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            int[] px = pixels(img);
            // A side shorter than k (a slide thousands of times longer than wide) gives a box of the rows or
            // columns there are.
            int kx = Math.min(k, o.width), ky = Math.min(k, o.height), n = kx * ky;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int r = 0, g = 0, b = 0;
                    for (int j = 0; j < ky; j++) {
                        int base = (y * k + j) * o.width + x * k;
                        for (int i = 0; i < kx; i++) {
                            int p = o.rgb[base + i];
                            r += (p >> 16) & 0xFF;
                            g += (p >> 8) & 0xFF;
                            b += p & 0xFF;
                        }
                    }
                    px[y * w + x] = (r / n) << 16 | (g / n) << 8 | (b / n);
                }
            }
            return new Thumbnail(img, 1.0 / k, o);
        }
        int k = longSide >= MIN_SIDE ? 1 : Math.max(1, (MIN_SIDE + longSide - 1) / Math.max(1, longSide));
        BufferedImage img = new BufferedImage(o.width * k, o.height * k, BufferedImage.TYPE_INT_RGB);
        int[] px = pixels(img);
        int iw = img.getWidth();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < iw; x++) px[y * iw + x] = o.rgb[(y / k) * o.width + x / k] & 0xFFFFFF;
        }
        return new Thumbnail(img, k, o);
    }

    /** Graphics with antialiased shapes and text. */
    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        return g;
    }

    /** Body text size for an image of this width: readable on a 1024 px thumbnail viewed whole. */
    static int fontSize(int width) {
        return Math.max(14, Math.round(width / 56f));
    }

    static Font font(int size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size);
    }

    /** An outline as a path in display pixels (even-odd, so holes stay open). */
    static Path2D path(Outline o, double scale, double dx, double dy) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (double[] r : o.rings) {
            p.moveTo(r[0] * scale + dx, r[1] * scale + dy);
            for (int i = 2; i < r.length; i += 2) p.lineTo(r[i] * scale + dx, r[i + 1] * scale + dy);
            p.closePath();
        }
        return p;
    }

    /** Fills (semi-transparent) and strokes (solid) outlines. fillAlpha 0 draws outlines only. */
    static void drawOutlines(Graphics2D g, List<Outline> outlines, Color c, int fillAlpha, float stroke, double scale, double dx, double dy) {
        for (Outline o : outlines) {
            Path2D p = path(o, scale, dx, dy);
            if (fillAlpha > 0) {
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), fillAlpha));
                g.fill(p);
            }
            g.setColor(c);
            g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(p);
        }
    }

    /** The largest 1, 2 or 5 x 10^k not above {@code x} (x > 0). */
    static double roundDown125(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        double m = x / p;
        return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
    }

    /** Tick step giving about {@code n} intervals over [0, max]. */
    static double tickStep(double max, int n) {
        double rough = max / n;
        double p = Math.pow(10, Math.floor(Math.log10(rough)));
        double m = rough / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * p;
    }

    /** A round upper end for an axis or colour bar holding {@code max}: a multiple of the tick step. */
    static double niceMax(double max, int ticks) {
        if (!(max > 0) || Double.isInfinite(max)) return 1;
        double step = tickStep(max, ticks);
        return Math.ceil(max / step - 1e-9) * step;
    }

    /** A number as an axis label: no trailing zeros, no exponent for the ranges plotted here. */
    static String number(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9 * Math.max(1, Math.abs(v))) return String.format(Locale.ROOT, "%d", (long) Math.rint(v));
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** A length for a scale bar: "500 µm", "2 mm". */
    static String length(double um) {
        return um >= 1000 ? number(um / 1000) + " mm" : number(um) + " \u00b5m";
    }

    /**
     * Draws a scale bar with its label above, its bar ending at (right, baseline); the length is the largest
     * 1-2-5 round number of µm not longer than {@code maxPx}. Returns the width used.
     */
    static int scaleBar(Graphics2D g, int right, int baseline, int maxPx, double umPerPixel, int fontSize) {
        double um = roundDown125(maxPx * umPerPixel);
        int px = (int) Math.round(um / umPerPixel);
        int barH = Math.max(4, fontSize / 3);
        g.setColor(INK);
        g.fillRect(right - px, baseline - barH, px, barH);
        g.setFont(font(fontSize, true));
        FontMetrics fm = g.getFontMetrics();
        String label = length(um);
        g.drawString(label, right - px + (px - fm.stringWidth(label)) / 2, baseline - barH - fm.getDescent() - 2);
        return Math.max(px, fm.stringWidth(label));
    }

    /** A legend entry: a filled swatch with outline, then the label. Returns the width used. */
    static int legendItem(Graphics2D g, int x, int baseline, Color c, int fillAlpha, String label, int fontSize) {
        int s = fontSize;
        int top = baseline - s + s / 8;
        if (fillAlpha > 0) {
            g.setColor(PAPER);
            g.fillRect(x, top, s, s);
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), fillAlpha));
            g.fillRect(x, top, s, s);
        }
        g.setColor(c);
        g.setStroke(new BasicStroke(Math.max(2f, fontSize / 7f)));
        g.drawRect(x, top, s, s);
        g.setColor(INK);
        g.setFont(font(fontSize, false));
        g.drawString(label, x + s + s / 2, baseline);
        return s + s / 2 + g.getFontMetrics().stringWidth(label);
    }

    /** Width of a legend entry (see {@link #legendItem}). */
    static int legendWidth(Graphics2D g, String label, int fontSize) {
        g.setFont(font(fontSize, false));
        return fontSize + fontSize / 2 + g.getFontMetrics().stringWidth(label);
    }

    /** Height of the title band drawn by {@link #title}. */
    static int titleHeight(int fs) {
        return fs + Math.round(fs * 1.25f * 1.3f) + Math.round(fs * 1.3f) + fs / 2 + fs / 2;
    }

    /** A bold title line and a plain subtitle line at the top of the image, shortened to fit. */
    static void title(Graphics2D g, String title, String subtitle, int x, int width, int fs) {
        g.setColor(INK);
        g.setFont(font(Math.round(fs * 1.25f), true));
        FontMetrics fm = g.getFontMetrics();
        int base = fs + fm.getAscent();
        g.drawString(fit(g, title, width), x, base);
        int next = fs + Math.round(fs * 1.25f * 1.3f);
        g.setFont(font(fs, false));
        g.drawString(fit(g, subtitle, width), x, next + g.getFontMetrics().getAscent());
    }

    /** Text shortened with an ellipsis to fit {@code width}. */
    static String fit(Graphics2D g, String s, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(s) <= width) return s;
        String e = "\u2026";
        int n = s.length();
        while (n > 0 && fm.stringWidth(s.substring(0, n) + e) > width) n--;
        return s.substring(0, n) + e;
    }

    /** The thumbnail faded towards white and grey, so colours drawn over it dominate. */
    static BufferedImage faded(BufferedImage src, double keep) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] in = src.getType() == BufferedImage.TYPE_INT_RGB ? pixels(src) : src.getRGB(0, 0, src.getWidth(), src.getHeight(), null, 0, src.getWidth());
        int[] px = pixels(out);
        for (int i = 0; i < px.length; i++) {
            int p = in[i];
            int grey = (((p >> 16) & 0xFF) * 30 + ((p >> 8) & 0xFF) * 59 + (p & 0xFF) * 11) / 100;
            int v = (int) Math.round(255 - (255 - grey) * keep);
            px[i] = v << 16 | v << 8 | v;
        }
        return out;
    }

    /**
     * The pixel array of a TYPE_INT_RGB image (0xRRGGBB). Writing it directly instead of calling setRGB per
     * pixel, which allocates for every call: on a 40k slide that garbage, megabytes per picture at the end
     * of a run, made the collector grow the heap past what the whole analysis needed.
     */
    static int[] pixels(BufferedImage img) {
        return ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        writePng(img, b);
        return b.toByteArray();
    }

    /**
     * Writes a PNG through a memory cache: {@code ImageIO.write} to a stream goes through a temporary file
     * when ImageIO's disk cache is on (its default), and changing that global would change it for the whole
     * of Fiji.
     */
    static void writePng(BufferedImage img, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) throw new IOException("no PNG writer available");
        ImageWriter writer = writers.next();
        try (ImageOutputStream o = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(o);
            writer.write(img);
        } finally {
            writer.dispose();
        }
    }
}
