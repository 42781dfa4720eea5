package necroptosis.slide.tiff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small least-recently-used cache of decoded tiles, bounded in bytes, shared by all threads of one slide.
 * Two threads missing the same tile may both decode it; that costs time once, never correctness.
 */
final class TileCache {
    private final long maxBytes;
    private long bytes;
    private final LinkedHashMap<Long, int[]> map = new LinkedHashMap<>(64, 0.75f, true);

    TileCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    static long key(int level, int tileIndex) {
        return ((long) level << 40) | (tileIndex & 0xFFFFFFFFFFL);
    }

    synchronized int[] get(long key) {
        return map.get(key);
    }

    synchronized void put(long key, int[] tile) {
        long size = 4L * tile.length;
        if (size > maxBytes / 4) return; // a huge strip would evict everything else
        int[] old = map.put(key, tile);
        if (old != null) bytes -= 4L * old.length;
        bytes += size;
        java.util.Iterator<Map.Entry<Long, int[]>> it = map.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            Map.Entry<Long, int[]> e = it.next();
            bytes -= 4L * e.getValue().length;
            it.remove();
        }
    }
}
