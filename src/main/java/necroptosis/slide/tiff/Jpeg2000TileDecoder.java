package necroptosis.slide.tiff;

import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import loci.common.services.ServiceException;
import ome.codecs.CodecOptions;
import ome.codecs.JPEG2000CodecOptions;
import ome.codecs.gui.AWTImageTools;
import ome.codecs.services.JAIIIOServiceImpl;

/**
 * Decodes Aperio JPEG 2000 tiles (compression 33003 and 33005) with the OME codecs, which Fiji ships.
 * <p>
 * Aperio writes 33003 tiles as YCbCr codestreams without the JPEG 2000 component transform, so they are
 * converted to RGB here (full-range JPEG/JFIF equations, as OpenSlide does); 33005 codestreams hold RGB.
 */
final class Jpeg2000TileDecoder {
    private Jpeg2000TileDecoder() {}

    /**
     * Reads the image size from a raw codestream's SIZ marker (SOC FF4F, SIZ FF51 with Lsiz, Rsiz, Xsiz,
     * Ysiz, XOsiz, YOsiz) and refuses sizes far beyond the tile, so a corrupt header cannot make the decoder
     * allocate gigabytes. Returns {width, height}, or null for a JP2-boxed stream (left to the decoder).
     */
    static int[] declaredSize(byte[] t, int width, int height) throws IOException {
        if (t.length < 2 || (t[0] & 0xFF) != 0xFF || (t[1] & 0xFF) != 0x4F) return null;
        if (t.length < 24 || (t[2] & 0xFF) != 0xFF || (t[3] & 0xFF) != 0x51) throw new IOException("JPEG 2000 codestream without SIZ marker");
        long w = be32(t, 8) - be32(t, 16);
        long h = be32(t, 12) - be32(t, 20);
        if (w <= 0 || h <= 0 || w > 2L * width + 16 || h > 2L * height + 16) {
            throw new IOException("JPEG 2000 codestream declares " + w + "x" + h + " pixels for a " + width + "x" + height + " tile");
        }
        if (t.length >= 40) {
            // The tile grid (XTsiz, YTsiz, XTOsiz, YTOsiz) as the standard bounds it: its first tile holds the
            // image origin. An offset past the origin made jj2000 fill the heap and take half a minute (found by
            // TiffParserFuzz).
            long x0 = be32(t, 16), y0 = be32(t, 20), tw = be32(t, 24), th = be32(t, 28), tx0 = be32(t, 32), ty0 = be32(t, 36);
            if (tw == 0 || th == 0 || tx0 > x0 || ty0 > y0 || tx0 + tw <= x0 || ty0 + th <= y0) {
                throw new IOException("JPEG 2000 codestream with an impossible tile grid (" + tw + "x" + th + " tiles from " + tx0 + "," + ty0
                        + " for an image from " + x0 + "," + y0 + ")");
            }
            long tiles = ((be32(t, 8) - tx0 + tw - 1) / tw) * ((be32(t, 12) - ty0 + th - 1) / th);
            if (tiles > w * h) throw new IOException("JPEG 2000 codestream declares " + tiles + " tiles for " + w + "x" + h + " pixels");
        }
        return new int[] {(int) w, (int) h};
    }

