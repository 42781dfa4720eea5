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
     * allocate gigabytes. JP2-boxed streams are left to the decoder.
     */
    static void checkDeclaredSize(byte[] t, int width, int height) throws IOException {
        if (t.length < 2 || (t[0] & 0xFF) != 0xFF || (t[1] & 0xFF) != 0x4F) return;
        if (t.length < 24 || (t[2] & 0xFF) != 0xFF || (t[3] & 0xFF) != 0x51) throw new IOException("JPEG 2000 codestream without SIZ marker");
        long w = be32(t, 8) - be32(t, 16);
        long h = be32(t, 12) - be32(t, 20);
        if (w <= 0 || h <= 0 || w > 2L * width + 16 || h > 2L * height + 16) {
            throw new IOException("JPEG 2000 codestream declares " + w + "x" + h + " pixels for a " + width + "x" + height + " tile");
        }
    }

    private static long be32(byte[] b, int p) {
        return ((b[p] & 0xFFL) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    static void decode(byte[] tile, boolean ycbcr, int[] out, int width, int height, int samples) throws IOException {
        JPEG2000CodecOptions opt = JPEG2000CodecOptions.getDefaultOptions(CodecOptions.getDefaultOptions());
        opt.width = width;
        opt.height = height;
        opt.channels = samples;
        opt.bitsPerSample = 8;
        opt.interleaved = true;
        opt.littleEndian = false;
        checkDeclaredSize(tile, width, height);
        byte[] d;
        try {
            d = new JPEG2000Codec().decompress(tile, opt);
        } catch (CodecException | RuntimeException e) {
            throw new IOException("JPEG 2000 decode failed: " + e.getMessage(), e);
        }
        if (d == null) throw new IOException("JPEG 2000 decoder returned nothing");
        int n = width * height;
        if (d.length < n * samples) {
            if (d.length == n) { // greyscale codestream
                for (int i = 0; i < n; i++) {
                    int g = d[i] & 0xFF;
                    out[i] = 0xFF000000 | (g << 16) | (g << 8) | g;
                }
                return;
            }
            throw new IOException("JPEG 2000 tile decoded to " + d.length + " bytes, expected " + (n * samples));
        }
        if (samples < 3) {
            for (int i = 0; i < n; i++) {
                int g = d[i * samples] & 0xFF;
                out[i] = 0xFF000000 | (g << 16) | (g << 8) | g;
            }
            return;
        }
        for (int i = 0, s = 0; i < n; i++, s += samples) {
            int a = d[s] & 0xFF;
            int b = d[s + 1] & 0xFF;
            int c = d[s + 2] & 0xFF;
            out[i] = ycbcr ? ColorConversion.ycbcrToRgb(a, b, c) : 0xFF000000 | (a << 16) | (b << 8) | c;
        }
    }
}
