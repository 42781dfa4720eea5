package necroptosis.slide.tiff;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.MemoryCacheImageInputStream;

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
                if (r.getClass().getName().startsWith("com.sun.imageio")) return r;
                if (fallback == null) fallback = r;
            }
            if (fallback == null) throw new IllegalStateException("no ImageIO JPEG reader available");
            return fallback;
        }
    };

    /** Per-thread decode target, reused while tiles keep the same size and colour type (saves an allocation per tile). */
    private static final ThreadLocal<BufferedImage[]> TARGET = new ThreadLocal<BufferedImage[]>() {
        @Override
        protected BufferedImage[] initialValue() {
            return new BufferedImage[1];
        }
    };

    /**
     * Decodes one tile into {@code out} (0xFFRRGGBB, {@code width} x {@code height}); a JPEG larger than the
     * tile is cropped, a smaller one fills the top-left part.
     *
     * @param tables the shared JPEGTables (tag 347) or null
     */
    static void decode(byte[] tile, byte[] tables, int[] out, int width, int height) throws IOException {
        byte[] stream = merge(tables, tile);
        ImageReader reader = READER.get();
        try {
            reader.setInput(new MemoryCacheImageInputStream(new ByteArrayInputStream(stream)), true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            int iw = reader.getWidth(0);
            int ih = reader.getHeight(0);
            // A corrupt header can declare a huge image: refuse before the reader allocates it.
            if ((long) iw > 2L * width + 16 || (long) ih > 2L * height + 16) {
                throw new IOException("JPEG stream declares " + iw + "x" + ih + " pixels for a " + width + "x" + height + " tile");
            }
            ImageTypeSpecifier type = reader.getRawImageType(0);
            BufferedImage[] target = TARGET.get();
            if (type != null && type.getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR) {
                BufferedImage t = target[0];
                if (t == null || t.getWidth() != iw || t.getHeight() != ih) {
                    t = new BufferedImage(iw, ih, BufferedImage.TYPE_3BYTE_BGR);
                    target[0] = t;
                }
                param.setDestination(t);
            }
            BufferedImage img = reader.read(0, param);
            copy(img, out, width, height);
        } catch (RuntimeException e) {
            // The JDK reader throws e.g. ArrayIndexOutOfBounds on some corrupt streams.
            throw new IOException(e.toString(), e);
        } finally {
            reader.setInput(null);
        }
    }

    /** Abbreviated tile streams need the tables: tables without their EOI, then the tile without its SOI. */
    static byte[] merge(byte[] tables, byte[] tile) {
        if (tables == null || tables.length < 4) return tile;
        int tLen = tables.length;
        if ((tables[tLen - 2] & 0xFF) == 0xFF && (tables[tLen - 1] & 0xFF) == 0xD9) tLen -= 2;
        int skip = (tile.length >= 2 && (tile[0] & 0xFF) == 0xFF && (tile[1] & 0xFF) == 0xD8) ? 2 : 0;
        byte[] s = new byte[tLen + tile.length - skip];
        System.arraycopy(tables, 0, s, 0, tLen);
        System.arraycopy(tile, skip, s, tLen, tile.length - skip);
        return s;
    }

    private static void copy(BufferedImage img, int[] out, int width, int height) throws IOException {
        int w = Math.min(width, img.getWidth());
        int h = Math.min(height, img.getHeight());
        int iw = img.getWidth();
        DataBuffer db = img.getRaster().getDataBuffer();
        int type = img.getType();
        if (type == BufferedImage.TYPE_3BYTE_BGR && db instanceof DataBufferByte && img.getRaster().getParent() == null) {
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
