package necroptosis.slide.tiff;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;

/**
 * Decodes JPEG tiles (compression 7) with the JDK's ImageIO JPEG reader, one reused reader per thread.
 * <p>
 * The colour space is taken from the JPEG stream itself (JFIF/Adobe markers, component ids, subsampling),
 * not from the TIFF Photometric tag: Aperio SVS and Bio-Formats 6.x OME-TIFF files say RGB over tiles
 * that are YCbCr, and the decoder's own guess matches what OpenSlide and Bio-Formats show.
 */
final class JpegTileDecoder {
    private JpegTileDecoder() {}

    private static final ThreadLocal<ImageReader> READER = new ThreadLocal<ImageReader>() {
        @Override
        protected ImageReader initialValue() {
            ImageReader fallback = null;
            Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
            while (it.hasNext()) {
                ImageReader r = it.next();
                // Prefer the JDK's reader: plugins registered by other Fiji jars differ in colour handling.
                if (r.getClass().getName().startsWith("com.sun.imageio")) return listened(r);
                if (fallback == null) fallback = r;
            }
            if (fallback == null) throw new IllegalStateException("no ImageIO JPEG reader available");
            return listened(fallback);
        }
    };

    /**
     * The last warning of this thread's reader that means data are missing, or null. The JDK reader only warns
     * when a stream ends early, and fills the rest of the image with grey, which would be scored as tissue.
     */
    private static final ThreadLocal<String[]> MISSING_DATA = new ThreadLocal<String[]>() {
        @Override
        protected String[] initialValue() {
            return new String[1];
        }
    };

