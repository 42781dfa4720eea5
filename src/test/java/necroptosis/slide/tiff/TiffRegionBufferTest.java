package necroptosis.slide.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.slide.SlideSource;

/**
 * Reading into a caller's array, and the tile cache that recycles decoded tiles' arrays: the same pixels as
 * the allocating read, whatever the eviction and thread interleaving.
 */
class TiffRegionBufferTest {
    @TempDir
    Path dir;

    private Path pyramid(String name, int compression, int w, int h) throws Exception {
        int[] l0 = TestTiffWriter.picture(w, h, 5);
        TestTiffWriter.Image base = new TestTiffWriter.Image(w, h, l0).tiled(64, 64).compression(compression)
                .sub(new TestTiffWriter.Image(w / 2, h / 2, TestTiffWriter.reduce(l0, w, h, 2)).tiled(64, 64).compression(compression));
        Path f = dir.resolve(name);
        Files.write(f, TestTiffWriter.write(base));
        return f;
    }

    @Test
    void readingIntoABufferGivesTheSamePixelsAsANewArray() throws Exception {
        for (int compression : new int[] {5, 7}) {
            Path f = pyramid("b" + compression + ".tif", compression, 300, 200);
            try (SlideSource s = TiffSlideSource.open(f)) {
                int[][] regions = {{0, 0, 0, 300, 200}, {0, 63, 1, 70, 130}, {0, 299, 199, 1, 1}, {1, 10, 20, 140, 80}};
                for (int[] r : regions) {
                    int n = r[3] * r[4];
                    int[] expected = s.readRegion(r[0], r[1], r[2], r[3], r[4]);
                    int[] buf = new int[n + 7];
                    Arrays.fill(buf, 0x12345678);
                    s.readRegion(r[0], r[1], r[2], r[3], r[4], buf);
                    String what = "compression " + compression + ", region " + Arrays.toString(r);
                    assertArrayEquals(expected, Arrays.copyOf(buf, n), what);
                    for (int i = n; i < buf.length; i++) assertEquals(0x12345678, buf[i], what + ": element past the region written");
                }
            }
        }
    }

    @Test
    void aTooSmallBufferIsRefusedNamingTheSizes() throws Exception {
        Path f = pyramid("small.tif", 5, 128, 128);
        try (SlideSource s = TiffSlideSource.open(f)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.readRegion(0, 0, 0, 10, 10, new int[99]));
            assertTrue(e.getMessage().startsWith(f.toString() + ": ") && e.getMessage().contains("99") && e.getMessage().contains("100"),
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> s.readRegion(0, 0, 0, 10, 10, null));
        }
    }

    /** A cache of four 64x64 tiles recycles arrays all the time; pinned tiles must never be overwritten while copied. */
    @Test
    void aTinyCacheUnderManyThreadsReturnsExactlyWhatOneThreadReads() throws Exception {
        for (int compression : new int[] {5, 7}) {
            Path f = pyramid("t" + compression + ".tif", compression, 700, 500);
            List<int[]> specs = new ArrayList<>();
            List<int[]> expected = new ArrayList<>();
            try (SlideSource one = TiffSlideSource.open(f)) {
                Random r = new Random(3);
                for (int i = 0; i < 150; i++) {
                    int level = r.nextInt(2);
                    int lw = (int) one.levels().get(level).width(), lh = (int) one.levels().get(level).height();
                    int w = 1 + r.nextInt(Math.min(200, lw)), h = 1 + r.nextInt(Math.min(200, lh));
                    int[] spec = {level, r.nextInt(lw - w + 1), r.nextInt(lh - h + 1), w, h};
                    specs.add(spec);
                    expected.add(one.readRegion(spec[0], spec[1], spec[2], spec[3], spec[4]));
                }
            }
            try (SlideSource shared = TiffSlideSource.open(f, 4 * 64 * 64 * 4)) {
                ExecutorService pool = Executors.newFixedThreadPool(8);
                try {
                    List<Future<int[]>> got = new ArrayList<>();
                    for (int[] s : specs) {
                        got.add(pool.submit(() -> {
                            int[] buf = new int[s[3] * s[4]];
                            shared.readRegion(s[0], s[1], s[2], s[3], s[4], buf);
                            return buf;
                        }));
                    }
                    for (int i = 0; i < specs.size(); i++) {
                        assertArrayEquals(expected.get(i), got.get(i).get(60, TimeUnit.SECONDS), "compression " + compression + ", region " + i);
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }

    @Test
    void evictedArraysComeBackZeroedAndOnlyOnceNoOneHoldsThem() {
        int n = 16;
        TileCache cache = new TileCache(4 * 4L * n); // holds four tiles of 16 ints
        TileCache.Tile a = cache.insert(1, filled(n, 1));
        TileCache.Tile b = cache.insert(2, filled(n, 2));
        cache.release(b);
        for (int k = 3; k <= 5; k++) cache.release(cache.insert(k, filled(n, k))); // the fifth evicts a, still pinned
        assertEquals(4, cache.size());
        int[] fresh = cache.spare(n);
        assertNotSame(a.pixels, fresh, "a pinned tile's array was handed out");
        assertEquals(1, a.pixels[0], "a pinned tile's pixels changed");
        cache.release(a); // now unused and out of the cache: recycled
        int[] recycled = cache.spare(n);
        assertSame(a.pixels, recycled);
        assertArrayEquals(new int[n], recycled, "a recycled array must be all zero, like a new one");
        TileCache.Tile again = cache.acquire(2);
        assertSame(b, again);
        cache.release(again);
        // Two threads decoding the same tile: the second insert returns the first tile and recycles its own array.
        int[] dup = filled(n, 9);
        TileCache.Tile first = cache.insert(2, dup);
        assertSame(b, first);
        cache.release(first);
        assertSame(dup, cache.spare(n));
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }
}