    /**
     * Refuses what would make jj2000's packet header reader loop forever without reading on. After a 0xFF
     * byte it takes the next byte's seven low bits and, when that byte is 0xFF too, keeps returning them: in
     * a damaged header the loop that counts the ones of a code block's length indicator never ends. Two
     * 0xFF bytes in a row never occur in valid packet data (after 0xFF a packet header stuffs a 0 bit and
     * code-block data holds a byte below 0x90). Packed packet headers (PPM, PPT) are read from a copy whose
     * end reads as ones forever; Aperio does not write them, so they are refused.
     */
    static void checkPacketData(byte[] t) throws IOException {
        int p = 0;
        while (p + 4 <= t.length && !(u16(t, p) == 0xFF4F && u16(t, p + 2) == 0xFF51)) p++;
        if (p + 4 > t.length) return; // no codestream found: the decoder refuses it
        p += 2;
        while (p + 4 <= t.length && u16(t, p) != 0xFF90) {
            if (u16(t, p) == 0xFF60) throw new IOException("JPEG 2000 codestream with packed packet headers (PPM), which are not supported");
            if ((t[p] & 0xFF) != 0xFF) {
                // A damaged main header, which jj2000 may still get past (found by TiffParserFuzz): all the rest is checked.
                noDoubleFf(t, p, t.length);
                return;
            }
            p += 2 + u16(t, p + 2);
        }
        while (p + 12 <= t.length && u16(t, p) == 0xFF90) {
            int sot = p;
            long psot = be32(t, p + 6);
            p += 2 + u16(t, p + 2);
            boolean damaged = false;
            while (p + 4 <= t.length && u16(t, p) != 0xFF93) {
                if (u16(t, p) == 0xFF61) throw new IOException("JPEG 2000 codestream with packed packet headers (PPT), which are not supported");
                if ((t[p] & 0xFF) != 0xFF) {
                    damaged = true;
                    break;
                }
                p += 2 + u16(t, p + 2);
            }
            int start = Math.min(damaged ? p : p + 2, t.length);
            int end = psot == 0 || sot + psot > t.length || sot + psot < start ? t.length : (int) (sot + psot);
            noDoubleFf(t, start, end);
            p = end;
        }
        // Whatever follows the last tile-part the decoder may still read as packet data.
        noDoubleFf(t, p, t.length);
    }