    private static ImageReader listened(ImageReader r) {
        r.addIIOReadWarningListener((source, warning) -> {
            // "Corrupt JPEG data: premature end of data segment" (libjpeg's JWRN_HIT_MARKER and kin); a missing
            // EOI marker alone loses nothing.
            if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) MISSING_DATA.get()[0] = warning;
        });
        return r;
    }

    /**
     * Per-thread decode target, reused while tiles keep the same size (saves an allocation per tile). Its bytes
     * are interleaved in R, G, B order, the order the JDK reader decodes each row in: the reader then copies
     * rows with one arraycopy, where into a BGR image ({@code TYPE_3BYTE_BGR}) it allocated a new row array
     * per row, two thirds of everything a whole run allocated for reading.
     */
    private static final ThreadLocal<BufferedImage[]> TARGET = new ThreadLocal<BufferedImage[]>() {
        @Override
        protected BufferedImage[] initialValue() {
            return new BufferedImage[1];
        }
    };

    /** Per-thread buffer for a tile's compressed bytes (kept while it is at most {@link #KEEP_BYTES}). */
    private static final ThreadLocal<byte[][]> RAW = new ThreadLocal<byte[][]>() {
        @Override
        protected byte[][] initialValue() {
            return new byte[1][];
        }
    };

    /** Largest compressed-tile buffer kept per thread; rarer, bigger tiles get a one-off array. */
    static final int KEEP_BYTES = 1 << 20;

    /**
     * An array of at least {@code length} bytes for reading one compressed tile, to be passed to
     * {@link #decode} before this thread asks for another.
     */
    static byte[] rawBuffer(int length) {
        if (length > KEEP_BYTES) return new byte[length];
        byte[][] holder = RAW.get();
        if (holder[0] == null || holder[0].length < length) holder[0] = new byte[Math.max(length, 64 << 10)];
        return holder[0];
    }

    /**
     * Decodes the tile held in {@code tile[0, length)} into {@code out} (0xFFRRGGBB, {@code width} x
     * {@code height}); a JPEG larger than the tile is cropped. A JPEG that does not cover the tile's
     * {@code needWidth} x {@code needHeight} top-left part (the part inside the image), or whose data end
     * early, is an error.
     *
     * @param tables the shared JPEGTables (tag 347) or null
     */
    static void decode(byte[] tile, int length, byte[] tables, int[] out, int width, int height, int needWidth, int needHeight)
            throws IOException {
        ImageReader reader = READER.get();
        String[] missing = MISSING_DATA.get();
        missing[0] = null;
        try {
            reader.setInput(stream(tables, tile, length), true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            int iw = reader.getWidth(0);
            int ih = reader.getHeight(0);
            // A corrupt header can declare a huge image: refuse before the reader allocates it.
            if ((long) iw > 2L * width + 16 || (long) ih > 2L * height + 16) {
                throw new IOException("JPEG stream declares " + iw + "x" + ih + " pixels for a " + width + "x" + height + " tile");
            }
            if (iw < needWidth || ih < needHeight) {
                throw new IOException("the JPEG data decode to " + iw + "x" + ih + " pixels, not the tile's " + width + "x" + height
                        + (needWidth < width || needHeight < height ? " (" + needWidth + "x" + needHeight + " inside the image)" : ""));
            }
            ImageTypeSpecifier type = reader.getRawImageType(0);
            BufferedImage[] target = TARGET.get();
            if (type != null && type.getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR) {
                BufferedImage t = target[0];
                if (t == null || t.getWidth() != iw || t.getHeight() != ih) {
                    t = rgbImage(iw, ih);
                    target[0] = t;
                }
                param.setDestination(t);
            }
            BufferedImage img = reader.read(0, param);
            if (missing[0] != null) throw new IOException("the JPEG data end before the tile is complete (" + missing[0] + ")");
            copy(img, out, width, height);
        } catch (RuntimeException e) {
            // The JDK reader throws e.g. ArrayIndexOutOfBounds on some corrupt streams.
            throw new IOException("the JPEG decoder failed (" + e + ")", e);
        } finally {
            reader.setInput(null);
        }
    }

    /** Abbreviated tile streams need the tables: tables without their EOI, then the tile without its SOI. */
    static JpegStream stream(byte[] tables, byte[] tile, int length) {
        if (tables == null || tables.length < 4) return new JpegStream(tile, length, tile, 0, 0);
        int tLen = tables.length;
        if ((tables[tLen - 2] & 0xFF) == 0xFF && (tables[tLen - 1] & 0xFF) == 0xD9) tLen -= 2;
        int skip = (length >= 2 && (tile[0] & 0xFF) == 0xFF && (tile[1] & 0xFF) == 0xD8) ? 2 : 0;
        return new JpegStream(tables, tLen, tile, skip, length - skip);
    }

    /** An sRGB image of interleaved bytes in R, G, B order (see {@link #TARGET}). */
    private static BufferedImage rgbImage(int w, int h) {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster r = Raster.createWritableRaster(
                new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, w, h, 3, 3 * w, new int[] {0, 1, 2}), null);
        return new BufferedImage(cm, r, false, null);
    }

    private static void copy(BufferedImage img, int[] out, int width, int height) throws IOException {
        int w = Math.min(width, img.getWidth());
        int h = Math.min(height, img.getHeight());
        int iw = img.getWidth();
        DataBuffer db = img.getRaster().getDataBuffer();
        int type = img.getType();
        if (img == TARGET.get()[0] && db instanceof DataBufferByte) {
            // Our own RGB-ordered target (rgbImage).
            byte[] d = ((DataBufferByte) db).getData();
            for (int y = 0; y < h; y++) {
                int s = y * iw * 3;
                int o = y * width;
                for (int x = 0; x < w; x++, s += 3) {
                    out[o + x] = 0xFF000000 | ((d[s] & 0xFF) << 16) | ((d[s + 1] & 0xFF) << 8) | (d[s + 2] & 0xFF);
                }
            }
        } else if (type == BufferedImage.TYPE_3BYTE_BGR && db instanceof DataBufferByte && img.getRaster().getParent() == null) {
            byte[] d = ((DataBufferByte) db).getData();
            for (int y = 0; y < h; y++) {
                int s = y * iw * 3;
                int o = y * width;
                for (int x = 0; x < w; x++, s += 3) {
                    out[o + x] = 0xFF000000 | ((d[s + 2] & 0xFF) << 16) | ((d[s + 1] & 0xFF) << 8) | (d[s] & 0xFF);
                }
            }
        } else if (type == BufferedImage.TYPE_BYTE_GRAY && db instanceof DataBufferByte && img.getRaster().getParent() == null) {
            byte[] d = ((DataBufferByte) db).getData();
            for (int y = 0; y < h; y++) {
                int s = y * iw;
                int o = y * width;
                for (int x = 0; x < w; x++) {
                    int g = d[s + x] & 0xFF;
                    out[o + x] = 0xFF000000 | (g << 16) | (g << 8) | g;
                }
            }
        } else if (type == BufferedImage.TYPE_INT_RGB && db instanceof DataBufferInt) {
            int[] d = ((DataBufferInt) db).getData();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) out[y * width + x] = 0xFF000000 | d[y * iw + x];
            }
        } else {
            // Unusual layouts (e.g. CMYK via a third-party reader): one bulk call, not per pixel.
            img.getRGB(0, 0, w, h, out, 0, width);
        }
    }
}
