package necroptosis.slide.tiff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One parsed image file directory: its tag values, already read from the file, and the SubIFDs it
 * points to (OME-TIFF keeps reduced resolutions there).
 */
final class Ifd {
    /** One tag's values: integers in {@code longs}, rationals and floats in {@code doubles}, ASCII/UNDEFINED/BYTE in {@code bytes}. */
    static final class Entry {
        final int type;
        final long[] longs;
        final double[] doubles;
        final byte[] bytes;

        Entry(int type, long[] longs, double[] doubles, byte[] bytes) {
            this.type = type;
            this.longs = longs;
            this.doubles = doubles;
            this.bytes = bytes;
        }
    }

    private final String label;
    private final long offset;
    private final Map<Integer, Entry> entries = new TreeMap<>();
    private final List<Ifd> subIfds = new ArrayList<>();

    Ifd(String label, long offset) {
        this.label = label;
        this.offset = offset;
    }

    /** "IFD 3" or "IFD 0 SubIFD 1", as used in messages. */
    String label() { return label; }

    long offset() { return offset; }

    void put(int tag, Entry e) { entries.put(tag, e); }

    void addSubIfd(Ifd sub) { subIfds.add(sub); }

    List<Ifd> subIfds() { return Collections.unmodifiableList(subIfds); }

    boolean has(int tag) { return entries.containsKey(tag); }

    /** First integer value of a tag, or {@code dflt} when absent or not an integer tag. */
    long getLong(int tag, long dflt) {
        Entry e = entries.get(tag);
        if (e == null) return dflt;
        if (e.longs != null && e.longs.length > 0) return e.longs[0];
        if (e.doubles != null && e.doubles.length > 0) return (long) e.doubles[0];
        return dflt;
    }

    /** All integer values of a tag, or null when absent. */
    long[] getLongs(int tag) {
        Entry e = entries.get(tag);
        return e == null ? null : e.longs;
    }

    /** First numeric value as a double (rationals included), or NaN. */
    double getDouble(int tag) {
        Entry e = entries.get(tag);
        if (e == null) return Double.NaN;
        if (e.doubles != null && e.doubles.length > 0) return e.doubles[0];
        if (e.longs != null && e.longs.length > 0) return e.longs[0];
        return Double.NaN;
    }

    /** Raw bytes of an UNDEFINED/BYTE/ASCII tag, or null. */
    byte[] getBytes(int tag) {
        Entry e = entries.get(tag);
        return e == null ? null : e.bytes;
    }

    /** An ASCII tag as a string without its trailing NULs, or null. */
    String getString(int tag) {
        byte[] b = getBytes(tag);
        if (b == null) return null;
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) n--;
        // UTF-8 first: OME-XML is UTF-8 and ASCII is a subset.
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    String description() {
        String s = getString(TiffTags.IMAGE_DESCRIPTION);
        return s == null ? "" : s;
    }

    long width() { return getLong(TiffTags.IMAGE_WIDTH, 0); }

    long height() { return getLong(TiffTags.IMAGE_LENGTH, 0); }

    boolean isTiled() { return has(TiffTags.TILE_WIDTH) || has(TiffTags.TILE_OFFSETS); }

    long newSubfileType() { return getLong(TiffTags.NEW_SUBFILE_TYPE, 0); }
}
