package necroptosis.slide.tiff;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The lossless TIFF codecs (LZW, Deflate, PackBits) and the horizontal predictor. Each decodes into a
 * buffer of the size the tile must have, so corrupt data can neither allocate nor loop without bound.
 * Malformed data and data that ends before the tile is full both throw, as in libtiff.
 */
final class Decompressors {
    private Decompressors() {}

    /** Thrown for malformed compressed data; the caller adds file, level and tile. */
    static final class CorruptDataException extends Exception {
        CorruptDataException(String message) { super(message); }
    }

    static byte[] inflate(byte[] in, int expected) throws CorruptDataException {
        byte[] out = new byte[expected];
        Inflater inf = new Inflater();
        try {
            inf.setInput(in);
            int n = 0;
            while (n < expected && !inf.finished()) {
                int k = inf.inflate(out, n, expected - n);
                if (k == 0) break; // needs input or a dictionary: the data ended early
                n += k;
            }
            short_(n, expected, "Deflate");
        } catch (DataFormatException e) {
            throw new CorruptDataException("Deflate data corrupt: " + e.getMessage());
        } finally {
            inf.end();
        }
        return out;
    }

    private static void short_(int n, int expected, String codec) throws CorruptDataException {
        if (n < expected) throw new CorruptDataException(codec + " data ends after " + n + " of " + expected + " bytes");
    }

    static byte[] packBits(byte[] in, int expected) throws CorruptDataException {
        byte[] out = new byte[expected];
        int ip = 0;
        int op = 0;
        while (ip < in.length && op < expected) {
            int n = in[ip++];
            if (n >= 0) {
                int len = Math.min(n + 1, Math.min(expected - op, in.length - ip));
                System.arraycopy(in, ip, out, op, len);
                ip += n + 1;
                op += len;
            } else if (n != -128) {
                if (ip >= in.length) break;
                byte v = in[ip++];
                int len = Math.min(1 - n, expected - op);
                for (int i = 0; i < len; i++) out[op++] = v;
            }
        }
        short_(op, expected, "PackBits");
        return out;
    }

    /** TIFF LZW: MSB-first codes of 9-12 bits, ClearCode 256, EOI 257, code width grows one code early. */
    static byte[] lzw(byte[] in, int expected) throws CorruptDataException {
        if (in.length >= 2 && in[0] == 0 && (in[1] & 1) != 0) {
            throw new CorruptDataException("old-style (pre TIFF 6.0) LZW is not supported");
        }
        byte[] out = new byte[expected];
        // The dictionary as (prefix code, last byte, length) triples; strings are rebuilt backwards into out.
        int[] prefix = new int[4096];
        byte[] suffix = new byte[4096];
        byte[] first = new byte[4096];
        int[] length = new int[4096];
        for (int i = 0; i < 256; i++) {
            suffix[i] = (byte) i;
            first[i] = (byte) i;
            length[i] = 1;
            prefix[i] = -1;
        }
        int next = 258;
        int width = 9;
        int old = -1;
        long bitBuf = 0;
        int bits = 0;
        int ip = 0;
        int op = 0;
        while (op < expected) {
            while (bits < width && ip < in.length) {
                bitBuf = (bitBuf << 8) | (in[ip++] & 0xFF);
                bits += 8;
            }
            if (bits < width) break;
            int code = (int) ((bitBuf >>> (bits - width)) & ((1 << width) - 1));
            bits -= width;
            if (code == 257) break;
            if (code == 256) {
                next = 258;
                width = 9;
                old = -1;
                continue;
            }
            if (old == -1) {
                if (code > 255) throw new CorruptDataException("LZW data corrupt (code " + code + " after clear)");
                out[op++] = (byte) code;
                old = code;
                continue;
            }
            int emitCode;
            byte firstByte;
            if (code < next) {
                emitCode = code;
                firstByte = first[code];
            } else if (code == next) {
                emitCode = -1; // KwKwK case: string(old) + first(old)
                firstByte = first[old];
            } else {
                throw new CorruptDataException("LZW data corrupt (code " + code + " beyond table size " + next + ")");
            }
            if (next < 4096) {
                prefix[next] = old;
                suffix[next] = firstByte;
                first[next] = first[old];
                length[next] = length[old] + 1;
                next++;
            }
            int c = emitCode == -1 ? next - 1 : emitCode;
            int len = length[c];
            int end = op + len;
            // Write the string backwards, dropping bytes that would fall past the buffer.
            for (int p = end - 1; c >= 0; p--) {
                if (p < expected) out[p] = suffix[c];
                c = prefix[c];
            }
            op = Math.min(end, expected);
            old = emitCode == -1 ? next - 1 : emitCode;
            if (next + 1 >= (1 << width) && width < 12) width++;
        }
        short_(op, expected, "LZW");
        return out;
    }

    /** Undoes horizontal differencing (Predictor 2) on 8-bit samples, {@code stride} samples per pixel. */
    static void undoHorizontalPredictor(byte[] data, int rowPixels, int rows, int stride) {
        int rowBytes = rowPixels * stride;
        for (int r = 0; r < rows; r++) {
            int start = r * rowBytes;
            int end = Math.min(start + rowBytes, data.length);
            for (int i = start + stride; i < end; i++) data[i] += data[i - stride];
        }
    }
}
