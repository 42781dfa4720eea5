package necroptosis.slide.tiff;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small least-recently-used cache of decoded tiles, bounded in bytes, shared by all threads of one slide.
 * Two threads missing the same tile may both decode it; that costs time once, never correctness.
 * <p>
 * The arrays of evicted tiles are handed out again for the next decodes ({@link #spare}). A cached tile
 * lives long enough to be promoted to the collector's old generation, so dropping one per decode made
 * old-generation garbage at the decoding rate, which the G1 collector answered by growing the heap.
 * A tile being copied by one thread must not be overwritten by another: readers {@link #acquire pin}
 * a tile while they copy from it, and an evicted tile's array is recycled only once no one holds it.
 */
final class TileCache {
    /** Most unused arrays kept for recycling (a few per thread is all the steady state needs). */
    static final int MAX_SPARE = 16;

    /** A decoded tile; {@code pins} and {@code cached} are guarded by the cache's lock. */
    static final class Tile {
        final int[] pixels;
        private int pins;
        private boolean cached;

        Tile(int[] pixels) {
            this.pixels = pixels;
        }
    }

    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<Long, Tile> map = new LinkedHashMap<>(64, 0.75f, true);
    private final ArrayDeque<int[]> spare = new ArrayDeque<>();

    TileCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    static long key(int level, int tileIndex) {
        return ((long) level << 40) | (tileIndex & 0xFFFFFFFFFFL);
    }

    /** The cached tile, pinned until {@link #release}, or null. */
    synchronized Tile acquire(long key) {
        Tile t = map.get(key);
        if (t != null) t.pins++;
        return t;
    }

    /**
     * An all-zero array of {@code length} ints for a decode: a recycled one when available. Zeroed like a
     * new array, so a decoder that fills only part of a tile leaves the same pixels as before.
     */
    int[] spare(int length) {
        int[] a = null;
        synchronized (this) {
            for (Iterator<int[]> it = spare.iterator(); it.hasNext();) {
                int[] s = it.next();
                if (s.length == length) {
                    it.remove();
                    a = s;
                    break;
                }
            }
        }
        if (a == null) return new int[length];
        Arrays.fill(a, 0);
        return a;
    }

    /**
     * Caches freshly decoded pixels and returns them as a tile pinned for the caller (or, when another thread
     * cached the same tile meanwhile, that tile, and {@code pixels} goes back to the spares).
     */
    synchronized Tile insert(long key, int[] pixels) {
        Tile existing = map.get(key);
        if (existing != null) {
            existing.pins++;
            recycle(pixels);
            return existing;
        }
        Tile t = new Tile(pixels);
        t.pins = 1;
        long size = 4L * pixels.length;
        if (size > maxBytes / 4) return t; // a huge strip would evict everything else; not cached, not recycled
        t.cached = true;
        map.put(key, t);
        bytes += size;
        Iterator<Map.Entry<Long, Tile>> it = map.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            Tile old = it.next().getValue();
            it.remove();
            bytes -= 4L * old.pixels.length;
            old.cached = false;
            if (old.pins == 0) recycle(old.pixels);
        }
        return t;
    }

    /** Ends a pin from {@link #acquire} or {@link #insert}. */
    synchronized void release(Tile t) {
        t.pins--;
        if (t.pins == 0 && !t.cached && 4L * t.pixels.length <= maxBytes / 4) recycle(t.pixels);
    }

    private void recycle(int[] pixels) {
        if (spare.size() < MAX_SPARE && 4L * pixels.length <= maxBytes / 4) spare.push(pixels);
    }

    /**
     * Forgets every tile and spare array. Tiles still pinned stay valid for their readers and, like evicted
     * tiles, become spares when released; the cache fills again on the next reads.
     */
    synchronized void clear() {
        for (Tile t : map.values()) t.cached = false;
        map.clear();
        bytes = 0;
        spare.clear();
    }

    /** Cached tiles (for tests). */
    synchronized int size() {
        return map.size();
    }
}
