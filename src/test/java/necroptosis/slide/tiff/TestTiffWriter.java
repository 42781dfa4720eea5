package necroptosis.slide.tiff;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/**
 * A tiny TIFF/BigTIFF writer for tests: tiled or stripped 8-bit images, compressions none, LZW, Deflate,
 * PackBits and JPEG, the horizontal predictor, planar configuration 2, SubIFDs and extra or replaced tags.
 * It records where it put each IFD and chunk so tests can corrupt them. Long because each TIFF feature the
 * reader supports needs its writer here, and the tests need them together in one file layout.
 */
final class TestTiffWriter {
    /** One image (IFD) to write. */
    static final class Image {
        final int width;
        final int height;
        final int[] argb;
        int tileWidth;      // 0 = stripped
        int tileHeight;
        int rowsPerStrip;   // 0 = whole image in one strip
        int compression = 1;
        int predictor = 1;
        int samples = 3;    // 1 = grey (from the red channel), 3 = RGB, 4 = RGBA
        boolean planar;
        long newSubfileType = -1;
        String description;
        double xResolution;
        int resolutionUnit = 2;
        final List<Image> subIfds = new ArrayList<>();
        /** Tags to add or replace: tag -> {type, values...} as long[] (values for SHORT/LONG/LONG8). */
        final Map<Integer, long[]> overrides = new TreeMap<>();
        /** Added to every chunk offset written, to point tiles past the end of the file. */
        long offsetShift;

        Image(int width, int height, int[] argb) {
            this.width = width;
            this.height = height;
            this.argb = argb;
        }

        Image tiled(int tw, int th) { tileWidth = tw; tileHeight = th; return this; }

        Image strips(int rows) { rowsPerStrip = rows; return this; }

        Image compression(int c) { compression = c; return this; }

        Image predictor(int p) { predictor = p; return this; }

        Image samples(int s) { samples = s; return this; }

        Image planar() { planar = true; return this; }

        Image subfileType(long t) { newSubfileType = t; return this; }

        Image description(String d) { description = d; return this; }

        Image resolution(double xres, int unit) { xResolution = xres; resolutionUnit = unit; return this; }

        Image sub(Image s) { subIfds.add(s); return this; }

        Image override(int tag, int type, long... values) {
            long[] v = new long[values.length + 1];
            v[0] = type;
            System.arraycopy(values, 0, v, 1, values.length);
            overrides.put(tag, v);
            return this;
        }
    }

    private final boolean big;
    private final ByteOrder order;
    private ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    /** File offsets of every IFD written, in writing order (SubIFDs before their parent). */
    final List<Long> ifdOffsets = new ArrayList<>();
    /** File offsets of every chunk (tile/strip) written, in writing order. */
    final List<Long> chunkOffsets = new ArrayList<>();

    TestTiffWriter(boolean bigTiff, ByteOrder order) {
        this.big = bigTiff;
        this.order = order;
        buf.order(order);
    }

