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

    static void decode(byte[] tile, boolean ycbcr, int[] out, int width, int height, int samples) throws IOException {
        JPEG2000CodecOptions opt = JPEG2000CodecOptions.getDefaultOptions(CodecOptions.getDefaultOptions());
        opt.width = width;
        opt.height = height;
        opt.channels = samples;
        opt.bitsPerSample = 8;
        opt.interleaved = true;
        opt.littleEndian = false;
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