    private static void noDoubleFf(byte[] t, int start, int end) throws IOException {
        for (int i = start; i < end && i + 1 < t.length; i++) {
            if (t[i] == (byte) 0xFF && t[i + 1] == (byte) 0xFF) {
                throw new IOException("JPEG 2000 data damaged (0xFF 0xFF in the packet data at byte " + i + " of " + t.length + ")");
            }
        }
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    private static long be32(byte[] b, int p) {
        return ((b[p] & 0xFFL) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    /**
     * Decodes one tile into {@code out} (0xFFRRGGBB, row length {@code width}); a codestream larger than the
     * tile is cropped, one that does not cover the {@code needWidth} x {@code needHeight} top-left part (the
     * part inside the image) is an error.
     */
    static void decode(byte[] tile, boolean ycbcr, int[] out, int width, int height, int needWidth, int needHeight) throws IOException {
        int[] size = declaredSize(tile, width, height);
        int cw = size == null ? width : size[0];
        int ch = size == null ? height : size[1];
        if (cw < needWidth || ch < needHeight) {
            throw new IOException("the JPEG 2000 codestream declares " + cw + "x" + ch + " pixels, not the tile's " + width + "x" + height);
        }
        JPEG2000CodecOptions opt = JPEG2000CodecOptions.getDefaultOptions(CodecOptions.getDefaultOptions());
        opt.width = cw;
        opt.height = ch;
        opt.channels = 3;
        opt.bitsPerSample = 8;
        opt.interleaved = true;
        opt.littleEndian = false;
        checkPacketData(tile);
        TileInput in = new TileInput(tile);
        Raster r;
        QuietErr.enter();
        try {
            r = new JAIIIOServiceImpl().readRaster(in, opt);
        } catch (IOException | ServiceException | RuntimeException e) {
            in.checkNotOverrun();
            throw new IOException("JPEG 2000 decode failed: " + e.getMessage(), e);
        } catch (VirtualMachineError | LinkageError e) {
            throw e; // out of memory, or the JPEG 2000 decoder's jar missing: reported as such by the callers
        } catch (Error e) {
            in.checkNotOverrun();
            // jj2000 throws plain Errors on corrupt codestreams ("Corrupted Bitstream: ...") and stops its own
            // thread (Thread.stop, hence ThreadDeath) when one ends early.
            throw new IOException("JPEG 2000 data corrupt or cut short (" + (e.getMessage() != null ? e.getMessage()
                    : "the decoder gave up") + ")", e);
        } finally {
            QuietErr.exit();
        }
        // jj2000 takes an overrun it caught for a codestream cut short and returns what it decoded so far.
        in.checkNotOverrun();
        byte[] d = r instanceof WritableRaster ? interleave(AWTImageTools.getPixelBytes((WritableRaster) r, false), r.getWidth() * r.getHeight()) : null;
        if (d == null) throw new IOException("JPEG 2000 decoder returned nothing");
        int pixels = cw * ch;
        int comps = d.length / pixels;
        if (comps < 1 || d.length % pixels != 0) {
            throw new IOException("JPEG 2000 tile decoded to " + d.length + " bytes, not a multiple of " + cw + "x" + ch + " pixels");
        }
        int w = Math.min(width, cw);
        int h = Math.min(height, ch);
        for (int y = 0; y < h; y++) {
            int o = y * width;
            int s = y * cw * comps;
            for (int x = 0; x < w; x++, s += comps) {
                int a = d[s] & 0xFF;
                if (comps < 3) {
                    out[o + x] = 0xFF000000 | (a << 16) | (a << 8) | a;
                    continue;
                }
                int b = d[s + 1] & 0xFF;
                int c = d[s + 2] & 0xFF;
                out[o + x] = ycbcr ? ColorConversion.ycbcrToRgb(a, b, c) : 0xFF000000 | (a << 16) | (b << 8) | c;
            }
        }
    }

    /** Samples of all bands pixel by pixel, as ome-codecs' JPEG2000Codec returns them with {@code interleaved}. */
    private static byte[] interleave(byte[][] bands, int pixels) {
        if (bands.length == 1) return bands[0];
        int per = bands[0].length / Math.max(1, pixels);
        byte[] d = new byte[bands.length * bands[0].length];
        int o = 0;
        for (int p = 0; p < bands[0].length / Math.max(1, per); p++) {
            for (byte[] band : bands) {
                for (int b = 0; b < per; b++) d[o++] = band[p * per + b];
            }
        }
        return d;
    }

    /**
     * The codestream as the decoder reads it. jj2000's packet header reader takes the end of the stream (-1)
     * for a byte of ones, so a damaged header that runs past the end never stops counting ones. The decoder
     * also reads to the end once per packet to learn the stream's length, so a few reads at the end are
     * normal; more than the packets there can be (each takes at least one byte) is such a loop, and from
     * then on every read fails, which ends the decode and refuses the tile.
     */
    static final class TileInput extends InputStream {
        private final byte[] data;
        private final int maxReadsAtEnd;
        private int pos;
        private int readsAtEnd;

        TileInput(byte[] data) {
            this.data = data;
            this.maxReadsAtEnd = 4 * data.length + 256;
        }

        @Override
        public int read() throws IOException {
            if (pos < data.length) return data[pos++] & 0xFF;
            return atEnd();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (pos >= data.length) return atEnd();
            int n = Math.min(len, data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return data.length - pos;
        }

        private int atEnd() throws EOFException {
            if (++readsAtEnd > maxReadsAtEnd) throw new EOFException("read past the end of the codestream");
            return -1;
        }

        /** Throws the tile's error if the decoder kept reading past the end of its bytes. */
        void checkNotOverrun() throws IOException {
            if (readsAtEnd > maxReadsAtEnd) {
                throw new IOException("JPEG 2000 data damaged (the decoder kept reading past the end of the tile's "
                        + data.length + " bytes)");
            }
        }
    }

    /**
     * Before it stops, jj2000 prints the stack trace of a corrupt codestream to System.err, which would reach
     * the user's console beside our one-line message. System.err is wrapped once so that what the decoding
     * thread writes there while decoding is dropped; other threads and other times pass through unchanged.
     */
    static final class QuietErr extends java.io.FilterOutputStream {
        private static final ThreadLocal<boolean[]> QUIET = ThreadLocal.withInitial(() -> new boolean[1]);

        private QuietErr(java.io.OutputStream out) {
            super(out);
        }

        static void enter() {
            synchronized (QuietErr.class) {
                if (!(System.err instanceof Wrapper)) System.setErr(new Wrapper(new QuietErr(System.err)));
            }
            QUIET.get()[0] = true;
        }

        static void exit() {
            QUIET.get()[0] = false;
        }

        @Override
        public void write(int b) throws IOException {
            if (!QUIET.get()[0]) out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!QUIET.get()[0]) out.write(b, off, len);
        }

        private static final class Wrapper extends java.io.PrintStream {
            Wrapper(QuietErr q) {
                super(q, true);
            }
        }
    }
}