    static byte[] write(Image... chain) throws IOException {
        return new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN).build(chain);
    }

    byte[] build(Image... chain) throws IOException {
        buf.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M'));
        buf.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M'));
        long nextPtr;
        if (big) {
            buf.putShort((short) 43).putShort((short) 8).putShort((short) 0);
            nextPtr = buf.position();
            buf.putLong(0);
        } else {
            buf.putShort((short) 42);
            nextPtr = buf.position();
            buf.putInt(0);
        }
        for (Image img : chain) {
            long off = writeImage(img);
            patchOffset(nextPtr, off);
            nextPtr = off + (big ? 8 : 2) + (long) entryCount(img) * (big ? 20 : 12);
        }
        byte[] out = new byte[buf.position()];
        buf.flip();
        buf.get(out);
        return out;
    }

    /** Position of the "next IFD" pointer of the IFD at {@code ifdOffset} in a written file. */
    static long nextPointerPosition(byte[] file, long ifdOffset, boolean big, ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(file).order(order);
        long n = big ? b.getLong((int) ifdOffset) : (b.getShort((int) ifdOffset) & 0xFFFF);
        return ifdOffset + (big ? 8 : 2) + n * (big ? 20 : 12);
    }

    private int entryCount(Image img) {
        return entries(img, new long[0], new long[0], new long[0]).size();
    }

    private long writeImage(Image img) throws IOException {
        List<byte[]> chunks = encode(img);
        long[] offs = new long[chunks.size()];
        long[] counts = new long[chunks.size()];
        for (int i = 0; i < chunks.size(); i++) {
            align();
            offs[i] = buf.position() + img.offsetShift;
            chunkOffsets.add((long) buf.position());
            counts[i] = chunks.get(i).length;
            put(chunks.get(i));
        }
        long[] subs = new long[img.subIfds.size()];
        for (int i = 0; i < subs.length; i++) subs[i] = writeImage(img.subIfds.get(i));
        Map<Integer, Object[]> e = entries(img, offs, counts, subs);
        align();
        long ifdOff = buf.position();
        ifdOffsets.add(ifdOff);
        int entrySize = big ? 20 : 12;
        int inline = big ? 8 : 4;
        long dataPos = ifdOff + (big ? 8 : 2) + (long) e.size() * entrySize + (big ? 8 : 4);
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        if (big) buf.putLong(e.size()); else buf.putShort((short) e.size());
        for (Map.Entry<Integer, Object[]> en : e.entrySet()) {
            int type = (Integer) en.getValue()[0];
            byte[] val = (byte[]) en.getValue()[1];
            int count = (Integer) en.getValue()[2];
            buf.putShort((short) (int) en.getKey()).putShort((short) type);
            if (big) buf.putLong(count); else buf.putInt(count);
            if (val.length <= inline) {
                byte[] pad = new byte[inline];
                System.arraycopy(val, 0, pad, 0, val.length);
                put(pad);
            } else {
                long p = dataPos + extra.size();
                if (big) buf.putLong(p); else buf.putInt((int) p);
                extra.write(val);
                if (extra.size() % 2 == 1) extra.write(0);
            }
        }
        if (big) buf.putLong(0); else buf.putInt(0);
        put(extra.toByteArray());
        return ifdOff;
    }

    /** tag -> {type, value bytes, count}. */
    private Map<Integer, Object[]> entries(Image img, long[] offs, long[] counts, long[] subs) {
        Map<Integer, Object[]> e = new TreeMap<>();
        if (img.newSubfileType >= 0) e.put(254, ints(4, img.newSubfileType));
        e.put(256, ints(4, img.width));
        e.put(257, ints(4, img.height));
        long[] bps = new long[img.samples];
        Arrays.fill(bps, 8);
        e.put(258, ints(3, bps));
        e.put(259, ints(3, img.compression));
        e.put(262, ints(3, img.samples >= 3 ? 2 : 1));
        if (img.description != null) {
            byte[] d = (img.description + "\0").getBytes(StandardCharsets.UTF_8);
            e.put(270, new Object[] {2, d, d.length});
        }
        e.put(277, ints(3, img.samples));
        if (img.samples == 4) e.put(338, ints(3, 2));
        if (img.planar) e.put(284, ints(3, 2));
        if (img.predictor != 1) e.put(317, ints(3, img.predictor));
        if (img.xResolution > 0) {
            e.put(282, rational(img.xResolution));
            e.put(283, rational(img.xResolution));
            e.put(296, ints(3, img.resolutionUnit));
        }
        int offType = big ? 16 : 4;
        if (img.tileWidth > 0) {
            e.put(322, ints(4, img.tileWidth));
            e.put(323, ints(4, img.tileHeight));
            e.put(324, ints(offType, offs));
            e.put(325, ints(offType, counts));
        } else {
            e.put(278, ints(4, rows(img)));
            e.put(273, ints(offType, offs));
            e.put(279, ints(offType, counts));
        }
        if (subs.length > 0 || !img.subIfds.isEmpty()) e.put(330, ints(big ? 18 : 13, subs.length > 0 ? subs : new long[img.subIfds.size()]));
        for (Map.Entry<Integer, long[]> o : img.overrides.entrySet()) {
            long[] v = o.getValue();
            if (v.length == 1) { e.remove(o.getKey()); continue; } // type only: delete the tag
            e.put(o.getKey(), ints((int) v[0], Arrays.copyOfRange(v, 1, v.length)));
        }
        return e;
    }

    private static int rows(Image img) {
        return img.rowsPerStrip > 0 ? img.rowsPerStrip : img.height;
    }

    private Object[] ints(int type, long... v) {
        int size = type == 3 ? 2 : (type == 16 || type == 18) ? 8 : 4;
        ByteBuffer b = ByteBuffer.allocate(v.length * size).order(order);
        for (long x : v) {
            if (size == 2) b.putShort((short) x); else if (size == 4) b.putInt((int) x); else b.putLong(x);
        }
        return new Object[] {type, b.array(), v.length};
    }

    private Object[] rational(double v) {
        ByteBuffer b = ByteBuffer.allocate(8).order(order);
        b.putInt((int) Math.round(v * 1000)).putInt(1000);
        return new Object[] {5, b.array(), 1};
    }

    private void align() {
        if (buf.position() % 2 == 1) put(new byte[1]);
    }

    private void put(byte[] b) {
        if (buf.remaining() < b.length) {
            ByteBuffer n = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + b.length + 1024)).order(order);
            buf.flip();
            n.put(buf);
            buf = n;
        }
        buf.put(b);
    }

    private void patchOffset(long pos, long value) {
        if (big) buf.putLong((int) pos, value); else buf.putInt((int) pos, (int) value);
    }

    // ---- encoding ----

    private static List<byte[]> encode(Image img) throws IOException {
        int cw = img.tileWidth > 0 ? img.tileWidth : img.width;
        int ch = img.tileWidth > 0 ? img.tileHeight : rows(img);
        int across = (img.width + cw - 1) / cw;
        int down = (img.height + ch - 1) / ch;
        List<byte[]> out = new ArrayList<>();
        int planes = img.planar ? img.samples : 1;
        for (int p = 0; p < planes; p++) {
            for (int ty = 0; ty < down; ty++) {
                for (int tx = 0; tx < across; tx++) {
                    // Strips stop at the image's last row; tiles are always full size (padded with zeros).
                    int rows = img.tileWidth > 0 ? ch : Math.min(ch, img.height - ty * ch);
                    if (img.compression == 7) {
                        out.add(jpeg(img, tx * cw, ty * ch, cw, rows));
                        continue;
                    }
                    if (img.compression == 33003 || img.compression == 33005) {
                        out.add(jpeg2000(img, tx * cw, ty * ch, cw, rows, img.compression == 33003));
                        continue;
                    }
                    int spc = img.planar ? 1 : img.samples;
                    byte[] raw = new byte[cw * rows * spc];
                    for (int y = 0; y < rows; y++) {
                        for (int x = 0; x < cw; x++) {
                            int gx = tx * cw + x;
                            int gy = ty * ch + y;
                            if (gx >= img.width || gy >= img.height) continue;
                            int v = img.argb[gy * img.width + gx];
                            for (int s = 0; s < spc; s++) {
                                int sample = img.planar ? p : s;
                                raw[(y * cw + x) * spc + s] = (byte) component(v, sample);
                            }
                        }
                    }
                    if (img.predictor == 2) {
                        for (int y = 0; y < rows; y++) {
                            for (int i = (y + 1) * cw * spc - 1; i >= y * cw * spc + spc; i--) raw[i] -= raw[i - spc];
                        }
                    }
                    out.add(compress(raw, img.compression));
                }
            }
        }
        return out;
    }

    private static int component(int argb, int sample) {
        switch (sample) {
            case 0: return (argb >> 16) & 0xFF;
            case 1: return (argb >> 8) & 0xFF;
            case 2: return argb & 0xFF;
            default: return 0xFF;
        }
    }

    static byte[] compress(byte[] raw, int compression) {
        switch (compression) {
            case 1: return raw;
            case 5: return lzw(raw);
            case 8: case 32946: {
                Deflater d = new Deflater();
                d.setInput(raw);
                d.finish();
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                byte[] tmp = new byte[8192];
                while (!d.finished()) o.write(tmp, 0, d.deflate(tmp));
                d.end();
                return o.toByteArray();
            }
            case 32773: return packBits(raw);
            default: throw new IllegalArgumentException("test writer cannot compress " + compression);
        }
    }

    /** PackBits with runs for repeats of 3 or more, literals otherwise. */
    static byte[] packBits(byte[] in) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            int run = 1;
            while (i + run < in.length && run < 128 && in[i + run] == in[i]) run++;
            if (run >= 3) {
                o.write(1 - run);
                o.write(in[i]);
                i += run;
                continue;
            }
            int start = i;
            int len = 0;
            while (i < in.length && len < 128) {
                if (i + 2 < in.length && in[i] == in[i + 1] && in[i] == in[i + 2]) break;
                i++;
                len++;
            }
            o.write(len - 1);
            o.write(in, start, len);
        }
        return o.toByteArray();
    }

    /** TIFF LZW encoder (MSB-first, early change), independent of the reader's decoder. */
    static byte[] lzw(byte[] in) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int[] bitState = new int[2]; // buffer, bit count
        HashMap<Integer, Integer> dict = new HashMap<>();
        int width = 9;
        int next = 258;
        emit(o, bitState, 256, width);
        int w = -1;
        for (byte bb : in) {
            int b = bb & 0xFF;
            if (w < 0) { w = b; continue; }
            int key = (w << 8) | b;
            Integer c = dict.get(key);
            if (c != null) { w = c; continue; }
            emit(o, bitState, w, width);
            dict.put(key, next++);
            if (next > (1 << width) - 1 && width < 12) width++;
            if (next >= 4094) {
                emit(o, bitState, 256, width);
                dict.clear();
                next = 258;
                width = 9;
            }
            w = b;
        }
        if (w >= 0) {
            emit(o, bitState, w, width);
            next++;
            if (next > (1 << width) - 1 && width < 12) width++;
        }
        emit(o, bitState, 257, width);
        if (bitState[1] > 0) o.write((bitState[0] << (8 - bitState[1])) & 0xFF);
        return o.toByteArray();
    }

    private static void emit(ByteArrayOutputStream o, int[] st, int code, int width) {
        st[0] = (st[0] << width) | code;
        st[1] += width;
        while (st[1] >= 8) {
            o.write((st[0] >> (st[1] - 8)) & 0xFF);
            st[1] -= 8;
        }
        st[0] &= (1 << st[1]) - 1;
    }

    static byte[] jpeg(Image img, int x0, int y0, int w, int h) throws IOException {
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int gx = Math.min(x0 + x, img.width - 1);
                int gy = Math.min(y0 + y, img.height - 1);
                bi.setRGB(x, y, img.argb[gy * img.width + gx]);
            }
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        javax.imageio.ImageWriter wr = ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam p = wr.getDefaultWriteParam();
        p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.98f);
        try (javax.imageio.stream.MemoryCacheImageOutputStream ios = new javax.imageio.stream.MemoryCacheImageOutputStream(o)) {
            wr.setOutput(ios);
            wr.write(null, new javax.imageio.IIOImage(bi, null, null), p);
        }
        wr.dispose();
        return o.toByteArray();
    }

    /** A lossless JPEG 2000 codestream; for 33003 the samples are converted to full-range YCbCr first, as Aperio stores them. */
    private static byte[] jpeg2000(Image img, int x0, int y0, int w, int h, boolean ycbcr) throws IOException {
        byte[] raw = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = img.argb[Math.min(y0 + y, img.height - 1) * img.width + Math.min(x0 + x, img.width - 1)];
                int r = (v >> 16) & 0xFF, g = (v >> 8) & 0xFF, b = v & 0xFF;
                int i = (y * w + x) * 3;
                if (ycbcr) {
                    raw[i] = (byte) clamp(Math.round(0.299 * r + 0.587 * g + 0.114 * b));
                    raw[i + 1] = (byte) clamp(Math.round(-0.168736 * r - 0.331264 * g + 0.5 * b + 128));
                    raw[i + 2] = (byte) clamp(Math.round(0.5 * r - 0.418688 * g - 0.081312 * b + 128));
                } else {
                    raw[i] = (byte) r;
                    raw[i + 1] = (byte) g;
                    raw[i + 2] = (byte) b;
                }
            }
        }
        ome.codecs.JPEG2000CodecOptions o = ome.codecs.JPEG2000CodecOptions.getDefaultOptions();
        o.width = w;
        o.height = h;
        o.channels = 3;
        o.bitsPerSample = 8;
        o.interleaved = true;
        o.lossless = true;
        o.writeBox = false; // a bare codestream (SOC, SIZ, ...), as Aperio stores
        try {
            return new ome.codecs.JPEG2000Codec().compress(raw, o);
        } catch (ome.codecs.CodecException e) {
            throw new IOException(e);
        }
    }

    private static int clamp(long v) {
        return (int) Math.max(0, Math.min(255, v));
    }

    // ---- test pictures ----

    /** A smooth colour picture with some noise, so compression and predictor errors show. */
    static int[] picture(int w, int h, long seed) {
        Random r = new Random(seed);
        int[] p = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int red = (x * 255 / Math.max(1, w - 1)) ^ (r.nextInt(4));
                int green = (y * 255 / Math.max(1, h - 1));
                int blue = ((x / 7 + y / 5) % 2 == 0) ? 40 + r.nextInt(16) : 200;
                p[y * w + x] = 0xFF000000 | ((red & 0xFF) << 16) | (green << 8) | blue;
            }
        }
        return p;
    }

    /** A smooth colour picture (no fine chroma detail), for lossy JPEG checks. */
    static int[] smoothPicture(int w, int h) {
        int[] p = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int red = 60 + x * 180 / Math.max(1, w - 1);
                int green = 40 + y * 200 / Math.max(1, h - 1);
                int blue = 120 + (int) (60 * Math.sin(x / 40.0) * Math.cos(y / 30.0));
                p[y * w + x] = 0xFF000000 | (red << 16) | (green << 8) | blue;
            }
        }
        return p;
    }

    /** Nearest-neighbour reduction, to make the levels of a synthetic pyramid. */
    static int[] reduce(int[] src, int w, int h, int f) {
        int rw = w / f;
        int rh = h / f;
        int[] out = new int[rw * rh];
        for (int y = 0; y < rh; y++) for (int x = 0; x < rw; x++) out[y * rw + x] = src[(y * f) * w + x * f];
        return out;
    }
}
