package necroptosis.slide.tiff;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import necroptosis.slide.SlideException;

/**
 * Parses the structure of a classic TIFF or BigTIFF file, either byte order: the chain of IFDs and their
 * SubIFDs. Every count and offset is checked against the file size before anything is allocated, and
 * the chain is cut at {@link #MAX_IFDS} with loop detection, so a corrupt file gives a message, not a hang.
 */
final class TiffFile {
    /** More IFDs than any real slide has; a longer chain is corrupt. */
    static final int MAX_IFDS = 10000;
    /** Entries per IFD; real files have a few dozen. */
    static final int MAX_ENTRIES = 4096;
    /** Values per tag: tile offset arrays of the largest slides have well under a million. */
    static final long MAX_VALUES = 1L << 23;
    /** Bytes of one ASCII/UNDEFINED tag (OME-XML of big plates can be some MB). */
    static final long MAX_TAG_BYTES = 64L << 20;

    private final TiffInput in;
    private final boolean bigTiff;
    private final ByteOrder order;
    private final List<Ifd> ifds;

    private TiffFile(TiffInput in, boolean bigTiff, ByteOrder order) {
        this.in = in;
        this.bigTiff = bigTiff;
        this.order = order;
        this.ifds = new ArrayList<>();
    }

    static TiffFile parse(TiffInput in) throws SlideException {
        if (in.size() < 8) throw new SlideException(in.name(), "too short to be a TIFF file (" + in.size() + " bytes)");
        byte[] h = in.read(0, (int) Math.min(16, in.size()), "TIFF header");
        ByteOrder order;
        if (h[0] == 'I' && h[1] == 'I') order = ByteOrder.LITTLE_ENDIAN;
        else if (h[0] == 'M' && h[1] == 'M') order = ByteOrder.BIG_ENDIAN;
        else throw new SlideException(in.name(), "not a TIFF file (bad byte-order mark)");
        ByteBuffer b = ByteBuffer.wrap(h).order(order);
        int magic = b.getShort(2) & 0xFFFF;
        long first;
        boolean big;
        if (magic == 42) {
            big = false;
            first = b.getInt(4) & 0xFFFFFFFFL;
        } else if (magic == 43) {
            big = true;
            if (h.length < 16) throw new SlideException(in.name(), "BigTIFF header truncated");
            if ((b.getShort(4) & 0xFFFF) != 8) throw new SlideException(in.name(), "BigTIFF with offset size " + b.getShort(4) + " is not supported");
            first = b.getLong(8);
        } else {
            throw new SlideException(in.name(), "not a TIFF file (version " + magic + ")");
        }
        TiffFile f = new TiffFile(in, big, order);
        f.readChain(first);
        if (f.ifds.isEmpty()) throw new SlideException(in.name(), "TIFF file has no image directory");
        return f;
    }

    boolean isBigTiff() { return bigTiff; }

    ByteOrder byteOrder() { return order; }

    /** The main IFD chain in file order (SubIFDs hang off their parents). */
    List<Ifd> ifds() { return Collections.unmodifiableList(ifds); }

    private void readChain(long first) throws SlideException {
        Set<Long> seen = new HashSet<>();
        long next = first;
        int total = 0;
        while (next != 0) {
            if (!seen.add(next)) break; // a loop in the chain: everything after it was already read
            if (++total > MAX_IFDS) {
                throw new SlideException(in.name(), "more than " + MAX_IFDS + " image directories (corrupt IFD chain?)");
            }
            Ifd ifd = new Ifd("IFD " + ifds.size(), next);
            next = readIfd(ifd);
            ifds.add(ifd);
            long[] subs = ifd.getLongs(TiffTags.SUB_IFDS);
            if (subs != null) {
                if (subs.length > MAX_IFDS) throw new SlideException(in.name(), ifd.label() + " lists " + subs.length + " SubIFDs (corrupt?)");
                for (int i = 0; i < subs.length; i++) {
                    if (!seen.add(subs[i])) continue;
                    if (++total > MAX_IFDS) {
                        throw new SlideException(in.name(), "more than " + MAX_IFDS + " image directories (corrupt IFD chain?)");
                    }
                    Ifd sub = new Ifd(ifd.label() + " SubIFD " + i, subs[i]);
                    readIfd(sub); // the SubIFDs' own chains are not followed: OME-TIFF lists each level directly
                    ifd.addSubIfd(sub);
                }
            }
        }
    }

