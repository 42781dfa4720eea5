package necroptosis.slide.tiff;

import java.io.IOException;

import ome.codecs.CodecException;
import ome.codecs.CodecOptions;
import ome.codecs.JPEG2000Codec;
import ome.codecs.JPEG2000CodecOptions;

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
        return new int[] {(int) w, (int) h};
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
        byte[] d;
        QuietErr.enter();
        try {
            d = new JPEG2000Codec().decompress(tile, opt);
        } catch (CodecException | RuntimeException e) {
            throw new IOException("JPEG 2000 decode failed: " + e.getMessage(), e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            // jj2000 throws plain Errors on corrupt codestreams ("Corrupted Bitstream: ...") and stops its own
            // thread (Thread.stop, hence ThreadDeath) when one ends early.
            throw new IOException("JPEG 2000 data corrupt or cut short (" + (e.getMessage() != null ? e.getMessage()
                    : "the decoder gave up") + ")", e);
        } finally {
            QuietErr.exit();
        }
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
