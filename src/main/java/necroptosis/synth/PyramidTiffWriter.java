package necroptosis.synth;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams a tiled, JPEG-compressed (YCbCr 4:2:0) pyramidal TIFF or BigTIFF: tile data is appended in
 * whatever order it is produced, and the IFDs (one per level, with TileOffsets/TileByteCounts) are written
 * at the end, after which the header's first-IFD offset and the IFD chain are patched. Memory use is two
 * longs per tile.
 */
final class PyramidTiffWriter implements AutoCloseable {
    private static final int SHORT = 3, LONG = 4, RATIONAL = 5, ASCII = 2, LONG8 = 16;
    private static final long CLASSIC_LIMIT = 0xFFFFFFFFL;

    private final Path file;
    private final boolean big;
    private final int tile;
    private final int[] widths, heights;
    private final long[][] offsets, counts;
    private final OutputStream out;
    private long pos;

    PyramidTiffWriter(Path file, boolean bigTiff, int tile, int[] widths, int[] heights) throws IOException {
        this.file = file;
        this.big = bigTiff;
        this.tile = tile;
        this.widths = widths.clone();
        this.heights = heights.clone();
        offsets = new long[widths.length][];
        counts = new long[widths.length][];
        for (int l = 0; l < widths.length; l++) {
            int n = tilesAcross(l) * tilesDown(l);
            offsets[l] = new long[n];
            counts[l] = new long[n];
        }
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        if (big) {
            write(new byte[] {'I', 'I', 43, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        } else {
            write(new byte[] {'I', 'I', 42, 0, 0, 0, 0, 0});
        }
    }

    int tilesAcross(int level) { return (widths[level] + tile - 1) / tile; }

    int tilesDown(int level) { return (heights[level] + tile - 1) / tile; }

    boolean isBigTiff() { return big; }

    /** Appends one compressed tile; tiles may come in any order. */
    void writeTile(int level, int tx, int ty, byte[] data) throws IOException {
        int idx = ty * tilesAcross(level) + tx;
        if (counts[level][idx] != 0) throw new IllegalStateException("tile written twice: level " + level + " " + tx + "," + ty);
        checkRoom(data.length);
        offsets[level][idx] = pos;
        counts[level][idx] = data.length;
        write(data);
        if ((pos & 1) != 0) write(new byte[1]); // word alignment, as TIFF recommends
    }

    private void checkRoom(long more) throws IOException {
        if (!big && pos + more > CLASSIC_LIMIT) {
            throw new IOException(file + ": the file would exceed 4 GB, the limit of classic TIFF; write a BigTIFF instead");
        }
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
        pos += b.length;
    }

    /** Writes the IFDs and patches the offsets; descriptions and resolution are per level. */
    void finish(String[] descriptions, double pixelSizeUm, String software) throws IOException {
        long[] ifdPos = new long[widths.length];
        long[] nextFieldPos = new long[widths.length];
        for (int l = 0; l < widths.length; l++) {
            for (long c : counts[l]) {
                if (c == 0) throw new IllegalStateException("missing tile at level " + l);
            }
            double pxPerCm = 10000.0 / (pixelSizeUm * Math.pow(2, l));
            List<Tag> tags = new ArrayList<Tag>();
            tags.add(Tag.longs(254, LONG, l == 0 ? 0 : 1));
            tags.add(Tag.longs(256, LONG, widths[l]));
            tags.add(Tag.longs(257, LONG, heights[l]));
            tags.add(Tag.longs(258, SHORT, 8, 8, 8));
            tags.add(Tag.longs(259, SHORT, 7));
            tags.add(Tag.longs(262, SHORT, 6));
            tags.add(Tag.ascii(270, descriptions[l]));
            tags.add(Tag.longs(277, SHORT, 3));
            tags.add(Tag.longs(282, RATIONAL, Math.round(pxPerCm * 1000), 1000));
            tags.add(Tag.longs(283, RATIONAL, Math.round(pxPerCm * 1000), 1000));
            tags.add(Tag.longs(284, SHORT, 1));
            tags.add(Tag.longs(296, SHORT, 3));
            tags.add(Tag.ascii(305, software));
            tags.add(Tag.longs(322, LONG, tile));
            tags.add(Tag.longs(323, LONG, tile));
            tags.add(Tag.longs(324, big ? LONG8 : LONG, offsets[l]));
            tags.add(Tag.longs(325, big ? LONG8 : LONG, counts[l]));
            tags.add(Tag.longs(530, SHORT, 2, 2));
            int inline = big ? 8 : 4;
            // values that do not fit in an entry go first, then the IFD itself
            long[] valuePos = new long[tags.size()];
            for (int t = 0; t < tags.size(); t++) {
                byte[] v = tags.get(t).bytes();
                if (v.length > inline) {
                    checkRoom(v.length + 1);
                    valuePos[t] = pos;
                    write(v);
                    if ((pos & 1) != 0) write(new byte[1]);
                }
            }
            int entry = big ? 20 : 12;
            int ifdSize = (big ? 8 : 2) + tags.size() * entry + (big ? 8 : 4);
            checkRoom(ifdSize);
            ifdPos[l] = pos;
            LittleEndian le = new LittleEndian(ifdSize);
            if (big) le.putLong(tags.size()); else le.putShort(tags.size());
            for (int t = 0; t < tags.size(); t++) {
                Tag tag = tags.get(t);
                byte[] v = tag.bytes();
                le.putShort(tag.tag);
                le.putShort(tag.type);
                if (big) le.putLong(tag.count); else le.putInt(tag.count);
                if (v.length > inline) {
                    if (big) le.putLong(valuePos[t]); else le.putInt(valuePos[t]);
                } else {
                    le.putBytes(v);
                    le.pad(inline - v.length);
                }
            }
            nextFieldPos[l] = pos + le.length();
            if (big) le.putLong(0); else le.putInt(0);
            write(le.bytes());
        }
        out.close();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            patch(raf, big ? 8 : 4, ifdPos[0]);
            for (int l = 0; l + 1 < widths.length; l++) patch(raf, nextFieldPos[l], ifdPos[l + 1]);
        }
    }

    private void patch(RandomAccessFile raf, long at, long value) throws IOException {
        LittleEndian le = new LittleEndian(8);
        if (big) le.putLong(value); else le.putInt(value);
        raf.seek(at);
        raf.write(le.bytes());
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** One IFD entry with its values in little-endian bytes. */
    private static final class Tag {
        final int tag, type;
        final long count;
        private final byte[] bytes;

        private Tag(int tag, int type, long count, byte[] bytes) {
            this.tag = tag;
            this.type = type;
            this.count = count;
            this.bytes = bytes;
        }

        static Tag ascii(int tag, String s) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            byte[] z = new byte[b.length + 1];
            System.arraycopy(b, 0, z, 0, b.length);
            return new Tag(tag, ASCII, z.length, z);
        }

        static Tag longs(int tag, int type, long... values) {
            int size = type == SHORT ? 2 : type == LONG8 ? 8 : 4;
            LittleEndian le = new LittleEndian(values.length * size);
            for (long v : values) {
                if (size == 2) le.putShort(v); else if (size == 8) le.putLong(v); else le.putInt(v);
            }
            long count = type == RATIONAL ? values.length / 2 : values.length;
            return new Tag(tag, type, count, le.bytes());
        }

        byte[] bytes() { return bytes; }
    }

    private static final class LittleEndian {
        private final byte[] b;
        private int n;

        LittleEndian(int capacity) { b = new byte[capacity]; }

        void putShort(long v) { put(v, 2); }
        void putInt(long v) { put(v, 4); }
        void putLong(long v) { put(v, 8); }
        void pad(int k) { n += k; }
        int length() { return n; }

        void putBytes(byte[] v) {
            System.arraycopy(v, 0, b, n, v.length);
            n += v.length;
        }

        private void put(long v, int size) {
            for (int i = 0; i < size; i++) b[n++] = (byte) (v >>> (8 * i));
        }

        byte[] bytes() { return n == b.length ? b : Arrays.copyOf(b, n); }
    }
}