    /** Reads one IFD's entries into {@code ifd}; returns the offset of the next IFD (0 at the end). */
    private long readIfd(Ifd ifd) throws SlideException {
        long off = ifd.offset();
        int countSize = bigTiff ? 8 : 2;
        int entrySize = bigTiff ? 20 : 12;
        int offsetSize = bigTiff ? 8 : 4;
        if (off < 8 || off + countSize > in.size()) {
            throw new SlideException(in.name(), ifd.label() + " offset " + off + " lies past the end of the file (" + in.size() + " bytes; truncated or corrupt)");
        }
        ByteBuffer cb = ByteBuffer.wrap(in.read(off, countSize, ifd.label() + " entry count")).order(order);
        long n = bigTiff ? cb.getLong(0) : (cb.getShort(0) & 0xFFFF);
        if (n <= 0 || n > MAX_ENTRIES) throw new SlideException(in.name(), ifd.label() + " has " + n + " entries (corrupt)");
        int len = (int) n * entrySize + offsetSize;
        ByteBuffer eb = ByteBuffer.wrap(in.read(off + countSize, len, ifd.label())).order(order);
        for (int i = 0; i < n; i++) {
            int p = i * entrySize;
            int tag = eb.getShort(p) & 0xFFFF;
            int type = eb.getShort(p + 2) & 0xFFFF;
            long count = bigTiff ? eb.getLong(p + 4) : (eb.getInt(p + 4) & 0xFFFFFFFFL);
            int valuePos = p + (bigTiff ? 12 : 8);
            int typeSize = typeSize(type);
            if (typeSize == 0) continue; // unknown type: skip the tag as TIFF 6.0 says
            if (count < 0 || count > MAX_VALUES || count * typeSize > MAX_TAG_BYTES) {
                throw new SlideException(in.name(), ifd.label() + " tag " + tag + " declares " + count + " values (corrupt)");
            }
            int bytes = (int) (count * typeSize);
            ByteBuffer vb;
            if (bytes <= offsetSize) {
                vb = eb.duplicate().order(order);
                vb.position(valuePos);
                vb = vb.slice().order(order);
            } else {
                long vOff = bigTiff ? eb.getLong(valuePos) : (eb.getInt(valuePos) & 0xFFFFFFFFL);
                vb = ByteBuffer.wrap(in.read(vOff, bytes, ifd.label() + " tag " + tag + " values")).order(order);
            }
            ifd.put(tag, decode(type, (int) count, vb));
        }
        int np = (int) n * entrySize;
        return bigTiff ? eb.getLong(np) : (eb.getInt(np) & 0xFFFFFFFFL);
    }

    private static Ifd.Entry decode(int type, int count, ByteBuffer b) {
        switch (type) {
            case 1: case 6: case 7: case 2: { // BYTE, SBYTE, UNDEFINED, ASCII
                byte[] bytes = new byte[count];
                b.get(bytes);
                long[] longs = null;
                if (type == 1 || type == 6) {
                    longs = new long[count];
                    for (int i = 0; i < count; i++) longs[i] = type == 1 ? (bytes[i] & 0xFF) : bytes[i];
                }
                return new Ifd.Entry(type, longs, null, bytes);
            }
            case 3: case 8: { // SHORT, SSHORT
                long[] v = new long[count];
                for (int i = 0; i < count; i++) v[i] = type == 3 ? (b.getShort(2 * i) & 0xFFFF) : b.getShort(2 * i);
                return new Ifd.Entry(type, v, null, null);
            }
            case 4: case 9: case 13: { // LONG, SLONG, IFD
                long[] v = new long[count];
                for (int i = 0; i < count; i++) v[i] = type == 9 ? b.getInt(4 * i) : (b.getInt(4 * i) & 0xFFFFFFFFL);
                return new Ifd.Entry(type, v, null, null);
            }
            case 16: case 17: case 18: { // LONG8, SLONG8, IFD8
                long[] v = new long[count];
                for (int i = 0; i < count; i++) v[i] = b.getLong(8 * i);
                return new Ifd.Entry(type, v, null, null);
            }
            case 5: case 10: { // RATIONAL, SRATIONAL
                double[] v = new double[count];
                for (int i = 0; i < count; i++) {
                    double num = type == 5 ? (b.getInt(8 * i) & 0xFFFFFFFFL) : b.getInt(8 * i);
                    double den = type == 5 ? (b.getInt(8 * i + 4) & 0xFFFFFFFFL) : b.getInt(8 * i + 4);
                    v[i] = den == 0 ? Double.NaN : num / den;
                }
                return new Ifd.Entry(type, null, v, null);
            }
            case 11: {
                double[] v = new double[count];
                for (int i = 0; i < count; i++) v[i] = b.getFloat(4 * i);
                return new Ifd.Entry(type, null, v, null);
            }
            case 12: {
                double[] v = new double[count];
                for (int i = 0; i < count; i++) v[i] = b.getDouble(8 * i);
                return new Ifd.Entry(type, null, v, null);
            }
            default:
                return new Ifd.Entry(type, null, null, null);
        }
    }

    static int typeSize(int type) {
        switch (type) {
            case 1: case 2: case 6: case 7: return 1;
            case 3: case 8: return 2;
            case 4: case 9: case 11: case 13: return 4;
            case 5: case 10: case 12: case 16: case 17: case 18: return 8;
            default: return 0;
        }
    }
}
