package necroptosis.slide.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.slide.SlideSource;

/** Many threads reading random regions of one open slide get exactly what one thread gets. */
class TiffConcurrencyTest {
    @TempDir
    Path dir;

    private static void check(Path file, int regions, int maxSize) throws Exception {
        // Reference pixels from a fresh slide read by one thread, region by region.
        List<int[]> specs = new ArrayList<>();
        List<int[]> expected = new ArrayList<>();
        try (SlideSource one = TiffSlideSource.open(file)) {
            Random r = new Random(11);
            for (int i = 0; i < regions; i++) {
                int level = r.nextInt(one.levels().size());
                int lw = (int) one.levels().get(level).width();
                int lh = (int) one.levels().get(level).height();
                int w = 1 + r.nextInt(Math.min(maxSize, lw));
                int h = 1 + r.nextInt(Math.min(maxSize, lh));
                int[] spec = {level, r.nextInt(lw - w + 1), r.nextInt(lh - h + 1), w, h};
                specs.add(spec);
                expected.add(one.readRegion(spec[0], spec[1], spec[2], spec[3], spec[4]));
            }
        }
        try (SlideSource shared = TiffSlideSource.open(file)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<int[]>> got = new ArrayList<>();
                for (int[] s : specs) got.add(pool.submit(() -> shared.readRegion(s[0], s[1], s[2], s[3], s[4])));
                for (int i = 0; i < specs.size(); i++) {
                    assertArrayEquals(expected.get(i), got.get(i).get(60, TimeUnit.SECONDS), "region " + i + " of " + file.getFileName());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void syntheticLzwPyramidReadConcurrently() throws Exception {
        int w = 700;
        int h = 500;
        int[] l0 = TestTiffWriter.picture(w, h, 21);
        TestTiffWriter.Image base = new TestTiffWriter.Image(w, h, l0).tiled(64, 64).compression(5).predictor(2)
                .sub(new TestTiffWriter.Image(w / 2, h / 2, TestTiffWriter.reduce(l0, w, h, 2)).tiled(64, 64).compression(8));
        Path f = dir.resolve("c.tif");
        Files.write(f, TestTiffWriter.write(base));
        check(f, 200, 300);
    }

    /** A one-level TIFF of {@link TestTiffWriter#picture} in 64 px tiles, written in the test's folder. */
    private Path tiledPicture(String name, int w, int h, int seed) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, TestTiffWriter.write(new TestTiffWriter.Image(w, h, TestTiffWriter.picture(w, h, seed)).tiled(64, 64)));
        return f;
    }

    @Test
    void anInterruptedReaderDoesNotBreakTheSlideForOthers() throws Exception {
        int w = 256;
        int h = 128;
        try (SlideSource s = TiffSlideSource.open(tiledPicture("i.tif", w, h, 4))) {
            // An interrupted thread's FileChannel read closes the channel for everyone (NIO semantics).
            Thread.currentThread().interrupt();
            try {
                org.junit.jupiter.api.Assertions.assertThrows(necroptosis.slide.SlideException.class, () -> s.readRegion(0, 0, 0, 10, 10));
            } finally {
                Thread.interrupted();
            }
            int[] expected = TestTiffWriter.picture(w, h, 4);
            int[] got = s.readRegion(0, 0, 0, w, h);
            assertArrayEquals(expected, got, "reads after the interrupt");
        }
    }

    @Test
    void releasedCachesEmptyTheCacheWhileReadsStillWork() throws Exception {
        int w = 300;
        int h = 200;
        try (TiffSlideSource s = TiffSlideSource.open(tiledPicture("r.tif", w, h, 9))) {
            int[] first = s.readRegion(0, 10, 20, 200, 150);
            org.junit.jupiter.api.Assertions.assertTrue(s.cachedTiles() > 0, "tiles cached by the read");
            s.releaseCaches();
            org.junit.jupiter.api.Assertions.assertEquals(0, s.cachedTiles(), "tiles cached after releaseCaches");
            assertArrayEquals(first, s.readRegion(0, 10, 20, 200, 150), "the same pixels read again");
            assertArrayEquals(TestTiffWriter.picture(w, h, 9), s.readRegion(0, 0, 0, w, h), "the whole picture");
        }
    }

    @Test
    void realJpegAndJpeg2000SlidesReadConcurrently() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(RealTiffImagesTest.ROOT), "real images not found at " + RealTiffImagesTest.ROOT);
        check(RealTiffImagesTest.ROOT.resolve("openslide-CMU-1-Small-Region/CMU-1-Small-Region.svs"), 80, 400);
        check(RealTiffImagesTest.ROOT.resolve("histolab-TCGA-CR-7395-frozen-svs/tcga-cr-7395-01a-01-ts1.svs"), 12, 256);
    }
}
